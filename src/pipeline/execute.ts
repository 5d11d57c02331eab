import type { Config } from '../context/config.js'
import type { Context } from '../context/context.js'
import { readFile } from '../github/contents.js'
import { tokenLogin } from '../github/identity.js'
import type { RunInfo } from '../github/runs.js'
import { buildAnnotations, type Annotation } from '../notify/annotations.js'
import { buildJobSummary, type JobReport, type SummaryInput } from '../notify/summary.js'
import { inputsDigest } from '../state/audit.js'
import type { RunRecord } from '../state/records.js'
import { act, type ActDeps, type JobOutcome } from './act/index.js'
import { executorSettings } from './act/budgets.js'
import type { Analysis } from './analyze.js'
import type { JobDiagnosis } from './diagnose.js'
import { decideJobs } from './decide-jobs.js'
import { historyFacts } from './history.js'
import { readRecentFigures } from './figures/recent.js'
import { buildRunRecord, fingerprintUpdates, writeRunState } from './record.js'

export type ExecuteDeps = Omit<ActDeps, 'repo' | 'dryRun' | 'executor'>

export interface RunReport {
  jobs: JobOutcome[]
  /** The job whose diagnosis the action's outputs report: the first failed job. */
  primary: JobOutcome | null
  summary: string
  annotations: Annotation[]
  record: RunRecord
  stateCommit: string | null
  problems: string[]
}

/**
 * decide → act → record → report, from an analysis. Decisions are always computed here, from the
 * policy and the workflow file on the default branch, never taken from the analysis as given.
 */
export async function execute(ctx: Context, config: Config, analysis: Analysis, deps: ExecuteDeps): Promise<RunReport> {
  const { octokit, log } = deps
  const repository = `${ctx.repo.owner}/${ctx.repo.repo}`
  const dryRun = ctx.inputs.dryRun
  const { run } = analysis
  const baseWorkflowText = analysis.jobs.some((job) => job.diagnosis.fix) ? await readFile(octokit, ctx.repo, run.path, analysis.defaultBranch) : null
  const decided = decideJobs({
    run,
    repository,
    jobs: analysis.jobs,
    config,
    baseWorkflowText,
    fixTokenAvailable: ctx.inputs.fixToken !== '',
    dryRun,
    visibility: analysis.visibility
  })
  const executor = executorSettings(config, ctx.inputs.stateBranch, deps.slack)
  const acted = await act(run, analysis.defaultBranch, decided, { ...deps, repo: ctx.repo, dryRun, executor })
  const problems = [...acted.problems]
  if (analysis.omittedJobs > 0) problems.push(`${analysis.omittedJobs} more failed job(s) were not analysed (limit per run).`)

  const record = buildRunRecord({
    repository,
    run,
    trigger: analysis.trigger,
    analysedAt: deps.now(),
    dryRun,
    jobs: acted.jobs,
    effects: acted.effects,
    errors: problems,
    lastGreen: analysis.lastGreen,
    testReports: analysis.testReports
  })
  let stateCommit: string | null = null
  let recordSaved = false
  if (dryRun) {
    log.info(`Dry run: the record is not written to '${ctx.inputs.stateBranch}'.`)
  } else {
    try {
      const memos = new Map(Object.entries(analysis.memos))
      const audit = { actor: { token_login: await tokenLogin(octokit), triggered_by: run.actor || null }, inputsDigest: inputsDigest(config, ctx.inputs) }
      const written = await writeRunState(octokit, ctx.repo, ctx.inputs.stateBranch, record, fingerprintUpdates(acted.jobs, memos), log, audit)
      stateCommit = written.sha
      recordSaved = written.recordSaved
      problems.push(...written.problems)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      problems.push(`Writing the record to the '${ctx.inputs.stateBranch}' branch failed: ${message}. The record is kept in this summary.`)
      log.warning(`State branch write failed: ${message}`)
    }
  }

  const recentFigures = await readRecentFigures(octokit, ctx.repo, ctx.inputs.stateBranch, log)
  const summary = buildJobSummary({
    ...summaryOfRun(repository, run),
    dryRun,
    jobs: acted.jobs.map(jobReport),
    problems,
    recentFigures
  })
  const recordFallback =
    !dryRun && !recordSaved
      ? `\n\n<details><summary>Run record (not saved)</summary>\n\n\`\`\`json\n${JSON.stringify(record, null, 2).slice(0, 200_000).replace(/`/g, '\\u0060')}\n\`\`\`\n</details>\n`
      : ''
  const annotations = buildAnnotations({
    jobs: acted.jobs.map((job) => ({ job: job.job.name, diagnosis: job.diagnosis, decision: job.done })),
    problems
  })
  return { jobs: acted.jobs, primary: acted.jobs[0] ?? null, summary: summary + recordFallback, annotations, record, stateCommit, problems }
}

/** What the job summary says about the run itself. */
export function summaryOfRun(repository: string, run: RunInfo): Pick<SummaryInput, 'repository' | 'workflow' | 'branch' | 'runUrl' | 'runId' | 'runAttempt'> {
  return { repository, workflow: run.name || run.path, branch: run.headBranch, runUrl: run.htmlUrl, runId: run.id, runAttempt: run.runAttempt }
}

/** What the job summary says about a diagnosed job, before any decision. */
export function diagnosedJobReport(job: JobDiagnosis, decision: string): JobReport {
  return {
    job: job.job.name,
    jobUrl: job.job.htmlUrl || null,
    diagnosis: job.diagnosis,
    failingStep: job.triage.failingStep ? { name: job.triage.failingStep.name, number: job.triage.failingStep.number } : null,
    fingerprint: job.triage.fingerprint,
    history: historyFacts(job.history),
    excerpt: job.triage.excerpt,
    decision
  }
}

function jobReport(job: JobOutcome): JobReport {
  return {
    ...diagnosedJobReport(job, job.done),
    reasons: job.decision.reasons,
    prUrl: job.prUrl,
    patch: job.patch,
    wouldHave: job.decision.dryRun ? [job.done] : undefined
  }
}

