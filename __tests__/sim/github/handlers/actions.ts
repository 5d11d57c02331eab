// Actions operations: workflows, runs, attempts, jobs, logs, re-runs, artifacts, caches.
import type { Handler, HandlerContext, SimCore } from '../handler.ts'
import { ApiError, notFound, now, paginate } from '../handler.ts'
import type { JobModel, RepoModel, RunModel, WorkflowModel } from '../model.ts'
import { currentAttempt, jobsOfAttempt } from '../model.ts'
import * as actions from '../resources/actions.ts'
import { createdFilter } from '../search-dates.ts'
import type { Conclusion } from '../types.ts'

const CONCLUSIONS = new Set<string>([
  'success',
  'failure',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
  'neutral',
  'stale',
  'startup_failure'
])
const FAILED: ReadonlySet<Conclusion | null> = new Set<Conclusion | null>(['failure', 'cancelled', 'timed_out', 'startup_failure'])

function findRun(ctx: HandlerContext): RunModel {
  const run = ctx.repo.runs.get(Number(ctx.params.run_id))
  if (!run) throw notFound()
  return run
}

/** `{workflow_id}` is the numeric id or the workflow's file name (`ci.yml`). */
function findWorkflow(ctx: HandlerContext): WorkflowModel {
  const key = String(ctx.params.workflow_id)
  const workflow = [...ctx.repo.workflows.values()].find((w) => String(w.id) === key || w.path.split('/').pop() === key)
  if (!workflow) throw notFound()
  return workflow
}

function findJob(ctx: HandlerContext): JobModel {
  const job = ctx.repo.jobs.get(Number(ctx.params.job_id))
  if (!job) throw notFound()
  return job
}

/** The REST `workflow-run` object for one attempt of `run` (also what events embed). */
export async function runJson(core: SimCore, repo: RepoModel, run: RunModel, attempt: number, withPulls = true) {
  const workflow = repo.workflows.get(run.workflowId)
  if (!workflow) throw notFound()
  const apiRepo = `${core.urls.api}/repos/${repo.fullName}`
  const side = async (branch: string) => ({
    ref: branch,
    sha: (await repo.git.readRef(`refs/heads/${branch}`))?.sha ?? run.headSha,
    repo: { id: repo.id, url: apiRepo, name: repo.name }
  })
  const pullRequests = []
  for (const number of withPulls ? run.pullRequests : []) {
    const pull = repo.issues.get(number)?.pull
    if (!pull) continue
    pullRequests.push({ id: pull.id, number, url: `${apiRepo}/pulls/${number}`, head: await side(pull.head), base: await side(pull.base) })
  }
  // A fork shares its objects with the repository on GitHub; here a fork's commits live in its own
  // store, and a commit it shares with the base (same SHA) is read from the base.
  const forkGit = run.headRepository ? core.state.repo(run.headRepository)?.git : undefined
  const headCommit = (forkGit && (await forkGit.readCommit(run.headSha))) || (await repo.git.readCommit(run.headSha))
  return actions.workflowRun(core.state, core.urls, repo, { run, attempt, workflow, headCommit, pullRequests })
}

function jobJson(ctx: HandlerContext, job: JobModel) {
  const run = ctx.repo.runs.get(job.runId) as RunModel
  const workflowName = ctx.repo.workflows.get(run.workflowId)?.name ?? ''
  return actions.job(ctx.core.urls, ctx.repo, run, workflowName, job)
}

