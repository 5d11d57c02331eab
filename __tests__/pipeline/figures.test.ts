// The pure parts of the figures sweep: what is still to look up (and how much per sweep), which
// success ended a failure, and when the dashboard needs writing again. The history is the hand-made
// one of __tests__/fixtures/state/history.ts.
import { describe, expect, it } from '@jest/globals'
import type { RunTimes } from '../../src/github/runs.js'
import { planDashboard, sameFigures } from '../../src/pipeline/figures/dashboard.js'
import { pendingPulls, pendingRecoveries } from '../../src/pipeline/figures/pending.js'
import { nextSuccess } from '../../src/pipeline/figures/recoveries.js'
import { buildFixPullDoc } from '../../src/state/fix-pulls.js'
import { parseStateFiles, type StateDocuments, type StateFile } from '../../src/state/load.js'
import { parseDashboardData } from '../../src/state/metrics.js'
import { recoveryPath } from '../../src/state/recoveries.js'
import { runRecordPath, serialize } from '../../src/state/records.js'
import { FAILURES, FIX_PULLS, NOW, RECOVERIES, REPOSITORY, RUNS, RUN_RECOVERIES, fingerprintDocs } from '../fixtures/state/history.ts'

function documents(overrides: Partial<StateDocuments> = {}): StateDocuments {
  return { runs: RUNS, runRecoveries: RUN_RECOVERIES, fingerprints: fingerprintDocs(), recoveries: RECOVERIES, fixPulls: FIX_PULLS, ...overrides }
}

describe('pendingRecoveries', () => {
  it('lists analysed failed runs without a recovery record, newest first, none stamped after now', () => {
    // Runs 1041 and 1043 have no recovery record; 1044 is analysed after NOW.
    expect(pendingRecoveries(documents(), NOW)).toEqual({
      next: [
        { runId: 1043, attempt: 1 },
        { runId: 1041, attempt: 1 }
      ],
      waiting: 2
    })
  })

  it('looks a run up once, from its first analysed attempt, ordered by its latest', () => {
    // 1040 failed on attempts 1 and 2 (2026-11-10): one lookup, from attempt 1, after 1041 (11-12).
    const pending = pendingRecoveries(documents({ recoveries: RECOVERIES.filter((doc) => doc.run_id !== 1040) }), NOW)
    expect(pending.next).toEqual([
      { runId: 1043, attempt: 1 },
      { runId: 1041, attempt: 1 },
      { runId: 1040, attempt: 1 }
    ])
  })

  it('stops at the limit per sweep and counts the rest as waiting', () => {
    const all = pendingRecoveries(documents({ recoveries: [] }), NOW)
    // 11 distinct runs up to NOW (1040 twice; 1044 is after NOW).
    expect(all.waiting).toBe(11)
    const limited = pendingRecoveries(documents({ recoveries: [] }), NOW, 3)
    expect(limited).toEqual({ next: all.next.slice(0, 3), waiting: 11 })
    expect(limited.next.map((p) => p.runId)).toEqual([1043, 1042, 1041])
    expect(pendingRecoveries(documents({ recoveries: [] }), NOW, 0).next).toEqual([])
  })

  it('leaves out failures older than the longest window', () => {
    // On 2026-12-10, 1001 (2026-09-10) is 91 days old; 1010 (2026-10-20) is not.
    const ids = pendingRecoveries(documents({ recoveries: [] }), new Date('2026-12-10T00:00:00Z'), 100).next.map((p) => p.runId)
    expect(ids).not.toContain(1001)
    expect(ids).toContain(1010)
    expect(ids).toContain(1044)
  })

  it('ignores records without failed jobs', () => {
    const empty = { ...RUNS[1]!, jobs: [] }
    expect(pendingRecoveries(documents({ runs: [empty], recoveries: [] }), NOW).next).toEqual([])
  })
})

describe('pendingPulls', () => {
  it('is empty when every fix pull request named by a fingerprint has a final outcome', () => {
    expect(pendingPulls(documents())).toEqual({ next: [], waiting: 0 })
  })

  it('lists those without a final document, oldest first, with the fingerprint that names them', () => {
    const open = buildFixPullDoc({ ...facts(41), mergedAt: null, closedAt: null })
    const pending = pendingPulls(documents({ fixPulls: [open] }))
    expect(pending).toEqual({
      next: [
        { number: 41, fingerprint: FAILURES.artifact.fingerprint },
        { number: 44, fingerprint: FAILURES.disk.fingerprint }
      ],
      waiting: 2
    })
    expect(pendingPulls(documents({ fixPulls: [] }), 1)).toEqual({ next: [{ number: 41, fingerprint: FAILURES.artifact.fingerprint }], waiting: 2 })
  })
})

function facts(number: number) {
  return { repository: REPOSITORY, number, fingerprint: FAILURES.artifact.fingerprint, openedAt: '2026-10-22T13:59:50Z', observedAt: NOW }
}

