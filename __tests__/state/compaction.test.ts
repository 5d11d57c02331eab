// Compaction of old months: which documents are folded into archive/YYYY-MM.jsonl and when, the
// union with what an archive already holds, the bound per sweep, what is left alone, and the
// loader reading archive lines as the files they were (figures and the report unchanged).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runCli } from '../../src/cli/run.js'
import type { TextChange } from '../../src/github/git.js'
import { COMPACT_AFTER_DAYS, planCompaction } from '../../src/state/compaction.js'
import { fingerprintPath } from '../../src/state/fingerprints.js'
import { loadStateDir, parseStateFiles, readStateDir, type StateFile } from '../../src/state/load.js'
import { computeAllWindows } from '../../src/state/metrics.js'
import { recoveryPath } from '../../src/state/recoveries.js'
import { runRecordPath, serialize, type RunRecord } from '../../src/state/records.js'
import { NOW, RECOVERIES, REPOSITORY, RUNS, RUN_RECOVERIES, fingerprintDocs, writeHistory } from '../fixtures/state/history.ts'

const DAY = 86_400_000
const FOLDED = /^(runs|recoveries|verifications)\//

/** The branch after a commit of `changes`; deleting a file that is not there is a mistake. */
function apply(files: readonly StateFile[], changes: readonly TextChange[]): StateFile[] {
  const byPath = new Map(files.map((file) => [file.path, file.text]))
  for (const change of changes) {
    if (change.content !== null) byPath.set(change.path, change.content)
    else if (!byPath.delete(change.path)) throw new Error(`deletes ${change.path}, which is not there`)
  }
  return [...byPath].map(([path, text]) => ({ path, text }))
}

/** The first run record of the recorded history, moved to another run and time. */
function record(id: number, analysedAt: string, change: Partial<RunRecord> = {}): StateFile {
  const base = RUNS[0]!
  const doc: RunRecord = { ...base, run: { ...base.run, id }, analysed_at: analysedAt, ...change }
  return { path: runRecordPath(id, 1), text: serialize(doc) }
}

/** The archive's lines as `path → document`, restored the way the state README says. */
function restore(files: readonly StateFile[]): Map<string, string> {
  const restored = new Map<string, string>()
  for (const file of files.filter((f) => f.path.startsWith('archive/'))) {
    for (const line of file.text.split('\n').filter(Boolean)) {
      const { path, document } = JSON.parse(line) as { path: string; document: unknown }
      expect(restored.has(path)).toBe(false)
      restored.set(path, JSON.stringify(document, null, 2) + '\n')
    }
  }
  return restored
}

const text = (files: readonly StateFile[], path: string) => files.find((f) => f.path === path)?.text

