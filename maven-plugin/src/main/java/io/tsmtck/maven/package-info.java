/**
 * The Maven goals: {@code certify} (host kit), {@code certify-device} (device kit), both running the kit in a
 * forked JVM and judging its report, and {@code compare-reports}.
 */
package io.tsmtck.maven;
