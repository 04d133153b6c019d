package io.tsmtck.emu.faults;

/**
 * One deliberate defect the reference implementation can be built with. Each breaks exactly one
 * rule of the kit, at the place where the correct code enforces it, so that the kit's self-test can
 * show every rule failing against its fault. The constant's javadoc says what breaks.
 */
public enum Fault {
    /** TDISP: LOCK succeeds although the TDI is not CONFIG_UNLOCKED. */
    TDISP_LOCK_ANY_STATE,
    /** TDISP: GET_DEVICE_INTERFACE_REPORT is answered in CONFIG_UNLOCKED and ERROR (spdm-emu's deviation). */
    TDISP_REPORT_ANY_STATE,
    /** TDISP: START succeeds with any nonce. */
    TDISP_START_IGNORES_NONCE,
    /** TDISP: every LOCK of a TDI issues the same nonce, so a nonce of an earlier lock cycle starts it. */
    TDISP_NONCE_REUSED,
    /** TDISP: STOP in CONFIG_UNLOCKED answers INVALID_INTERFACE_STATE (spdm-emu's deviation). */
    TDISP_STOP_UNLOCKED_REFUSED,
    /** TDISP: STOP leaves an ERROR TDI in ERROR. */
    TDISP_STOP_KEEPS_ERROR,
    /** TDISP: a request for an interface the device does not host is served by another TDI. */
    TDISP_UNKNOWN_INTERFACE_SERVED,
    /** TDISP: a wrong TDISPVersion is accepted. */
    TDISP_VERSION_NOT_CHECKED,
    /** TDISP: an unknown request code gets INVALID_REQUEST instead of UNSUPPORTED_REQUEST. */
    TDISP_UNSUPPORTED_AS_INVALID,
    /** TDISP: a request of the wrong length is served. */
    TDISP_LENGTH_NOT_CHECKED,
    /** TDISP: LOCK does not check that IDE keys were programmed. */
    TDISP_LOCK_WITHOUT_KEYS,
    /** TDISP: MMIO_REPORTING_OFFSET is ignored in the report (spdm-emu's deviation). */
    TDISP_REPORT_IGNORES_OFFSET,
    /** TDISP: the report is missing the last BAR. */
    TDISP_REPORT_MISSES_BAR,
    /** TDISP: TDISP in plaintext (outside a session) is answered. */
    TDISP_PLAINTEXT_ANSWERED,
    /** TDISP: clearing Memory Space Enable on a locked TDI does not move it to ERROR. */
    TDISP_MSE_CLEAR_NO_ERROR,
    /** TDISP: clearing Bus Master Enable on a locked TDI does not move it to ERROR. */
    TDISP_BME_CLEAR_NO_ERROR,
    /** TDISP: a BAR write on a locked TDI does not move it to ERROR. */
    TDISP_BAR_WRITE_NO_ERROR,
    /** TDISP: an FLR does not move a locked TDI to ERROR. */
    TDISP_FLR_NO_ERROR,
    /** TDISP: a PF FLR does not reach the locked TDIs of its VFs. */
    TDISP_PF_FLR_SPARES_VFS,
    /** TDISP: a write to an allowed register (cache line size) moves a locked TDI to ERROR. */
    TDISP_ALLOWED_WRITE_ERRORS,
    /** TDISP: the IDE stream going insecure leaves locked TDIs as they are. */
    TDISP_STREAM_INSECURE_NO_ERROR,
    /** TDISP: the end of the SPDM session leaves its locked TDIs as they are. */
    TDISP_SESSION_END_NO_ERROR,
    /** TDISP: a power transition that loses the function's state leaves its locked TDI as it is. */
    TDISP_POWER_LOSS_NO_ERROR,
    /** TDISP: a poisoned TLP leaves the locked TDI as it is. */
    TDISP_POISON_NO_ERROR,
    /** TDISP: a conventional reset leaves TDIs in their state. */
    TDISP_RESET_KEEPS_STATE,
    /** TDISP: a failed SET_MMIO_ATTRIBUTE moves the TDI to ERROR. */
    TDISP_SET_MMIO_FAILURE_CHANGES_STATE,
    /** TDISP: TDISP_CAPABILITIES does not advertise every mandatory request. */
    TDISP_CAPS_MISS_MANDATORY,
    /** TDISP: START is accepted outside CONFIG_LOCKED. */
    TDISP_START_ANY_STATE,
    /** TDISP: START with the right nonce is answered but the TDI stays CONFIG_LOCKED. */
    TDISP_START_NO_RUN,
    /** TDISP: a START with the wrong nonce destroys the nonce, so the retry fails. */
    TDISP_WRONG_NONCE_DESTROYS,
    /** TDISP: DEVICE_INTERFACE_REPORT always says REMAINDER_LENGTH 0. */
    TDISP_REPORT_REMAINDER_WRONG,
    /** TDISP: an FLR sends a CONFIG_UNLOCKED TDI to ERROR. */
    TDISP_FLR_ERRORS_UNLOCKED,
    /** TDISP: BIND_P2P, UNBIND_P2P and SET_MMIO_ATTRIBUTE are served outside RUN. */
    TDISP_P2P_ANY_STATE,
    /** TDISP: UNBIND_P2P of a stream that was never bound succeeds. */
    TDISP_UNBIND_P2P_UNKNOWN_OK,
    /** TDISP: BIND_P2P of the default stream succeeds. */
    TDISP_P2P_DEFAULT_STREAM_OK,
    /** TDISP: responses carry INTERFACE_ID 0 instead of the request's. */
    TDISP_RESPONSE_WRONG_INTERFACE,
    /** TDISP: responses set the reserved header byte. */
    TDISP_RESPONSE_RESERVED_SET,
    /** TDISP: requests with non-zero reserved fields are refused (spdm-emu compares them). */
    TDISP_RESERVED_REJECTED,
    /** TDISP: GET_TDISP_VERSION is answered only for version 1.0 exactly. */
    TDISP_GET_VERSION_EXACT,
    /** TDISP: LOCK succeeds with overlapping BARs. */
    TDISP_LOCK_OVERLAPPING_BARS_OK,
    /** TDISP: an MSI-X Message Control change leaves a TDI locked with LOCK_MSIX as it is. */
    TDISP_MSIX_CHANGE_NO_ERROR,
    /** TDISP: a Device Control change leaves a locked TDI as it is. */
    TDISP_DEVCTL_CHANGE_NO_ERROR,
    /** TDISP: an expansion ROM BAR write leaves a locked TDI as it is. */
    TDISP_ROM_WRITE_NO_ERROR,
    /** IDE_KM: KEY_PROG for an unsupported port is acknowledged as SUCCESS. */
    IDEKM_BAD_PORT_ACKED,
    /** IDE_KM: the stream reports Secure before every sub-stream has a key set started. */
    IDEKM_PARTIAL_GO_SECURE,
    /** IDE_KM: KP_ACK names another stream than the KEY_PROG it answers. */
    IDEKM_ACK_ECHO_WRONG,
    /** IDE_KM: IDE_KM in plaintext (outside a session) is answered. */
    IDEKM_PLAINTEXT_ANSWERED,
    /** IDE_KM: K_SET_GO for a key that was never programmed is acknowledged. */
    IDEKM_GO_UNPROGRAMMED_ACKED,
    /** IDE_KM: QUERY_RESP names another bus than the DSM's. */
    IDEKM_QUERY_WRONG_IDENTITY,