describe('compacting the recorded history', () => {
  let history: StateFile[]
  let compacted: StateFile[]
  let plan: ReturnType<typeof planCompaction>
  const dirs: string[] = []
  const dir = (files: readonly StateFile[]) => {
    const root = mkdtempSync(join(tmpdir(), 'ci-monitor-compaction-'))
    dirs.push(root)
    for (const file of files) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true })
      writeFileSync(join(root, file.path), file.text)
    }
    return root
  }

  beforeAll(async () => {
    const root = dir([])
    writeHistory(root)
    history = (await readStateDir(root)).files
    // A year on, every month of the history (September to November 2026) is old.
    plan = planCompaction(history, { now: new Date(NOW.getTime() + 365 * DAY) })
    compacted = apply(history, plan.changes)
  })
  afterAll(() => dirs.forEach((root) => rmSync(root, { recursive: true, force: true })))

  it('folds every run record, run recovery and recovery into its month and deletes them', () => {
    // September: R1 and its recovery. October: R2, R3, R3b, R4, R5, the re-run of R2 that passed and
    // five recoveries. November: R6, R7 (attempts 1 and 2), R8 … R12, two passed re-runs, three recoveries.
    expect(plan.folded).toEqual([
      { month: '2026-09', files: 2, archives: ['archive/2026-09.jsonl'] },
      { month: '2026-10', files: 11, archives: ['archive/2026-10.jsonl'] },
      { month: '2026-11', files: 12, archives: ['archive/2026-11.jsonl'] }
    ])
    expect(plan.waiting).toBe(0)
    expect(plan.problems).toEqual([])
    expect(compacted.filter((f) => FOLDED.test(f.path))).toEqual([])
    // Fingerprints, fix pull requests, approvals, the audit trail and the README stay as they were.
    for (const file of history.filter((f) => !FOLDED.test(f.path))) expect(text(compacted, file.path)).toBe(file.text)
  })

  it('keeps every folded file byte for byte: its line gives it back', () => {
    const folded = new Map(history.filter((f) => FOLDED.test(f.path)).map((f) => [f.path, f.text]))
    expect(folded.size).toBe(RUNS.length + RUN_RECOVERIES.length + RECOVERIES.length)
    expect(restore(compacted)).toEqual(folded)
    // One line per document, sorted by path.
    const paths = text(compacted, 'archive/2026-10.jsonl')!.trimEnd().split('\n').map((line) => (JSON.parse(line) as { path: string }).path)
    expect(paths).toEqual([...paths].sort())
    expect(paths).toContain(recoveryPath(1010))
  })

  it('reads the same documents after compaction, so figures over every window as of any day are the same', () => {
    const before = parseStateFiles(history)
    const after = parseStateFiles(compacted)
    expect(after.summary).toEqual(before.summary)
    expect(after.documents).toEqual(before.documents)
    expect(after.audit).toEqual(before.audit)
    const days = ['2026-09-10T12:00:00Z', '2026-10-21T00:00:00Z', '2026-10-28T18:00:00Z', '2026-11-05T12:00:00Z', NOW.toISOString(), '2027-01-15T00:00:00Z']
    for (const day of days) {
      const options = { now: new Date(day), repository: REPOSITORY }
      expect(computeAllWindows(after.documents, options)).toEqual(computeAllWindows(before.documents, options))
    }
    // The comparison can fail: without the archive, the figures of those days are not the same.
    const without = parseStateFiles(compacted.filter((f) => !f.path.startsWith('archive/')))
    expect(computeAllWindows(without.documents, { now: NOW, repository: REPOSITORY })).not.toEqual(computeAllWindows(before.documents, { now: NOW, repository: REPOSITORY }))
  })

  it('ci-monitor report prints the same figures from a clone before and after', async () => {
    const report = async (root: string) => {
      let stdout = ''
      const code = await runCli(['report', '--state', root, '--format', 'json', '--window', '90', '--as-of', NOW.toISOString()], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => true }
      })
      expect(code).toBe(0)
      return JSON.parse(stdout) as { metrics: { failures: { total: number } } }
    }
    const before = await report(dir(history))
    const after = await report(dir(compacted))
    expect(after).toEqual(before)
    expect(before.metrics.failures.total).toBeGreaterThan(0)
    expect((await loadStateDir(dir(compacted))).documents).toEqual((await loadStateDir(dir(history))).documents)
  })

  it('has nothing more to do the second time', () => {
    const again = planCompaction(compacted, { now: new Date(NOW.getTime() + 365 * DAY) })
    expect(again).toEqual({ changes: [], folded: [], waiting: 0, problems: [] })
  })
})

