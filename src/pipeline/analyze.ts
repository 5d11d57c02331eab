import type { Context } from '../context/context.js'
import type { LlmClient, LlmOutcome, MemoEntry, TokenBudget } from '../classify/llm/index.js'
import { withTestReports } from '../classify/test-reports.js'
import type { Octokit } from '../github/client.js'
import { downloadTestReports, type TestReportDownload } from '../github/artifacts.js'
import type { RunInfo } from '../github/runs.js'
import type { Logger } from '../log/logger.js'
import { stopCommands } from '../notify/escape.js'
import { numberedLines } from '../notify/format.js'
import { reportsForJob } from '../reports/index.js'
import type { RunRecord } from '../state/records.js'
import { collectRun } from './collect.js'
import { baselineFor, diagnoseJob, diagnoseJoblessRun, type JobDiagnosis } from './diagnose.js'
import { loadHistory, NO_HISTORY } from './history.js'
import { findLastGreen, matchingJob, type LastGreen } from './last-green.js'
import { refineJobs } from './refine.js'

/**
 * Everything ci-monitor concluded about a failed run before any effect. It is the boundary of the
 * privilege split: `mode: analyze` (read-only) stops here and hands it on as an artifact; the
 * decisions and effects are computed from it by `execute`, in the same job or in `mode: act`.
 */
export interface Analysis {
  trigger: string
  run: RunInfo
  defaultBranch: string
  /** The repository's visibility: hosted runners of public repositories are larger. */
  visibility: 'public' | 'private' | 'internal'
  /** The last successful run (without its jobs): the culprit is in lastGreen.headSha..run.headSha. */
  lastGreen: Omit<LastGreen, 'jobs'> | null
  /** What the run's test-report artifacts held, as the record keeps it. */
  testReports: TestReportSummary
  jobs: JobDiagnosis[]
  /** Failed jobs beyond the per-run cap, not analysed. */
  omittedJobs: number
  /** New LLM verdicts to memoise on the state branch, by fingerprint. */
  memos: Record<string, MemoEntry>
}

export interface AnalyzeDeps {
  octokit: Octokit
  log: Logger
  now: () => Date
  /** The LLM client when `llm-api-key` is set, else null. */
  llm: LlmClient | null
  /** The run's token budget for the LLM. */
  budget: TokenBudget
  /** Writes log-derived text to the runner log, fenced so it cannot run workflow commands. */
  print: (text: string) => void
  stopToken: string
}

const NO_TEST_REPORTS: TestReportDownload = { reports: [], skipped: [], unavailable: null }

export type TestReportSummary = RunRecord['test_reports']

function summarizeTestReports(download: TestReportDownload): TestReportSummary {
  return {
    artifacts: download.reports.map((report) => ({
      name: report.artifact,
      tests: report.totals.tests,
      failures: report.totals.failures + report.totals.errors,
      truncated: report.truncated
    })),
    skipped: download.skipped.map((artifact) => ({ name: artifact.name, reason: artifact.reason })),
    unavailable: download.unavailable
  }
}

/** collect → triage → classify (rules, test reports, history, LLM): reads only, changes nothing. */
export async function analyze(ctx: Context, runId: number, trigger: string, deps: AnalyzeDeps): Promise<Analysis> {
  const { octokit, log } = deps
  const collected = await collectRun(octokit, ctx.repo, runId)
  const { run } = collected
  log.info(`Run ${run.id} (attempt ${run.runAttempt}) of ${run.path}: ${collected.failedJobs.length} failed job(s) to analyse.`)
  const lastGreen = await findLastGreen(octokit, ctx.repo, run, collected.defaultBranch).catch((error: unknown) => {
    log.warning(`Could not look up the last successful run: ${error instanceof Error ? error.message : String(error)}`)
    return null
  })

  const testReports = collected.failedJobs.length > 0 ? await downloadTestReports(octokit, ctx.repo, run.id, log) : NO_TEST_REPORTS
  const failedNames = collected.failedJobs.map((job) => job.name)
  const jobs: JobDiagnosis[] = []
  for (const job of collected.failedJobs) {
    const baseline = await baselineFor(octokit, ctx.repo, matchingJob(lastGreen, job), log).catch((error: unknown) => {
      log.warning(`Could not read the last green log of "${job.name}": ${error instanceof Error ? error.message : String(error)}`)
      return null
    })
    const result = await diagnoseJob(octokit, ctx.repo, run, job, log, baseline)
    result.diagnosis = withTestReports(result.diagnosis, reportsForJob(job.name, failedNames, testReports.reports))
    printDiagnosis(result, deps)
    jobs.push(result)
  }
  if (jobs.length === 0 && run.conclusion === 'startup_failure') {
    const { triage, diagnosis } = diagnoseJoblessRun(run)
    const job = { id: 0, name: '(workflow)', conclusion: run.conclusion, htmlUrl: run.htmlUrl, runAttempt: run.runAttempt, steps: [], labels: [] }
    jobs.push({ job, triage, diagnosis, logAvailable: false, logInterrupted: false, history: NO_HISTORY, llm: null })
  }
  if (jobs.length === 0) log.info(`Run ${run.id} has no failed jobs in attempt ${run.runAttempt}: nothing to diagnose.`)

  const histories = await loadHistory(octokit, ctx.repo, ctx.inputs.stateBranch, jobs.map((d) => d.triage.fingerprint), log, { id: run.id, attempt: run.runAttempt })
  for (const job of jobs) job.history = histories.get(job.triage.fingerprint) ?? NO_HISTORY
  const memos = await refineJobs(jobs, { client: deps.llm, budget: deps.budget, workflowPath: run.path, workflowText: collected.workflowText, now: deps.now() })
  for (const job of jobs) if (job.llm && job.llm.status !== 'skipped') log.info(`Job ${job.job.id}: LLM ${describeLlm(job.llm)}.`)

  return {
    trigger,
    run,
    defaultBranch: collected.defaultBranch,
    visibility: collected.visibility,
    lastGreen: lastGreen && { id: lastGreen.id, headSha: lastGreen.headSha, htmlUrl: lastGreen.htmlUrl, branch: lastGreen.branch },
    testReports: summarizeTestReports(testReports),
    jobs,
    omittedJobs: collected.omittedJobs,
    memos: Object.fromEntries(memos)
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
function printDiagnosis(result: JobDiagnosis, deps: Pick<AnalyzeDeps, 'log' | 'print' | 'stopToken'>): void {
  const { diagnosis, triage, job } = result
  deps.log.info(
    `Job ${job.id}: ${diagnosis.owner} / ${diagnosis.category} (confidence ${diagnosis.confidence.toFixed(2)}, ${diagnosis.engine}${diagnosis.ruleId ? ` rule ${diagnosis.ruleId}` : ''}), fingerprint ${triage.fingerprint}${result.logAvailable ? '' : ' — log unavailable'}`
  )
  const lines = [`Diagnosis of job "${job.name}": ${diagnosis.summary}`, ...numberedLines(triage.excerpt.lines)]
  deps.print(stopCommands(lines, deps.stopToken))
}
