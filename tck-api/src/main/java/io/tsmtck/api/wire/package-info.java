/**
 * Wire primitives shared by the TDISP, IDE_KM and SPDM codecs: an immutable {@link
 * io.tsmtck.api.wire.ByteString}, bounds-checked readers and writers, and the typed
 * {@link io.tsmtck.api.wire.DecodeError} that every decoder returns instead of throwing.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.wire;
