/**
 * Traffic as an outside user meets it: {@link io.tsmtck.api.spdm.dissect.Dissector} decodes a socket
 * frame or a DOE object through every layer to a typed {@link io.tsmtck.api.spdm.dissect.Payload}.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.spdm.dissect;
