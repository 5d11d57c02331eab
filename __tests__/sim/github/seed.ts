// Test-side state changes: repositories from files, extra commits and branches, workflow runs with
// jobs, logs and artifacts, finishing a re-run. Tests call these through the GitHubSim object.
import path from 'node:path'
import { parse } from 'yaml'
import { GitStore, isoSeconds } from './git-store.ts'
import type { JobModel, RepoModel, RunModel, SimState, StepModel, WorkflowModel } from './model.ts'
import { currentAttempt } from './model.ts'
import { resolveCommitish } from './refs.ts'
import { buildTree, entryAt } from './tree-edit.ts'
import type { TreeChange } from './tree-edit.ts'
import type { Conclusion, JobSeed, LogSource, RepoSeed, RunSeed, SeededRun } from './types.ts'

export interface CommitSeed {
  branch: string
  /** Path → new content; `null` deletes the path. */
  files: Record<string, string | null>
  message?: string
  /** Where a new branch starts (branch, tag or commit id). Default: the default branch. */
  from?: string
  /** Author login (noreply email). Default: the repository owner. */
  author?: string
}

const safeName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_')

async function writeCommit(state: SimState, repo: RepoModel, seed: CommitSeed): Promise<string> {
  const store = repo.git
  const ref = `refs/heads/${seed.branch}`
  return store.withRefLock(async () => {
    const tip = await store.readRef(ref)
    const parent = tip?.sha ?? (await resolveCommitish(store, seed.from ?? repo.defaultBranch))
    const base = parent ? ((await store.readCommit(parent))?.tree ?? null) : null
    const changes: TreeChange[] = Object.entries(seed.files).map(([file, content]) =>
      content === null ? { path: file, sha: null } : { path: file, content }
    )
    const tree = await buildTree(store, base, changes)
    const login = seed.author ?? repo.owner
    const person = { name: login, email: state.noreplyEmail(login), date: isoSeconds(new Date()) }
    const sha = await store.writeCommit({
      tree,
      parents: parent ? [parent] : [],
      message: seed.message ?? `Update ${Object.keys(seed.files).join(', ')}`,
      author: person,
      committer: person
    })
    await store.setRef(ref, sha, tip?.sha ?? null)
    return sha
  })
}

/** A bare repository under `root` whose default branch holds one commit with `seed.files`. */
export async function seedRepository(state: SimState, root: string, seed: RepoSeed): Promise<RepoModel> {
  const defaultBranch = seed.defaultBranch ?? 'main'
  const git = await GitStore.init(path.join(root, `${safeName(seed.owner)}__${safeName(seed.name)}.git`), defaultBranch)
  const repo = state.addRepo(seed, git, isoSeconds(new Date()))
  await writeCommit(state, repo, { branch: defaultBranch, files: seed.files, message: 'Initial commit' })
  return repo
}

/** Adds a commit on `seed.branch` (creating the branch from `seed.from` if needed); returns its id. */
export function commitFiles(state: SimState, repo: RepoModel, seed: CommitSeed): Promise<string> {
  return writeCommit(state, repo, seed)
}

/** GitHub names a workflow by its `name:`, or by its path when it has none. */
async function workflowName(repo: RepoModel, workflowPath: string, headSha: string): Promise<string> {
  const commit = await repo.git.readCommit(headSha)
  const entry = commit && (await entryAt(repo.git, commit.tree, workflowPath))
  const content = entry?.type === 'blob' ? await repo.git.readBlob(entry.sha) : null
  if (!content) return workflowPath
  try {
    const name = (parse(content.toString('utf8')) as { name?: unknown } | null)?.name
    return typeof name === 'string' && name !== '' ? name : workflowPath
  } catch {
    return workflowPath
  }
}

async function workflowFor(state: SimState, repo: RepoModel, seed: RunSeed, headSha: string, createdAt: string): Promise<WorkflowModel> {
  const workflowPath = seed.workflowPath ?? '.github/workflows/ci.yml'
  const existing = [...repo.workflows.values()].find((w) => w.path === workflowPath)
  if (existing) return existing
  const name = seed.workflowName ?? (await workflowName(repo, workflowPath, headSha))
  const workflow = { id: state.newId(), name, path: workflowPath, createdAt }
  repo.workflows.set(workflow.id, workflow)
  return workflow
}

function jobFrom(state: SimState, run: RunModel, seed: JobSeed, stamp: string): JobModel {
  const status = seed.status ?? 'completed'
  const completed = status === 'completed'
  const steps: StepModel[] = (seed.steps ?? []).map((step, index) => ({
    name: step.name,
    number: index + 1,
    status: step.status ?? 'completed',
    conclusion: step.conclusion,
    startedAt: stamp,
    completedAt: (step.status ?? 'completed') === 'completed' ? stamp : null
  }))
  return {
    id: state.newId(),
    runId: run.id,
    runAttempt: run.attempts.length,
    name: seed.name,
    status,
    conclusion: completed ? (seed.conclusion === undefined ? 'failure' : seed.conclusion) : null,
    steps,
    labels: seed.labels ?? ['ubuntu-latest'],
    createdAt: stamp,
    startedAt: stamp,
    completedAt: completed ? stamp : null,
    log: seed.log ?? null
  }
}

