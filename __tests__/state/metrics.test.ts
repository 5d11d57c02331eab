import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadStateDir, type LoadedState, type RunAnalysisDoc, type StateDocuments } from '../../src/state/load.js'
import { computeAllWindows, computeMetrics, metricsSchema, parseDashboardData } from '../../src/state/metrics.js'
import { FAILURES, FIX_PULLS, HOSTILE_BRANCH, NOW, RECOVERIES, REPOSITORY, RUNS, RUN_RECOVERIES, fingerprintDocs, writeHistory } from '../fixtures/state/history.ts'

/*
 * Every expected value below is worked out by hand from __tests__/fixtures/state/history.ts
 * (R1 … R12 are the runs in its order); the arithmetic is in the comments.
 */

let dir: string
let loaded: LoadedState

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ci-monitor-state-'))
  writeHistory(dir)
  loaded = await loadStateDir(dir)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const at30 = () => computeMetrics(loaded.documents, { now: NOW, windowDays: 30, repository: REPOSITORY })

describe('loading the state branch', () => {
  it('reads every document ci-monitor writes and counts what it does not read', () => {
    // 13 run-analysis (R1 … R12 with R3b) + 3 run-recovery records, 9 recoveries, 2 fix-pull and 6 fingerprint documents.
    expect(loaded.summary.used).toEqual({ 'run-analysis': 13, 'run-recovery': 3, recovery: 9, 'fix-pull': 2, fingerprint: 6 })
    expect(loaded.summary.skipped).toEqual({ 'approval-request': 1 })
    expect(loaded.summary.problems).toEqual([])
    expect(loaded.audit.files.map((f) => f.path)).toEqual(['audit/2026-09.jsonl', 'audit/2026-10.jsonl', 'audit/2026-11.jsonl'])
    expect(loaded.audit.head).not.toBeNull()
  })

  it('loses nothing the metrics need: figures from the files equal figures from the records in memory', () => {
    // The pipeline's RunRecord is assignable to what the loader reads: this line is the compile-time check.
    const runs: RunAnalysisDoc[] = RUNS
    const inMemory: StateDocuments = { runs, runRecoveries: RUN_RECOVERIES, fingerprints: fingerprintDocs(), recoveries: RECOVERIES, fixPulls: FIX_PULLS }
    expect(computeMetrics(inMemory, { now: NOW, windowDays: 90, repository: REPOSITORY })).toEqual(
      computeMetrics(loaded.documents, { now: NOW, windowDays: 90, repository: REPOSITORY })
    )
  })
})

