/**
 * One file to test results: the root element says the format (JUnit `<testsuites>`/`<testsuite>`,
 * TRX `<TestRun>`); any other XML is not a test report. A file that breaks off or breaks a cap
 * still gives what was read before, flagged partial.
 */
import { CaseSink } from './builder.js'
import { decodeReportBytes } from './decode.js'
import { JUnitReader } from './junit.js'
import type { ReportLimits } from './limits.js'
import { TrxReader } from './trx.js'
import type { ReportFormat, TestFailure, TestTotals } from './types.js'
import { scanXml, XmlError, type XmlHandler } from './xml.js'

export type FileParse =
  | {
      kind: 'report'
      format: ReportFormat
      totals: TestTotals
      failures: TestFailure[]
      failuresOmitted: number
      /** Why the file was not read to its end, or null when it was. */
      partial: string | null
      redactions: Record<string, number>
    }
  /** Well-formed enough to see the root, and it is not a test report (a pom.xml, a coverage report). */
  | { kind: 'other'; root: string }
  /** Refused or unreadable: too large, a DOCTYPE, not XML. */
  | { kind: 'rejected'; reason: string }

type FormatReader = XmlHandler & { flush(): void }

/** Picks the reader from the root element, then hands it every event. */
class Dispatch implements XmlHandler {
  format: ReportFormat | null = null
  root: string | null = null
  reader: FormatReader | null = null
  private readonly sink: CaseSink
  private readonly limits: ReportLimits

  constructor(sink: CaseSink, limits: ReportLimits) {
    this.sink = sink
    this.limits = limits
  }

  open(name: string, attributes: ReadonlyMap<string, string>): boolean {
    if (this.root === null) {
      this.root = name
      if (name === 'testsuites' || name === 'testsuite') {
        this.format = 'junit'
        this.reader = new JUnitReader(this.sink, this.limits)
      } else if (name === 'TestRun') {
        this.format = 'trx'
        this.reader = new TrxReader(this.sink, this.limits)
      } else {
        return false
      }
    }
    return this.reader?.open(name, attributes) ?? false
  }

  close(name: string): boolean {
    return this.reader?.close(name) ?? false
  }

  wantsText(): number {
    return this.reader?.wantsText() ?? 0
  }

  text(text: string): void {
    this.reader?.text(text)
  }
}

export function parseReportFile(bytes: Uint8Array, limits: ReportLimits, maxFailures = limits.maxFailures): FileParse {
  if (bytes.length > limits.maxFileBytes) return { kind: 'rejected', reason: `larger than ${limits.maxFileBytes} bytes` }
  const sink = new CaseSink(limits, maxFailures)
  const dispatch = new Dispatch(sink, limits)
  let partial: string | null = null
  try {
    const complete = scanXml(decodeReportBytes(bytes), dispatch, limits)
    if (!complete && dispatch.format) {
      partial = sink.capped ? `more than ${limits.maxTestCases} test cases` : 'the file ends before its root element is closed (cut off?)'
    }
  } catch (error) {
    if (!(error instanceof XmlError)) throw error
    if (error.code === 'doctype' || !dispatch.format) return { kind: 'rejected', reason: error.message }
    partial = error.message
  }
  if (!dispatch.format || !dispatch.reader) {
    return dispatch.root === null ? { kind: 'rejected', reason: 'no XML element found' } : { kind: 'other', root: dispatch.root }
  }
  dispatch.reader.flush()
  return {
    kind: 'report',
    format: dispatch.format,
    totals: sink.totals,
    failures: sink.failures,
    failuresOmitted: sink.failuresOmitted,
    partial,
    redactions: sink.redactions
  }
}
