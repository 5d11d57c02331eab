/**
 * JUnit XML, the de-facto schema most test tools write (no single official spec; the Ant
 * task's output and Jenkins' junit-10.xsd are the references):
 *
 *   <testsuites>?  <testsuite name …>+ (nested suites allowed)
 *     <testcase name classname file? line? time>
 *       <failure message? type?>text</failure> | <error …>text</error> | <skipped message?/>
 *       <system-out/> <system-err/> <properties/> …
 *
 * Variants covered (fixtures in __tests__/fixtures/reports/): jest-junit (message in the text,
 * no message attribute), pytest --junitxml (xunit2: classname+name; xunit1: file+line; setup and
 * teardown crashes as <error>), Maven Surefire (flakyFailure/rerunFailure children of a test that
 * passed on a re-run are not failures), Gradle (message attribute with `&#10;` line breaks),
 * go-junit-report (one suite per package, CDATA bodies). A test case with both a failure and an
 * error (pytest: failing call, then failing teardown) counts once, as its first problem.
 */
import type { CaseSink, Outcome, RawCase } from './builder.js'
import type { ReportLimits } from './limits.js'
import type { XmlHandler } from './xml.js'

const PROBLEM: Record<string, Outcome> = { failure: 'failure', error: 'error' }

export class JUnitReader implements XmlHandler {
  private readonly sink: CaseSink
  private readonly maxText: number
  private readonly suites: string[] = []
  private current: RawCase | null = null
  /** Depth inside the current test case's first <failure>/<error>, whose text is kept. */
  private capturing = 0
  private problemSeen = false

  constructor(sink: CaseSink, limits: ReportLimits) {
    this.sink = sink
    // Raw text beyond this is never shown after cleaning (see text.ts), so it is not kept.
    this.maxText = limits.maxDetailsChars * 2 + 1024
  }

  open(name: string, attributes: ReadonlyMap<string, string>): boolean {
    const test = this.current
    if (test) {
      if (this.capturing > 0) {
        this.capturing += 1
        return true
      }
      const outcome = PROBLEM[name]
      if (outcome && !this.problemSeen) {
        this.problemSeen = true
        test.outcome = outcome
        test.message = attributes.get('message') ?? ''
        test.type = attributes.get('type') ?? ''
        this.capturing = 1
      } else if (name === 'skipped' && test.outcome === 'passed') {
        test.outcome = 'skipped'
      }
      return true
    }
    if (name === 'testsuite') this.suites.push(attributes.get('name') ?? '')
    else if (name === 'testcase') {
      if (!this.sink.admit()) return false
      this.current = {
        suite: this.suites.at(-1) ?? '',
        name: attributes.get('name') ?? '',
        classname: attributes.get('classname') ?? '',
        file: attributes.get('file') ?? null,
        line: attributes.get('line') ?? null,
        outcome: 'passed',
        message: '',
        type: '',
        details: ''
      }
      this.problemSeen = false
      this.capturing = 0
    }
    return true
  }

  close(name: string): boolean {
    const test = this.current
    if (test) {
      if (this.capturing > 0) {
        this.capturing -= 1
        return true
      }
      if (name === 'testcase') {
        this.sink.add(test)
        this.current = null
      }
      return true
    }
    if (name === 'testsuite') this.suites.pop()
    return true
  }

  wantsText(): number {
    return this.capturing > 0 && this.current !== null ? Math.max(0, this.maxText - this.current.details.length) : 0
  }

  text(text: string): void {
    if (this.current) this.current.details = (this.current.details + text).slice(0, this.maxText)
  }

  /**
   * A test case cut off by the end of the file or a parse error counts when it already showed a
   * failure, error or skip; one that looked passing so far proves nothing.
   */
  flush(): void {
    if (this.current && this.current.outcome !== 'passed') this.sink.add(this.current)
    this.current = null
  }
}
