import type { Config } from '../context/config.js'
import type { Context } from '../context/context.js'
import { readFile } from '../github/contents.js'
import { buildJobSummary, type JobReport } from '../notify/summary.js'
import { buildAnnotations, type Annotation } from '../notify/annotations.js'
import { stopCommands } from '../notify/escape.js'
import { numberedLines } from '../notify/format.js'
import type { RunRecord } from '../state/records.js'
import { act, type ActDeps, type JobOutcome } from './act/index.js'
import { collectRun } from './collect.js'
import { decideJobs } from './decide-jobs.js'
import { diagnoseJob, diagnoseJoblessRun, type JobDiagnosis } from './diagnose.js'
import type { LlmClient, LlmOutcome, TokenBudget } from '../classify/llm/index.js'
import { withTestReports } from '../classify/test-reports.js'
import { downloadTestReports, type TestReportDownload } from '../github/artifacts.js'
import { reportsForJob } from '../reports/index.js'
import { historyFacts, loadHistory, NO_HISTORY } from './history.js'
import { refineJobs } from './refine.js'
import { findLastGreen } from './last-green.js'
import { buildRunRecord, fingerprintUpdates, writeRunState } from './record.js'

export interface AnalyzeDeps extends Omit<ActDeps, 'repo' | 'dryRun'> {
  /** The LLM client when `llm-api-key` is set, else null. */
  llm: LlmClient | null
  /** The run's token budget for the LLM. */
  budget: TokenBudget
  /** Writes log-derived text to the runner log, fenced so it cannot run workflow commands. */
  print: (text: string) => void
  stopToken: string
}

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

const NO_TEST_REPORTS: TestReportDownload = { reports: [], skipped: [], unavailable: null }

/** collect → triage → classify → decide → act → record, for one workflow run. */
export async function analyzeRun(ctx: Context, config: Config, runId: number, trigger: string, deps: AnalyzeDeps): Promise<RunReport> {
  const { octokit, log } = deps
  const repository = `${ctx.repo.owner}/${ctx.repo.repo}`
  const dryRun = ctx.inputs.dryRun
  const collected = await collectRun(octokit, ctx.repo, runId)
  const { run } = collected
  log.info(`Run ${run.id} (attempt ${run.runAttempt}) of ${run.path}: ${collected.failedJobs.length} failed job(s) to analyse.`)
  const lastGreen = await findLastGreen(octokit, ctx.repo, run, collected.defaultBranch).catch((error: unknown) => {
    log.warning(`Could not look up the last successful run: ${error instanceof Error ? error.message : String(error)}`)
    return null
  })

  const testReports = collected.failedJobs.length > 0 ? await downloadTestReports(octokit, ctx.repo, run.id, log) : NO_TEST_REPORTS
  const failedNames = collected.failedJobs.map((job) => job.name)
  const diagnosed: JobDiagnosis[] = []
  for (const job of collected.failedJobs) {
    const result = await diagnoseJob(octokit, ctx.repo, run, job, log)
    result.diagnosis = withTestReports(result.diagnosis, reportsForJob(job.name, failedNames, testReports.reports))
    printDiagnosis(result, deps)
    diagnosed.push(result)
  }
  if (diagnosed.length === 0 && run.conclusion === 'startup_failure') {
    const { triage, diagnosis } = diagnoseJoblessRun(run)
    const job = { id: 0, name: '(workflow)', conclusion: run.conclusion, htmlUrl: run.htmlUrl, runAttempt: run.runAttempt, steps: [] }
    diagnosed.push({ job, triage, diagnosis, logAvailable: false, logInterrupted: false, history: NO_HISTORY, llm: null })
  }
  const histories = await loadHistory(octokit, ctx.repo, ctx.inputs.stateBranch, diagnosed.map((d) => d.triage.fingerprint), log)
  for (const job of diagnosed) job.history = histories.get(job.triage.fingerprint) ?? NO_HISTORY
  const memos = await refineJobs(diagnosed, { client: deps.llm, budget: deps.budget, workflowText: collected.workflowText, now: deps.now() })
  for (const job of diagnosed) if (job.llm && job.llm.status !== 'skipped') log.info(`Job ${job.job.id}: LLM ${describeLlm(job.llm)}.`)

  const baseWorkflowText = diagnosed.some((job) => job.diagnosis.fix)
    ? await readFile(octokit, ctx.repo, run.path, collected.defaultBranch)
    : null
  const decided = decideJobs({
    run,
    repository,
    jobs: diagnosed,
    config,
    baseWorkflowText,
    fixTokenAvailable: ctx.inputs.fixToken !== '',
    dryRun
  })
  const acted = await act(run, collected.defaultBranch, decided, { ...deps, repo: ctx.repo, dryRun })
  const problems = [...acted.problems]
  if (collected.omittedJobs > 0) problems.push(`${collected.omittedJobs} more failed job(s) were not analysed (limit per run).`)
  if (collected.failedJobs.length === 0 && diagnosed.length === 0) {
    log.info(`Run ${run.id} has no failed jobs in attempt ${run.runAttempt}: nothing to diagnose.`)
  }

  const record = buildRunRecord({
    repository,
    run,
    trigger,
    analysedAt: deps.now(),
    dryRun,
    jobs: acted.jobs,
    effects: acted.effects,
    errors: problems,
    lastGreen,
    testReports
  })
  let stateCommit: string | null = null
  if (dryRun) {
    log.info(`Dry run: the record is not written to '${ctx.inputs.stateBranch}'.`)
  } else {
    try {
      const written = await writeRunState(octokit, ctx.repo, ctx.inputs.stateBranch, record, fingerprintUpdates(acted.jobs, memos), log)
      stateCommit = written.sha
      problems.push(...written.problems)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      problems.push(`Writing the record to the '${ctx.inputs.stateBranch}' branch failed: ${message}. The record is kept in this summary.`)
      log.warning(`State branch write failed: ${message}`)
    }
  }

  const summary = buildJobSummary({
    repository,
    workflow: run.name || run.path,
    branch: run.headBranch,
    runUrl: run.htmlUrl,
    runId: run.id,
    runAttempt: run.runAttempt,
    dryRun,
    jobs: acted.jobs.map(jobReport),
    problems
  })
  const recordFallback = !dryRun && stateCommit === null ? `\n\n<details><summary>Run record (not saved)</summary>\n\n\`\`\`json\n${JSON.stringify(record, null, 2).slice(0, 200_000).replace(/`/g, '\\u0060')}\n\`\`\`\n</details>\n` : ''
  const annotations = buildAnnotations({
    jobs: acted.jobs.map((job) => ({ job: job.job.name, diagnosis: job.diagnosis, decision: job.done })),
    problems
  })
  return { jobs: acted.jobs, primary: acted.jobs[0] ?? null, summary: summary + recordFallback, annotations, record, stateCommit, problems }
}

