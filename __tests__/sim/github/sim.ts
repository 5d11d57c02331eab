// startGitHubSim: the GitHub REST simulator tests and the demo run ci-monitor against.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ApiServer } from './api-server.ts'
import { BlobServer } from './blob-server.ts'
import { loadContract } from './contract.ts'
import { workflowRunCompletedEvent } from './events.ts'
import { FailureQueue } from './failures.ts'
import type { SimCore } from './handler.ts'
import { now } from './handler.ts'
import { isoSeconds } from './git-store.ts'
import type { RepoModel } from './model.ts'
import { SimState } from './model.ts'
import type { AttemptOutcome, CommitSeed } from './seed.ts'
import { addRun, backdateRun, commitFiles, finishAttempt, seedRepository } from './seed.ts'
import type {
  BlobRequestRecord,
  CommentRecord,
  GitHubSimOptions,
  InjectedFailure,
  IssueRecord,
  PullRecord,
  RequestRecord,
  RerunRecord,
  RunSeed,
  SeededRun,
  TokenSpec,
  Violation
} from './types.ts'

const ALL_WRITE = { actions: 'write', contents: 'write', pull_requests: 'write', issues: 'write' } as const

/**
 * Tokens used when the options name none: a workflow's GITHUB_TOKEN (never the workflows
 * permission), an App installation token and a classic PAT that both have it.
 */
export const defaultTokens = (): Record<string, TokenSpec> => ({
  'ghs_sim_github_token': { login: 'github-actions[bot]', kind: 'github_token', permissions: { ...ALL_WRITE }, workflows: false },
  'ghs_sim_app_token': { login: 'ci-monitor[bot]', kind: 'app', permissions: { ...ALL_WRITE }, workflows: true },
  'ghp_sim_pat': { login: 'octocat', kind: 'pat', permissions: { ...ALL_WRITE }, workflows: true }
})

/** A running simulator: URLs, what it observed, and helpers to seed state. See README.md. */
export class GitHubSim {
  /** Base URL to use as `GITHUB_API_URL` / Octokit `baseUrl`. */
  readonly apiUrl: string
  /** Base URL of the storage host logs and artifacts redirect to (another port). */
  readonly blobUrl: string
  /** Every API request, in arrival order. */
  readonly requests: RequestRecord[]
  /**
   * Contract violations: requests that break GitHub's description, and answers or events the
   * simulator built that do. Tests assert it stays empty.
   */
  readonly violations: Violation[]
  /** Re-runs requested through the API. */
  readonly reruns: RerunRecord[]

  private readonly core: SimCore
  private readonly api: ApiServer
  private readonly blobs: BlobServer
  private readonly failures: FailureQueue
  private readonly root: string

  /** @internal use {@link startGitHubSim} */
  constructor(parts: {
    core: SimCore
    api: ApiServer
    blobs: BlobServer
    failures: FailureQueue
    root: string
    requests: RequestRecord[]
    violations: Violation[]
  }) {
    this.core = parts.core
    this.api = parts.api
    this.blobs = parts.blobs
    this.failures = parts.failures
    this.root = parts.root
    this.apiUrl = parts.core.urls.api
    this.blobUrl = parts.blobs.url
    this.requests = parts.requests
    this.violations = parts.violations
    this.reruns = parts.core.reruns
  }

  /** Requests that reached the storage host, with whether an Authorization header came along. */
  get blobRequests(): BlobRequestRecord[] {
    return this.blobs.requests
  }

  /** The bare git repository behind `owner/name`, for `git --git-dir <dir> log/show/diff`. */
  gitDir(repo: string): string {
    return this.repo(repo).git.gitDir
  }

  pulls(repo: string): PullRecord[] {
    return [...this.repo(repo).issues.values()].flatMap((i) => {
      if (!i.pull) return []
      const { head, base, draft, merged } = i.pull
      return [{ number: i.number, title: i.title, body: i.body, head, base, state: i.state, draft, merged, labels: [...i.labels], user: i.user }]
    })
  }

  /** Issues and pull requests (GitHub lists both as issues). */
  issues(repo: string): IssueRecord[] {
    return [...this.repo(repo).issues.values()].map((i) => ({
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      labels: [...i.labels],
      user: i.user,
      isPullRequest: i.pull !== null
    }))
  }

  comments(repo: string, issueNumber: number): CommentRecord[] {
    return [...this.repo(repo).comments.values()]
      .filter((c) => c.issueNumber === issueNumber)
      .map((c) => ({ id: c.id, issueNumber: c.issueNumber, body: c.body, user: c.user }))
  }

  /** Caches left after deletions through the API. */
  caches(repo: string): Array<{ key: string; ref: string }> {
    return this.repo(repo).caches.map((c) => ({ key: c.key, ref: c.ref }))
  }