describe('metrics over 30 days (2026-10-18T00:00Z to NOW, 2026-11-16T12:00Z)', () => {
  it('bounds the window by whole UTC days ending today', () => {
    expect(at30().window).toEqual({ days: 30, from: '2026-10-18T00:00:00.000Z', to: '2026-11-16T12:00:00.000Z' })
  })

  it('counts failures by owner, category, workflow and branch', () => {
    // R2 1 + R3 3 + R3b 1 + R4 1 + R5 1 + R6 1 + R7 1 + R8 1 + R9 1 + R10 2 + R11 1 = 14 failed jobs in
    // 11 run attempts; R1 is older than the window, R12 is after NOW.
    const { failures } = at30()
    expect(failures.total).toBe(14)
    expect(failures.runs).toBe(11)
    // DEVELOPER: R4, R5 (tests), R9 (type error) = 3; the other 11 are pipeline failures.
    expect(failures.by_owner).toEqual({ DEVOPS: 11, DEVELOPER: 3 })
    // network: R2, R7, R8, R10 ×2, R11 = 6; workflow_config: R3 ×3, R3b = 4.
    expect(Object.entries(failures.by_category)).toEqual([
      ['network', 6],
      ['workflow_config', 4],
      ['test_failure', 2],
      ['build_error', 1],
      ['runner_resource', 1]
    ])
    expect(failures.by_workflow).toEqual([
      { workflow_path: '.github/workflows/ci.yml', workflow_name: 'CI', count: 13 },
      { workflow_path: '.github/workflows/release.yml', workflow_name: 'Release', count: 1 }
    ])
    expect(failures.by_branch).toEqual([
      { branch: 'main', count: 11 },
      { branch: 'feature/cart', count: 2 },
      { branch: HOSTILE_BRANCH, count: 1 }
    ])
  })

  it('counts auto-fixed failures: re-runs whose next attempt passed, then merged fix PRs', () => {
    // By re-run: R2 (1010 attempt 2 passed) 1 + R10 (1042 attempt 2 passed) 2 = 3. R7's re-run
    // (attempt 2) failed; a person's attempt 3 passed, which is flaky but not ci-monitor's fix.
    // By PR: #41 merged 10-23 09:00, after R3 (3 jobs) and R3b (1 job) = 4. #44 closed unmerged.
    expect(at30().auto_fixed).toEqual({ total: 7, by_rerun: 3, by_pull: 4, share: 7 / 14 })
  })

  it('counts flaky failures: the same commit passed on a later attempt', () => {
    // 1010#1 (R2) + 1040#1 (R7) + 1040#2 (R8) + 1042#1 (R10, 2 jobs) = 5.
    expect(at30().flaky).toEqual({ total: 5, rate: 5 / 14 })
  })

  it('counts fix PRs opened (not updated), merged and closed unmerged', () => {
    // Opened: #41 (R3), #44 (R6); R3b only updated #41.
    expect(at30().fix_pulls).toEqual({ opened: 2, merged: 1, closed_unmerged: 1 })
  })

  it('follows each re-run to its next attempt', () => {
    // R2 passed, R7 failed (R8 is attempt 2), R10 passed, R11 pending: 2 / (2 + 1).
    expect(at30().reruns).toEqual({ requested: 4, passed: 2, failed: 1, pending: 1, success_rate: 2 / 3 })
  })

  it('measures time to recovery per incident, from the first failed run to the next success', () => {
    // 1010: 20 min = 1200 s; 1020+1021 ended by 1025: 10-22 14:00 → 10-23 09:30 = 70200 s;
    // 1030+1031 ended by 1033: 11:00 → 16:00 = 18000 s; 2001: 52 h = 187200 s; 1040: 3600 s; 1042: 1500 s.
    // Mean 281700 / 6 = 46950; median of 1200, 1500, 3600, 18000, 70200, 187200 = (3600 + 18000) / 2.
    expect(at30().recovery).toEqual({ incidents: 6, mean_seconds: 46950, median_seconds: 10800 })
  })

  it('counts LLM calls, memo hits, tokens and cost', () => {
    // Calls: R6 answered, R9 answered, R10 timeout (sent, then failed); R11's spent budget sent nothing.
    // Tokens 1800 + 1200; cost 0.0072 + 0.0048.
    expect(at30().llm).toEqual({ calls: 3, memo_hits: 1, tokens: 3000, cost_usd: 0.012 })
  })

  it('counts notifications sent, failed, and suppressed as duplicates', () => {
    // Sent: R3, R3b, R4, R5, R6, R8. Failed: R9. R3's three jobs shared one fingerprint: 2 suppressed.
    expect(at30().notifications).toEqual({ sent: 6, failed: 1, suppressed_duplicates: 2 })
  })

  it('ranks the recurring fingerprints with their history', () => {
    const top = at30().top_fingerprints
    expect(top.map((row) => [row.fingerprint, row.count])).toEqual([
      [FAILURES.network.fingerprint, 6],
      [FAILURES.artifact.fingerprint, 4],
      [FAILURES.cartTest.fingerprint, 2],
      // One each: the more recent first (R9 on 11-12, R6 on 11-03).
      [FAILURES.typeError.fingerprint, 1],
      [FAILURES.disk.fingerprint, 1]
    ])
    expect(top[0]).toMatchObject({
      runs: 5,
      owner: 'DEVOPS',
      category: 'network',
      workflow_name: 'CI',
      branches: ['main'],
      first_seen: '2026-10-20T10:00:00.000Z',
      last_seen: '2026-11-15T20:00:00.000Z',
      last_run: { id: 1043, attempt: 1 },
      flaky: 5,
      auto_fixed: 3,
      pulls: [],
      all_time: 6
    })
    expect(top[1]).toMatchObject({ runs: 2, auto_fixed: 4, pulls: [{ number: 41, state: 'merged' }], last_run: { id: 1021, attempt: 1 } })
    // The fingerprint document counts every occurrence it was told of, R12 included.
    expect(top[2]).toMatchObject({ branches: ['feature/cart'], all_time: 3 })
    expect(top[3]).toMatchObject({ branches: [HOSTILE_BRANCH], summary: FAILURES.typeError.summary })
    expect(top[4]).toMatchObject({ pulls: [{ number: 44, state: 'closed' }] })
  })
})