    /** TSM: connect programs the stream's keys but never starts them (the stream is not Secure). */
    TSM_CONNECT_NO_KEYS,
    /** TSM: disconnect naming another TSM succeeds. */
    TSM_DISCONNECT_WRONG_NAME_OK,
    /** TSM: the connect attribute shows nothing after connect. */
    TSM_CONNECT_NOT_SHOWN,
    /** TSM: a guest's STATE_CHANGE START is acknowledged but never reaches the device. */
    TSM_GUEST_START_DROPPED,
    /** TSM: bind prepares the host but leaves the LOCK to a later step the uAPI has no verb for. */
    TSM_BIND_INCOMPLETE,
    /** TSM: bind without a VM succeeds. */
    TSM_BIND_WITHOUT_VM,
    /** TSM: bind of a function whose DSM is not connected succeeds. */
    TSM_BIND_NOT_CONNECTED,
    /** TSM: bind to a second VM succeeds, re-binding the TDI. */
    TSM_BIND_OTHER_VM,
    /** TSM: bind of an already bound TDI to the same VM calls the driver again (re-locks). */
    TSM_REBIND_SAME_VM_CALLS_DRIVER,
    /** TSM: bind leaves the TDI in RUN instead of CONFIG_LOCKED (the host starts the interface). */
    TSM_BIND_STARTS_INTERFACE,
    /** TSM: a host-side STATE_CHANGE without a guest (INFO scope) moves the TDI to RUN. */
    TSM_INFO_REQUEST_STARTS,
    /** TSM: unbind does not stop the TDI on the device. */
    TSM_UNBIND_LEAVES_LOCKED,
    /** TSM: unbind of an unbound function is refused. */
    TSM_UNBIND_UNBOUND_REFUSED,
    /** TSM: disconnect leaves TDIs bound. */
    TSM_DISCONNECT_KEEPS_BINDINGS,
    /** TSM: connect twice succeeds. */
    TSM_CONNECT_TWICE,
    /** TSM: connect with a name not of the form tsmN is accepted. */
    TSM_CONNECT_BAD_NAME,
    /** TSM: disconnect of a DSM that is not connected succeeds. */
    TSM_DISCONNECT_NOT_CONNECTED,
    /** TSM: connect does not consume a host-bridge secure stream. */
    TSM_STREAM_NOT_COUNTED,
    /** TSM: guest requests with a scope above STATE_CHANGE are relayed. */
    TSM_GUEST_SCOPE_NOT_CHECKED,
    /** TSM: guest requests for an unbound TDI are relayed. */
    TSM_GUEST_UNBOUND_RELAYED,
    /** TSM: sysfs bound shows nothing while the TDI is bound. */
    TSM_BOUND_NOT_SHOWN,
    /** TSM: bind to a legacy (non-confidential) VM succeeds. */
    TSM_BIND_LEGACY_VM,

