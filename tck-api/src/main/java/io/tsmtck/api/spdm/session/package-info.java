/**
 * SPDM secured sessions (DSP0274 key schedule, DSP0277 secured messages over PCI DOE): HKDF on the
 * JDK's HMAC, the versioned bin_str labels, handshake and data secrets, traffic keys with implicit
 * per-direction sequence numbers, and KEY_UPDATE. Failures are {@link
 * io.tsmtck.api.spdm.session.SessionError} values, never exceptions escaping.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.spdm.session;
