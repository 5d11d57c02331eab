/**
 * A diagnosis sharpened by the job's test reports. Pure.
 *
 * - Reports with failing tests: a `test_failure` verdict keeps its rule and gains the failing
 *   test names and first message (summary and evidence), confidence at least 0.9; an `other`
 *   verdict or any verdict below 0.5 confidence (a bare "exit code 1", a deprecation warning)
 *   becomes a DEVELOPER `test_failure` at 0.85, the reports being the proof. A confident verdict of
 *   another category (network, out of memory, a compile error …) is kept unchanged: it explains
 *   why the tests failed, and the reports are its symptom.
 * - Reports, read in full, where no test failed: the job failed outside the tests. An `other` or
 *   low-confidence verdict says so in its summary and evidence, its category and confidence
 *   unchanged (the reports rule the tests out, they do not name the cause). A `test_failure`
 *   verdict from the log is kept: reports may come from an earlier step or miss a crashed suite.
 * - No reports, or reports without test cases: the diagnosis is returned as it is.
 *
 * Report text was cleaned and capped when parsed; it is escaped downstream where shown. Evidence
 * lines from reports have `n: 0` (they are not lines of the log) and start with "test report:".
 */
import { capText } from '../notify/escape.js'
import type { TestFailure, TestReport, TestTotals } from '../reports/index.js'
import type { LogLine } from '../triage/types.js'
import type { Diagnosis } from './types.js'

export const REPORTS_RULE_ID = 'reports.failing-tests'
const LOW_CONFIDENCE = 0.5
const PROVEN_CONFIDENCE = 0.85
const CONFIRMED_CONFIDENCE = 0.9
const MAX_EVIDENCE = 8
const REPORT_EVIDENCE = 3
const NAMES_IN_SUMMARY = 3
const MESSAGE_CHARS = 200
const SUMMARY_CHARS = 500

export function withTestReports(diagnosis: Diagnosis, reports: readonly TestReport[]): Diagnosis {
  const totals = sumTotals(reports)
  if (totals.tests === 0) return diagnosis
  const failing = totals.failures + totals.errors
  const weak = diagnosis.category === 'other' || diagnosis.confidence < LOW_CONFIDENCE
  const failures = reports.flatMap((r) => r.failures)

  if (failing > 0 && failures.length > 0) {
    const evidence = [...failures.slice(0, REPORT_EVIDENCE).map(failureLine), ...diagnosis.evidence].slice(0, MAX_EVIDENCE)
    const summary = failingSummary(failing, failures)
    if (diagnosis.category === 'test_failure') {
      return { ...diagnosis, summary, evidence, confidence: Math.max(diagnosis.confidence, CONFIRMED_CONFIDENCE) }
    }
    if (!weak) return diagnosis
    return {
      owner: 'DEVELOPER',
      category: 'test_failure',
      confidence: PROVEN_CONFIDENCE,
      transient: false,
      summary,
      ruleId: REPORTS_RULE_ID,
      engine: diagnosis.engine,
      evidence,
      fix: null
    }
  }

  if (failing === 0 && weak && diagnosis.category !== 'test_failure' && !reports.some((r) => r.truncated)) {
    const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''
    const note = `No test failed in the uploaded test reports (${totals.tests} tests${skipped}): the failure is outside the tests.`
    const line: LogLine = { n: 0, text: capText(`test report: ${totals.tests} tests, 0 failed${skipped} (${reports.map((r) => r.artifact).join(', ')})`, SUMMARY_CHARS) }
    return { ...diagnosis, summary: capText(`${note} ${diagnosis.summary}`, SUMMARY_CHARS), evidence: [line, ...diagnosis.evidence].slice(0, MAX_EVIDENCE) }
  }
  return diagnosis
}

/** `classname.name`, or the name alone when it already says the class (jest-junit, xUnit). */
export function testLabel(failure: Pick<TestFailure, 'name' | 'classname'>): string {
  const { name, classname } = failure
  if (!name || !classname || name.includes(classname)) return name || classname
  return `${classname}.${name}`
}

function failingSummary(failing: number, failures: readonly TestFailure[]): string {
  const first = failures[0] as TestFailure
  const message = oneLine(first.message)
  const what = message ? `: ${message}` : ''
  if (failing === 1) return capText(`Test ${testLabel(first)} ${verb(first)}${what}`, SUMMARY_CHARS)
  const names = failures.slice(0, NAMES_IN_SUMMARY).map(testLabel)
  const more = failing - names.length
  const list = `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
  return capText(`${failing} tests failed (${list}); ${testLabel(first)} ${verb(first)}${what}`, SUMMARY_CHARS)
}

function failureLine(failure: TestFailure): LogLine {
  const where = failure.file ? ` (${failure.file}${failure.line !== null ? `:${failure.line}` : ''})` : ''
  const message = oneLine(failure.message)
  return { n: 0, text: `test report: ${testLabel(failure)} ${verb(failure)}${where}${message ? `: ${message}` : ''}` }
}

function verb(failure: TestFailure): string {
  return failure.kind === 'error' ? 'errored' : 'failed'
}

function sumTotals(reports: readonly TestReport[]): TestTotals {
  const totals: TestTotals = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  for (const report of reports) {
    for (const key of ['tests', 'failures', 'errors', 'skipped'] as const) totals[key] += report.totals[key]
  }
  return totals
}

function oneLine(text: string): string {
  return capText(text.replace(/\s+/g, ' ').trim(), MESSAGE_CHARS)
}