describe('which months are folded', () => {
  it('folds a month once all of it is more than 120 days old: the 90-day window and a 30-day margin', () => {
    expect(COMPACT_AFTER_DAYS).toBe(120)
    const files = [record(1, '2026-01-31T23:59:59.999Z'), record(2, '2026-02-01T00:00:00.000Z')]
    const januaryOld = Date.parse('2026-02-01T00:00:00Z') + 120 * DAY
    const februaryOld = Date.parse('2026-03-01T00:00:00Z') + 120 * DAY
    const months = (now: number) => planCompaction(files, { now: new Date(now) }).folded.map((m) => m.month)
    expect(months(januaryOld - 1)).toEqual([])
    expect(months(januaryOld)).toEqual(['2026-01'])
    expect(months(februaryOld - 1)).toEqual(['2026-01'])
    expect(months(februaryOld)).toEqual(['2026-01', '2026-02'])
    const january = planCompaction(files, { now: new Date(januaryOld) })
    expect(january.changes.map((c) => [c.path, c.content === null ? 'deleted' : 'written'])).toEqual([
      ['runs/1/attempt-1.json', 'deleted'],
      ['archive/2026-01.jsonl', 'written']
    ])
  })

  it('dates each kind by when it was written: a recovery by when the run recovered', () => {
    const recovery = { ...RECOVERIES[0]!, run_id: 77, failed_at: '2026-01-31T22:00:00.000Z', recovered_at: '2026-02-01T01:00:00.000Z' }
    const passed = { ...RUN_RECOVERIES[0]!, run: { ...RUN_RECOVERIES[0]!.run, id: 78 }, recorded_at: '2026-01-15T00:00:00.000Z' }
    const verification = { schema_version: 1, kind: 'fix-verification', run: { id: 79, attempt: 2 }, recorded_at: '2026-02-10T00:00:00.000Z', outcome: 'verified' }
    const files = [
      { path: recoveryPath(77), text: serialize(recovery) },
      { path: runRecordPath(78, passed.run.attempt), text: serialize(passed) },
      { path: 'verifications/79/attempt-2.json', text: serialize(verification) }
    ]
    const plan = planCompaction(files, { now: new Date(Date.parse('2026-03-01T00:00:00Z') + 120 * DAY) })
    expect(plan.folded).toEqual([
      { month: '2026-01', files: 1, archives: ['archive/2026-01.jsonl'] },
      { month: '2026-02', files: 2, archives: ['archive/2026-02.jsonl'] }
    ])
    const after = apply(files, plan.changes)
    expect(restore(after)).toEqual(new Map(files.map((f) => [f.path, f.text])))
    expect(text(after, 'archive/2026-01.jsonl')).toContain('"path":"runs/78/attempt-2.json"')
  })
})

describe('folding into an archive that is already there', () => {
  const now = new Date('2026-12-01T00:00:00Z')

  it('is a union keyed by path: a late file joins its month, and a file at an archived path replaces its line', () => {
    const first = [record(1, '2026-01-05T00:00:00.000Z'), record(3, '2026-01-20T00:00:00.000Z')]
    const compacted = apply(first, planCompaction(first, { now }).changes)
    const late = record(2, '2026-01-10T00:00:00.000Z')
    const rewritten = record(3, '2026-01-20T00:00:00.000Z', { dry_run: true })
    const branch = [...compacted.filter((f) => f.path !== rewritten.path), late, rewritten]
    const plan = planCompaction(branch, { now })
    expect(plan.folded).toEqual([{ month: '2026-01', files: 2, archives: ['archive/2026-01.jsonl'] }])
    const after = apply(branch, plan.changes)
    expect(restore(after)).toEqual(new Map([first[0]!, late, rewritten].map((f) => [f.path, f.text])))
    expect(after.filter((f) => FOLDED.test(f.path))).toEqual([])
  })

  it('moves the line of a run analysed again months later to the month of its new record', () => {
    const old = record(1, '2026-01-05T00:00:00.000Z')
    const other = record(2, '2026-02-05T00:00:00.000Z')
    const archived = apply([old, other], planCompaction([old, other], { now: new Date('2026-07-01T00:00:00Z') }).changes)
    expect(archived.map((f) => f.path).sort()).toEqual(['archive/2026-01.jsonl', 'archive/2026-02.jsonl'])
    const again = record(1, '2026-03-10T00:00:00.000Z')
    const branch = [...archived, again]
    // Until then the loader reads the new file, once.
    expect(parseStateFiles(branch).documents.runs.map((r) => [r.run.id, r.analysed_at])).toEqual([
      [1, '2026-03-10T00:00:00.000Z'],
      [2, '2026-02-05T00:00:00.000Z']
    ])
    const plan = planCompaction(branch, { now: new Date('2026-08-01T00:00:00Z') })
    expect(plan.folded).toEqual([{ month: '2026-03', files: 1, archives: ['archive/2026-03.jsonl'] }])
    const after = apply(branch, plan.changes)
    // January held only that line: its file goes.
    expect(after.map((f) => f.path).sort()).toEqual(['archive/2026-02.jsonl', 'archive/2026-03.jsonl'])
    expect(restore(after)).toEqual(new Map([again, other].map((f) => [f.path, f.text])))
  })

  it('splits a month into parts of bounded size, and drops the parts it no longer needs', () => {
    const files = [1, 2, 3, 4, 5].map((id) => record(id, `2026-01-0${id}T00:00:00.000Z`))
    const lineBytes = Math.max(...files.map((f) => Buffer.byteLength(JSON.stringify({ path: f.path, document: JSON.parse(f.text) })) + 1))
    const maxPartBytes = 2 * lineBytes + 10
    const plan = planCompaction(files, { now, maxPartBytes })
    expect(plan.folded).toEqual([{ month: '2026-01', files: 5, archives: ['archive/2026-01.jsonl', 'archive/2026-01.2.jsonl', 'archive/2026-01.3.jsonl'] }])
    const after = apply(files, plan.changes)
    for (const part of after) expect(Buffer.byteLength(part.text)).toBeLessThanOrEqual(maxPartBytes)
    expect(restore(after)).toEqual(new Map(files.map((f) => [f.path, f.text])))
    expect(parseStateFiles(after).documents.runs.map((r) => r.run.id)).toEqual([1, 2, 3, 4, 5])
    // Three of them analysed again in March: January shrinks to one part.
    const again = [3, 4, 5].map((id) => record(id, '2026-03-02T00:00:00.000Z'))
    const next = planCompaction([...after, ...again], { now: new Date('2026-08-01T00:00:00Z'), maxPartBytes })
    const final = apply([...after, ...again], next.changes)
    expect(final.map((f) => f.path).sort()).toEqual(['archive/2026-01.jsonl', 'archive/2026-03.2.jsonl', 'archive/2026-03.jsonl'])
    expect(restore(final)).toEqual(new Map([files[0]!, files[1]!, ...again].map((f) => [f.path, f.text])))
  })
})

