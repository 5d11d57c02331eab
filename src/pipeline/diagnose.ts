import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from '../github/client.js'
import { downloadJobLog } from '../github/logs.js'
import type { JobInfo, RunInfo } from '../github/runs.js'
import { buildBaseline, triageStream, triageText, type Baseline } from '../triage/index.js'
import type { Triage } from '../triage/types.js'
import { classify } from '../classify/index.js'
import type { Diagnosis } from '../classify/types.js'
import type { LlmOutcome } from '../classify/llm/index.js'
import { NO_HISTORY, type FailureHistory } from './history.js'

export interface JobDiagnosis {
  job: JobInfo
  triage: Triage
  diagnosis: Diagnosis
  /** False when GitHub no longer has the log (expired or deleted): diagnosed from metadata alone. */
  logAvailable: boolean
  logInterrupted: boolean
  /** What the state branch knew about this fingerprint before this run. */
  history: FailureHistory
  /** What the LLM step did (null until it ran). */
  llm: LlmOutcome | null
}

/** Jobs of a matrix differ only by the suffix in parentheses; the same failure should share a fingerprint. */
export function jobIdentity(run: RunInfo, job: JobInfo): string[] {
  return [run.path, job.name.replace(/\s*\([^()]*\)\s*$/, '')]
}

/** The green log is only a hint: reading more than this of it is not worth the time. */
const BASELINE_MAX_BYTES = 64 * 1024 * 1024

/**
 * What the same job printed in the last green run, so triage can rank the lines that are new in
 * the failure above those it always prints. Null when there is no such job or its log is gone.
 */
export async function baselineFor(octokit: Octokit, repo: Repo, greenJob: JobInfo | null, log: Logger): Promise<Baseline | null> {
  if (!greenJob) return null
  const download = await downloadJobLog(octokit, repo, greenJob.id, log)
  if (!download) return null
  return buildBaseline(download.chunks, { maxBytes: BASELINE_MAX_BYTES })
}

export async function diagnoseJob(octokit: Octokit, repo: Repo, run: RunInfo, job: JobInfo, log: Logger, baseline: Baseline | null = null): Promise<JobDiagnosis> {
  const options = { steps: job.steps, identity: jobIdentity(run, job), ...(baseline ? { baseline } : {}) }
  const download = await downloadJobLog(octokit, repo, job.id, log)
  const triage = download ? await triageStream(download.chunks, options) : triageText('', options)
  const diagnosis = classify(triage, { jobConclusion: job.conclusion, runConclusion: run.conclusion })
  return {
    job,
    triage,
    diagnosis,
    logAvailable: download !== null,
    logInterrupted: download?.outcome.interrupted ?? false,
    history: NO_HISTORY,
    llm: null
  }
}

/** A run that failed before any job started (invalid workflow file) has no jobs and no logs. */
export function diagnoseJoblessRun(run: RunInfo): { triage: Triage; diagnosis: Diagnosis } {
  const triage = triageText('', { identity: [run.path, '(run)'] })
  return { triage, diagnosis: classify(triage, { runConclusion: run.conclusion }) }
}
