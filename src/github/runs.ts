import type { StepInfo } from '../triage/types.js'
import { httpStatus, type Octokit, type Repo } from './client.js'

/** The facts about a workflow run that ci-monitor uses. Text fields are untrusted (set by the pusher). */
export interface RunInfo {
  id: number
  name: string
  /** Workflow file path, e.g. `.github/workflows/ci.yml` (from the API, never from a log). */
  path: string
  workflowId: number
  runNumber: number
  runAttempt: number
  event: string
  status: string | null
  conclusion: string | null
  headBranch: string
  headSha: string
  htmlUrl: string
  /** null when the head repository was deleted; differs from repositoryId for fork runs. */
  headRepositoryId: number | null
  repositoryId: number
  actor: string
  createdAt: string
}

export interface JobInfo {
  id: number
  name: string
  conclusion: string | null
  htmlUrl: string
  runAttempt: number
  steps: StepInfo[]
  /** runs-on labels the job ran with (which runner image: some fixes only apply to hosted Ubuntu). */
  labels: string[]
}

export async function getRun(octokit: Octokit, repo: Repo, runId: number): Promise<RunInfo> {
  const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId })
  return {
    id: data.id,
    name: data.name ?? '',
    path: data.path.replace(/@.*$/, ''),
    workflowId: data.workflow_id,
    runNumber: data.run_number,
    runAttempt: data.run_attempt ?? 1,
    event: data.event,
    status: data.status,
    conclusion: data.conclusion,
    headBranch: data.head_branch ?? '',
    headSha: data.head_sha,
    htmlUrl: data.html_url,
    headRepositoryId: data.head_repository?.id ?? null,
    repositoryId: data.repository.id,
    actor: data.triggering_actor?.login ?? data.actor?.login ?? '',
    createdAt: data.created_at
  }
}

const FAILED_JOB_CONCLUSIONS = new Set(['failure', 'timed_out'])

/** Jobs of one run attempt (paginated) and the ones that failed, in the order GitHub lists them. */
export async function listJobs(
  octokit: Octokit,
  repo: Repo,
  run: Pick<RunInfo, 'id' | 'runAttempt' | 'conclusion'>
): Promise<{ all: JobInfo[]; failed: JobInfo[] }> {
  const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
    ...repo,
    run_id: run.id,
    attempt_number: run.runAttempt,
    per_page: 100
  })
  const all = jobs.map(
    (job): JobInfo => ({
      id: job.id,
      name: job.name,
      conclusion: job.conclusion,
      htmlUrl: job.html_url ?? '',
      runAttempt: job.run_attempt ?? run.runAttempt,
      steps: (job.steps ?? []).map((s) => ({ number: s.number, name: s.name, conclusion: s.conclusion })),
      labels: job.labels ?? []
    })
  )
  // A job cancelled because the run hit its time limit is a timeout, not a cancellation.
  const failed = all.filter(
    (job) => FAILED_JOB_CONCLUSIONS.has(job.conclusion ?? '') || (run.conclusion === 'timed_out' && job.conclusion === 'cancelled')
  )
  return { all, failed }
}

/** Re-runs the failed jobs of a run (a new attempt), asking for debug logs so the retry carries more evidence. */
export async function rerunFailedJobs(octokit: Octokit, repo: Repo, runId: number): Promise<void> {
  await octokit.rest.actions.reRunWorkflowFailedJobs({ ...repo, run_id: runId, enable_debug_logging: true })
}

/** The newest successful run of a workflow on a branch that started before `before`, if any. */
export async function findLastGreenRun(
  octokit: Octokit,
  repo: Repo,
  options: { workflowId: number; branch: string; before: string }
): Promise<{ id: number; headSha: string; htmlUrl: string; runAttempt: number } | null> {
  const { data } = await octokit.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: options.workflowId,
    branch: options.branch,
    status: 'success',
    per_page: 20
  })
  const green = data.workflow_runs
    .filter((run) => run.created_at <= options.before)
    .sort((a, b) => b.created_at.localeCompare(a.created_at))[0]
  return green ? { id: green.id, headSha: green.head_sha, htmlUrl: green.html_url, runAttempt: green.run_attempt ?? 1 } : null
}

/** One attempt of a run as the figures need it: where it ran and when it was created and last changed. */
export interface RunTimes {
  id: number
  attempt: number
  workflowId: number
  /** Workflow file path, e.g. `.github/workflows/ci.yml`. */
  path: string
  /** Untrusted (set by the pusher). */
  headBranch: string
  /** The repository the head comes from (a fork's differs); null when it was deleted. */
  headRepositoryId: number | null
  status: string | null
  conclusion: string | null
  createdAt: string
  /** When this attempt last changed: its completion once completed. */
  updatedAt: string
}

function runTimes(data: {
  id: number
  run_attempt?: number
  workflow_id: number
  path: string
  head_branch: string | null
  head_repository?: { id: number } | null
  status: string | null
  conclusion: string | null
  created_at: string
  updated_at: string
}): RunTimes {
  return {
    id: data.id,
    attempt: data.run_attempt ?? 1,
    workflowId: data.workflow_id,
    path: data.path.replace(/@.*$/, ''),
    headBranch: data.head_branch ?? '',
    headRepositoryId: data.head_repository?.id ?? null,
    status: data.status,
    conclusion: data.conclusion,
    createdAt: data.created_at,
    updatedAt: data.updated_at
  }
}

/** One attempt of a run, or null when the run is gone. */
export async function getRunAttempt(octokit: Octokit, repo: Repo, runId: number, attempt: number): Promise<RunTimes | null> {
  try {
    const { data } = await octokit.rest.actions.getWorkflowRunAttempt({ ...repo, run_id: runId, attempt_number: attempt, exclude_pull_requests: true })
    return runTimes(data)
  } catch (error) {
    if (httpStatus(error) === 404) return null
    throw error
  }
}

const RUNS_PER_PAGE = 100

/**
 * Successful runs of a workflow on a branch created on or after the day before `since` (GitHub's
 * `created` filter is reliable with dates only, octokit/endpoint.js#497 and
 * github/rest-api-description#2542, and a day's margin leaves no doubt about its time zone; callers
 * compare the exact times): the first page
 * and, when there are more, the last — GitHub lists newest first, so the oldest, the ones a
 * recovery looks for, are at the end. At most two requests.
 */
export async function listSuccessfulRunsSince(
  octokit: Octokit,
  repo: Repo,
  options: { workflowId: number; branch: string; since: string }
): Promise<RunTimes[]> {
  const params = {
    ...repo,
    workflow_id: options.workflowId,
    branch: options.branch,
    status: 'success' as const,
    created: `>=${new Date(Date.parse(options.since) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10)}`,
    exclude_pull_requests: true,
    per_page: RUNS_PER_PAGE
  }
  const first = await octokit.rest.actions.listWorkflowRuns(params)
  const runs = first.data.workflow_runs.map(runTimes)
  const pages = Math.ceil(first.data.total_count / RUNS_PER_PAGE)
  if (pages > 1) {
    const last = await octokit.rest.actions.listWorkflowRuns({ ...params, page: pages })
    runs.push(...last.data.workflow_runs.map(runTimes))
  }
  return runs
}
