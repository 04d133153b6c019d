/**
 * SPDM messages (DSP0274 1.1 to 1.3, and the 1.4 large VENDOR_DEFINED form): one record per message
 * that encodes itself, and {@link io.tsmtck.api.spdm.message.SpdmCodec} that decodes any of them,
 * strictly or leniently, given the negotiated {@link io.tsmtck.api.spdm.message.MessageSizes}.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.spdm.message;
