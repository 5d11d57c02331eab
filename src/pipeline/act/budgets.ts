/**
 * The executor's budgets, as pure functions of the state branch's ledger, the policy and the
 * clock: at most one re-run per run (first attempt only), at most N per failure fingerprint in 24
 * hours, and no re-run at all while a failure is an incident — when one fingerprint fails many
 * runs in a short window, the cause is shared (an outage), and retrying it only burns minutes.
 */
import type { Diagnosis } from '../../classify/types.js'
import type { Config } from '../../context/config.js'
import { MIN_CONFIDENCE, type Decision } from '../../remediate/decide.js'
import type { FingerprintDoc, IncidentState, RerunEntry } from '../../state/fingerprints.js'
import type { CorruptCache } from './corrupt-cache.js'
import type { SlackTarget } from './types.js'

const DAY_MS = 24 * 60 * 60 * 1000

export interface ExecutorPolicy {
  /** Re-runs of one fingerprint allowed in any 24 hours (0: none). */
  rerunsPerFingerprintPerDay: number
  /** Distinct runs of one fingerprint within the window that make an incident. */
  incidentRuns: number
  incidentWindowMinutes: number
  deleteCorruptCaches: boolean
}

/** What the executor needs besides the clients: the policy and where its ledger and incidents go. */
export interface ExecutorSettings {
  policy: ExecutorPolicy
  /** The budgets are counted from the fingerprint documents on this branch. */
  stateBranch: string
  /** Where incidents are posted: `slack_channels.critical`, else the alerts channel; null without Slack. */
  incidentSlack: SlackTarget | null
}

export function executorPolicy(config: Config): ExecutorPolicy {
  return {
    rerunsPerFingerprintPerDay: config.reruns_per_fingerprint_per_day,
    incidentRuns: config.incident.runs,
    incidentWindowMinutes: config.incident.window_minutes,
    deleteCorruptCaches: config.delete_corrupt_caches
  }
}

export function executorSettings(config: Config, stateBranch: string, slack: SlackTarget | null): ExecutorSettings {
  return {
    policy: executorPolicy(config),
    stateBranch,
    incidentSlack: slack ? { ...slack, channel: config.slack_channels.critical ?? slack.channel } : null
  }
}

/** The part of a fingerprint document the budgets read. */
export type Ledger = Pick<FingerprintDoc, 'occurrences' | 'reruns' | 'incident'>

export const EMPTY_LEDGER: Ledger = { occurrences: [], reruns: [], incident: null }

/** What the run adds to a fingerprint's document (applied by the state writer). */
export interface LedgerUpdate {
  rerun: RerunEntry | null
  incident: IncidentState | null
}

/** Re-runs of the fingerprint in the 24 hours before `now`. */
export function rerunsInLastDay(ledger: Ledger, now: Date): RerunEntry[] {
  const since = now.getTime() - DAY_MS
  return ledger.reruns.filter((rerun) => Date.parse(rerun.at) > since)
}

/** Distinct runs that failed this way within the window before `now`, this run included, in order. */
export function runsInWindow(ledger: Ledger, runId: number, now: Date, windowMinutes: number): number[] {
  const since = now.getTime() - windowMinutes * 60_000
  const runs = new Set(ledger.occurrences.filter((o) => Date.parse(o.at) >= since).map((o) => o.run_id))
  runs.add(runId)
  return [...runs].sort((a, b) => a - b)
}

/** This run attempt is already in the ledger: a re-delivered event, whose effects were made before. */
export function alreadyRecorded(ledger: Ledger, runId: number, attempt: number): boolean {
  return ledger.occurrences.some((o) => o.run_id === runId && o.attempt === attempt)
}

/**
 * A failure that may be part of an outage: one a re-run could fix (transient, in the pipeline,
 * diagnosed with enough confidence) or a corrupt cache, with no fix of its own, from this
 * repository (a fork's runs never raise incidents: anyone could open them by the dozen).
 */
export function isIncidentCandidate(
  job: { diagnosis: Pick<Diagnosis, 'owner' | 'transient' | 'confidence'>; decision: Pick<Decision, 'fix'>; cache: CorruptCache | null },
  fromFork: boolean
): boolean {
  if (fromFork || job.decision.fix !== null) return false
  if (job.cache !== null) return true
  return job.diagnosis.transient && job.diagnosis.owner === 'DEVOPS' && job.diagnosis.confidence >= MIN_CONFIDENCE
}

export interface PlanJob {
  fingerprint: string
  /** `decide` chose a re-run for this job. */
  wantsRerun: boolean
  incidentCandidate: boolean
  /** A corrupt cache entry this job's restore failed on (null: none seen). */
  cache: CorruptCache | null
}

export interface PlanInput {
  run: { id: number; attempt: number; fromFork: boolean }
  jobs: PlanJob[]
  /** By fingerprint; a fingerprint without a document has the empty ledger. */
  ledgers: ReadonlyMap<string, Ledger>
  /** Fingerprints with an open incident issue. */
  openIncidents: ReadonlySet<string>
  /** The ledgers could not be read: budgets unknown, so nothing is re-run and no burst is counted. */
  ledgerUnavailable: boolean
  policy: ExecutorPolicy
  now: Date
}

export interface IncidentPlan {
  fingerprint: string
  /** Distinct runs in the window, this one included. */
  runs: number[]
  /** True when the window holds enough runs; false when only an open issue keeps it an incident. */
  burst: boolean
}

