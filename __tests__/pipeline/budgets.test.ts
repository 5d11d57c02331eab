// The executor's budgets as pure functions: one re-run per run, N per fingerprint per day, the
// incident window that stops re-runs, and what a corrupt cache adds to the plan.
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_CONFIG, parseConfig } from '../../src/context/config.js'
import {
  EMPTY_LEDGER,
  executorPolicy,
  executorSettings,
  isIncidentCandidate,
  planExecution,
  rerunsInLastDay,
  runsInWindow,
  type ExecutorPolicy,
  type Ledger,
  type PlanInput,
  type PlanJob
} from '../../src/pipeline/act/budgets.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')
const FP = 'aaaaaaaaaaaaaaaa'
const OTHER = 'bbbbbbbbbbbbbbbb'
const POLICY: ExecutorPolicy = { rerunsPerFingerprintPerDay: 3, incidentRuns: 5, incidentWindowMinutes: 60, deleteCorruptCaches: true }

const minutesAgo = (minutes: number): string => new Date(NOW.getTime() - minutes * 60_000).toISOString()
const occurrence = (runId: number, minutes: number, attempt = 1) => ({ run_id: runId, attempt, job: 'build', head_sha: 'a'.repeat(40), branch: 'main', at: minutesAgo(minutes) })
const rerun = (runId: number, minutes: number) => ({ run_id: runId, attempt: 1, at: minutesAgo(minutes) })

const transient = (fingerprint = FP): PlanJob => ({ fingerprint, wantsRerun: true, incidentCandidate: true, cache: null })

function plan(overrides: Partial<PlanInput> & { ledger?: Ledger } = {}) {
  const { ledger, ...rest } = overrides
  return planExecution({
    run: { id: 100, attempt: 1, fromFork: false },
    jobs: [transient()],
    ledgers: new Map([[FP, ledger ?? EMPTY_LEDGER]]),
    openIncidents: new Set(),
    ledgerUnavailable: false,
    policy: POLICY,
    now: NOW,
    ...rest
  })
}

describe('re-run budget', () => {
  it('re-runs a transient failure seen for the first time', () => {
    expect(plan().rerun).toEqual({ kind: 'rerun', afterCacheDeletion: false })
  })

  it('re-runs a run once: a run already re-run is not re-run again', () => {
    const result = plan({ ledger: { ...EMPTY_LEDGER, reruns: [rerun(100, 5)] } })
    expect(result.rerun).toMatchObject({ kind: 'blocked', reason: expect.stringContaining('already re-ran this run once') })
  })

  it('never re-runs a later attempt', () => {
    const result = plan({ run: { id: 100, attempt: 2, fromFork: false } })
    expect(result.rerun).toMatchObject({ kind: 'blocked', reason: expect.stringContaining('already attempt 2') })
  })

  it('allows N re-runs of a fingerprint in 24 hours, counting only the last 24 hours', () => {
    const twoToday = { ...EMPTY_LEDGER, reruns: [rerun(1, 60 * 30), rerun(2, 60 * 23), rerun(3, 10)] }
    expect(rerunsInLastDay(twoToday, NOW).map((r) => r.run_id)).toEqual([2, 3])
    expect(plan({ ledger: twoToday }).rerun.kind).toBe('rerun')

    const threeToday = { ...EMPTY_LEDGER, reruns: [rerun(2, 60 * 23), rerun(3, 10), rerun(4, 5)] }
    const spent = plan({ ledger: threeToday }).rerun
    expect(spent).toMatchObject({ kind: 'blocked', byIncident: false })
    expect(spent.kind === 'blocked' && spent.reason).toBe(
      `Not re-run: the re-run budget is spent — this failure (fingerprint ${FP}) was re-run 3 time(s) in the last 24 hours (limit 3 a day).`
    )
  })

  it('charges every failed job\'s fingerprint: one spent budget stops the run\'s re-run', () => {
    const result = plan({
      jobs: [transient(FP), transient(OTHER)],
      ledgers: new Map([
        [FP, EMPTY_LEDGER],
        [OTHER, { ...EMPTY_LEDGER, reruns: [rerun(1, 1), rerun(2, 2), rerun(3, 3)] }]
      ])
    })
    expect(result.rerun).toMatchObject({ kind: 'blocked', reason: expect.stringContaining(OTHER) })
  })

  it('re-runs nothing when the budget is 0 or cannot be read', () => {
    expect(plan({ policy: { ...POLICY, rerunsPerFingerprintPerDay: 0 } }).rerun).toMatchObject({ kind: 'blocked', reason: expect.stringContaining('turned off') })
    expect(plan({ ledgerUnavailable: true }).rerun).toMatchObject({ kind: 'blocked', reason: expect.stringContaining('could not be read') })
  })

  it('does nothing when a failed job is not one a re-run fixes', () => {
    const result = plan({ jobs: [transient(), { fingerprint: OTHER, wantsRerun: false, incidentCandidate: false, cache: null }] })
    expect(result.rerun).toEqual({ kind: 'none' })
    expect(plan({ jobs: [] }).rerun).toEqual({ kind: 'none' })
  })
})

