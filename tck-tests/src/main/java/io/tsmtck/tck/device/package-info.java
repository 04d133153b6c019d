/**
 * Where the device kit's devices come from: a DeviceProvider's fresh device per test, or one real device every
 * test shares (a socket, a DOE mailbox), with its rig.
 */
package io.tsmtck.tck.device;