    /** VFIO: bind succeeds while a BAR is mmapped by userspace. */
    VFIO_BIND_WHILE_MAPPED,
    /** VFIO: dma-bufs are not revoked around bind (no move notification). */
    VFIO_BIND_NO_REVOKE,
    /** VFIO: dma-bufs are restored after bind although memory decode is off. */
    VFIO_BIND_RESTORE_WITHOUT_MSE,
    /** VFIO: dma-bufs stay revoked after bind although memory decode is on. */
    VFIO_BIND_NO_RESTORE,
    /** VFIO: a bound device's MMIO can be mmapped. */
    VFIO_MMAP_WHILE_BOUND,
    /** VFIO: clearing MSE does not revoke dma-bufs. */
    VFIO_MSE_CLEAR_NO_REVOKE,
    /** VFIO: clearing MSE does not zap mmaps. */
    VFIO_MSE_CLEAR_NO_ZAP,
    /** VFIO: setting MSE again does not restore dma-bufs. */
    VFIO_MSE_SET_NO_RESTORE,
    /** VFIO: a reset does not revoke dma-bufs around it. */
    VFIO_RESET_NO_REVOKE,
    /** VFIO: closing the device does not revoke its dma-bufs for good. */
    VFIO_CLOSE_NO_REVOKE,
    /** VFIO: closing the device does not unbind its TDI. */
    VFIO_CLOSE_NO_UNBIND,
    /** VFIO: dma-buf export with flags set is accepted. */
    VFIO_DMABUF_FLAGS_ACCEPTED,
    /** VFIO: dma-buf export with no ranges is accepted. */
    VFIO_DMABUF_NO_RANGES_ACCEPTED,
    /** VFIO: dma-buf export of the ROM region is accepted. */
    VFIO_DMABUF_ROM_ACCEPTED,
    /** VFIO: a zero-length range is accepted. */
    VFIO_DMABUF_ZERO_LENGTH_ACCEPTED,
    /** VFIO: an unaligned range is accepted. */
    VFIO_DMABUF_UNALIGNED_ACCEPTED,
    /** VFIO: an overflowing range is refused with EINVAL instead of EOVERFLOW. */
    VFIO_DMABUF_OVERFLOW_AS_EINVAL,
    /** VFIO: a range past the end of the BAR is accepted. */
    VFIO_DMABUF_PAST_BAR_ACCEPTED,
    /** VFIO: a dma-buf exported while memory decode is off is active. */
    VFIO_DMABUF_ACTIVE_WITHOUT_MSE,

