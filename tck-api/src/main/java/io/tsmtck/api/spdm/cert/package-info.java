/**
 * Device certificate chains in the SPDM format and their validation against a user's trust anchor
 * (JDK X.509 and PKIX only).
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.spdm.cert;
