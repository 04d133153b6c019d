/**
 * The SPI of TSM-TCK: what an implementation of a host-side TSM stack provides so that the kit can
 * test it. {@link io.tsmtck.api.TsmStackProvider} is the entry point (found with
 * {@link java.util.ServiceLoader}); it builds {@link io.tsmtck.api.HostStack} instances, one per
 * test, whose layers live in the sub-packages: {@code tsm} (PCI/TSM core), {@code vfio} and
 * {@code dmabuf} (VFIO and its MMIO dma-bufs), {@code iommufd}, {@code vm} (KVM) and {@code topology}.
 * The device kit's SPI is {@code device}: a {@link io.tsmtck.api.device.DeviceProvider} hands the kit
 * a device's DOE mailbox, and the kit is the device's SPDM requester in sessions of its own. What a
 * host stack declares beyond its hooks is its {@link io.tsmtck.api.UapiLevel}. Refusals that the uAPIs define
 * are {@link io.tsmtck.api.errno.Result} values. The wire codec of TDISP, IDE_KM and their SPDM
 * carriers is in {@code tdisp}, {@code idekm}, {@code spdm} and {@code wire}.
 *
 * <p>Nullness: no parameter or return value in this package or its sub-packages is null; absent
 * values are {@link java.util.Optional}.
 */
package io.tsmtck.api;
