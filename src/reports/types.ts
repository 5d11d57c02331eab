/**
 * What ci-monitor learns from the test reports a failed run uploaded as artifacts. Every string
 * here came from the pushed code's test run: it is cleaned (controls stripped, secrets masked,
 * capped) when parsed, and still escaped wherever it is shown.
 */

export type ReportFormat = 'junit' | 'trx'

export type FailureKind = 'failure' | 'error'

/** One test that failed (an assertion) or errored (an unexpected exception, a setup/teardown crash). */
export interface TestFailure {
  /** Name of the innermost test suite (JUnit `<testsuite name>`); empty when the format has none. */
  suite: string
  name: string
  classname: string
  /** Source file as the tool wrote it (display only: never opened). */
  file: string | null
  /** Line as the tool wrote it (pytest writes 0-based lines). */
  line: number | null
  kind: FailureKind
  /** The failure's message attribute, else the first line of its text. */
  message: string
  /** The failure's text (stack trace, assertion diff), capped. */
  details: string
}

export interface TestTotals {
  /** Test cases seen (passed, failed, errored and skipped). */
  tests: number
  failures: number
  errors: number
  skipped: number
}

/** The test reports found in one artifact. */
export interface TestReport {
  /** Name of the artifact they came from (cleaned, display only). */
  artifact: string
  /** Names of the files inside the artifact that held test reports (cleaned, display only, capped). */
  files: string[]
  formats: ReportFormat[]
  totals: TestTotals
  /** The first failing tests, in report order, capped; `totals` counts all of them. */
  failures: TestFailure[]
  /**
   * True when part of the reports was not read: a cap (test cases, failures, files, bytes), a
   * malformed or cut-off file. Counts are then lower bounds and "no failures" proves nothing.
   */
  truncated: boolean
  /** Why something was dropped or rejected, one short sentence each (capped). */
  problems: string[]
  /** Secrets masked in the kept text, counted per family (never the values). */
  redactions: Record<string, number>
}
