import type { Config } from '../context/config.js'
import type { Context } from '../context/context.js'
import { ConfigurationError } from '../context/errors.js'
import { getRepository } from '../github/contents.js'
import type { PlanStore } from '../github/plan-artifact.js'
import { getRun, listJobs } from '../github/runs.js'
import { buildJobSummary } from '../notify/summary.js'
import { analyze, type AnalyzeDeps } from './analyze.js'
import { diagnosedJobReport, execute, summaryOfRun, type ExecuteDeps, type RunReport } from './execute.js'
import { loadHistory, NO_HISTORY } from './history.js'
import { PLAN_ARTIFACT, PLAN_FILE, analysisFromPlan, readPlan, toPlan } from './plan.js'

export interface AnalyzeOnlyReport {
  summary: string
  /** The first job's diagnosis, for the outputs. */
  primary: { owner: string; category: string; confidence: number; fingerprint: string } | null
}

/**
 * `mode: analyze`: reads everything, changes nothing, and hands the analysis to the act job as an
 * artifact. Runs with a read-only token; the decisions are the act job's.
 */
export async function analyzeOnly(ctx: Context, runId: number, trigger: string, deps: AnalyzeDeps, store: PlanStore): Promise<AnalyzeOnlyReport> {
  const analysis = await analyze(ctx, runId, trigger, deps)
  const repository = `${ctx.repo.owner}/${ctx.repo.repo}`
  await store.save(PLAN_ARTIFACT, PLAN_FILE, JSON.stringify(toPlan(repository, analysis, deps.now())))
  deps.log.info(`The analysis of run ${analysis.run.id} is saved as the artifact '${PLAN_ARTIFACT}' for the act job.`)
  const { run } = analysis
  const summary = buildJobSummary({
    ...summaryOfRun(repository, run),
    dryRun: false,
    jobs: analysis.jobs.map((job) => diagnosedJobReport(job, 'Diagnosed (mode analyze): the act job decides and acts.'))
  })
  const first = analysis.jobs[0]
  return {
    summary,
    primary: first
      ? { owner: first.diagnosis.owner, category: first.diagnosis.category, confidence: first.diagnosis.confidence, fingerprint: first.triage.fingerprint }
      : null
  }
}

/**
 * `mode: act`: takes the analyze job's artifact from this workflow run, checks it against the API
 * (same repository, run, attempt and failed jobs), then decides and acts exactly as `mode: all`
 * would — decisions, fixes and gate verdicts are recomputed here, not read from the artifact.
 */
export async function actOnPlan(ctx: Context, config: Config, runId: number, deps: ExecuteDeps, store: PlanStore): Promise<RunReport> {
  const text = await store.load(PLAN_ARTIFACT, PLAN_FILE)
  if (text === null) {
    throw new ConfigurationError(
      `mode 'act' needs the '${PLAN_ARTIFACT}' artifact of a 'mode: analyze' job in the same workflow run (make the act job need it).`
    )
  }
  const run = await getRun(deps.octokit, ctx.repo, runId)
  const [{ failed }, { defaultBranch, visibility }] = await Promise.all([listJobs(deps.octokit, ctx.repo, run), getRepository(deps.octokit, ctx.repo)])
  const checked = readPlan(text, {
    repository: `${ctx.repo.owner}/${ctx.repo.repo}`,
    runId: run.id,
    runAttempt: run.runAttempt,
    failedJobIds: failed.map((job) => job.id)
  })
  if (!checked.ok) throw new ConfigurationError(`The '${PLAN_ARTIFACT}' artifact is refused: ${checked.problem}.`)
  const analysis = analysisFromPlan(checked.plan, { run, defaultBranch, visibility })
  const histories = await loadHistory(deps.octokit, ctx.repo, ctx.inputs.stateBranch, analysis.jobs.map((job) => job.triage.fingerprint), deps.log, { id: run.id, attempt: run.runAttempt })
  for (const job of analysis.jobs) job.history = histories.get(job.triage.fingerprint) ?? NO_HISTORY
  return execute(ctx, config, analysis, deps)
}
