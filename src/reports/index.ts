/**
 * Test reports (JUnit XML, TRX) from a run's artifacts: bounded parsing into one model. Pure:
 * the download is in ../github/artifacts.ts.
 */
export type { FailureKind, ReportFormat, TestFailure, TestReport, TestTotals } from './types.js'
export { ARTIFACT_LIMITS, REPORT_LIMITS, ZIP_LIMITS, type ArtifactLimits, type ReportLimits, type ZipLimits } from './limits.js'
export { parseReportFile, type FileParse } from './parse.js'
export { collectReports, type CollectedReports, type ReportFile } from './collect.js'
export { readZip, ZipError, type ZipEntry, type ZipRead } from './zip.js'
export { reportsForJob } from './assign.js'

/** Entries worth parsing: JUnit files are `.xml`, Visual Studio results `.trx`. */
export function isReportFileName(name: string): boolean {
  return /\.(?:xml|trx)$/i.test(name)
}
