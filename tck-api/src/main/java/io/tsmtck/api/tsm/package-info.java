/**
 * The PCI/TSM core and its link TSM: {@link io.tsmtck.api.tsm.TsmCore}, the per-function context
 * state, and guest requests.
 *
 * <p>Nullness: no parameter or return value in this package is null; absent values are
 * {@link java.util.Optional}.
 */
package io.tsmtck.api.tsm;