describe('other windows', () => {
  it('7 days (2026-11-10 to NOW): R7 to R11', () => {
    const m = computeMetrics(loaded.documents, { now: NOW, windowDays: 7 })
    expect(m.window.from).toBe('2026-11-10T00:00:00.000Z')
    expect(m.failures).toMatchObject({ total: 6, runs: 5, by_owner: { DEVOPS: 5, DEVELOPER: 1 }, by_category: { network: 5, build_error: 1 } })
    expect(m.auto_fixed).toEqual({ total: 2, by_rerun: 2, by_pull: 0, share: 2 / 6 })
    expect(m.flaky).toEqual({ total: 4, rate: 4 / 6 })
    expect(m.fix_pulls).toEqual({ opened: 0, merged: 0, closed_unmerged: 0 })
    expect(m.reruns).toEqual({ requested: 3, passed: 1, failed: 1, pending: 1, success_rate: 0.5 })
    // 1040: 3600 s, 1042: 1500 s.
    expect(m.recovery).toEqual({ incidents: 2, mean_seconds: 2550, median_seconds: 2550 })
    expect(m.llm).toEqual({ calls: 2, memo_hits: 1, tokens: 1200, cost_usd: 0.0048 })
    expect(m.notifications).toEqual({ sent: 1, failed: 1, suppressed_duplicates: 0 })
  })

  it('90 days (from 2026-08-19) adds September\'s lint failure and its recovery', () => {
    const m = computeMetrics(loaded.documents, { now: NOW, windowDays: 90 })
    expect(m.window.from).toBe('2026-08-19T00:00:00.000Z')
    expect(m.failures).toMatchObject({ total: 15, runs: 12, by_owner: { DEVOPS: 11, DEVELOPER: 4 } })
    expect(m.failures.by_category['lint_or_format']).toBe(1)
    expect(m.auto_fixed.share).toBe(7 / 15)
    // Seven incidents: the six above and 1001's 2 h. Mean 288900 / 7 = 41271.4; median the 4th of 7.
    expect(m.recovery).toEqual({ incidents: 7, mean_seconds: 41271, median_seconds: 7200 })
    expect(m.notifications.sent).toBe(7)
    expect(m.daily).toHaveLength(90)
  })

  it('computes all three windows at once, the same as one at a time', () => {
    const all = computeAllWindows(loaded.documents, { now: NOW, repository: REPOSITORY })
    expect(all.map((m) => m.window.days)).toEqual([7, 30, 90])
    expect(all[1]).toEqual(at30())
  })
})