function jobReport(job: JobOutcome): JobReport {
  return {
    job: job.job.name,
    jobUrl: job.job.htmlUrl || null,
    diagnosis: job.diagnosis,
    failingStep: job.triage.failingStep ? { name: job.triage.failingStep.name, number: job.triage.failingStep.number } : null,
    fingerprint: job.triage.fingerprint,
    history: historyFacts(job.history),
    excerpt: job.triage.excerpt,
    decision: job.done,
    reasons: job.decision.reasons,
    prUrl: job.prUrl,
    patch: job.patch,
    wouldHave: job.decision.dryRun ? [job.done] : undefined
  }
}

function describeLlm(llm: LlmOutcome): string {
  switch (llm.status) {
    case 'skipped':
      return `skipped (${llm.reason})`
    case 'memo-hit':
      return `verdict reused from ${llm.memoCreatedAt} (same fingerprint)`
    case 'answered':
      return `answered with ${llm.usage.totalTokens} tokens (~$${llm.costUsd.toFixed(4)})`
    case 'fallback':
      return `not used (${llm.reason}); the rules decide`
  }
}

/** The runner log gets the diagnosis and its evidence, fenced against workflow commands hidden in the log. */
function printDiagnosis(result: JobDiagnosis, deps: AnalyzeDeps): void {
  const { diagnosis, triage, job } = result
  deps.log.info(
    `Job ${job.id}: ${diagnosis.owner} / ${diagnosis.category} (confidence ${diagnosis.confidence.toFixed(2)}, ${diagnosis.engine}${diagnosis.ruleId ? ` rule ${diagnosis.ruleId}` : ''}), fingerprint ${triage.fingerprint}${result.logAvailable ? '' : ' — log unavailable'}`
  )
  const lines = [`Diagnosis of job "${job.name}": ${diagnosis.summary}`, ...numberedLines(triage.excerpt.lines)]
  deps.print(stopCommands(lines, deps.stopToken))
}
