/**
 * The figures the report, the dashboard and the job summary show, computed from the state
 * branch's documents. Pure and deterministic: the clock is an argument, and a document stamped
 * after it does not exist yet, so the figures "as of" a past moment can be recomputed exactly.
 *
 * Vocabulary used by every definition below:
 * - A **failure** is one failed job ci-monitor analysed: one entry of `jobs` in a `run-analysis`
 *   record. A job failing again on a re-run attempt is a second failure. It happens at the
 *   record's `analysed_at`.
 * - A **window** of N days is the N UTC calendar days ending with the day of `now`, from that
 *   first day's midnight up to `now`. An event is in it when its time is. The daily series has one
 *   point per day of the window, zeros where nothing happened, and its counts add up to the
 *   window's.
 */
import { z } from 'zod'
import type { FixPullDoc } from './fix-pulls.js'
import type { RunAnalysisDoc, StateDocuments } from './load.js'
import { SCHEMA_VERSION } from './records.js'

export const WINDOWS = [7, 30, 90] as const
export type WindowDays = (typeof WINDOWS)[number]

/** Fingerprints listed in `top_fingerprints`. */
export const TOP_FINGERPRINTS = 10
const MAX_BRANCHES_PER_FINGERPRINT = 5
const DAY_MS = 24 * 60 * 60 * 1000

/** Decisions after which people are told (Slack, job summary); `rerun` and `skip` tell no one. */
const NOTIFYING_ACTIONS = new Set(['notify', 'open-pr', 'deliver-patch', 'await-approval'])
const SLACK_EFFECTS = new Set(['slack-message', 'incident-slack'])

const count = z.number().int().nonnegative()
/** A share from 0 to 1; null when there is nothing to divide by. */
const rate = z.number().min(0).max(1).nullable()
const seconds = z.number().nonnegative().nullable()
const timestamp = z.iso.datetime()

const dailySchema = z.object({
  /** The UTC day, `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  failures: count,
  by_owner: z.record(z.string(), count),
  /** Every category seen in the window, zero on days without it. */
  by_category: z.record(z.string(), count),
  /** Failures of this day that were auto-fixed (see `auto_fixed`), counted on the failure's day. */
  auto_fixed: count,
  /** Failures of this day that turned out flaky (see `flaky`). */
  flaky: count,
  /** Re-runs requested this day, and how those re-runs ended. */
  reruns_requested: count,
  reruns_passed: count,
  reruns_failed: count,
  /** Incidents that recovered this day, and their median recovery time. */
  recoveries: count,
  median_recovery_seconds: seconds,
  llm_calls: count,
  llm_tokens: count,
  llm_cost_usd: z.number().nonnegative(),
  notifications_sent: count
})

