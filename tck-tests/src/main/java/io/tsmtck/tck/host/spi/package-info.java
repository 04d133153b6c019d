/**
 * Watching an implementation through its SPI: every call counted, timed and named, refusals kept, calls that
 * hang bounded and not made again.
 */
package io.tsmtck.tck.host.spi;
