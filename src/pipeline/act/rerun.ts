/**
 * The executor's allowlisted operations on a failed run — re-run the failed jobs, delete one
 * corrupt cache entry, raise an incident — each within its budget (./budgets.ts). Nothing from a
 * log or an LLM is executed or chooses an operation's target beyond the checked cache key. The
 * budgets are read from the state branch here, in the job that acts, not taken from the analysis.
 */
import { httpStatus } from '../../github/client.js'
import { readFile } from '../../github/contents.js'
import { rerunFailedJobs, type RunInfo } from '../../github/runs.js'
import { fingerprintPath, parseFingerprintDoc } from '../../state/fingerprints.js'
import {
  alreadyRecorded,
  EMPTY_LEDGER,
  isIncidentCandidate,
  planExecution,
  type IncidentPlan,
  type ExecutorSettings,
  type Ledger,
  type LedgerUpdate,
  type PlanJob
} from './budgets.js'
import { deleteCorruptCache } from './cache-delete.js'
import { detectCorruptCache } from './corrupt-cache.js'
import { findOpenIncidents, raiseIncident, type IncidentIssue } from './incident.js'
import type { ActDeps, EffectLog, JobOutcome } from './types.js'

/** Incidents raised by one run at most: a matrix failing 40 ways should not open 40 issues. */
const MAX_INCIDENTS_PER_RUN = 3

/**
 * Raises incidents, deletes a corrupt cache entry and re-runs the failed jobs, as the budgets
 * allow. Updates each job's decision, sentence and ledger update in place.
 */
export async function rerunWithinBudgets(run: RunInfo, baseBranch: string, jobs: JobOutcome[], deps: ActDeps, effects: EffectLog): Promise<void> {
  const fromFork = run.headRepositoryId === null || run.headRepositoryId !== run.repositoryId
  const planJobs: PlanJob[] = jobs.map((job) => {
    const cache = fromFork ? null : detectCorruptCache(job.diagnosis, job.triage.excerpt.lines)
    return {
      fingerprint: job.triage.fingerprint,
      wantsRerun: job.decision.rerun,
      cache,
      incidentCandidate: isIncidentCandidate({ diagnosis: job.diagnosis, decision: job.decision, cache }, fromFork)
    }
  })
  if (!planJobs.some((job) => job.wantsRerun || job.cache !== null || job.incidentCandidate)) return

  const settings = deps.executor
  const { ledgers, unavailable } = await loadLedgers(unique(planJobs.map((job) => job.fingerprint)), settings.stateBranch, deps, effects)
  const openIncidents = planJobs.some((job) => job.incidentCandidate) ? await lookUpIncidents(deps, effects) : new Map<string, IncidentIssue>()
  const now = deps.now()
  const { policy } = settings
  const plan = planExecution({
    run: { id: run.id, attempt: run.runAttempt, fromFork },
    jobs: planJobs,
    ledgers,
    openIncidents: new Set(openIncidents.keys()),
    ledgerUnavailable: unavailable,
    policy,
    now
  })

  const handled = await raiseIncidents(run, plan.incidents, jobs, { ledgers, openIncidents, settings, deps, effects })
  const cacheJobs = jobs.filter((_, index) => planJobs[index]!.cache !== null)
  for (const note of plan.cacheNotes) for (const job of cacheJobs) addReason(job, note)
  const cacheCleared = plan.cacheKey ? await clearCorruptCache(plan.cacheKey, [`refs/heads/${run.headBranch}`, `refs/heads/${baseBranch}`], cacheJobs, handled, deps, effects) : false

  const rerunPlan = plan.rerun
  if (rerunPlan.kind === 'none') return
  const blocked = (reason: string) => {
    effects.record({ kind: 'rerun', outcome: 'skipped', detail: reason })
    for (const job of jobs) if (!handled.has(job)) stopRerun(job, reason, true)
  }
  if (rerunPlan.kind === 'blocked') return blocked(rerunPlan.reason)
  if (rerunPlan.afterCacheDeletion && !cacheCleared) {
    return blocked('Not re-run: the corrupt cache entry was not deleted, and a re-run would restore it again.')
  }
  const done = await rerun(run, deps, effects)
  for (const job of jobs) {
    if (!done.ok) {
      stopRerun(job, done.sentence, true)
      continue
    }
    // A job `decide` only reported (its restore hit the corrupt entry) is re-run now that the entry is gone.
    if (!job.decision.rerun) job.decision = { ...job.decision, action: 'rerun', rerun: true, notify: false }
    job.done = done.sentence
    if (!deps.dryRun) job.ledgerUpdate = { ...ledgerUpdateOf(job), rerun: { run_id: run.id, attempt: run.runAttempt, at: now.toISOString() } }
  }
}