  /** Adds a commit (and the branch, if new); returns the commit id. */
  commit(repo: string, seed: CommitSeed): Promise<string> {
    return commitFiles(this.core.state, this.repo(repo), seed)
  }

  /** Adds a workflow run with jobs (logs included) and artifacts. */
  addRun(repo: string, seed: RunSeed): Promise<SeededRun> {
    return addRun(this.core.state, this.repo(repo), seed)
  }

  /** Completes the current attempt of a run (e.g. after a re-run the action requested). */
  finishAttempt(repo: string, runId: number, outcome: AttemptOutcome): void {
    finishAttempt(this.repo(repo), runId, outcome)
  }

  addCache(repo: string, cache: { key: string; ref: string; sizeInBytes?: number }): void {
    this.repo(repo).caches.push({
      id: this.core.state.newId(),
      key: cache.key,
      ref: cache.ref,
      version: 'sim',
      sizeInBytes: cache.sizeInBytes ?? 1024,
      createdAt: now()
    })
  }

  /** Closes a pull request as a maintainer would, merged or not (no git merge is made). */
  closePull(repo: string, number: number, options: { merged: boolean }): void {
    const issue = this.repo(repo).issues.get(number)
    if (!issue?.pull) throw new Error(`closePull: #${number} is not a pull request of ${repo}`)
    const stamp = now()
    issue.state = 'closed'
    issue.closedAt = stamp
    issue.updatedAt = stamp
    issue.pull.merged = options.merged
    issue.pull.mergedAt = options.merged ? stamp : null
    issue.pull.mergeCommitSha = options.merged ? issue.pull.headSha : null
  }

  /**
   * Moves an issue's or pull request's creation `hours` into the past, so tests can make a request
   * old without waiting.
   */
  backdate(repo: string, number: number, hours: number): void {
    const issue = this.repo(repo).issues.get(number)
    if (!issue) throw new Error(`backdate: no issue or pull request #${number} in ${repo}`)
    issue.createdAt = isoSeconds(new Date(Date.parse(issue.createdAt) - hours * 3_600_000))
  }

  /** Moves a run's creation, attempts and jobs `hours` into the past (see backdateRun in seed.ts). */
  backdateRun(repo: string, runId: number, hours: number): void {
    backdateRun(this.repo(repo), runId, hours)
  }

  /**
   * Answers the next call(s) to `operationId` (`'*'`: any operation) with a failure instead.
   * See `secondaryRateLimit` and `primaryRateLimit` for GitHub's rate limit answers.
   */
  failNext(operationId: string, failure: InjectedFailure): void {
    this.failures.add(operationId, failure)
  }

  /**
   * The `workflow_run` (completed) event payload for a run, to write to GITHUB_EVENT_PATH. It is
   * checked against GitHub's webhook schema; problems land in {@link violations}.
   */
  async workflowRunEvent(repo: string, runId: number): Promise<Record<string, unknown>> {
    const payload = await workflowRunCompletedEvent(this.core, this.repo(repo), runId)
    const errors = this.core.contract.checkWebhook('workflow-run-completed', payload)
    if (errors.length > 0) this.violations.push({ operationId: 'webhook:workflow-run-completed', direction: 'event', errors })
    return payload
  }

  /** Stops both servers and deletes the repositories. */
  async close(): Promise<void> {
    await Promise.all([this.api.close(), this.blobs.close()])
    for (const repo of this.core.state.repos.values()) repo.git.close()
    await rm(this.root, { recursive: true, force: true })
  }

  private repo(fullName: string): RepoModel {
    const repo = this.core.state.repo(fullName)
    if (!repo) throw new Error(`the simulator has no repository ${fullName}`)
    return repo
  }
}

/** Starts the simulator: API and storage servers on 127.0.0.1 (ephemeral ports), repositories seeded. */
export async function startGitHubSim(options: GitHubSimOptions): Promise<GitHubSim> {
  const contract = await loadContract()
  const root = await mkdtemp(path.join(tmpdir(), 'github-sim-'))
  const state = new SimState(options.tokens ?? defaultTokens())
  const blobs = await BlobServer.start({ ttlMs: options.downloadLinkTtlMs ?? 60_000, oneShot: options.oneShotDownloadLinks ?? false })
  const core: SimCore = { state, urls: { api: '', html: options.htmlUrl ?? 'https://github.com' }, contract, blobs, reruns: [] }
  const requests: RequestRecord[] = []
  const violations: Violation[] = []
  const failures = new FailureQueue()
  const { api, url } = await ApiServer.start({ core, failures, requests, violations })
  core.urls.api = url
  try {
    for (const seed of options.repos) await seedRepository(state, root, seed)
  } catch (error) {
    for (const repo of state.repos.values()) repo.git.close()
    await Promise.all([api.close(), blobs.close(), rm(root, { recursive: true, force: true })])
    throw error
  }
  return new GitHubSim({ core, api, blobs, failures, root, requests, violations })
}
