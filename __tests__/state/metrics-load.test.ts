import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFixPullDoc } from '../../src/state/fix-pulls.js'
import { loadStateDir, parseStateFiles } from '../../src/state/load.js'
import { buildRecoveryDoc } from '../../src/state/recoveries.js'
import { FAILURES, REPOSITORY, writeHistory } from '../fixtures/state/history.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ci-monitor-load-'))
  writeHistory(dir)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const write = (path: string, content: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true })
  writeFileSync(join(dir, path), content)
}

describe('loading a clone of the state branch', () => {
  it('reports broken, newer, misplaced and foreign documents by path, and uses the rest', async () => {
    const record = readFileSync(join(dir, 'runs/1041/attempt-1.json'), 'utf8')
    write('runs/1041/attempt-9.json', record) // a copy at another attempt's path
    write('runs/5/attempt-1.json', '{"schema_version":1,"kind":"run-analysis"')
    write('recoveries/77.json', JSON.stringify({ schema_version: 2, kind: 'recovery', run_id: 77 }))
    write('notes.json', JSON.stringify({ title: 'not ours' }))
    write('fix-pulls/9.json', JSON.stringify({ schema_version: 1, kind: 'fix-pull', number: 9 }))
    write('quarantine/fingerprints/abcdefab.1-1.json', '{ broken')
    write('data.json', JSON.stringify({ schema_version: 1, kind: 'dashboard-data', windows: [] }))
    write('audit/notes.jsonl', '')
    const loaded = await loadStateDir(dir)
    expect(loaded.summary.problems).toEqual([
      { path: 'audit/notes.jsonl', problem: 'not a monthly audit file (audit/YYYY-MM.jsonl)' },
      { path: 'fix-pulls/9.json', problem: expect.stringContaining('does not match the schema') },
      { path: 'notes.json', problem: 'has no kind or schema_version: not a ci-monitor document' },
      { path: 'recoveries/77.json', problem: 'written by a newer ci-monitor (schema_version 2 > 1); upgrade to read it' },
      { path: 'runs/1041/attempt-9.json', problem: 'a run-analysis document that belongs at runs/1041/attempt-1.json: moved or copied by hand' },
      { path: 'runs/5/attempt-1.json', problem: 'not valid JSON' }
    ])
    expect(loaded.summary.quarantined).toBe(1)
    // Everything valid is still read, nothing twice.
    expect(loaded.summary.used['run-analysis']).toBe(13)
    expect(loaded.documents.runs.filter((r) => r.run.id === 1041)).toHaveLength(1)
  })

  it('reads run records written before the LLM step existed, and version 0 records, like current ones', () => {
    const path = 'runs/1041/attempt-1.json'
    const record = JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, any>
    const current = parseStateFiles([{ path, text: JSON.stringify(record) }])
    // Records written before 1a2cfea have no `llm` on their jobs.
    const early: Record<string, any> = { ...record, jobs: record.jobs.map(({ llm: _llm, ...job }: Record<string, unknown>) => job) }
    const { schema_version: _version, kind: _kind, ...unstamped } = early
    for (const text of [JSON.stringify(early), JSON.stringify(unstamped)]) {
      const loaded = parseStateFiles([{ path, text }])
      expect(loaded.summary.problems).toEqual([])
      expect(loaded.documents.runs).toEqual([{ ...current.documents.runs[0]!, jobs: current.documents.runs[0]!.jobs.map((job) => ({ ...job, llm: null })) }])
    }
    // Without a kind, only where a run record belongs makes it one.
    expect(parseStateFiles([{ path: 'runs/1041/notes.json', text: JSON.stringify(unstamped) }]).summary.problems).toEqual([
      { path: 'runs/1041/notes.json', problem: 'has no kind or schema_version: not a ci-monitor document' }
    ])
  })

  it('does not follow symbolic links out of the clone', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ci-monitor-outside-'))
    try {
      writeFileSync(join(outside, 'secret.json'), JSON.stringify({ schema_version: 1, kind: 'recovery' }))
      symlinkSync(join(outside, 'secret.json'), join(dir, 'recoveries', '123.json'))
      symlinkSync(outside, join(dir, 'linked-dir'))
      const loaded = await loadStateDir(dir)
      expect(loaded.summary.problems).toEqual([
        { path: 'linked-dir', problem: 'a symbolic link: not followed' },
        { path: 'recoveries/123.json', problem: 'a symbolic link: not followed' }
      ])
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('refuses category and owner values that are not identifiers', () => {
    const record = JSON.parse(readFileSync(join(dir, 'runs/1041/attempt-1.json'), 'utf8')) as { jobs: { diagnosis: { category: string } }[] }
    record.jobs[0]!.diagnosis.category = '__proto__'
    const loaded = parseStateFiles([{ path: 'runs/1041/attempt-1.json', text: JSON.stringify(record) }])
    expect(loaded.summary.problems[0]).toMatchObject({ path: 'runs/1041/attempt-1.json', problem: expect.stringContaining('jobs.0.diagnosis.category') })
    expect(loaded.documents.runs).toEqual([])
  })
})

describe('the documents the sweep writes', () => {
  it('recovery: validated when built, so times in the wrong order never reach the branch', () => {
    const facts = { repository: REPOSITORY, runId: 7, workflowPath: '.github/workflows/ci.yml', branch: 'main', recoveredByRunId: 8 }
    expect(buildRecoveryDoc({ ...facts, failedAt: new Date('2026-11-01T10:00:00Z'), recoveredAt: new Date('2026-11-01T11:00:00Z') })).toMatchObject({
      kind: 'recovery',
      run_id: 7,
      failed_at: '2026-11-01T10:00:00.000Z',
      recovered_at: '2026-11-01T11:00:00.000Z'
    })
    expect(() => buildRecoveryDoc({ ...facts, failedAt: new Date('2026-11-01T11:00:00Z'), recoveredAt: new Date('2026-11-01T10:00:00Z') })).toThrow('recovered_at')
  })

  it('fix-pull: the state follows GitHub\'s merged_at and closed_at', () => {
    const facts = { repository: REPOSITORY, number: 3, fingerprint: FAILURES.disk.fingerprint, openedAt: '2026-11-01T10:00:00Z', observedAt: new Date('2026-11-02T00:00:00Z') }
    expect(buildFixPullDoc({ ...facts, mergedAt: null, closedAt: null })).toMatchObject({ state: 'open', merged_at: null, closed_at: null })
    expect(buildFixPullDoc({ ...facts, mergedAt: null, closedAt: '2026-11-01T12:00:00Z' })).toMatchObject({ state: 'closed', merged_at: null })
    expect(buildFixPullDoc({ ...facts, mergedAt: '2026-11-01T12:00:00Z', closedAt: null })).toMatchObject({ state: 'merged', closed_at: '2026-11-01T12:00:00Z' })
  })
})
