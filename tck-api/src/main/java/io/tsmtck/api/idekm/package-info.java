/**
 * The IDE_KM codec (PCIe Base 6.x 6.33.3): QUERY, KEY_PROG, K_SET_GO, K_SET_STOP and their
 * answers as records, decoded by {@link io.tsmtck.api.idekm.IdeKmCodec}.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.idekm;