    /** dma-buf: an importer without peer-to-peer can attach. */
    DMABUF_ATTACH_WITHOUT_P2P,
    /** dma-buf: a revoked buffer can be mapped. */
    DMABUF_MAP_WHILE_REVOKED,
    /** dma-buf: the host CPU can access private MMIO. */
    DMABUF_CPU_ACCESS_PRIVATE,
    /** dma-buf: a revoke sends no move notification. */
    DMABUF_NO_MOVE_NOTIFY,
    /** dma-buf: a revoked buffer can be attached. */
    DMABUF_ATTACH_WHILE_REVOKED,

    /** KVM: a VM object is never freed, even when nothing holds it. */
    VM_NEVER_FREED,

    /** iommufd: destroying a vIOMMU with a vdevice succeeds. */
    IOMMUFD_DESTROY_BUSY_VIOMMU,
    /** iommufd: destroying a HWPT with a vIOMMU succeeds. */
    IOMMUFD_DESTROY_BUSY_HWPT,
    /** iommufd: a duplicate virt_id is accepted. */
    IOMMUFD_DUPLICATE_VIRT_ID,
    /** iommufd: a second vdevice for one device is accepted. */
    IOMMUFD_SECOND_VDEVICE,
    /** iommufd: a vIOMMU on a HWPT that is not a nest parent is accepted. */
    IOMMUFD_VIOMMU_NOT_NEST_PARENT,
    /** iommufd: a vIOMMU of type DEFAULT is accepted. */
    IOMMUFD_VIOMMU_DEFAULT_TYPE,
    /** iommufd: vIOMMU flags are ignored. */
    IOMMUFD_VIOMMU_FLAGS_IGNORED,
    /** iommufd: the vIOMMU does not hold the VM (closing the VM fd frees it). */
    IOMMUFD_VIOMMU_NOT_HOLDING_VM,
    /** iommufd: a tombstoned vdevice id answers destroy with success. */
    IOMMUFD_TOMBSTONE_DESTROY_OK,
    /** iommufd: ids are reused. */
    IOMMUFD_ID_REUSED,
    /** iommufd: TSM op with flags set is accepted. */
    IOMMUFD_TSM_OP_FLAGS_IGNORED,
    /** iommufd: an unknown TSM op type is accepted as bind. */
    IOMMUFD_TSM_OP_UNKNOWN_TYPE,
    /** iommufd: TSM bind on a vIOMMU without VM succeeds. */
    IOMMUFD_TSM_BIND_WITHOUT_VM,
    /** iommufd: destroying a vdevice leaves its TDI bound. */
    IOMMUFD_VDEVICE_DESTROY_NO_UNBIND,
    /** iommufd: closing the iommufd leaves TDIs bound. */
    IOMMUFD_CLOSE_NO_UNBIND,
    /** iommufd: TSM request with reserved set is relayed. */
    IOMMUFD_TSM_REQ_RESERVED_IGNORED,

    /** AMD SEV-TIO: sub-functions get a TSM context. */
    AMD_SUBFUNCTION_CONTEXT,
    /** TDX Connect: concurrent firmware calls are not refused with BUSY. */
    TDX_FIRMWARE_NOT_SERIALISED,
    /** TDX Connect: unbind reclaims before it stops the TDI. */
    TDX_UNBIND_WRONG_ORDER
}