describe('incident window', () => {
  it('counts distinct runs within the window, this run included', () => {
    const ledger = { ...EMPTY_LEDGER, occurrences: [occurrence(1, 90), occurrence(2, 50), occurrence(2, 40, 2), occurrence(3, 20)] }
    expect(runsInWindow(ledger, 4, NOW, 60)).toEqual([2, 3, 4])
    // A re-delivered event of a run already counted adds nothing.
    expect(runsInWindow(ledger, 3, NOW, 60)).toEqual([2, 3])
  })

  it('raises an incident at K runs in the window and stops the re-run', () => {
    const four = { ...EMPTY_LEDGER, occurrences: [occurrence(96, 50), occurrence(97, 40), occurrence(98, 30), occurrence(99, 20)] }
    const result = plan({ ledger: four })
    expect(result.incidents).toEqual([{ fingerprint: FP, runs: [96, 97, 98, 99, 100], burst: true }])
    expect(result.rerun).toMatchObject({ kind: 'blocked', byIncident: true, reason: expect.stringContaining('5 runs failed this way in the last 60 minutes') })

    const spreadOut = { ...EMPTY_LEDGER, occurrences: [occurrence(96, 200), occurrence(97, 40), occurrence(98, 30), occurrence(99, 20)] }
    expect(plan({ ledger: spreadOut }).incidents).toEqual([])
  })

  it('keeps an open incident an incident after the burst is over', () => {
    const result = plan({ openIncidents: new Set([FP]) })
    expect(result.incidents).toEqual([{ fingerprint: FP, runs: [100], burst: false }])
    expect(result.rerun).toMatchObject({ kind: 'blocked', reason: expect.stringContaining('incident for this failure is still open') })
  })

  it('counts no burst without a readable ledger, and never for non-candidates', () => {
    const busy = { ...EMPTY_LEDGER, occurrences: [1, 2, 3, 4, 5].map((run) => occurrence(run, run)) }
    expect(plan({ ledger: busy, ledgerUnavailable: true }).incidents).toEqual([])
    expect(plan({ ledger: busy, jobs: [{ ...transient(), incidentCandidate: false }] }).incidents).toEqual([])
  })
})

describe('incident candidates', () => {
  const job = (over: { owner?: 'DEVOPS' | 'DEVELOPER'; transient?: boolean; confidence?: number; fix?: boolean; cache?: boolean } = {}) => ({
    diagnosis: { owner: over.owner ?? 'DEVOPS', transient: over.transient ?? true, confidence: over.confidence ?? 0.9 },
    decision: { fix: over.fix ? ({} as never) : null },
    cache: over.cache ? { key: 'k', keyProblem: null, evidence: [] } : null
  })

  it('are confident transient pipeline failures or corrupt caches, without a fix, not from forks', () => {
    expect(isIncidentCandidate(job(), false)).toBe(true)
    expect(isIncidentCandidate(job({ owner: 'DEVELOPER', transient: false, confidence: 0.1, cache: true }), false)).toBe(true)
    expect(isIncidentCandidate(job(), true)).toBe(false)
    expect(isIncidentCandidate(job({ transient: false }), false)).toBe(false)
    expect(isIncidentCandidate(job({ owner: 'DEVELOPER' }), false)).toBe(false)
    expect(isIncidentCandidate(job({ confidence: 0.3 }), false)).toBe(false)
    expect(isIncidentCandidate(job({ fix: true }), false)).toBe(false)
  })
})

