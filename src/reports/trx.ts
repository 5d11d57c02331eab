/**
 * Visual Studio TRX, what `dotnet test --logger trx` writes (schema vstst.xsd, namespace
 * http://microsoft.com/schemas/VisualStudio/TeamTest/2010):
 *
 *   <TestRun> <Results>
 *     <UnitTestResult testId testName outcome="Passed|Failed|NotExecuted|…">
 *       <Output> <ErrorInfo> <Message>…</Message> <StackTrace>…</StackTrace> </ErrorInfo> </Output>
 *       <InnerResults> (data-driven rows; the outer result already sums them up) </InnerResults>
 *   </Results> <TestDefinitions> <UnitTest id> <TestMethod className name/> </UnitTest> …
 *
 * The class of a test is only stated in TestDefinitions, after the results: it is filled in
 * for the failures kept.
 */
import type { CaseSink, Outcome, RawCase } from './builder.js'
import type { ReportLimits } from './limits.js'
import type { TestFailure } from './types.js'
import type { XmlHandler } from './xml.js'

const OUTCOMES: Record<string, Outcome> = {
  Passed: 'passed',
  PassedButRunAborted: 'passed',
  Completed: 'passed',
  Warning: 'passed',
  Failed: 'failure',
  Error: 'error',
  Timeout: 'error',
  Aborted: 'error'
}

export class TrxReader implements XmlHandler {
  private readonly sink: CaseSink
  private readonly maxText: number
  private current: RawCase | null = null
  private currentId = ''
  /** Depth of results nested in the current one (InnerResults), which are not counted again. */
  private nested = 0
  private capture: 'message' | 'details' | null = null
  private readonly kept = new Map<string, TestFailure>()
  private definition: string | null = null

  constructor(sink: CaseSink, limits: ReportLimits) {
    this.sink = sink
    this.maxText = limits.maxDetailsChars * 2 + 1024
  }

  open(name: string, attributes: ReadonlyMap<string, string>): boolean {
    if (this.current) {
      if (name === 'UnitTestResult') this.nested += 1
      else if (this.nested === 0 && name === 'Message') this.capture = 'message'
      else if (this.nested === 0 && name === 'StackTrace') this.capture = 'details'
      return true
    }
    if (name === 'UnitTestResult') {
      if (!this.sink.admit()) return false
      const outcome = attributes.get('outcome') ?? ''
      this.currentId = attributes.get('testId') ?? ''
      this.current = {
        suite: '',
        name: attributes.get('testName') ?? '',
        classname: '',
        file: null,
        line: null,
        // NotExecuted, Inconclusive, NotRunnable and outcomes this reader does not know.
        outcome: Object.hasOwn(OUTCOMES, outcome) ? (OUTCOMES[outcome] as Outcome) : 'skipped',
        message: '',
        type: '',
        details: ''
      }
    } else if (name === 'UnitTest') {
      this.definition = attributes.get('id') ?? null
    } else if (name === 'TestMethod' && this.definition !== null) {
      const failure = this.kept.get(this.definition)
      const className = attributes.get('className')
      if (failure && className && !failure.classname) failure.classname = this.sink.cleanName(className)
    }
    return true
  }

  close(name: string): boolean {
    if (!this.current) {
      if (name === 'UnitTest') this.definition = null
      return true
    }
    if (name === 'UnitTestResult') {
      if (this.nested > 0) {
        this.nested -= 1
        return true
      }
      const failure = this.sink.add(this.current)
      if (failure && this.currentId) this.kept.set(this.currentId, failure)
      this.current = null
    } else if (name === 'Message' || name === 'StackTrace') {
      this.capture = null
    }
    return true
  }

  wantsText(): number {
    if (!this.current || !this.capture) return 0
    return Math.max(0, this.maxText - (this.capture === 'message' ? this.current.message : this.current.details).length)
  }

  text(text: string): void {
    if (!this.current) return
    if (this.capture === 'message') this.current.message = (this.current.message + text).slice(0, this.maxText)
    else if (this.capture === 'details') this.current.details = (this.current.details + text).slice(0, this.maxText)
  }

  /** A result cut off mid-way counts when its outcome already said it did not pass. */
  flush(): void {
    if (this.current && this.current.outcome !== 'passed') this.sink.add(this.current)
    this.current = null
  }
}