describe('the bound per sweep', () => {
  it('folds the oldest months first, at most `limit` files, and the next sweeps go on to the same result', () => {
    const files = [
      record(30, '2026-01-03T00:00:00.000Z'),
      record(4, '2026-01-04T00:00:00.000Z'),
      record(100, '2026-01-05T00:00:00.000Z'),
      record(1, '2026-02-01T00:00:00.000Z'),
      record(2, '2026-02-02T00:00:00.000Z')
    ]
    const now = new Date('2026-12-01T00:00:00Z')
    const first = planCompaction(files, { now, limit: 2 })
    // January first; within it by path (runs/100 before runs/30 before runs/4).
    expect(first.changes.filter((c) => c.content === null).map((c) => c.path)).toEqual(['runs/100/attempt-1.json', 'runs/30/attempt-1.json'])
    expect(first.waiting).toBe(3)
    let branch = apply(files, first.changes)
    const rounds: number[] = []
    for (let round = 0; round < 5; round++) {
      const plan = planCompaction(branch, { now, limit: 2 })
      if (plan.changes.length === 0) break
      rounds.push(plan.folded.reduce((sum, m) => sum + m.files, 0))
      branch = apply(branch, plan.changes)
    }
    expect(rounds).toEqual([2, 1])
    const all = apply(files, planCompaction(files, { now }).changes)
    expect(branch.sort((a, b) => a.path.localeCompare(b.path))).toEqual(all.sort((a, b) => a.path.localeCompare(b.path)))
  })
})

