// The excerpt keeps whole error blocks (stack traces, a tool's tagged block) while the budget
// allows, and never lets one long block crowd out a second cause. The logs reproduce the output
// of real tools: Maven 3 (DefaultExceptionHandler / MavenCli), Surefire, the Go runtime's panic
// traceback, CPython's chained tracebacks, Node's fatal-error backtrace.
import { describe, expect, it } from '@jest/globals'
import { triageText } from '../../src/triage/index.js'
import { gh } from './helpers.ts'

const filler = (count: number, label: string): string[] => Array.from({ length: count }, (_, i) => `[INFO] ${label} step ${i} done`)

function shown(log: string[]): { lines: string[]; numbers: Set<number> } {
  const triage = triageText(log.join('\n') + '\n')
  return { lines: triage.excerpt.lines.map((l) => l.text), numbers: new Set(triage.excerpt.lines.map((l) => l.n)) }
}

const between = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('excerpt blocks', () => {
  it("keeps Maven's whole [ERROR] block, boilerplate included, and nothing after it", () => {
    const block = [
      '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile (default-compile) on project demo: Compilation failure: Compilation failure:',
      '[ERROR] /builds/demo/src/main/java/demo/A.java:[12,8] cannot find symbol',
      '[ERROR]   symbol:   class Foo',
      '[ERROR]   location: class demo.A',
      '[ERROR] /builds/demo/src/main/java/demo/B.java:[30,17] incompatible types: java.lang.String cannot be converted to int',
      '[ERROR] -> [Help 1]',
      '[ERROR] ',
      '[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.',
      '[ERROR] Re-run Maven using the -X switch to enable full debug logging.',
      '[ERROR] ',
      '[ERROR] For more information about the errors and possible solutions, please read the following articles:',
      '[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException'
    ]
    const log = [...filler(30, 'build'), '[INFO] BUILD FAILURE', ...block, "Build step 'Execute shell' marked build as failure", 'Finished: FAILURE']
    const { numbers, lines } = shown(log)
    for (const n of between(32, 43)) expect(numbers).toContain(n)
    expect(lines.join('\n')).not.toContain('marked build as failure')
  })

  it('keeps a whole Java stack trace when there is room, even far past the lines around the error', () => {
    const frames = Array.from({ length: 45 }, (_, i) => `\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.step${i}(NodeTestTask.java:${100 + i})`)
    const log = [
      ...filler(200, 'test'),
      '[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.03 s <<< FAILURE! - in demo.PriceTest',
      '[ERROR] demo.PriceTest.rounds  Time elapsed: 0.003 s  <<< FAILURE!',
      'org.opentest4j.AssertionFailedError: expected: <10> but was: <11>',
      ...frames,
      '',
      ...filler(200, 'more')
    ]
    const { numbers } = shown(log)
    for (const n of between(201, 248)) expect(numbers).toContain(n)
  })

  it('shows the head of every cause before the rest of a long trace', () => {
    const frames = Array.from({ length: 80 }, (_, i) => `\tat demo.Deep.call${i}(Deep.java:${i + 1})`)
    const log = [
      'java.lang.AssertionError: expected:<1> but was:<2>',
      ...frames,
      ...filler(20, 'between'),
      'src/app.ts(3,7): error TS2322: Type string is not assignable to type number.',
      'src/app.ts(9,1): error TS2304: Cannot find name total.'
    ]
    const triage = triageText(log.join('\n') + '\n')
    const texts = triage.excerpt.lines.map((l) => l.text)
    expect(triage.excerpt.lines.length).toBeLessThanOrEqual(60)
    expect(texts).toContain('java.lang.AssertionError: expected:<1> but was:<2>')
    expect(texts).toContain('src/app.ts(9,1): error TS2304: Cannot find name total.')
    // The budget left after both heads goes to the trace.
    expect(texts.filter((t) => t.startsWith('\tat demo.Deep')).length).toBeGreaterThan(30)
  })

  it("follows a Go test's panic through its goroutine traceback", () => {
    const log = [
      gh('##[group]Run go test ./...'),
      gh('##[endgroup]'),
      gh('ok  \tgithub.com/acme/app/internal/config\t0.012s'),
      gh('--- FAIL: TestCloud_apply (0.00s)'),
      gh('panic: runtime error: invalid memory address or nil pointer dereference [recovered]'),
      gh('\tpanic: runtime error: invalid memory address or nil pointer dereference'),
      gh('[signal SIGSEGV: segmentation violation code=0x1 addr=0x128 pc=0xd0ce46]'),
      gh(''),
      gh('goroutine 24 [running]:'),
      gh('testing.tRunner.func1.2({0xdf8580, 0x1835d80})'),
      gh('\t/opt/hostedtoolcache/go/1.18.0/x64/src/testing/testing.go:1389 +0x24e'),
      gh('panic({0xdf8580, 0x1835d80})'),
      gh('\t/opt/hostedtoolcache/go/1.18.0/x64/src/runtime/panic.go:838 +0x207'),
      gh('github.com/acme/app/internal/cloud.(*Cloud).Configure(0xc0001a6780, {0x15dbdf8?, 0xc00011b590?})'),
      gh('\t/home/runner/work/app/app/internal/cloud/backend.go:211 +0xb6'),
      gh('created by testing.(*T).Run'),
      gh('\t/opt/hostedtoolcache/go/1.18.0/x64/src/testing/testing.go:1486 +0x35f'),
      gh('FAIL\tgithub.com/acme/app/internal/cloud\t0.029s'),
      gh('##[error]Process completed with exit code 1.')
    ]
    const { numbers } = shown(log)
    for (const n of between(4, 18)) expect(numbers).toContain(n)
  })

  it("keeps CPython's chained tracebacks together", () => {
    const log = [
      ...filler(5, 'setup'),
      'Traceback (most recent call last):',
      '  File "/work/deploy.py", line 23, in <module>',
      '    client = Client(token)',
      "NameError: name 'Client' is not defined",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/work/deploy.py", line 35, in <module>',
      '    except ClientError as e:',
      "NameError: name 'ClientError' is not defined"
    ]
    const { numbers } = shown(log)
    for (const n of between(6, 16)) expect(numbers).toContain(n)
  })

  it("keeps Node's native backtrace under a fatal error, two-digit frames included", () => {
    const frames = Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2)}: 0x${(0xb7a940 + i * 16).toString(16)} v8::internal::Frame${i}() [node]`)
    const log = ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', ...frames, 'Aborted (core dumped)']
    const { numbers } = shown(log)
    for (const n of between(1, 14)) expect(numbers).toContain(n)
  })
})