export type RerunPlan =
  /** No failed job asked for a re-run, or some failed job is one a re-run will not fix. */
  | { kind: 'none' }
  /** Re-run; when `afterCacheDeletion`, only once the corrupt cache entry is deleted. */
  | { kind: 'rerun'; afterCacheDeletion: boolean }
  | { kind: 'blocked'; reason: string; byIncident: boolean }

export interface ExecutionPlan {
  incidents: IncidentPlan[]
  /** The one cache entry to delete this run, as the log names it (checked against the list later). */
  cacheKey: string | null
  /** Why a corrupt cache that was seen is not deleted, or what else was left alone. */
  cacheNotes: string[]
  rerun: RerunPlan
}

/** Decides incidents, the cache deletion and the re-run for one run. Pure. */
export function planExecution(input: PlanInput): ExecutionPlan {
  const { run, jobs, policy, now } = input
  const ledger = (fingerprint: string) => input.ledgers.get(fingerprint) ?? EMPTY_LEDGER

  const incidents: IncidentPlan[] = []
  for (const fingerprint of unique(jobs.filter((job) => job.incidentCandidate).map((job) => job.fingerprint))) {
    const runs = runsInWindow(ledger(fingerprint), run.id, now, policy.incidentWindowMinutes)
    const burst = !input.ledgerUnavailable && runs.length >= policy.incidentRuns
    if (burst || input.openIncidents.has(fingerprint)) incidents.push({ fingerprint, runs, burst })
  }

  const { cacheKey, cacheNotes } = planCache(jobs, run.fromFork, policy)
  const rerun = planRerun(input, incidents, cacheKey, ledger)
  return { incidents, cacheKey, cacheNotes, rerun }
}

function planCache(jobs: PlanJob[], fromFork: boolean, policy: ExecutorPolicy): { cacheKey: string | null; cacheNotes: string[] } {
  const seen = jobs.flatMap((job) => (job.cache ? [job.cache] : []))
  if (seen.length === 0) return { cacheKey: null, cacheNotes: [] }
  if (fromFork) return { cacheKey: null, cacheNotes: ['The run came from a fork, so ci-monitor deletes no cache for it.'] }
  if (!policy.deleteCorruptCaches) {
    return { cacheKey: null, cacheNotes: ['Deleting corrupt cache entries is turned off (delete_corrupt_caches: false).'] }
  }
  const notes = unique(seen.flatMap((cache) => (cache.key === null && cache.keyProblem ? [cache.keyProblem] : [])))
  const keys = unique(seen.flatMap((cache) => (cache.key === null ? [] : [cache.key])))
  // Never more than one entry per run: the others wait for a later run.
  if (keys.length > 1) notes.push(`${keys.length - 1} other corrupt cache key(s) in this run are left for a later run (one deletion per run).`)
  return { cacheKey: keys[0] ?? null, cacheNotes: notes }
}

function planRerun(input: PlanInput, incidents: IncidentPlan[], cacheKey: string | null, ledger: (fingerprint: string) => Ledger): RerunPlan {
  const { run, jobs, policy, now } = input
  // A re-run restores the same corrupt cache: it can fix such a job only once its entry is gone.
  const needsDeletion = (job: PlanJob) => job.cache !== null && job.cache.key !== null && job.cache.key === cacheKey
  const fixable = (job: PlanJob) => (job.cache === null ? job.wantsRerun : needsDeletion(job))
  if (jobs.length === 0 || !jobs.every(fixable)) return { kind: 'none' }

  const fingerprints = unique(jobs.map((job) => job.fingerprint))
  if (incidents.length > 0) {
    const window = policy.incidentWindowMinutes
    const first = incidents[0]!
    const why = first.burst
      ? `${first.runs.length} runs failed this way in the last ${window} minutes (incident threshold ${policy.incidentRuns})`
      : 'an incident for this failure is still open'
    return { kind: 'blocked', byIncident: true, reason: `Not re-run: ${why}; an outage is not fixed by retrying, so one incident is raised instead.` }
  }
  if (input.ledgerUnavailable) {
    return { kind: 'blocked', byIncident: false, reason: 'Not re-run: the re-run budget could not be read from the state branch, and ci-monitor does not re-run without it.' }
  }
  if (run.attempt > 1) {
    return { kind: 'blocked', byIncident: false, reason: `Not re-run: this was already attempt ${run.attempt}, and ci-monitor re-runs only a run's first attempt.` }
  }
  if (policy.rerunsPerFingerprintPerDay === 0) {
    return { kind: 'blocked', byIncident: false, reason: 'Not re-run: automatic re-runs are turned off (reruns_per_fingerprint_per_day: 0).' }
  }
  if (fingerprints.some((fingerprint) => ledger(fingerprint).reruns.some((rerun) => rerun.run_id === run.id))) {
    return { kind: 'blocked', byIncident: false, reason: 'Not re-run: ci-monitor already re-ran this run once.' }
  }
  for (const fingerprint of fingerprints) {
    const spent = rerunsInLastDay(ledger(fingerprint), now).length
    if (spent >= policy.rerunsPerFingerprintPerDay) {
      return {
        kind: 'blocked',
        byIncident: false,
        reason: `Not re-run: the re-run budget is spent — this failure (fingerprint ${fingerprint}) was re-run ${spent} time(s) in the last 24 hours (limit ${policy.rerunsPerFingerprintPerDay} a day).`
      }
    }
  }
  return { kind: 'rerun', afterCacheDeletion: jobs.some(needsDeletion) }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