export const metricsSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  repository: z.string().nullable(),
  generated_at: timestamp,
  window: z.object({ days: z.union([z.literal(7), z.literal(30), z.literal(90)]), from: timestamp, to: timestamp }),
  failures: z.object({
    /** Failures in the window. */
    total: count,
    /** Distinct run attempts those failures belong to. */
    runs: count,
    /** Failures by diagnosed owner (`DEVOPS`, `DEVELOPER`; both always present). */
    by_owner: z.record(z.string(), count),
    /** Failures by diagnosed category, most frequent first. */
    by_category: z.record(z.string(), count),
    /** Failures by workflow file; the name is the one the latest failure ran under. */
    by_workflow: z.array(z.object({ workflow_path: z.string(), workflow_name: z.string(), count })),
    /** Failures by the run's head branch (untrusted text). */
    by_branch: z.array(z.object({ branch: z.string(), count }))
  }),
  /**
   * Failures ci-monitor fixed without a person fixing the code: **by re-run** when ci-monitor
   * re-ran the failed attempt and the very next attempt passed (a `run-recovery` record for
   * attempt n + 1); else **by pull request** when a fix pull request for the failure's
   * fingerprint was merged at or after the failure (a `fix-pull` document). `share` = total ÷
   * failures. A failure counts once, under re-run when both apply.
   */
  auto_fixed: z.object({ total: count, by_rerun: count, by_pull: count, share: rate }),
  /**
   * Failures whose commit then passed on a later attempt of the same run (a `run-recovery` record
   * lists the failed attempt): the same code failed and passed, so the failure was flaky, whoever
   * re-ran it. `rate` = flaky ÷ failures.
   */
  flaky: z.object({ total: count, rate }),
  /**
   * Fix pull requests: `opened` counts `pull-request` effects that created one (not updates) in
   * the window; `merged` and `closed_unmerged` count `fix-pull` documents merged, or closed
   * without a merge, in the window.
   */
  fix_pulls: z.object({ opened: count, merged: count, closed_unmerged: count }),
  /**
   * Re-runs ci-monitor requested in the window (`rerun` effects done). A re-run of attempt n
   * **passed** when attempt n + 1 passed (a `run-recovery` record), **failed** when attempt n + 1
   * failed again (a `run-analysis` record), and is **pending** until one of them exists.
   * `success_rate` = passed ÷ (passed + failed).
   */
  reruns: z.object({ requested: count, passed: count, failed: count, pending: count, success_rate: rate }),
  /**
   * Time to recovery, from `recovery` documents: an incident is the failed runs of one workflow on
   * one branch that the same successful run ended; it lasts from its first failed run's
   * completion to that success's completion and is in the window when it recovered in it.
   */
  recovery: z.object({ incidents: count, mean_seconds: seconds, median_seconds: seconds }),
  /**
   * The LLM step of the failures in the window: `calls` are requests sent (answered, or failed
   * after sending: every fallback but a spent budget), `memo_hits` verdicts reused without a
   * call, `tokens` and `cost_usd` what the provider reported and what it cost at list prices.
   */
  llm: z.object({ calls: count, memo_hits: count, tokens: count, cost_usd: z.number().nonnegative() }),
  /**
   * Slack messages (`slack-message` and `incident-slack` effects) `sent` (done or updated) and
   * `failed` in the window; `suppressed_duplicates` counts failures that called for a message but
   * shared their fingerprint with another failure of the same run, which got the one message.
   */
  notifications: z.object({ sent: count, failed: count, suppressed_duplicates: count }),
  /** The window's most frequent fingerprints, most failures first, then the most recent. */
  top_fingerprints: z.array(
    z.object({
      fingerprint: z.string(),
      /** Failures in the window, and the run attempts they were in. */
      count,
      runs: count,
      /** From the latest failure; `summary` is untrusted text. */
      owner: z.string(),
      category: z.string(),
      summary: z.string(),
      workflow_name: z.string(),
      /** Most recent first, at most five. */
      branches: z.array(z.string()),
      first_seen: timestamp,
      last_seen: timestamp,
      last_run: z.object({ id: z.number().int().positive(), attempt: z.number().int().positive() }),
      flaky: count,
      auto_fixed: count,
      /** Fix pull requests for it; state null until the sweep has looked. */
      pulls: z.array(z.object({ number: z.number().int().positive(), state: z.enum(['open', 'merged', 'closed']).nullable() })),
      /** Every occurrence ever, from its fingerprint document (null without one). */
      all_time: count.nullable()
    })
  ),
  daily: z.array(dailySchema)
})

export type Metrics = z.infer<typeof metricsSchema>
export type DailyPoint = z.infer<typeof dailySchema>
export type TopFingerprint = Metrics['top_fingerprints'][number]

export interface MetricsOptions {
  now: Date
  windowDays: WindowDays
  repository?: string | null
}

type Job = RunAnalysisDoc['jobs'][number]

interface FailureFact {
  t: number
  run: RunAnalysisDoc
  job: Job
  flaky: boolean
  autoFixed: 'rerun' | 'pull' | null
}

/** Everything dated, derived once from the documents; windows only filter it. */
interface Facts {
  failures: FailureFact[]
  reruns: { t: number; outcome: 'passed' | 'failed' | 'pending' }[]
  pullsOpened: number[]
  pullsMerged: number[]
  pullsClosedUnmerged: number[]
  incidents: { t: number; seconds: number }[]
  notifications: { t: number; sent: boolean }[]
  suppressed: { t: number; count: number }[]
}

/** The figures for one window (see the definitions on `metricsSchema`). */
export function computeMetrics(documents: StateDocuments, options: MetricsOptions): Metrics {
  return metricsFromFacts(collectFacts(documents, options.now.getTime()), documents, options)
}

/** The figures for the 7-, 30- and 90-day windows, derived once. */
export function computeAllWindows(documents: StateDocuments, options: Omit<MetricsOptions, 'windowDays'>): Metrics[] {
  const facts = collectFacts(documents, options.now.getTime())
  return WINDOWS.map((windowDays) => metricsFromFacts(facts, documents, { ...options, windowDays }))
}

