import type { Octokit, Repo } from '../github/client.js'
import { getRepository, readFile, type RepositoryFacts } from '../github/contents.js'
import { getRun, listJobs, type JobInfo, type RunInfo } from '../github/runs.js'

/** The failed run as GitHub describes it: run facts, its failed jobs, the workflow file. */
export interface FailedRun {
  run: RunInfo
  defaultBranch: string
  visibility: RepositoryFacts['visibility']
  failedJobs: JobInfo[]
  /** Failed jobs beyond the cap, not analysed (counted for the record). */
  omittedJobs: number
  /** The workflow file at the run's head SHA (null when unreadable or removed). */
  workflowText: string | null
}

/** Matrix runs can fail dozens of jobs the same way; the first few carry the evidence. */
export const MAX_JOBS_ANALYSED = 10

export async function collectRun(octokit: Octokit, repo: Repo, runId: number): Promise<FailedRun> {
  const run = await getRun(octokit, repo, runId)
  const [{ defaultBranch, visibility }, jobs, workflowText] = await Promise.all([
    getRepository(octokit, repo),
    listJobs(octokit, repo, run),
    run.path.startsWith('.github/workflows/') ? readFile(octokit, repo, run.path, run.headSha) : Promise.resolve(null)
  ])
  return {
    run,
    defaultBranch,
    visibility,
    failedJobs: jobs.failed.slice(0, MAX_JOBS_ANALYSED),
    omittedJobs: Math.max(0, jobs.failed.length - MAX_JOBS_ANALYSED),
    workflowText
  }
}
