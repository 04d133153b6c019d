package io.tsmtck.api;

/**
 * Test hooks a host stack may declare: ways for the kit to observe or drive what no kernel uAPI
 * gives userspace. A provider declares a hook in {@link Capabilities#features()} and returns it
 * from the accessor named here. A rule whose test needs a hook the provider does not declare is
 * NOT_TESTED with the hook as what to implement, and a NOT_TESTED MUST rule never yields CERTIFIED:
 * declaring fewer hooks cannot make a run pass. A declared hook whose accessor is empty fails the
 * test as the provider's error.
 *
 * <p>What a subject has or advertises (virtual functions, several DSMs) is not a hook: the kit
 * reads it from the topology, and a rule it rules out is NOT_APPLICABLE with that fact stated.
 */
public enum Capability {
    /** The device's TDI states through a side channel: {@link HostStack#tdiProbe()}. */
    TDI_PROBE("a TdiProbe returned by HostStack.tdiProbe()"),
    /**
     * {@code pci_tsm_bind()} and {@code pci_tsm_unbind()} on a function with any VM:
     * {@link io.tsmtck.api.tsm.TsmCore#functionOps()}.
     */
    FUNCTION_TSM_OPS("a TsmFunctionOps returned by TsmCore.functionOps() (on Linux, a test module calling"
            + " pci_tsm_bind()/pci_tsm_unbind(), such as the devsec sample's tsm_bind and tsm_unbind files)"),
    /**
     * Unloading and loading a TSM driver: {@link io.tsmtck.api.tsm.TsmCore#lifecycle()}.
     */
    TSM_LIFECYCLE("a TsmLifecycle returned by TsmCore.lifecycle() (on Linux, modprobe -r and modprobe of the link"
            + " TSM's module)"),
    /** PCI hot removal and rescan: {@link HostStack#hotplug()}. */
    HOT_REMOVAL("a PciHotplug returned by HostStack.hotplug() (on Linux, the remove and rescan sysfs files)"),
    /** A function's reset methods: {@link HostStack#resetMethod()}. */
    RESET_METHOD("a PciResetMethod returned by HostStack.resetMethod() (on Linux, the function's reset_method file)"),
    /** Disabling and enabling a PF's virtual functions: {@link HostStack#sriov()}. */
    SRIOV_NUMVFS("a PciSriov returned by HostStack.sriov() (on Linux, the PF's sriov_numvfs file, which needs a PF"
            + " driver with sriov_configure, e.g. vfio-pci loaded with enable_sriov=1)"),
    /**
     * {@link io.tsmtck.api.dmabuf.DmaBuf#attach} with an importer that does not allow peer-to-peer
     * ({@code allow_peer2peer} false): the adapter needs an importing driver of that kind (on
     * Linux, a test module), since iommufd and KVM both allow it.
     */
    NON_P2P_IMPORTER("DmaBuf.attach(new Importer(false)) through an importer without allow_peer2peer"),
    /**
     * Whether an importer's DMA mapping of a dma-buf still stands:
     * {@link io.tsmtck.api.dmabuf.DmaBufAttachment#isMapped()}. No uAPI shows it (iommufd's revoke
     * path, {@code iopt_revoke_notify()}, unmaps silently); the iommufd selftests read it through their
     * mock test ops only, so on Linux an adapter needs a test module of that kind.
     */
    DMABUF_MAPPING("DmaBufAttachment.isMapped() through an importer whose mapping can be read (on Linux, a test"
            + " module, as the iommufd selftests' mock dma-buf test ops)"),
    /**
     * Whether a VM object still exists: {@link io.tsmtck.api.vm.Kvm#isAlive}. No uAPI answers it; on Linux
     * the VM's debugfs directory ({@code kvm/<pid>-<fd>}) is not ABI, needs root and debugfs mounted,
     * and a reused fd number names another VM, so an adapter needs a test module holding the
     * {@code struct kvm} or a debugfs it controls.
     */
    VM_LIFETIME("Kvm.isAlive(): whether a VM object still exists (on Linux, not ABI: a test module, or the VM's"
            + " debugfs directory kvm/<pid>-<fd> with debugfs mounted, root, and no fd number reused)"),
    /** Making the n-th fault-injection point of a call fail: {@link HostStack#failNth()}. */
    FAIL_NTH("a FailNth returned by HostStack.failNth() (on Linux, /proc/thread-self/fail-nth of a kernel with"
            + " CONFIG_FAULT_INJECTION and failslab, as tools/testing/selftests/iommu/iommufd_fail_nth.c uses it)");

    private final String toImplement;

    Capability(String toImplement) {
        this.toImplement = toImplement;
    }

    /** What a provider must implement to declare this capability. */
    public String toImplement() {
        return toImplement;
    }
}