function collectFacts(documents: StateDocuments, now: number): Facts {
  const asOf = <T>(items: readonly T[], time: (item: T) => string) => items.filter((item) => Date.parse(time(item)) <= now)
  const runs = asOf(documents.runs, (r) => r.analysed_at)
  const runRecoveries = asOf(documents.runRecoveries, (r) => r.recorded_at)
  const pulls = asOf(documents.fixPulls, (p) => p.opened_at)

  const attemptKey = (id: number, attempt: number) => `${id}#${attempt}`
  const analysed = new Set(runs.map((r) => attemptKey(r.run.id, r.run.attempt)))
  const passedAttempts = new Set(runRecoveries.map((r) => attemptKey(r.run.id, r.run.attempt)))
  const flakyAttempts = new Set(runRecoveries.flatMap((r) => r.failed_attempts.map((attempt) => attemptKey(r.run.id, attempt))))
  const mergedAt = (p: FixPullDoc) => (p.merged_at !== null && Date.parse(p.merged_at) <= now ? Date.parse(p.merged_at) : null)
  const merges = new Map<string, number[]>()
  for (const pull of pulls) {
    const at = mergedAt(pull)
    if (at !== null) merges.set(pull.fingerprint, [...(merges.get(pull.fingerprint) ?? []), at])
  }

  const facts: Facts = { failures: [], reruns: [], pullsOpened: [], pullsMerged: [], pullsClosedUnmerged: [], incidents: [], notifications: [], suppressed: [] }
  for (const run of runs) {
    const t = Date.parse(run.analysed_at)
    const { id, attempt } = run.run
    const reran = run.effects.some((e) => e.kind === 'rerun' && e.outcome === 'done')
    const rerunPassed = reran && passedAttempts.has(attemptKey(id, attempt + 1))
    for (const job of run.jobs) {
      const fixedByPull = (merges.get(job.fingerprint) ?? []).some((at) => at >= t)
      facts.failures.push({
        t,
        run,
        job,
        flaky: flakyAttempts.has(attemptKey(id, attempt)),
        autoFixed: rerunPassed ? 'rerun' : fixedByPull ? 'pull' : null
      })
    }
    for (const effect of run.effects) {
      const at = Date.parse(effect.at)
      if (at > now) continue
      if (effect.kind === 'rerun' && effect.outcome === 'done') {
        const outcome = rerunPassed ? 'passed' : analysed.has(attemptKey(id, attempt + 1)) ? 'failed' : 'pending'
        facts.reruns.push({ t: at, outcome })
      } else if (effect.kind === 'pull-request' && effect.outcome === 'done') {
        facts.pullsOpened.push(at)
      } else if (SLACK_EFFECTS.has(effect.kind) && ['done', 'updated', 'failed'].includes(effect.outcome)) {
        facts.notifications.push({ t: at, sent: effect.outcome !== 'failed' })
      }
    }
    const notified = run.jobs.filter((job) => NOTIFYING_ACTIONS.has(job.decision.action))
    const duplicates = notified.length - new Set(notified.map((job) => job.fingerprint)).size
    if (duplicates > 0) facts.suppressed.push({ t, count: duplicates })
  }
  for (const pull of pulls) {
    const merged = mergedAt(pull)
    if (merged !== null) facts.pullsMerged.push(merged)
    else if (pull.state === 'closed' && pull.closed_at !== null && Date.parse(pull.closed_at) <= now) facts.pullsClosedUnmerged.push(Date.parse(pull.closed_at))
  }
  facts.incidents = recoveryIncidents(documents, now)
  return facts
}

/** Failed runs ended by the same success on the same workflow and branch are one incident. */
function recoveryIncidents(documents: StateDocuments, now: number): Facts['incidents'] {
  const incidents = new Map<string, { failed: number; recovered: number }>()
  for (const doc of documents.recoveries) {
    const recovered = Date.parse(doc.recovered_at)
    if (recovered > now) continue
    const key = JSON.stringify([doc.workflow_path, doc.branch, doc.recovered_by_run_id])
    const known = incidents.get(key)
    const failed = Date.parse(doc.failed_at)
    incidents.set(key, known ? { failed: Math.min(known.failed, failed), recovered: Math.max(known.recovered, recovered) } : { failed, recovered })
  }
  return [...incidents.values()].map(({ failed, recovered }) => ({ t: recovered, seconds: (recovered - failed) / 1000 }))
}

