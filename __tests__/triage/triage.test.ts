import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { triageStream, triageText } from '../../src/triage/index.js'
import { chunked, fromChunks, gh } from './helpers.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/logs/', import.meta.url))
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

/** A small job log: checkout, then a step whose script mentions "error", failing on a real cause. */
function jobLog(cause: string[], newline = '\n'): string {
  return (
    [
      gh("Current runner version: '2.316.1'"),
      gh('##[group]Run actions/checkout@v4'),
      gh('with:'),
      gh('##[endgroup]'),
      gh('Syncing repository: octo/app'),
      gh('##[group]Run npm test'),
      gh('\x1b[36;1mnpm test || echo "error: tests failed"\x1b[0m'),
      gh('shell: /usr/bin/bash -e {0}'),
      gh('##[endgroup]'),
      gh('> app@1.0.0 test'),
      ...cause.map((line, i) => gh(line, i + 10)),
      gh('##[error]Process completed with exit code 1.', 30),
      gh('Post job cleanup.', 31),
      gh('[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader', 31),
      gh('Error: this cleanup line is not the cause', 32),
      gh('Cleaning up orphan processes', 33)
    ].join(newline) + newline
  )
}

describe('triageStream', () => {
  it('gives the same result whatever the chunk boundaries (inside UTF-8 characters, inside CRLF)', async () => {
    const texts = [
      fixture('jest-failure.log'),
      fixture('gradle-registry-502.log'),
      jobLog(['FAIL src/a.test.ts', '  ● price › rounds to cents ✓ café', '    Expected: 1', '    Received: 2'], '\r\n'),
      `binary\u0000junk\nError: boom \udc80 tail\nend`
    ]
    for (const text of texts) {
      const whole = triageText(text)
      for (const seed of [1, 7, 1234]) {
        expect(await triageStream(chunked(Buffer.from(text), seed, 97))).toEqual(whole)
      }
      expect(await triageStream(fromChunks([text]))).toEqual(whole)
    }
  })

  it('keeps a stack trace that crosses a block boundary the same as in one piece', async () => {
    // In 64 KiB chunks the first block ends at the last line end before 256 KiB: the trace below
    // starts just before it, and its frames go on past the lines always kept after a hit.
    const filler = Array.from({ length: 6_202 }, (_, i) => `[INFO] compiled module ${String(i).padStart(5, '0')} of the build`)
    const frames = Array.from({ length: 45 }, (_, i) => `\tat org.example.service.Handler.step${i}(Handler.java:${i + 10})`)
    const text = [...filler, 'java.lang.IllegalStateException: connection pool exhausted', ...frames, ...filler].join('\n') + '\n'
    const at = text.indexOf('IllegalStateException')
    expect(at).toBeGreaterThan(260_000)
    expect(at).toBeLessThan(261_000)
    const whole = triageText(text)
    expect(whole.excerpt.lines.filter((l) => l.text.startsWith('\tat org.example')).length).toBe(45)
    const bytes = Buffer.from(text)
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536))
    expect(await triageStream(fromChunks(chunks))).toEqual(whole)
    expect(await triageStream(chunked(bytes, 3, 70_000))).toEqual(whole)
  })

  it('reads raw bytes, including invalid UTF-8, and counts binary lines', async () => {
    const bytes = Buffer.concat([Buffer.from('ok line\nnul \u0000 here\n'), Buffer.from([0xff, 0xfe, 0x41, 0x0a]), Buffer.from('Error: after junk\n')])
    const triage = await triageStream(chunked(bytes, 3, 4))
    expect(triage.totalLines).toBe(4)
    expect(triage.totalBytes).toBe(bytes.length)
    expect(triage.binaryLines).toBe(2)
    for (const line of triage.excerpt.lines) expect(line.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
  })
})