/** A workflow run (current attempt 1) with its jobs and artifacts. */
export async function addRun(state: SimState, repo: RepoModel, seed: RunSeed): Promise<SeededRun> {
  const stamp = isoSeconds(seed.at === undefined ? new Date() : new Date(seed.at))
  const headBranch = seed.headBranch ?? repo.defaultBranch
  const headSha = seed.headSha ?? (await resolveCommitish(repo.git, headBranch))
  if (!headSha) throw new Error(`addRun: branch ${headBranch} does not exist in ${repo.fullName}`)
  if (seed.headRepository !== undefined && !state.repo(seed.headRepository)) {
    throw new Error(`addRun: no repository ${seed.headRepository} to be the head of a fork run`)
  }
  const workflow = await workflowFor(state, repo, seed, headSha, stamp)
  const status = seed.status ?? 'completed'
  const actor = seed.actor ?? repo.owner
  const run: RunModel = {
    id: state.newId(),
    workflowId: workflow.id,
    runNumber: repo.nextRunNumber++,
    headBranch,
    headSha,
    headRepository: seed.headRepository ?? null,
    event: seed.event ?? 'push',
    actor,
    pullRequests: seed.pullRequests ?? [],
    createdAt: stamp,
    updatedAt: stamp,
    attempts: [
      {
        status,
        conclusion: status === 'completed' ? (seed.conclusion === undefined ? 'failure' : seed.conclusion) : null,
        startedAt: stamp,
        updatedAt: stamp,
        triggeringActor: actor
      }
    ]
  }
  repo.runs.set(run.id, run)
  const jobs = (seed.jobs ?? []).map((job) => jobFrom(state, run, job, stamp))
  for (const job of jobs) repo.jobs.set(job.id, job)
  const expires = isoSeconds(new Date(Date.now() + 90 * 24 * 3600 * 1000))
  const artifacts = (seed.artifacts ?? []).map((a) => ({
    id: state.newId(),
    runId: run.id,
    name: a.name,
    zip: a.zip,
    expired: a.expired ?? false,
    createdAt: stamp,
    expiresAt: expires
  }))
  for (const artifact of artifacts) repo.artifacts.set(artifact.id, artifact)
  return {
    id: run.id,
    runNumber: run.runNumber,
    workflowId: workflow.id,
    jobs: jobs.map((j) => ({ id: j.id, name: j.name })),
    artifacts: artifacts.map((a) => ({ id: a.id, name: a.name }))
  }
}

export interface AttemptOutcome {
  conclusion: Conclusion
  /** Logs for the re-executed jobs, by job name. */
  logs?: Record<string, LogSource>
}

/** Completes the current attempt of a run and every job it re-executes. */
export function finishAttempt(repo: RepoModel, runId: number, outcome: AttemptOutcome): void {
  const run = repo.runs.get(runId)
  if (!run) throw new Error(`finishAttempt: no run ${runId} in ${repo.fullName}`)
  const stamp = isoSeconds(new Date())
  const attempt = currentAttempt(run)
  attempt.status = 'completed'
  attempt.conclusion = outcome.conclusion
  attempt.updatedAt = stamp
  run.updatedAt = stamp
  for (const job of repo.jobs.values()) {
    if (job.runId !== runId || job.runAttempt !== run.attempts.length || job.status === 'completed') continue
    job.status = 'completed'
    job.conclusion = outcome.conclusion
    job.completedAt = stamp
    job.log = outcome.logs?.[job.name] ?? job.log
  }
}

/**
 * Moves every time of a run (creation, attempts, jobs) `hours` into the past, so tests can build a
 * history spread over hours without waiting.
 */
export function backdateRun(repo: RepoModel, runId: number, hours: number): void {
  const run = repo.runs.get(runId)
  if (!run) throw new Error(`backdateRun: no run ${runId} in ${repo.fullName}`)
  const shift = (stamp: string): string => isoSeconds(new Date(Date.parse(stamp) - hours * 3_600_000))
  run.createdAt = shift(run.createdAt)
  run.updatedAt = shift(run.updatedAt)
  for (const attempt of run.attempts) {
    attempt.startedAt = shift(attempt.startedAt)
    attempt.updatedAt = shift(attempt.updatedAt)
  }
  for (const job of repo.jobs.values()) {
    if (job.runId !== runId) continue
    job.createdAt = shift(job.createdAt)
    job.startedAt = job.startedAt && shift(job.startedAt)
    job.completedAt = job.completedAt && shift(job.completedAt)
    for (const step of job.steps) {
      step.startedAt = step.startedAt && shift(step.startedAt)
      step.completedAt = step.completedAt && shift(step.completedAt)
    }
  }
}
