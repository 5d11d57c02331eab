import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/run.js'
import { loadStateDir } from '../../src/state/load.js'
import { computeMetrics } from '../../src/state/metrics.js'
import { NOW, writeHistory } from '../fixtures/state/history.ts'

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } })
  return { code, stdout, stderr }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ci-monitor-report-'))
  writeHistory(dir)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const AS_OF = ['--as-of', NOW.toISOString()]

describe('ci-monitor report', () => {
  it('prints the figures as text, the same numbers as the metrics', async () => {
    const { code, stdout, stderr } = await cli('report', '--state', dir, ...AS_OF)
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/^ci-monitor report · acme\/shop · last 30 days \(2026-10-18 to 2026-11-16 UTC\)\n/)
    expect(stdout).toMatch(/\nFailures +14 +11 DEVOPS · 3 DEVELOPER, in 11 runs\n/)
    expect(stdout).toMatch(/\nAuto-fixed +50% +7 of 14: 3 by re-run, 4 by fix PR\n/)
    expect(stdout).toMatch(/\nRe-run success +67% +2 passed, 1 failed, 1 pending of 4\n/)
    expect(stdout).toMatch(/\nTime to recovery +3 h +median of 6 incidents; mean 13 h 3 min\n/)
    expect(stdout).toMatch(/\n {2}1\. 3f9a0c1d2b4e5f60 {2}6 failures \(5 flaky, 3 auto-fixed\)/)
    expect(stdout).toContain('Not read by this version: 1 approval-request.')
  })

  it('takes the window from --window', async () => {
    const { stdout } = await cli('report', '--state', dir, '--window=7', ...AS_OF)
    expect(stdout).toContain('last 7 days (2026-11-10 to 2026-11-16 UTC)')
    expect(stdout).toMatch(/\nFailures +6 /)
  })

  it('prints Markdown with escaped names and links built from the repository', async () => {
    const { code, stdout } = await cli('report', '--state', dir, '--format', 'markdown', ...AS_OF)
    expect(code).toBe(0)
    expect(stdout).toContain('| Failures | 14 | 11 DEVOPS · 3 DEVELOPER, in 11 runs |')
    expect(stdout).toContain('| feat/&lt;i&gt;x&lt;/i&gt; | 1 |')
    expect(stdout).not.toContain('<i>')
    expect(stdout).not.toContain('<img')
    expect(stdout).toContain('[run 1043](https://github.com/acme/shop/actions/runs/1043)')
    expect(stdout).toContain('[#41 merged](https://github.com/acme/shop/pull/41)')
  })

  it('prints JSON equal to the metrics computed directly', async () => {
    const { stdout } = await cli('report', '--state', dir, '--format', 'json', '--window', '90', ...AS_OF)
    const parsed = JSON.parse(stdout) as { metrics: unknown; sources: { used: Record<string, number> } }
    const loaded = await loadStateDir(dir)
    expect(parsed.metrics).toEqual(computeMetrics(loaded.documents, { now: NOW, windowDays: 90, repository: 'acme/shop' }))
    expect(parsed.sources.used['run-analysis']).toBe(13)
  })

  it('keeps terminal escapes from a branch name out of the terminal', async () => {
    const path = join(dir, 'runs/1041/attempt-1.json')
    const record = JSON.parse(readFileSync(path, 'utf8')) as { run: { head_branch: string } }
    record.run.head_branch = 'evil\u001b]8;;https://example.com\u0007click\u001b]8;;\u0007\u202e'
    writeFileSync(path, JSON.stringify(record))
    const { stdout } = await cli('report', '--state', dir, ...AS_OF)
    expect(stdout).not.toMatch(/[\u001b\u0007\u202e]/)
    expect(stdout).toContain('evilclick')
  })

  it('reports the documents it left out, and still reports the rest', async () => {
    writeFileSync(join(dir, 'fingerprints/0000000000000000.json'), '{ "kind": "fingerprint", ')
    writeFileSync(join(dir, 'recoveries/99.json'), JSON.stringify({ schema_version: 7, kind: 'recovery' }))
    const { code, stdout } = await cli('report', '--state', dir, ...AS_OF)
    expect(code).toBe(0)
    expect(stdout).toMatch(/\nFailures +14 /)
    expect(stdout).toContain('Left out (2):')
    expect(stdout).toContain('- fingerprints/0000000000000000.json: not valid JSON')
    expect(stdout).toContain('- recoveries/99.json: written by a newer ci-monitor (schema_version 7 > 1)')
  })

  it('answers usage mistakes with one line on stderr and exit code 2', async () => {
    const cases = [
      ['report'],
      ['report', '--state'],
      ['report', '--state', dir, '--window', '14'],
      ['report', '--state', dir, '--format', 'html'],
      ['report', '--state', dir, '--as-of', 'yesterday'],
      ['report', '--state', dir, '--color'],
      ['report', '--state', dir, 'extra'],
      ['report', '--state', dir, '--state', dir],
      ['report', '--state', join(dir, 'missing')]
    ]
    for (const argv of cases) {
      const { code, stdout, stderr } = await cli(...argv)
      expect([argv, code]).toEqual([argv, 2])
      expect(stdout).toBe('')
      expect(stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})

describe('ci-monitor audit verify', () => {
  it('accepts the recorded trail', async () => {
    const { code, stdout } = await cli('audit', 'verify', '--state', dir)
    expect(code).toBe(0)
    expect(stdout).toContain('audit/2026-10.jsonl  21 entries  intact')
    expect(stdout).toMatch(/Audit trail intact: 45 entries in 3 files, chained from genesis; tip [0-9a-f]{64}\.\n$/)
  })

  it('names the first broken line when an entry was edited', async () => {
    const path = join(dir, 'audit/2026-10.jsonl')
    const lines = readFileSync(path, 'utf8').split('\n')
    // Line 5 is the gate's verdict on run 1020's first job (after run 1010's three entries and 1020's analysis).
    expect(lines[4]).toContain('"outcome":"open-pr"')
    lines[4] = lines[4]!.replace('"outcome":"open-pr"', '"outcome":"notify"')
    writeFileSync(path, lines.join('\n'))
    const { code, stdout } = await cli('audit', 'verify', '--state', dir)
    expect(code).toBe(1)
    expect(stdout).toContain('audit/2026-09.jsonl  3 entries  intact')
    expect(stdout).toContain('audit/2026-10.jsonl line 5: the hash does not match the entry')
    expect(stdout).toContain('Audit trail BROKEN')
  })

  it('fails when the head of the trail is gone', async () => {
    unlinkSync(join(dir, 'audit/HEAD.json'))
    const { code, stdout } = await cli('audit', 'verify', '--state', dir)
    expect(code).toBe(1)
    expect(stdout).toContain('audit/HEAD.json: missing')
  })

  it('says so when there is no trail yet', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ci-monitor-empty-'))
    try {
      const { code, stdout } = await cli('audit', 'verify', '--state', empty)
      expect(code).toBe(0)
      expect(stdout).toContain('No audit trail yet')
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('answers usage mistakes with exit code 2', async () => {
    for (const argv of [['audit'], ['audit', 'check'], ['audit', 'verify'], ['audit', 'verify', '--state', join(dir, 'nope')]]) {
      const { code, stderr } = await cli(...argv)
      expect([argv, code]).toEqual([argv, 2])
      expect(stderr.trim().split('\n')).toHaveLength(1)
    }
  })

  it('is listed in the help with report', async () => {
    const { stdout } = await cli('--help')
    expect(stdout).toContain('report --state DIR [--window 7|30|90] [--format text|markdown|json]')
    expect(stdout).toContain('audit verify --state DIR')
  })
})
