/**
 * iommufd's object graph as the TSM stack uses it: IOAS, nest-parent HWPT, vIOMMU (holding the VM)
 * and vdevice (holding the TDI binding), with the TSM operations on the vdevice.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.iommufd;