describe('triageText', () => {
  it('points at the cause, not at the echo or the cleanup, with original line numbers', () => {
    const text = jobLog(['FAIL src/cart.test.ts', '  ● cart › applies the discount', '', '    Expected: 90', '    Received: 100'])
    const triage = triageText(text)
    const original = text.split('\n')
    for (const line of triage.excerpt.lines) expect(original[line.n - 1]).toContain(line.text.trim())
    const texts = triage.excerpt.lines.map((l) => l.text)
    expect(texts).toContain('  ● cart › applies the discount')
    expect(texts).toContain('    Received: 100')
    expect(texts.join('\n')).not.toContain('cleanup line')
    expect(texts.join('\n')).not.toContain('echo "error')
    expect(triage.signature.join('\n')).not.toContain('exit code')
    expect(triage.excerpt.ranges[0]!.start).toBe(triage.excerpt.lines[0]!.n)
  })

  it('names the failing step from the log, or from the jobs API when given', () => {
    const text = jobLog(['Error: Cannot find module \'left-pad\''])
    const fromLog = triageText(text)
    expect(fromLog.failingStep?.name).toBe('Run npm test')
    expect(fromLog.failingStep?.number).toBeNull()
    const start = fromLog.failingStep!.range.start
    expect(text.split('\n')[start - 1]).toContain('##[group]Run npm test')
    expect(fromLog.errorLines).toHaveLength(1)

    const steps = [
      { number: 1, name: 'Set up job', conclusion: 'success' },
      { number: 2, name: 'Checkout', conclusion: 'success' },
      { number: 3, name: 'Unit tests', conclusion: 'failure' },
      { number: 4, name: 'Post Checkout', conclusion: 'success' },
      { number: 5, name: 'Complete job', conclusion: 'success' }
    ]
    const fromApi = triageText(text, { steps })
    expect(fromApi.failingStep).toEqual({ name: 'Unit tests', number: 3, range: fromLog.failingStep!.range })
  })

  it('has no failing step for logs that are not GitHub job logs', () => {
    expect(triageText('[ERROR] Failed to execute goal x\nBUILD FAILURE\n').failingStep).toBeNull()
  })

  it('looks into earlier steps when the failing step only echoes an exit code', () => {
    const text = [
      gh("Current runner version: '2.316.1'"),
      gh('##[group]Run git describe --tags'),
      gh('##[endgroup]'),
      gh("fatal: No names found, cannot describe anything."),
      gh('##[group]Run test -n "$VERSION"'),
      gh('##[endgroup]'),
      gh('##[error]Process completed with exit code 1.')
    ].join('\n')
    const triage = triageText(text)
    expect(triage.failingStep?.name).toBe('Run test -n "$VERSION"')
    expect(triage.excerpt.lines.map((l) => l.n)).toContain(4)
  })

  it('stays within the line budget on a flood of distinct errors', () => {
    const flood = Array.from({ length: 2000 }, (_, i) => `src/file${i}.ts(${i},1): error TS2304: Cannot find name 'v${i}'.`).join('\n')
    const triage = triageText(flood, { maxExcerptLines: 25 })
    expect(triage.excerpt.lines.length).toBeLessThanOrEqual(25)
    expect(triage.excerpt.lines[0]!.n).toBe(1)
    expect(triage.totalLines).toBe(2000)
  })

  it('keeps a line of several megabytes without newline to the cap, and says it truncated', async () => {
    const huge = `Error: ${'y'.repeat(5_000_000)}`
    const triage = await triageStream(chunked(Buffer.from(huge), 11, 65536))
    expect(triage.totalLines).toBe(1)
    expect(triage.truncated).toBe(true)
    expect(triage.excerpt.lines[0]!.text.length).toBeLessThanOrEqual(800)
  })

  it('stops at the byte cap and says so', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n')
    const triage = triageText(text, { maxBytes: 1000 })
    expect(triage.totalBytes).toBe(1000)
    expect(triage.truncated).toBe(true)
    expect(triage.totalLines).toBeLessThan(1000)
  })

  it('handles an empty log', () => {
    const triage = triageText('')
    expect(triage.totalLines).toBe(0)
    expect(triage.excerpt.lines).toEqual([])
    expect(triage.fingerprint).toMatch(/^[0-9a-f]{16}$/)
  })

  it('falls back to the last lines when nothing looks like an error', () => {
    const triage = triageText('step one\nstep two\nall quiet\n')
    expect(triage.excerpt.lines.map((l) => l.text)).toEqual(['step one', 'step two', 'all quiet'])
  })

  it('redacts secrets from the excerpt and the signature, and counts them', () => {
    const token = 'gh' + 'p_' + 'Zx9Q2bL7mN4pR8sT1vW3yA5cE6gH0jK2lM4n'
    const text = jobLog([`Error: push rejected for https://x-access-token:${token}@github.com/octo/app.git`, '::add-mask::hunter2-value'])
    const triage = triageText(text)
    const all = JSON.stringify(triage)
    expect(all).not.toContain(token)
    expect(all).not.toContain('hunter2-value')
    expect(triage.redactions['url-credentials']).toBeGreaterThanOrEqual(1)
  })

  it('never lets a line of the excerpt start a workflow command', () => {
    const triage = triageText(['::error::real problem', '::stop-commands::tok3n', '  ::warning::x', 'Error: boom'].join('\n'))
    for (const line of triage.excerpt.lines) expect(line.text.trimStart().startsWith('::')).toBe(false)
  })
})