describe('nextSuccess', () => {
  const failed: RunTimes = run({ id: 10, createdAt: '2026-11-10T10:00:00Z', updatedAt: '2026-11-10T10:05:00Z', conclusion: 'failure' })

  function run(overrides: Partial<RunTimes>): RunTimes {
    return {
      id: 1,
      attempt: 1,
      workflowId: 7,
      path: '.github/workflows/ci.yml',
      headBranch: 'main',
      headRepositoryId: 100,
      status: 'completed',
      conclusion: 'success',
      createdAt: '2026-11-10T11:00:00Z',
      updatedAt: '2026-11-10T11:10:00Z',
      ...overrides
    }
  }

  it('is the first success to complete after the failure, of the same workflow, branch and head repository', () => {
    const successes = [
      run({ id: 5, createdAt: '2026-11-10T09:00:00Z', updatedAt: '2026-11-10T09:10:00Z' }), // before the failure
      run({ id: 11, createdAt: '2026-11-10T10:10:00Z', updatedAt: '2026-11-10T10:50:00Z' }),
      run({ id: 12, createdAt: '2026-11-10T10:30:00Z', updatedAt: '2026-11-10T10:40:00Z' }), // created later, done first
      run({ id: 13, workflowId: 8, createdAt: '2026-11-10T10:06:00Z', updatedAt: '2026-11-10T10:07:00Z' }),
      run({ id: 14, headBranch: 'other', createdAt: '2026-11-10T10:06:00Z', updatedAt: '2026-11-10T10:07:00Z' }),
      run({ id: 15, headRepositoryId: 666, createdAt: '2026-11-10T10:06:00Z', updatedAt: '2026-11-10T10:07:00Z' })
    ]
    expect(nextSuccess(failed, successes)?.id).toBe(12)
    expect(nextSuccess(failed, successes.filter((s) => s.id !== 12))?.id).toBe(11)
  })

  it('counts the failed run itself when a re-run of it passed', () => {
    const rerun = run({ id: 10, attempt: 2, createdAt: failed.createdAt, updatedAt: '2026-11-10T10:20:00Z' })
    expect(nextSuccess(failed, [rerun, run({ id: 11, createdAt: '2026-11-10T10:10:00Z', updatedAt: '2026-11-10T10:30:00Z' })])?.id).toBe(10)
  })

  it('is null while nothing passed after the failure', () => {
    expect(nextSuccess(failed, [])).toBeNull()
    expect(nextSuccess(failed, [run({ id: 11, createdAt: '2026-11-10T10:01:00Z', updatedAt: '2026-11-10T10:03:00Z' })])).toBeNull()
    expect(nextSuccess(failed, [run({ id: 11, conclusion: 'failure' })])).toBeNull()
  })
})

describe('planDashboard', () => {
  const files = (): StateFile[] => [
    ...RUNS.map((r) => ({ path: runRecordPath(r.run.id, r.run.attempt), text: serialize(r) })),
    ...RECOVERIES.map((doc) => ({ path: recoveryPath(doc.run_id), text: serialize(doc) }))
  ]
  const options = { now: NOW, repository: REPOSITORY, serverUrl: 'https://github.com' }

  it('writes index.html and data.json with the 7-, 30- and 90-day figures', () => {
    const plan = planDashboard(parseStateFiles(files()), { data: null, html: false }, options)
    expect(plan.changes.map((c) => c.path)).toEqual(['index.html', 'data.json'])
    const windows = parseDashboardData(plan.changes[1]!.content!)
    expect(windows?.map((w) => w.window.days)).toEqual([7, 30, 90])
    expect(windows).toEqual(plan.windows)
    expect(plan.changes[0]!.content).toMatch(/^<!doctype html>/)
  })

  it('writes nothing when only the clock moved within the day, and again on a new day or a new document', () => {
    const first = planDashboard(parseStateFiles(files()), { data: null, html: false }, options)
    const data = first.changes[1]!.content!
    // 12:30, before run 1044 (analysed at 13:00) exists
    const later = { ...options, now: new Date(NOW.getTime() + 30 * 60 * 1000) }
    expect(planDashboard(parseStateFiles(files()), { data, html: true }, later).changes).toEqual([])
    // the page was deleted by hand: written again
    expect(planDashboard(parseStateFiles(files()), { data, html: false }, later).changes).toHaveLength(2)
    const tomorrow = { ...options, now: new Date(NOW.getTime() + 24 * 60 * 60 * 1000) }
    expect(planDashboard(parseStateFiles(files()), { data, html: true }, tomorrow).changes).toHaveLength(2)
    const withPull = [...files(), { path: 'fix-pulls/41.json', text: serialize(FIX_PULLS[0]) }]
    expect(planDashboard(parseStateFiles(withPull), { data, html: true }, later).changes).toHaveLength(2)
  })

  it('compares figures, not text', () => {
    expect(sameFigures('{"generated_at":"a","windows":[]}', '{"windows":[],"generated_at":"b"}')).toBe(true)
    expect(sameFigures('{"windows":[{"window":{"to":"x","from":"1"}}]}', '{"windows":[{"window":{"to":"y","from":"2"}}]}')).toBe(false)
    expect(sameFigures('not json', 'not json')).toBe(false)
  })
})
