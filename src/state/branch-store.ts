import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from '../github/client.js'
import { readFileEntry } from '../github/contents.js'
import { branchHead, createCommit, moveBranch, type FileChange, type RefUpdate } from '../github/git.js'

/** Reads a file as it is at the branch tip the current attempt builds on. */
export type ReadAtTip = (path: string) => Promise<string | null>

/** The blob id of a file this attempt read, to copy it elsewhere byte for byte. */
export type BlobOf = (path: string) => string | null

/**
 * Computes the files to write from the current tip (its commit id, null before the branch
 * exists); called again after every lost race.
 */
export type Change = (read: ReadAtTip, blobOf: BlobOf, head: string | null) => Promise<FileChange[]>

export interface CommitResult {
  sha: string | null
  attempts: number
}

/** The four git data API steps a write needs, on one branch (GitHub's, or a test's in memory). */
export interface BranchPort {
  head(): Promise<string | null>
  read(path: string, commit: string): Promise<{ text: string; sha: string } | null>
  commit(parent: string | null, changes: FileChange[], message: string): Promise<string>
  /** Moves the branch without force; 'conflict' when another writer moved it first. */
  move(sha: string, exists: boolean): Promise<RefUpdate>
}

export interface RetryPolicy {
  maxAttempts: number
  /** Stop retrying once this much time has passed since the first attempt. */
  maxElapsedMs: number
  /** The wait after losing `attempt` (1-based), which took `attemptMs` from reading the tip to losing. */
  delayMs(attempt: number, attemptMs: number): number
  sleep(ms: number): Promise<void>
  now(): number
}

/**
 * Enough for a few dozen runs finishing at once: each lost race means another writer won, so the
 * branch advances every round and a writer that keeps losing still gets through (measured with 20
 * racing runs in __tests__/e2e/state-store.test.ts).
 */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 40,
  maxElapsedMs: 180_000,
  delayMs: (attempt, attemptMs) => backoffMs(attempt, attemptMs, Math.random),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now()
}

/**
 * Exponential backoff with full jitter, so racing writers spread out instead of colliding again.
 * The unit is the time an attempt takes (the race window; at least a second per write with
 * GitHub's throttling): waits much shorter than it only collide again.
 */
export function backoffMs(attempt: number, attemptMs: number, random: () => number): number {
  const unit = Math.max(250, attemptMs)
  return Math.floor(random() * Math.min(30_000, unit * 2 ** Math.min(attempt - 1, 2)))
}

export class BranchRaceError extends Error {}

/**
 * Optimistic concurrency: read the tip, build the commit on it, move the ref without force. When
 * another writer won the race (not a fast-forward), the change is recomputed on the new tip, so
 * concurrent writers merge instead of overwriting. Throws `BranchRaceError` when the budget runs out.
 */
export async function commitWithRetry(port: BranchPort, message: string, change: Change, log: Logger, policy: RetryPolicy = DEFAULT_RETRY): Promise<CommitResult> {
  const started = policy.now()
  for (let attempt = 1; ; attempt++) {
    const attemptStarted = policy.now()
    const head = await port.head()
    const blobs = new Map<string, string>()
    const read: ReadAtTip = async (path) => {
      const entry = head ? await port.read(path, head) : null
      if (entry) blobs.set(path, entry.sha)
      return entry?.text ?? null
    }
    const changes = await change(read, (path) => blobs.get(path) ?? null, head)
    if (changes.length === 0) return { sha: head, attempts: attempt }
    const sha = await port.commit(head, changes, message)
    if ((await port.move(sha, head !== null)) === 'updated') {
      if (attempt > 1) log.info(`State branch written on attempt ${attempt}: other writers got there first ${attempt - 1} time(s).`)
      return { sha, attempts: attempt }
    }
    const elapsed = policy.now() - started
    if (attempt >= policy.maxAttempts || elapsed >= policy.maxElapsedMs) {
      throw new BranchRaceError(`gave up after ${attempt} attempts in ${Math.round(elapsed / 1000)} s: other writers kept moving the branch`)
    }
    log.debug(`State branch moved under us (attempt ${attempt}); rebuilding on the new tip.`)
    await policy.sleep(policy.delayMs(attempt, policy.now() - attemptStarted))
  }
}

/** The branch through GitHub's git data API, without a checkout. */
export function githubBranch(octokit: Octokit, repo: Repo, branch: string): BranchPort {
  return {
    head: () => branchHead(octokit, repo, branch),
    read: (path, commit) => readFileEntry(octokit, repo, path, commit),
    commit: (parent, changes, message) => createCommit(octokit, repo, { parent, changes, message }),
    move: (sha, exists) => moveBranch(octokit, repo, branch, sha, exists)
  }
}

/** Writes to one branch of a repository with `commitWithRetry`. */
export class BranchStore {
  private readonly port: BranchPort
  private readonly log: Logger

  constructor(octokit: Octokit, repo: Repo, branch: string, log: Logger) {
    this.port = githubBranch(octokit, repo, branch)
    this.log = log
  }

  commit(message: string, change: Change): Promise<CommitResult> {
    return commitWithRetry(this.port, message, change, this.log)
  }
}