interface IncidentContext {
  ledgers: ReadonlyMap<string, Ledger>
  openIncidents: ReadonlyMap<string, IncidentIssue>
  settings: ExecutorSettings
  deps: ActDeps
  effects: EffectLog
}

/** Raises each planned incident (a few per run at most); returns the jobs they stopped. */
async function raiseIncidents(run: RunInfo, incidents: IncidentPlan[], jobs: JobOutcome[], context: IncidentContext): Promise<Set<JobOutcome>> {
  const handled = new Set<JobOutcome>()
  for (const [index, incident] of incidents.entries()) {
    const members = jobs.filter((job) => job.triage.fingerprint === incident.fingerprint)
    const sentence =
      index < MAX_INCIDENTS_PER_RUN
        ? await incidentFor(run, incident, members, context)
        : { text: `Not re-run: this failure is part of an incident, and this run already raised ${MAX_INCIDENTS_PER_RUN}.`, delivered: false }
    for (const job of members) {
      stopRerun(job, sentence.text, !sentence.delivered)
      handled.add(job)
    }
  }
  return handled
}

/** Deletes the corrupt entry and tells its jobs; true when it no longer stands in a re-run's way. */
async function clearCorruptCache(
  key: string,
  preferredRefs: string[],
  cacheJobs: JobOutcome[],
  handled: ReadonlySet<JobOutcome>,
  deps: ActDeps,
  effects: EffectLog
): Promise<boolean> {
  const deletion = await deleteCorruptCache(key, preferredRefs, deps, effects)
  for (const job of cacheJobs) {
    addReason(job, deletion.sentence)
    if (!handled.has(job)) job.done = deletion.sentence
  }
  return deletion.cleared
}

/** Re-runs the failed jobs once, with debug logging so the second log carries more evidence. */
async function rerun(run: RunInfo, deps: ActDeps, effects: EffectLog): Promise<{ ok: boolean; sentence: string }> {
  if (deps.dryRun) {
    effects.record({ kind: 'rerun', outcome: 'dry-run', detail: `Would re-run the failed jobs of run ${run.id} with debug logging.` })
    return { ok: true, sentence: 'Would re-run the failed jobs once (dry run).' }
  }
  try {
    await rerunFailedJobs(deps.octokit, deps.repo, run.id)
    effects.record({ kind: 'rerun', outcome: 'done', detail: `Re-ran the failed jobs of run ${run.id} (attempt ${run.runAttempt + 1}, debug logging on).` })
    return { ok: true, sentence: `Re-ran the failed jobs once (attempt ${run.runAttempt + 1}, with debug logging).` }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const hint = httpStatus(error) === 403 ? ' The github-token needs the actions: write permission.' : ''
    effects.problem(`Re-running the failed jobs failed: ${message}.${hint}`)
    effects.record({ kind: 'rerun', outcome: 'failed', detail: message })
    return { ok: false, sentence: 'Tried to re-run the failed jobs, but GitHub refused; reported instead.' }
  }
}

