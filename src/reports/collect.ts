/**
 * The files of one artifact to one TestReport: totals summed, the first failures kept in file
 * order, every file that was refused, cut or capped named in `problems`.
 */
import type { ReportLimits } from './limits.js'
import { parseReportFile } from './parse.js'
import { cleanLine } from './text.js'
import type { TestReport } from './types.js'

export interface ReportFile {
  /** The entry's name in the archive: untrusted, used for display only. */
  name: string
  bytes: Uint8Array
}

export interface CollectedReports {
  /** Null when no file was a test report. */
  report: TestReport | null
  /** Files read that were XML but not test reports (build descriptors, coverage …). */
  otherFiles: number
  /** Files refused (too large, DOCTYPE, not XML). */
  rejectedFiles: number
}

const MAX_PROBLEMS = 20
const MAX_LISTED_FILES = 50

/**
 * @param upstream problems met before parsing (entries the archive reader skipped), recorded in
 *   the report; `upstreamTruncated` says whether they mean report content was lost.
 */
export function collectReports(
  artifact: string,
  files: readonly ReportFile[],
  limits: ReportLimits,
  upstream: { problems: readonly string[]; truncated: boolean } = { problems: [], truncated: false }
): CollectedReports {
  const redactions: Record<string, number> = {}
  const label = (raw: string): string => cleanLine(raw, limits.maxNameChars, redactions)
  const report: TestReport = {
    artifact: label(artifact),
    files: [],
    formats: [],
    totals: { tests: 0, failures: 0, errors: 0, skipped: 0 },
    failures: [],
    truncated: upstream.truncated,
    problems: [...upstream.problems],
    redactions
  }
  let reports = 0
  let otherFiles = 0
  let rejectedFiles = 0
  for (const [index, file] of files.entries()) {
    if (index >= limits.maxFiles) {
      report.truncated = true
      report.problems.push(`${files.length - index} more files not read (limit ${limits.maxFiles})`)
      break
    }
    const parsed = parseReportFile(file.bytes, limits, limits.maxFailures - report.failures.length)
    if (parsed.kind === 'other') {
      otherFiles += 1
      continue
    }
    if (parsed.kind === 'rejected') {
      rejectedFiles += 1
      report.problems.push(`${label(file.name)}: ${parsed.reason}`)
      continue
    }
    reports += 1
    if (report.files.length < MAX_LISTED_FILES) report.files.push(label(file.name))
    if (!report.formats.includes(parsed.format)) report.formats.push(parsed.format)
    for (const key of ['tests', 'failures', 'errors', 'skipped'] as const) report.totals[key] += parsed.totals[key]
    report.failures.push(...parsed.failures)
    for (const [family, count] of Object.entries(parsed.redactions)) redactions[family] = (redactions[family] ?? 0) + count
    if (parsed.partial) {
      report.truncated = true
      report.problems.push(`${label(file.name)}: read in part (${parsed.partial})`)
    }
    if (parsed.failuresOmitted > 0) {
      // The totals still count them: the list is capped, nothing went unread.
      report.problems.push(`${label(file.name)}: ${parsed.failuresOmitted} failing tests counted but not kept (limit ${limits.maxFailures})`)
    }
  }
  if (report.problems.length > MAX_PROBLEMS) {
    const more = report.problems.length - MAX_PROBLEMS
    report.problems = [...report.problems.slice(0, MAX_PROBLEMS), `… and ${more} more`]
  }
  return { report: reports > 0 ? report : null, otherFiles, rejectedFiles }
}
