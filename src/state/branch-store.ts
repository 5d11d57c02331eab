import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from '../github/client.js'
import { readFile } from '../github/contents.js'
import { branchHead, createCommit, moveBranch, type FileChange } from '../github/git.js'

/** Reads a file as it is at the branch tip the current attempt builds on. */
export type ReadAtTip = (path: string) => Promise<string | null>

/**
 * Computes the files to write from the current tip (its commit id, null before the branch
 * exists); called again after every lost race.
 */
export type Change = (read: ReadAtTip, head: string | null) => Promise<FileChange[]>

export interface CommitResult {
  sha: string | null
  attempts: number
}

const MAX_ATTEMPTS = 8

/**
 * Writes to a branch with optimistic concurrency and no checkout: read the tip, build the commit
 * on it, move the ref without force. When another writer won the race (not a fast-forward), the
 * change is recomputed on the new tip, so concurrent writers merge instead of overwriting.
 */
export class BranchStore {
  private readonly octokit: Octokit
  private readonly repo: Repo
  private readonly branch: string
  private readonly log: Logger

  constructor(octokit: Octokit, repo: Repo, branch: string, log: Logger) {
    this.octokit = octokit
    this.repo = repo
    this.branch = branch
    this.log = log
  }

  async commit(message: string, change: Change): Promise<CommitResult> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const head = await branchHead(this.octokit, this.repo, this.branch)
      const read: ReadAtTip = (path) => (head ? readFile(this.octokit, this.repo, path, head) : Promise.resolve(null))
      const changes = await change(read, head)
      if (changes.length === 0) return { sha: head, attempts: attempt }
      const sha = await createCommit(this.octokit, this.repo, { parent: head, changes, message })
      const outcome = await moveBranch(this.octokit, this.repo, this.branch, sha, head !== null)
      if (outcome === 'updated') return { sha, attempts: attempt }
      this.log.debug(`State branch moved under us (attempt ${attempt}); rebuilding on the new tip.`)
      await sleep(backoffMs(attempt))
    }
    throw new Error(`Could not update branch '${this.branch}' after ${MAX_ATTEMPTS} attempts: other writers kept moving it.`)
  }
}

/** Exponential backoff with full jitter, so racing writers spread out. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(4000, 100 * 2 ** attempt)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
