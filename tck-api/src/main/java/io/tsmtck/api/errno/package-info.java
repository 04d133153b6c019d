/**
 * Refusals as values: {@link io.tsmtck.api.errno.Result} carries either the value of an operation
 * or the {@link io.tsmtck.api.errno.Errno} the Linux uAPI returns for it.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.errno;
