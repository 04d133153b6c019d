/**
 * The certification report: its model, JSON and HTML forms, the verdict and per-rule summaries, and the
 * comparison of two reports rule by rule.
 */
package io.tsmtck.tck.report;