function metricsFromFacts(facts: Facts, documents: StateDocuments, options: MetricsOptions): Metrics {
  const now = options.now.getTime()
  const today = Math.floor(now / DAY_MS) * DAY_MS
  const from = today - (options.windowDays - 1) * DAY_MS
  const inWindow = (t: number) => t >= from && t <= now
  const failures = facts.failures.filter((f) => inWindow(f.t))
  const reruns = facts.reruns.filter((r) => inWindow(r.t))
  const incidents = facts.incidents.filter((i) => inWindow(i.t))
  const notifications = facts.notifications.filter((n) => inWindow(n.t))
  const llm = llmFigures(failures.map((f) => f.job))

  const categories = sortedCounts(failures.map((f) => f.job.diagnosis.category))
  const byCategory = Object.fromEntries(categories)
  const autoFixedByRerun = failures.filter((f) => f.autoFixed === 'rerun').length
  const autoFixedByPull = failures.filter((f) => f.autoFixed === 'pull').length
  const flaky = failures.filter((f) => f.flaky).length
  const passed = reruns.filter((r) => r.outcome === 'passed').length
  const failed = reruns.filter((r) => r.outcome === 'failed').length
  const durations = incidents.map((i) => i.seconds)

  return {
    schema_version: SCHEMA_VERSION,
    repository: options.repository ?? null,
    generated_at: options.now.toISOString(),
    window: { days: options.windowDays, from: new Date(from).toISOString(), to: options.now.toISOString() },
    failures: {
      total: failures.length,
      runs: new Set(failures.map((f) => `${f.run.run.id}#${f.run.run.attempt}`)).size,
      by_owner: ownerCounts(failures),
      by_category: byCategory,
      by_workflow: byWorkflow(failures),
      by_branch: sortedCounts(failures.map((f) => f.run.run.head_branch)).map(([branch, n]) => ({ branch, count: n }))
    },
    auto_fixed: { total: autoFixedByRerun + autoFixedByPull, by_rerun: autoFixedByRerun, by_pull: autoFixedByPull, share: ratio(autoFixedByRerun + autoFixedByPull, failures.length) },
    flaky: { total: flaky, rate: ratio(flaky, failures.length) },
    fix_pulls: {
      opened: facts.pullsOpened.filter(inWindow).length,
      merged: facts.pullsMerged.filter(inWindow).length,
      closed_unmerged: facts.pullsClosedUnmerged.filter(inWindow).length
    },
    reruns: { requested: reruns.length, passed, failed, pending: reruns.length - passed - failed, success_rate: ratio(passed, passed + failed) },
    recovery: { incidents: incidents.length, mean_seconds: mean(durations), median_seconds: median(durations) },
    llm,
    notifications: {
      sent: notifications.filter((n) => n.sent).length,
      failed: notifications.filter((n) => !n.sent).length,
      suppressed_duplicates: facts.suppressed.filter((s) => inWindow(s.t)).reduce((sum, s) => sum + s.count, 0)
    },
    top_fingerprints: topFingerprints(failures, documents),
    daily: dailySeries(facts, from, options.windowDays, now, Object.keys(byCategory))
  }
}

function dailySeries(facts: Facts, from: number, days: number, now: number, categories: string[]): DailyPoint[] {
  const points: DailyPoint[] = []
  for (let i = 0; i < days; i++) {
    const start = from + i * DAY_MS
    const inDay = (t: number) => t >= start && t < start + DAY_MS && t <= now
    const failures = facts.failures.filter((f) => inDay(f.t))
    const reruns = facts.reruns.filter((r) => inDay(r.t))
    const recovered = facts.incidents.filter((incident) => inDay(incident.t)).map((incident) => incident.seconds)
    const llm = llmFigures(failures.map((f) => f.job))
    const byCategory = Object.fromEntries(categories.map((category) => [category, 0]))
    for (const f of failures) byCategory[f.job.diagnosis.category] = (byCategory[f.job.diagnosis.category] ?? 0) + 1
    points.push({
      date: new Date(start).toISOString().slice(0, 10),
      failures: failures.length,
      by_owner: ownerCounts(failures),
      by_category: byCategory,
      auto_fixed: failures.filter((f) => f.autoFixed !== null).length,
      flaky: failures.filter((f) => f.flaky).length,
      reruns_requested: reruns.length,
      reruns_passed: reruns.filter((r) => r.outcome === 'passed').length,
      reruns_failed: reruns.filter((r) => r.outcome === 'failed').length,
      recoveries: recovered.length,
      median_recovery_seconds: median(recovered),
      llm_calls: llm.calls,
      llm_tokens: llm.tokens,
      llm_cost_usd: llm.cost_usd,
      notifications_sent: facts.notifications.filter((n) => n.sent && inDay(n.t)).length
    })
  }
  return points
}

