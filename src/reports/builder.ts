/**
 * Accumulates the test cases a format reader finds in one file: counts every case, keeps the
 * first failures (cleaned), and stops the reader at the test-case cap.
 */
import type { ReportLimits } from './limits.js'
import { cleanBlock, cleanLine, firstLine } from './text.js'
import type { FailureKind, TestFailure, TestTotals } from './types.js'

/** Messages that only repeat the outcome (go-junit-report writes `message="Failed"` on every failure). */
const GENERIC_MESSAGE = /^\s*(?:failed|failure|error|errored)?\s*$/i

export type Outcome = 'passed' | 'skipped' | FailureKind

/** A test case as a format reader saw it, text still raw. */
export interface RawCase {
  suite: string
  name: string
  classname: string
  file: string | null
  line: string | null
  outcome: Outcome
  message: string
  /** Exception or assertion type, used as the message when there is none. */
  type: string
  details: string
}

export class CaseSink {
  readonly totals: TestTotals = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  readonly failures: TestFailure[] = []
  readonly redactions: Record<string, number> = {}
  /** Failing cases not kept because `maxFailures` were kept already. */
  failuresOmitted = 0
  private readonly limits: ReportLimits
  private readonly maxFailures: number

  constructor(limits: ReportLimits, maxFailures = limits.maxFailures) {
    this.limits = limits
    this.maxFailures = maxFailures
  }

  /** A case was refused at the test-case cap: the rest of the file went unread. */
  capped = false

  /** Whether one more case may be read; false (and `capped`) at the test-case cap. */
  admit(): boolean {
    if (this.totals.tests < this.limits.maxTestCases) return true
    this.capped = true
    return false
  }

  /** Counts the case; returns the failure record when one was kept. */
  add(test: RawCase): TestFailure | null {
    this.totals.tests += 1
    if (test.outcome === 'passed') return null
    if (test.outcome === 'skipped') {
      this.totals.skipped += 1
      return null
    }
    if (test.outcome === 'failure') this.totals.failures += 1
    else this.totals.errors += 1
    if (this.failures.length >= this.maxFailures) {
      this.failuresOmitted += 1
      return null
    }
    const failure = this.clean(test, test.outcome)
    this.failures.push(failure)
    return failure
  }

  /** A name cleaned like the names of kept failures (for formats that state them later). */
  cleanName(raw: string): string {
    return cleanLine(raw, this.limits.maxNameChars, this.redactions)
  }

  private clean(test: RawCase, kind: FailureKind): TestFailure {
    const { maxNameChars, maxMessageChars, maxDetailsChars } = this.limits
    const counts = this.redactions
    const details = cleanBlock(test.details, maxDetailsChars, counts)
    const stated = GENERIC_MESSAGE.test(test.message) ? '' : test.message.trim()
    const message = stated || firstLine(details) || test.message.trim() || test.type.trim()
    return {
      suite: cleanLine(test.suite, maxNameChars, counts),
      name: cleanLine(test.name, maxNameChars, counts),
      classname: cleanLine(test.classname, maxNameChars, counts),
      file: test.file === null || test.file.trim() === '' ? null : cleanLine(test.file, maxNameChars, counts),
      line: test.line !== null && /^\s*\d{1,9}\s*$/.test(test.line) ? Number(test.line) : null,
      kind,
      message: cleanBlock(message, maxMessageChars, counts),
      details
    }
  }
}