async function incidentFor(run: RunInfo, incident: IncidentPlan, members: JobOutcome[], context: IncidentContext): Promise<{ text: string; delivered: boolean }> {
  const { settings, deps, effects } = context
  const ledger = context.ledgers.get(incident.fingerprint) ?? EMPTY_LEDGER
  const open = context.openIncidents.get(incident.fingerprint) ?? null
  const { policy } = settings
  const now = deps.now().toISOString()
  const first = members[0]!
  const result = await raiseIncident(
    {
      facts: {
        repository: `${deps.repo.owner}/${deps.repo.repo}`,
        workflow: run.name || run.path,
        branch: run.headBranch,
        fingerprint: incident.fingerprint,
        diagnosis: first.diagnosis,
        runsInWindow: incident.runs.length,
        windowMinutes: policy.incidentWindowMinutes,
        threshold: policy.incidentRuns,
        run: { id: run.id, attempt: run.runAttempt, url: run.htmlUrl },
        jobs: unique(members.map((job) => job.job.name)),
        at: now
      },
      ledger,
      open,
      alreadyRecorded: alreadyRecorded(ledger, run.id, run.runAttempt),
      slack: settings.incidentSlack
    },
    deps,
    effects
  )
  if (result.state) for (const job of members) job.ledgerUpdate = { ...ledgerUpdateOf(job), incident: result.state }
  const why = incident.burst
    ? `${incident.runs.length} runs failed this way in the last ${policy.incidentWindowMinutes} minutes`
    : 'an incident for this failure is open'
  if (deps.dryRun) return { text: `Would raise an incident and not re-run: ${why} (dry run).`, delivered: true }
  if (!result.issue) return { text: `Not re-run: ${why}, an incident, but its issue could not be opened; reported instead.`, delivered: result.delivered }
  return { text: `Not re-run: ${why}; part of incident #${result.issue.number}, which carries it (an outage is not fixed by retrying).`, delivered: true }
}

/** The job is not re-run: say why, and tell people unless an incident already did. */
function stopRerun(job: JobOutcome, sentence: string, notify: boolean): void {
  job.decision = { ...job.decision, action: 'notify', rerun: false, notify, reasons: [...job.decision.reasons, sentence] }
  job.done = sentence
}

function addReason(job: JobOutcome, sentence: string): void {
  job.decision = { ...job.decision, reasons: [...job.decision.reasons, sentence] }
}

function ledgerUpdateOf(job: JobOutcome): LedgerUpdate {
  return job.ledgerUpdate ?? { rerun: null, incident: null }
}

/**
 * The fingerprint documents' ledgers. A missing document is an empty ledger; a broken one too
 * (the writer quarantines it); a read error makes the budgets unknown.
 */
async function loadLedgers(fingerprints: string[], stateBranch: string, deps: ActDeps, effects: EffectLog): Promise<{ ledgers: Map<string, Ledger>; unavailable: boolean }> {
  const ledgers = new Map<string, Ledger>()
  for (const fingerprint of fingerprints) {
    let text: string | null
    try {
      text = await readFile(deps.octokit, deps.repo, fingerprintPath(fingerprint), stateBranch)
    } catch (error) {
      effects.problem(`The re-run budget of ${fingerprint} could not be read: ${error instanceof Error ? error.message : String(error)}.`)
      return { ledgers, unavailable: true }
    }
    const parsed = text === null ? null : parseFingerprintDoc(text)
    if (parsed && !parsed.ok) {
      // A newer ci-monitor's ledger cannot be read right; a broken one is quarantined by the writer.
      if (parsed.newer) {
        effects.problem(`The re-run budget of ${fingerprint} could not be read: ${parsed.problem}.`)
        return { ledgers, unavailable: true }
      }
      deps.log.warning(`${fingerprintPath(fingerprint)} ${parsed.problem}; its budgets start afresh.`)
    }
    ledgers.set(fingerprint, parsed?.ok ? parsed.doc : EMPTY_LEDGER)
  }
  return { ledgers, unavailable: false }
}

async function lookUpIncidents(deps: ActDeps, effects: EffectLog): Promise<Map<string, IncidentIssue>> {
  try {
    return await findOpenIncidents(deps)
  } catch (error) {
    const status = httpStatus(error)
    const why = status === 403 ? 'GitHub refused (HTTP 403): the github-token needs the issues: read permission' : error instanceof Error ? error.message : String(error)
    effects.problem(`Open incidents could not be looked up: ${why}.`)
    return new Map()
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