describe('corrupt cache in the plan', () => {
  const cacheJob = (key: string | null, fingerprint = FP): PlanJob => ({
    fingerprint,
    wantsRerun: false,
    incidentCandidate: true,
    cache: { key, keyProblem: key ? null : 'no key', evidence: [] }
  })

  it('deletes the one named entry, and re-runs only after the deletion', () => {
    const result = plan({ jobs: [cacheJob('Linux-npm-abc')] })
    expect(result.cacheKey).toBe('Linux-npm-abc')
    expect(result.rerun).toEqual({ kind: 'rerun', afterCacheDeletion: true })
  })

  it('never more than one entry per run', () => {
    const result = plan({
      jobs: [cacheJob('Linux-npm-abc'), cacheJob('Linux-pip-def', OTHER)],
      ledgers: new Map([
        [FP, EMPTY_LEDGER],
        [OTHER, EMPTY_LEDGER]
      ])
    })
    expect(result.cacheKey).toBe('Linux-npm-abc')
    expect(result.cacheNotes).toEqual(['1 other corrupt cache key(s) in this run are left for a later run (one deletion per run).'])
    // The job whose entry stays corrupt would fail again: no re-run.
    expect(result.rerun).toEqual({ kind: 'none' })
  })

  it('deletes nothing without a key, from a fork, or when turned off', () => {
    expect(plan({ jobs: [cacheJob(null)] })).toMatchObject({ cacheKey: null, cacheNotes: ['no key'], rerun: { kind: 'none' } })
    expect(plan({ jobs: [cacheJob('k1')], run: { id: 100, attempt: 1, fromFork: true } })).toMatchObject({ cacheKey: null, cacheNotes: [expect.stringContaining('fork')] })
    expect(plan({ jobs: [cacheJob('k1')], policy: { ...POLICY, deleteCorruptCaches: false } })).toMatchObject({
      cacheKey: null,
      cacheNotes: [expect.stringContaining('delete_corrupt_caches: false')]
    })
  })

  it('still deletes during an incident (that is the fix), but does not re-run', () => {
    const busy = { ...EMPTY_LEDGER, occurrences: [1, 2, 3, 4].map((run) => occurrence(run, run)) }
    const result = plan({ jobs: [cacheJob('Linux-npm-abc')], ledger: busy })
    expect(result.incidents).toHaveLength(1)
    expect(result.cacheKey).toBe('Linux-npm-abc')
    expect(result.rerun).toMatchObject({ kind: 'blocked', byIncident: true })
  })
})

describe('settings from the config', () => {
  it('maps the documented defaults and sends incidents to the critical channel', () => {
    expect(executorPolicy(DEFAULT_CONFIG)).toEqual({ rerunsPerFingerprintPerDay: 3, incidentRuns: 5, incidentWindowMinutes: 60, deleteCorruptCaches: true })
    const config = parseConfig('reruns_per_fingerprint_per_day: 1\nincident: { runs: 3 }\nslack_channels: { critical: ci-critical }\n', '.github/ci-monitor.yml')
    const slack = { token: 'xoxb-test', channel: 'ci-alerts', apiUrl: 'http://127.0.0.1:1/api/' }
    expect(executorSettings(config, 'state', slack)).toEqual({
      policy: { rerunsPerFingerprintPerDay: 1, incidentRuns: 3, incidentWindowMinutes: 60, deleteCorruptCaches: true },
      stateBranch: 'state',
      incidentSlack: { ...slack, channel: 'ci-critical' }
    })
    expect(executorSettings(DEFAULT_CONFIG, 'state', slack).incidentSlack?.channel).toBe('ci-alerts')
    expect(executorSettings(DEFAULT_CONFIG, 'state', null).incidentSlack).toBeNull()
  })

  it('refuses thresholds that make no sense', () => {
    expect(() => parseConfig('incident: { runs: 1 }', 'c.yml')).toThrow(/incident\.runs/)
    expect(() => parseConfig('reruns_per_fingerprint_per_day: -1', 'c.yml')).toThrow(/reruns_per_fingerprint_per_day/)
  })
})
