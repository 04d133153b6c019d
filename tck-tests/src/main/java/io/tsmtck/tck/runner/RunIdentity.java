package io.tsmtck.tck.runner;

import io.tsmtck.tck.report.CertificationReport;

/**
 * What a run is, known before its first test and written at once ({@value ReportFiles#IDENTITY}):
 * an incomplete report of a fork that died still names the kit, the implementation, the seed and
 * the timeouts, so that its replay instruction is right.
 *
 * @param kit the kit
 * @param implementation the implementation and what it declares
 * @param environment where and how it runs
 */
public record RunIdentity(CertificationReport.Kit kit, CertificationReport.Implementation implementation,
                          CertificationReport.Environment environment) {
}