describe('what is left alone', () => {
  const now = new Date('2026-12-01T00:00:00Z')
  const old = '2026-01-05T00:00:00.000Z'

  it('never folds a document ci-monitor cannot read, nor one laid out by hand, nor other kinds', () => {
    const good = record(1, old)
    const byHand = { path: runRecordPath(2, 1), text: JSON.stringify(JSON.parse(record(2, old).text)) }
    const files: StateFile[] = [
      good,
      byHand,
      { path: runRecordPath(5, 1), text: '{"schema_version":1,"kind":"run-analysis"' },
      { path: runRecordPath(6, 1), text: serialize({ ...JSON.parse(record(6, old).text), schema_version: 2 }) },
      // A copy of run 1's record at run 7's path.
      { path: runRecordPath(7, 1), text: good.text },
      { path: runRecordPath(8, 1), text: serialize({ schema_version: 1, kind: 'notes', at: old }) },
      { path: 'verifications/9/attempt-1.json', text: serialize({ schema_version: 1, kind: 'fix-verification', run: { id: 10, attempt: 1 }, recorded_at: old }) },
      { path: 'verifications/11/attempt-1.json', text: serialize({ schema_version: 1, kind: 'fix-verification', run: { id: 11, attempt: 1 }, recorded_at: old }) },
      { path: fingerprintPath(fingerprintDocs()[0]!.fingerprint), text: serialize(fingerprintDocs()[0]) },
      { path: 'approvals/3.json', text: serialize({ schema_version: 1, kind: 'approval-request', number: 3, created_at: old }) },
      { path: 'quarantine/runs/3/attempt-1.0123456789ab.json', text: good.text }
    ]
    const plan = planCompaction(files, { now })
    expect(plan.changes.filter((c) => c.content === null).map((c) => c.path)).toEqual([good.path, 'verifications/11/attempt-1.json'])
    expect(plan.problems).toEqual([
      'runs/2/attempt-1.json (2026-01) is not laid out as ci-monitor writes it (edited by hand?): left in place, as its line could not give back the same bytes.'
    ])
  })

  it('does not rewrite an archive it cannot read whole, nor one it could not download', () => {
    const archived = apply([record(1, old)], planCompaction([record(1, old)], { now }).changes)
    const broken = { path: 'archive/2026-01.jsonl', text: archived[0]!.text + '{"path": "runs/2/attempt-1.json", "document": \n' }
    const files = [broken, record(3, old), record(4, '2026-02-05T00:00:00.000Z')]
    const plan = planCompaction(files, { now, unread: ['archive/2026-02.jsonl'] })
    expect(plan.changes).toEqual([])
    expect(plan.problems).toEqual([
      'archive/2026-01.jsonl line 2 not valid JSON: 2026-01 is not rewritten until it is repaired (1 document(s) left in place).',
      'archive/2026-02.jsonl could not be read: 2026-02 is not rewritten until it is repaired (1 document(s) left in place).'
    ])
    // The loader still reads the lines it can, and says which one it cannot.
    const loaded = parseStateFiles(files)
    expect(loaded.documents.runs.map((r) => r.run.id)).toEqual([1, 3, 4])
    expect(loaded.summary.problems).toEqual([{ path: 'archive/2026-01.jsonl', problem: 'line 2: not valid JSON' }])
  })
})

describe('reading archive lines', () => {
  it('reads a file at an archived path instead of its line, and only archivable paths from lines', () => {
    const archived = record(1, '2026-01-05T00:00:00.000Z')
    const fingerprint = fingerprintDocs()[0]!
    const line = (path: string, document: unknown) => JSON.stringify({ path, document })
    const files: StateFile[] = [
      {
        path: 'archive/2026-01.jsonl',
        text: [
          line(archived.path, JSON.parse(archived.text)),
          line(fingerprintPath(fingerprint.fingerprint), fingerprint),
          line('audit/HEAD.json', { schema_version: 1, kind: 'audit-head' }),
          // Run 1's record under run 9's path: reported as the file would be, naming the archive.
          line(runRecordPath(9, 1), JSON.parse(archived.text)),
          '["not", "a", "line"]'
        ].join('\n') + '\n'
      },
      { path: 'archive/notes.jsonl', text: '' }
    ]
    const loaded = parseStateFiles(files)
    expect(loaded.documents.runs.map((r) => r.analysed_at)).toEqual(['2026-01-05T00:00:00.000Z'])
    expect(loaded.documents.fingerprints).toEqual([])
    expect(loaded.audit.head).toBeNull()
    expect(loaded.summary.problems).toEqual([
      { path: 'archive/2026-01.jsonl', problem: `line 2: "${fingerprintPath(fingerprint.fingerprint)}" is not a path whose documents are archived` },
      { path: 'archive/2026-01.jsonl', problem: 'line 3: "audit/HEAD.json" is not a path whose documents are archived' },
      { path: 'archive/2026-01.jsonl', problem: 'line 5: not an archive line ({"path": …, "document": {…}})' },
      { path: 'archive/notes.jsonl', problem: 'not a monthly archive file (archive/YYYY-MM.jsonl)' },
      { path: runRecordPath(9, 1), problem: 'a run-analysis document that belongs at runs/1/attempt-1.json: moved or copied by hand (archived in archive/2026-01.jsonl)' }
    ])
    // A file at the same path is the newer write: read instead of the line.
    const newer = record(1, '2026-03-01T00:00:00.000Z')
    expect(parseStateFiles([...files, newer]).documents.runs.map((r) => r.analysed_at)).toEqual(['2026-03-01T00:00:00.000Z'])
  })
})
