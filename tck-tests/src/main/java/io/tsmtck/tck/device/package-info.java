/**
 * The device kit's subject: where its devices come from (a DeviceProvider's fresh device per test, or one real
 * device every test shares over a socket or a DOE mailbox, with its rig: {@code Devices}, {@code DeviceSource},
 * {@code SharedDevice}), the device under test as a test drives it ({@code DeviceSut}, {@code DeviceCases}), the
 * kit's TDISP and IDE_KM requester over its own session ({@code TdispClient}, {@code TdiDriver}, {@code KitLink},
 * {@code KeptSession}), what the device answered ({@code TdispAnswer}, {@code IdeKmAnswer}, {@code SpdmAnswer}),
 * and the rig's configuration space ({@code RigConfig}, {@code BarOverlap}).
 */
package io.tsmtck.tck.device;