function llmFigures(jobs: readonly Job[]): Metrics['llm'] {
  let calls = 0
  let memoHits = 0
  let tokens = 0
  let cost = 0
  for (const { llm } of jobs) {
    if (!llm) continue
    const status = llm['status']
    if (status === 'memo-hit') memoHits++
    if (status === 'answered' || (status === 'fallback' && llm['reason'] !== 'budget-exhausted')) calls++
    tokens += nonNegative(llm['tokens'])
    cost += nonNegative(llm['cost_usd'])
  }
  return { calls, memo_hits: memoHits, tokens: Math.round(tokens), cost_usd: Math.round(cost * 1e6) / 1e6 }
}

function nonNegative(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0
}

function ownerCounts(failures: readonly FailureFact[]): Record<string, number> {
  const counts: Record<string, number> = { DEVOPS: 0, DEVELOPER: 0 }
  for (const f of failures) counts[f.job.diagnosis.owner] = (counts[f.job.diagnosis.owner] ?? 0) + 1
  return counts
}

function byWorkflow(failures: readonly FailureFact[]): Metrics['failures']['by_workflow'] {
  const latestName = new Map<string, { t: number; name: string }>()
  for (const f of failures) {
    const known = latestName.get(f.run.run.workflow_path)
    if (!known || f.t >= known.t) latestName.set(f.run.run.workflow_path, { t: f.t, name: f.run.run.workflow_name })
  }
  return sortedCounts(failures.map((f) => f.run.run.workflow_path)).map(([path, n]) => ({
    workflow_path: path,
    workflow_name: latestName.get(path)?.name ?? '',
    count: n
  }))
}

function topFingerprints(failures: readonly FailureFact[], documents: StateDocuments): TopFingerprint[] {
  const groups = new Map<string, FailureFact[]>()
  for (const f of failures) groups.set(f.job.fingerprint, [...(groups.get(f.job.fingerprint) ?? []), f])
  const docs = new Map(documents.fingerprints.map((doc) => [doc.fingerprint, doc]))
  const pullStates = new Map(documents.fixPulls.map((pull) => [pull.number, pull.state]))
  const byRecency = (a: FailureFact, b: FailureFact) => b.t - a.t || b.run.run.id - a.run.run.id || b.run.run.attempt - a.run.run.attempt
  const rows = [...groups.entries()].map(([fingerprint, group]): TopFingerprint => {
    const recent = [...group].sort(byRecency)
    const latest = recent[0]!
    const doc = docs.get(fingerprint)
    const pullNumbers = new Set([...(doc?.pulls.map((p) => p.number) ?? []), ...documents.fixPulls.filter((p) => p.fingerprint === fingerprint).map((p) => p.number)])
    return {
      fingerprint,
      count: group.length,
      runs: new Set(group.map((f) => `${f.run.run.id}#${f.run.run.attempt}`)).size,
      owner: latest.job.diagnosis.owner,
      category: latest.job.diagnosis.category,
      summary: latest.job.diagnosis.summary,
      workflow_name: latest.run.run.workflow_name,
      branches: [...new Set(recent.map((f) => f.run.run.head_branch))].slice(0, MAX_BRANCHES_PER_FINGERPRINT),
      first_seen: new Date(recent.at(-1)!.t).toISOString(),
      last_seen: new Date(latest.t).toISOString(),
      last_run: { id: latest.run.run.id, attempt: latest.run.run.attempt },
      flaky: group.filter((f) => f.flaky).length,
      auto_fixed: group.filter((f) => f.autoFixed !== null).length,
      pulls: [...pullNumbers].sort((a, b) => a - b).map((number) => ({ number, state: pullStates.get(number) ?? null })),
      all_time: doc?.count ?? null
    }
  })
  return rows
    .sort((a, b) => b.count - a.count || b.last_seen.localeCompare(a.last_seen) || a.fingerprint.localeCompare(b.fingerprint))
    .slice(0, TOP_FINGERPRINTS)
}

/** Distinct values with their counts, most frequent first, then by value. */
function sortedCounts(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/** Whole seconds. */
function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round(values.reduce((sum, v) => sum + v, 0) / values.length)
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return Math.round(sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2)
}

/** The figures read back from a dashboard's `data.json` (null if it is not one this version reads). */
export function parseDashboardData(text: string): Metrics[] | null {
  try {
    const parsed = z.object({ kind: z.literal('dashboard-data'), windows: z.array(metricsSchema) }).safeParse(JSON.parse(text))
    return parsed.success ? parsed.data.windows : null
  } catch {
    return null
  }
}
