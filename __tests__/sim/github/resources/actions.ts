// Factories for Actions objects: workflows, runs, jobs, artifacts, caches.
import type { CommitObject } from '../git-store.ts'
import type { ArtifactModel, CacheModel, JobModel, RepoModel, RunModel, SimState, WorkflowModel } from '../model.ts'
import { minimalRepository, nodeId, simpleUser } from './common.ts'
import type { Urls } from './common.ts'

type Json = Record<string, unknown>

const actionsApi = (urls: Urls, repo: RepoModel): string => `${urls.api}/repos/${repo.fullName}/actions`

export function workflow(urls: Urls, repo: RepoModel, model: WorkflowModel): Json {
  return {
    id: model.id,
    node_id: nodeId('Workflow', model.id),
    name: model.name,
    path: model.path,
    state: 'active',
    created_at: model.createdAt,
    updated_at: model.createdAt,
    url: `${actionsApi(urls, repo)}/workflows/${model.id}`,
    html_url: `${urls.html}/${repo.fullName}/blob/${repo.defaultBranch}/${model.path}`,
    badge_url: `${urls.html}/${repo.fullName}/workflows/${encodeURIComponent(model.name)}/badge.svg`
  }
}

function headCommit(commit: CommitObject | null, sha: string): Json | null {
  if (!commit) return null
  return {
    id: sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email }
  }
}

export interface RunView {
  run: RunModel
  /** 1-based attempt to show; the current one by default. */
  attempt: number
  workflow: WorkflowModel
  headCommit: CommitObject | null
  /** `pull-request-minimal` objects for the run's pull requests. */
  pullRequests: Json[]
}

export function workflowRun(state: SimState, urls: Urls, repo: RepoModel, view: RunView): Json {
  const { run, attempt } = view
  const head = (run.headRepository && state.repo(run.headRepository)) || repo
  const shown = run.attempts[attempt - 1]
  const runUrl = `${actionsApi(urls, repo)}/runs/${run.id}`
  const checkSuiteId = run.id + 500_000
  return {
    id: run.id,
    name: view.workflow.name,
    node_id: nodeId('WorkflowRun', run.id),
    check_suite_id: checkSuiteId,
    check_suite_node_id: nodeId('CheckSuite', checkSuiteId),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: view.workflow.path,
    run_number: run.runNumber,
    run_attempt: attempt,
    referenced_workflows: [],
    event: run.event,
    status: shown.status,
    conclusion: shown.conclusion,
    workflow_id: run.workflowId,
    display_title: view.headCommit?.message.split('\n')[0] ?? view.workflow.name,
    url: runUrl,
    html_url: `${urls.html}/${repo.fullName}/actions/runs/${run.id}`,
    pull_requests: view.pullRequests,
    created_at: run.createdAt,
    // Assumed: an earlier attempt's view carries that attempt's last change, as it carries its
    // status, conclusion and run_started_at; the current attempt's is the run's.
    updated_at: attempt === run.attempts.length ? run.updatedAt : shown.updatedAt,
    actor: simpleUser(urls, state.user(run.actor)),
    triggering_actor: simpleUser(urls, state.user(shown.triggeringActor)),
    run_started_at: shown.startedAt,
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/logs`,
    check_suite_url: `${urls.api}/repos/${repo.fullName}/check-suites/${checkSuiteId}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    previous_attempt_url: attempt > 1 ? `${runUrl}/attempts/${attempt - 1}` : null,
    workflow_url: `${actionsApi(urls, repo)}/workflows/${run.workflowId}`,
    head_commit: headCommit(view.headCommit, run.headSha),
    repository: minimalRepository(state, urls, repo),
    head_repository: minimalRepository(state, urls, head),
    head_repository_id: head.id
  }
}

export function job(urls: Urls, repo: RepoModel, run: RunModel, workflowName: string, model: JobModel): Json {
  const runnerId = model.status === 'queued' ? null : 1
  return {
    id: model.id,
    run_id: run.id,
    run_url: `${actionsApi(urls, repo)}/runs/${run.id}`,
    run_attempt: model.runAttempt,
    node_id: nodeId('CheckRun', model.id),
    head_sha: run.headSha,
    url: `${actionsApi(urls, repo)}/jobs/${model.id}`,
    html_url: `${urls.html}/${repo.fullName}/actions/runs/${run.id}/job/${model.id}`,
    status: model.status,
    conclusion: model.conclusion,
    created_at: model.createdAt,
    started_at: model.startedAt,
    completed_at: model.completedAt,
    name: model.name,
    steps: model.steps.map((s) => ({
      name: s.name,
      status: s.status,
      conclusion: s.conclusion,
      number: s.number,
      started_at: s.startedAt,
      completed_at: s.completedAt
    })),
    check_run_url: `${urls.api}/repos/${repo.fullName}/check-runs/${model.id}`,
    labels: model.labels,
    runner_id: runnerId,
    runner_name: runnerId === null ? null : 'GitHub Actions 1',
    runner_group_id: runnerId === null ? null : 0,
    runner_group_name: runnerId === null ? null : 'GitHub Actions',
    workflow_name: workflowName,
    head_branch: run.headBranch
  }
}

export function artifact(state: SimState, urls: Urls, repo: RepoModel, run: RunModel, model: ArtifactModel): Json {
  const head = (run.headRepository && state.repo(run.headRepository)) || repo
  const url = `${actionsApi(urls, repo)}/artifacts/${model.id}`
  return {
    id: model.id,
    node_id: nodeId('Artifact', model.id),
    name: model.name,
    size_in_bytes: model.zip.length,
    url,
    archive_download_url: `${url}/zip`,
    expired: model.expired,
    created_at: model.createdAt,
    expires_at: model.expiresAt,
    updated_at: model.createdAt,
    workflow_run: {
      id: run.id,
      repository_id: repo.id,
      head_repository_id: head.id,
      head_branch: run.headBranch,
      head_sha: run.headSha
    }
  }
}

export function cache(model: CacheModel): Json {
  return {
    id: model.id,
    ref: model.ref,
    key: model.key,
    version: model.version,
    last_accessed_at: model.createdAt,
    created_at: model.createdAt,
    size_in_bytes: model.sizeInBytes
  }
}
