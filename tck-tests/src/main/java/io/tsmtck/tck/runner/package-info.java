/**
 * Running the kit: the JUnit Platform launch in a forked JVM (what the plugin starts), timeouts, parallelism,
 * the progress log and run identity that let the plugin judge a report, and the incomplete report of a run that
 * ended early.
 */
package io.tsmtck.tck.runner;