async function listRuns(ctx: HandlerContext, workflowId: number | null) {
  const q = ctx.query
  const created = q.created === undefined ? null : createdFilter(String(q.created))
  const runs = [...ctx.repo.runs.values()]
    .filter((run) => {
      const attempt = currentAttempt(run)
      if (workflowId !== null && run.workflowId !== workflowId) return false
      if (q.branch !== undefined && run.headBranch !== q.branch) return false
      if (q.event !== undefined && run.event !== q.event) return false
      if (q.actor !== undefined && run.actor !== q.actor) return false
      if (q.head_sha !== undefined && run.headSha !== q.head_sha) return false
      if (created && !created(run.createdAt)) return false
      if (q.status !== undefined) {
        const status = String(q.status)
        if (CONCLUSIONS.has(status) ? attempt.conclusion !== status : attempt.status !== status) return false
      }
      return true
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
  const page = paginate(ctx, runs)
  const withPulls = q.exclude_pull_requests !== true
  const workflowRuns = []
  for (const run of page.items) workflowRuns.push(await runJson(ctx.core, ctx.repo, run, run.attempts.length, withPulls))
  return { status: 200, body: { total_count: runs.length, workflow_runs: workflowRuns }, headers: page.headers }
}

function listJobs(ctx: HandlerContext, jobs: JobModel[]) {
  const page = paginate(ctx, jobs)
  return {
    status: 200,
    body: { total_count: jobs.length, jobs: page.items.map((job) => jobJson(ctx, job)) },
    headers: page.headers
  }
}

/**
 * Starts a new attempt of `run` that re-executes `jobs` (queued, no log yet); the other jobs carry
 * over. `sim.finishAttempt` completes it.
 */
function startAttempt(ctx: HandlerContext, run: RunModel, jobs: JobModel[], jobId: number | null): number {
  if (currentAttempt(run).status !== 'completed') {
    // The status is GitHub's; the exact wording for this refusal is not documented.
    throw new ApiError(403, 'This workflow is already running')
  }
  const started = now()
  run.attempts.push({ status: 'queued', conclusion: null, startedAt: started, updatedAt: started, triggeringActor: ctx.token.login })
  run.updatedAt = started
  const attempt = run.attempts.length
  for (const job of jobs) {
    const id = ctx.core.state.newId()
    ctx.repo.jobs.set(id, {
      ...job,
      id,
      runAttempt: attempt,
      status: 'queued',
      conclusion: null,
      steps: [],
      createdAt: started,
      startedAt: started,
      completedAt: null,
      log: null
    })
  }
  const debug = (ctx.body as { enable_debug_logging?: boolean } | undefined)?.enable_debug_logging ?? false
  ctx.core.reruns.push({
    repo: ctx.repo.fullName,
    runId: run.id,
    jobId,
    enableDebugLogging: debug,
    attempt,
    login: ctx.token.login
  })
  return attempt
}

export const actionsHandlers: Record<string, Handler> = {
  async 'actions/get-workflow'(ctx) {
    return { status: 200, body: actions.workflow(ctx.core.urls, ctx.repo, findWorkflow(ctx)) }
  },

  async 'actions/list-workflow-runs-for-repo'(ctx) {
    return listRuns(ctx, null)
  },

  async 'actions/list-workflow-runs'(ctx) {
    return listRuns(ctx, findWorkflow(ctx).id)
  },

  async 'actions/get-workflow-run'(ctx) {
    const run = findRun(ctx)
    return { status: 200, body: await runJson(ctx.core, ctx.repo, run, run.attempts.length, ctx.query.exclude_pull_requests !== true) }
  },

  async 'actions/get-workflow-run-attempt'(ctx) {
    const run = findRun(ctx)
    const attempt = Number(ctx.params.attempt_number)
    if (attempt < 1 || attempt > run.attempts.length) throw notFound()
    return { status: 200, body: await runJson(ctx.core, ctx.repo, run, attempt, ctx.query.exclude_pull_requests !== true) }
  },

  async 'actions/list-jobs-for-workflow-run'(ctx) {
    const run = findRun(ctx)
    const jobs =
      ctx.query.filter === 'all'
        ? [...ctx.repo.jobs.values()].filter((j) => j.runId === run.id).sort((a, b) => a.id - b.id)
        : jobsOfAttempt(ctx.repo, run.id, run.attempts.length)
    return listJobs(ctx, jobs)
  },

  async 'actions/list-jobs-for-workflow-run-attempt'(ctx) {
    const run = findRun(ctx)
    const attempt = Number(ctx.params.attempt_number)
    if (attempt < 1 || attempt > run.attempts.length) throw notFound()
    return listJobs(ctx, jobsOfAttempt(ctx.repo, run.id, attempt))
  },

  async 'actions/get-job-for-workflow-run'(ctx) {
    return { status: 200, body: jobJson(ctx, findJob(ctx)) }
  },

  async 'actions/download-job-logs-for-workflow-run'(ctx) {
    const job = findJob(ctx)
    if (job.log === null) throw notFound()
    const location = ctx.core.blobs.link('job-log', job.id, job.log, 'text/plain; charset=utf-8')
    return { status: 302, headers: { location } }
  },

  async 'actions/re-run-workflow-failed-jobs'(ctx) {
    const run = findRun(ctx)
    const failed = jobsOfAttempt(ctx.repo, run.id, run.attempts.length).filter((j) => FAILED.has(j.conclusion))
    startAttempt(ctx, run, failed, null)
    return { status: 201, body: {} }
  },

  async 'actions/re-run-job-for-workflow-run'(ctx) {
    const job = findJob(ctx)
    const run = ctx.repo.runs.get(job.runId) as RunModel
    startAttempt(ctx, run, [job], job.id)
    return { status: 201, body: {} }
  },

  async 'actions/list-workflow-run-artifacts'(ctx) {
    const run = findRun(ctx)
    const artifacts = [...ctx.repo.artifacts.values()]
      .filter((a) => a.runId === run.id && (ctx.query.name === undefined || a.name === ctx.query.name))
      .sort((a, b) => a.id - b.id)
    const page = paginate(ctx, artifacts)
    return {
      status: 200,
      body: { total_count: artifacts.length, artifacts: page.items.map((a) => actions.artifact(ctx.core.state, ctx.core.urls, ctx.repo, run, a)) },
      headers: page.headers
    }
  },

  async 'actions/download-artifact'(ctx) {
    const artifact = ctx.repo.artifacts.get(Number(ctx.params.artifact_id))
    if (!artifact || ctx.params.archive_format !== 'zip') throw notFound()
    if (artifact.expired) throw new ApiError(410, 'Artifact has expired')
    const location = ctx.core.blobs.link('artifact', artifact.id, artifact.zip, 'application/zip')
    return { status: 302, headers: { location } }
  },

  /** `key` matches as a prefix (GitHub: "An explicit key or prefix"), `ref` exactly; newest first by default. */
  async 'actions/get-actions-cache-list'(ctx) {
    const key = ctx.query.key === undefined ? '' : String(ctx.query.key)
    const ref = ctx.query.ref === undefined ? undefined : String(ctx.query.ref)
    const order = ctx.query.direction === 'asc' ? 1 : -1
    const field = ctx.query.sort === 'size_in_bytes' ? 'sizeInBytes' : 'createdAt'
    const caches = ctx.repo.caches
      .filter((c) => c.key.startsWith(key) && (ref === undefined || c.ref === ref))
      .sort((a, b) => (a[field] < b[field] ? -order : a[field] > b[field] ? order : a.id - b.id))
    const page = paginate(ctx, caches)
    return { status: 200, body: { total_count: caches.length, actions_caches: page.items.map(actions.cache) }, headers: page.headers }
  },

  async 'actions/delete-actions-cache-by-key'(ctx) {
    const key = String(ctx.query.key)
    const ref = ctx.query.ref === undefined ? undefined : String(ctx.query.ref)
    const deleted = ctx.repo.caches.filter((c) => c.key === key && (ref === undefined || c.ref === ref))
    if (deleted.length === 0) throw notFound()
    ctx.repo.caches = ctx.repo.caches.filter((c) => !deleted.includes(c))
    return { status: 200, body: { total_count: deleted.length, actions_caches: deleted.map(actions.cache) } }
  }
}
