/**
 * The TDISP wire codec (PCIe Base 6.x chapter 11): every request and response as a record,
 * {@link io.tsmtck.api.tdisp.TdispCodec} to encode and decode them, the interface report, and the
 * protocol's enums ({@link io.tsmtck.api.tdisp.TdiState}, {@link io.tsmtck.api.tdisp.TdispErrorCode},
 * {@link io.tsmtck.api.tdisp.MessageType}). Layouts follow the spec tables; the field names are the
 * spec's. All multi-byte fields are little-endian.
 *
 * <p>Nullness: no parameter or return value in this package is null; absent values are
 * {@link java.util.Optional}.
 */
package io.tsmtck.api.tdisp;
