import type { Octokit, Repo } from '../github/client.js'
import { findLastGreenRun, listJobs, type JobInfo, type RunInfo } from '../github/runs.js'

/** The most recent successful run of the same workflow, the baseline a failure is compared with. */
export interface LastGreen {
  id: number
  headSha: string
  htmlUrl: string
  branch: string
  jobs: JobInfo[]
}

/**
 * Looks on the failed run's branch first, then on the default branch (a new branch has no green
 * run of its own). The range last green SHA .. failing SHA holds the change that broke the build.
 */
export async function findLastGreen(octokit: Octokit, repo: Repo, run: RunInfo, defaultBranch: string): Promise<LastGreen | null> {
  const branches = [...new Set([run.headBranch, defaultBranch].filter((b) => b !== ''))]
  for (const branch of branches) {
    const green = await findLastGreenRun(octokit, repo, { workflowId: run.workflowId, branch, before: run.createdAt })
    if (!green) continue
    const { all } = await listJobs(octokit, repo, { id: green.id, runAttempt: green.runAttempt, conclusion: 'success' })
    return { ...green, branch, jobs: all }
  }
  return null
}

/** The green run's job that matches a failed job (same name, matrix suffix included). */
export function matchingJob(green: LastGreen | null, job: JobInfo): JobInfo | null {
  return green?.jobs.find((candidate) => candidate.name === job.name && candidate.conclusion === 'success') ?? null
}
