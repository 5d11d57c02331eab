// What ties a line to the error above it, and that every pattern used on log lines stays linear:
// a log is written by whoever pushed, so a line at the cap must not make a pattern backtrack.
import { describe, expect, it } from '@jest/globals'
import { triageText } from '../../src/triage/index.js'
import { continuesError, echoKey, isStackFrame, lineSignal } from '../../src/triage/signals.js'

describe('continuesError and isStackFrame', () => {
  it("recognise real tools' continuation lines", () => {
    const continuing = [
      '\tat org.junit.Assert.fail(Assert.java:89)',
      'Caused by: java.io.IOException: No space left on device',
      '\t... 23 more',
      'During handling of the above exception, another exception occurred:',
      'goroutine 24 [running]:',
      'testing.tRunner.func1.2({0xdf8580, 0x1835d80})',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x128 pc=0xd0ce46]',
      'created by testing.(*T).Run',
      '10: 0x12ce7af v8::internal::Runtime_AllocateInYoungGeneration(int, unsigned long*, v8::internal::Isolate*) [node]'
    ]
    for (const line of continuing) expect(continuesError(line)).toBe(true)
    for (const line of ['[INFO] BUILD SUCCESS', 'Downloading from central: https://repo.maven.apache.org/maven2/x.pom', 'ok  \tgithub.com/acme/app\t0.01s']) {
      expect(continuesError(line)).toBe(false)
    }
    expect(isStackFrame('\tat demo.A.b(A.java:3)')).toBe(true)
    expect(isStackFrame('  File "/work/deploy.py", line 23, in <module>')).toBe(true)
    expect(isStackFrame('\t/home/runner/work/app/backend.go:211 +0xb6')).toBe(true)
    expect(isStackFrame('      --source=<source>      The path to the file or folder to be analyzed')).toBe(false)
  })

  it('take linear time on hostile lines at the line cap', () => {
    const pieces = ['a', 'a.', '.', ' ', '(', 'a(', '.a(', '[', ':', ': ', 'x_test.go:1: ', '0x1 ', '1: 0x', '\t/a.go:1', '[ERROR] ', '-']
    for (const piece of pieces) {
      const line = piece.repeat(Math.ceil(8192 / piece.length)).slice(0, 8192)
      for (const text of [line, `${line})`, `a${line}`, ` ${line}:`]) {
        const started = performance.now()
        continuesError(text)
        isStackFrame(text)
        lineSignal(text, null, null)
        echoKey(text)
        const ms = performance.now() - started
        if (ms >= 50) throw new Error(`${JSON.stringify(piece)}: ${ms.toFixed(0)} ms on a hostile line`)
      }
    }
  })

  it('triages logs of hostile lines around errors in bounded time', () => {
    for (const hostile of ['a.'.repeat(4000), ' '.repeat(8000), ': '.repeat(4000), '[ERROR] '.repeat(1000)]) {
      const log = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `Error: ${hostile}` : `${hostile}(`)).join('\n')
      const started = performance.now()
      const triage = triageText(log)
      expect(performance.now() - started).toBeLessThan(5000)
      expect(triage.excerpt.lines.length).toBeGreaterThan(0)
    }
  })
})
