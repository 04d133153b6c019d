/**
 * The platform's shape: TDISP-capable devices ({@link io.tsmtck.api.topology.Dsm}), their functions
 * and BARs, the IDE streams between them and the host, and the
 * {@link io.tsmtck.api.topology.TopologyRequest} the kit builds a stack from. Values only.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.topology;