describe('the daily series', () => {
  const daily = () => computeMetrics(loaded.documents, { now: NOW, windowDays: 7 }).daily

  it('has one point per day, zeros on quiet days, and adds up to the window', () => {
    const points = daily()
    expect(points.map((p) => p.date)).toEqual(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16'])
    expect(points.map((p) => p.failures)).toEqual([2, 0, 1, 0, 2, 1, 0])
    expect(points[1]).toEqual({
      date: '2026-11-11',
      failures: 0,
      by_owner: { DEVOPS: 0, DEVELOPER: 0 },
      by_category: { network: 0, build_error: 0 },
      auto_fixed: 0,
      flaky: 0,
      reruns_requested: 0,
      reruns_passed: 0,
      reruns_failed: 0,
      recoveries: 0,
      median_recovery_seconds: null,
      llm_calls: 0,
      llm_tokens: 0,
      llm_cost_usd: 0,
      notifications_sent: 0
    })
  })

  it('puts each event on its own day', () => {
    const [nov10, , nov12, , nov14, nov15, nov16] = daily()
    // R7 and R8; R7's re-run failed; 1040 recovered at 08:30; R8's Slack message.
    expect(nov10).toMatchObject({ failures: 2, by_category: { network: 2, build_error: 0 }, flaky: 2, reruns_requested: 1, reruns_failed: 1, recoveries: 1, median_recovery_seconds: 3600, notifications_sent: 1 })
    expect(nov12).toMatchObject({ failures: 1, by_owner: { DEVOPS: 0, DEVELOPER: 1 }, llm_calls: 1, llm_tokens: 1200, llm_cost_usd: 0.0048 })
    expect(nov14).toMatchObject({ failures: 2, auto_fixed: 2, flaky: 2, reruns_requested: 1, reruns_passed: 1, recoveries: 1, median_recovery_seconds: 1500, llm_calls: 1 })
    expect(nov15).toMatchObject({ failures: 1, reruns_requested: 1, llm_calls: 0 })
    // R12 is on this day, but after NOW.
    expect(nov16!.failures).toBe(0)
  })
})

describe('figures as of an earlier moment', () => {
  it('ignore every document stamped after the clock', () => {
    // At 08:00 on 11-10 (window from 11-04), R7 and R8 exist, but 1040's passing attempt 3 and
    // its recovery (08:30) do not: the only incident is 2001's, recovered on 11-05 after 52 h.
    const m = computeMetrics(loaded.documents, { now: new Date('2026-11-10T08:00:00.000Z'), windowDays: 7 })
    expect(m.failures.total).toBe(2)
    expect(m.flaky.total).toBe(0)
    expect(m.reruns).toMatchObject({ requested: 1, failed: 1, passed: 0 })
    expect(m.recovery).toEqual({ incidents: 1, mean_seconds: 187200, median_seconds: 187200 })
    expect(m.top_fingerprints[0]).toMatchObject({ fingerprint: FAILURES.network.fingerprint, count: 2, flaky: 0 })
  })

  it('are the same whatever the order of the documents', () => {
    const reversed: StateDocuments = {
      runs: [...loaded.documents.runs].reverse(),
      runRecoveries: [...loaded.documents.runRecoveries].reverse(),
      fingerprints: [...loaded.documents.fingerprints].reverse(),
      recoveries: [...loaded.documents.recoveries].reverse(),
      fixPulls: [...loaded.documents.fixPulls].reverse()
    }
    expect(computeMetrics(reversed, { now: NOW, windowDays: 30, repository: REPOSITORY })).toEqual(at30())
  })

  it('have nothing to divide by on an empty branch', () => {
    const m = computeMetrics({ runs: [], runRecoveries: [], fingerprints: [], recoveries: [], fixPulls: [] }, { now: NOW, windowDays: 7 })
    expect(m.auto_fixed.share).toBeNull()
    expect(m.flaky.rate).toBeNull()
    expect(m.reruns.success_rate).toBeNull()
    expect(m.recovery).toEqual({ incidents: 0, mean_seconds: null, median_seconds: null })
    expect(m.daily.every((p) => p.failures === 0)).toBe(true)
  })
})

describe('the metrics document', () => {
  it('validates against its own schema and reads back from dashboard data', () => {
    const all = computeAllWindows(loaded.documents, { now: NOW, repository: REPOSITORY })
    for (const m of all) expect(metricsSchema.safeParse(m).success).toBe(true)
    expect(parseDashboardData(JSON.stringify({ kind: 'dashboard-data', windows: all }))).toEqual(all)
    expect(parseDashboardData(JSON.stringify({ kind: 'dashboard-data', windows: [{ ...all[0], failures: null }] }))).toBeNull()
    expect(parseDashboardData('not json')).toBeNull()
  })
})
