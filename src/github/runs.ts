import type { StepInfo } from '../triage/types.js'
import type { Octokit, Repo } from './client.js'

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
