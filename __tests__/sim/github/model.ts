// The simulator's in-memory state (everything but git objects and refs, which live on disk).
import type { GitStore } from './git-store.ts'
import type { Conclusion, LogSource, RepoSeed, RunStatus, TokenSpec } from './types.ts'

export interface WorkflowModel {
  id: number
  name: string
  path: string
  createdAt: string
}

export interface AttemptModel {
  status: RunStatus
  conclusion: Conclusion | null
  startedAt: string
  /** When this attempt last changed (its completion, once completed). */
  updatedAt: string
  triggeringActor: string
}

export interface RunModel {
  id: number
  workflowId: number
  runNumber: number
  headBranch: string
  headSha: string
  /** `owner/name` of the fork the run's head comes from; null for the repository itself. */
  headRepository: string | null
  event: string
  actor: string
  pullRequests: number[]
  createdAt: string
  updatedAt: string
  /** attempts[n - 1] is attempt n; the last one is current. */
  attempts: AttemptModel[]
}

export interface StepModel {
  name: string
  number: number
  status: RunStatus
  conclusion: Conclusion | null
  startedAt: string | null
  completedAt: string | null
}

export interface JobModel {
  id: number
  runId: number
  runAttempt: number
  name: string
  status: RunStatus
  conclusion: Conclusion | null
  steps: StepModel[]
  labels: string[]
  createdAt: string
  startedAt: string
  completedAt: string | null
  log: LogSource | null
}

export interface ArtifactModel {
  id: number
  runId: number
  name: string
  zip: Buffer
  expired: boolean
  createdAt: string
  expiresAt: string
}

export interface CacheModel {
  id: number
  key: string
  ref: string
  version: string
  sizeInBytes: number
  createdAt: string
}

export interface LabelModel {
  id: number
  name: string
  color: string
  description: string | null
}

/** Issues and pull requests share one number sequence per repository, as on GitHub. */
export interface IssueModel {
  number: number
  id: number
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  stateReason: 'completed' | 'not_planned' | 'reopened' | null
  labels: string[]
  assignees: string[]
  createdAt: string
  updatedAt: string
  closedAt: string | null
  /** Present when this issue is a pull request. */
  pull: PullModel | null
}

export interface PullModel {
  id: number
  head: string
  base: string
  /** Last seen tips of the branches (kept when a branch is deleted, as GitHub does). */
  headSha: string
  baseSha: string
  draft: boolean
  merged: boolean
  mergedAt: string | null
  mergeCommitSha: string | null
  maintainerCanModify: boolean
}

export interface CommentModel {
  id: number
  issueNumber: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

export interface RepoModel {
  id: number
  owner: string
  name: string
  fullName: string
  defaultBranch: string
  private: boolean
  createdAt: string
  git: GitStore
  collaborators: Map<string, string>
  workflows: Map<number, WorkflowModel>
  runs: Map<number, RunModel>
  jobs: Map<number, JobModel>
  artifacts: Map<number, ArtifactModel>
  caches: CacheModel[]
  issues: Map<number, IssueModel>
  comments: Map<number, CommentModel>
  labels: Map<string, LabelModel>
  nextNumber: number
  nextRunNumber: number
}

export interface UserModel {
  id: number
  login: string
  type: 'User' | 'Bot'
}

// github-actions[bot] has this id on github.com; commits by GITHUB_TOKEN carry it in the email.
const WELL_KNOWN_USERS: Record<string, number> = { 'github-actions[bot]': 41898282 }

/** Ids, users and repositories shared by every handler. */
export class SimState {
  readonly repos = new Map<string, RepoModel>()
  readonly tokens: Map<string, TokenSpec>
  private readonly users = new Map<string, UserModel>()
  private nextId = 1000

  constructor(tokens: Record<string, TokenSpec>) {
    this.tokens = new Map(Object.entries(tokens))
  }

  /** A fresh id, unique across every kind of resource (GitHub's ids are global too). */
  newId(): number {
    return this.nextId++
  }

  user(login: string): UserModel {
    let user = this.users.get(login)
    if (!user) {
      const type = login.endsWith('[bot]') ? 'Bot' : 'User'
      user = { id: WELL_KNOWN_USERS[login] ?? this.newId(), login, type }
      this.users.set(login, user)
    }
    return user
  }

  /** The noreply address GitHub uses for commits made through the API by this login. */
  noreplyEmail(login: string): string {
    return `${this.user(login).id}+${login}@users.noreply.github.com`
  }

  repo(fullName: string): RepoModel | undefined {
    return this.repos.get(fullName.toLowerCase())
  }

  addRepo(seed: RepoSeed, git: GitStore, createdAt: string): RepoModel {
    const repo: RepoModel = {
      id: seed.id ?? this.newId(),
      owner: seed.owner,
      name: seed.name,
      fullName: `${seed.owner}/${seed.name}`,
      defaultBranch: seed.defaultBranch ?? 'main',
      private: seed.private ?? false,
      createdAt,
      git,
      collaborators: new Map(Object.entries(seed.collaborators ?? {})),
      workflows: new Map(),
      runs: new Map(),
      jobs: new Map(),
      artifacts: new Map(),
      caches: [],
      issues: new Map(),
      comments: new Map(),
      labels: new Map(),
      nextNumber: 1,
      nextRunNumber: 1
    }
    this.repos.set(repo.fullName.toLowerCase(), repo)
    return repo
  }
}

/** The current attempt of a run. */
export const currentAttempt = (run: RunModel): AttemptModel => run.attempts[run.attempts.length - 1]

/**
 * The jobs of attempt `n`: for each job name, its latest execution up to that attempt (a re-run of
 * failed jobs only re-executes those; the others carry over, as GitHub shows them).
 */
export function jobsOfAttempt(repo: RepoModel, runId: number, attempt: number): JobModel[] {
  const latest = new Map<string, JobModel>()
  for (const job of repo.jobs.values()) {
    if (job.runId !== runId || job.runAttempt > attempt) continue
    const seen = latest.get(job.name)
    if (!seen || seen.runAttempt < job.runAttempt) latest.set(job.name, job)
  }
  return [...latest.values()].sort((a, b) => a.id - b.id)
}
