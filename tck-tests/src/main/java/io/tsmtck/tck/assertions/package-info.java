/**
 * The kit's public AssertJ domain assertions ({@link io.tsmtck.tck.assertions.KitAssertions}),
 * usable in vendors' own tests.
 */
package io.tsmtck.tck.assertions;
