import type { Octokit, Repo } from '../github/client.js'
import { readFile } from '../github/contents.js'
import { branchHead, createCommit, moveBranch } from '../github/git.js'
import { addLabels, createPull, findOpenPull, updatePull } from '../github/pulls.js'
import type { PlannedFix } from '../remediate/index.js'

export interface FixPullRequest {
  branch: string
  base: string
  title: string
  body: string
  labels: string[]
  fix: PlannedFix
}

export interface FixPullResult {
  number: number
  url: string
  /** created: new PR; updated: new commit and/or refreshed body on the existing one. */
  operation: 'created' | 'updated'
  commit: string | null
  /** Labels are a convenience: failing to add them does not fail the fix. */
  labelError: string | null
}

/**
 * Puts a planned fix on its branch and makes sure one pull request shows it. The branch is
 * created from the base branch's head; when it exists already (same failure again), the fix is
 * committed on top of it only if its file differs, and the existing PR is updated, never duplicated.
 */
export async function openOrUpdateFixPull(octokit: Octokit, repo: Repo, request: FixPullRequest): Promise<FixPullResult> {
  const { fix } = request
  const baseHead = await branchHead(octokit, repo, request.base)
  if (!baseHead) throw new Error(`The base branch '${request.base}' does not exist.`)
  let fixHead = await branchHead(octokit, repo, request.branch)
  let commit: string | null = null
  const current = fixHead ? await readFile(octokit, repo, fix.path, fixHead) : null
  if (current !== fix.after) {
    const parent = fixHead ?? baseHead
    commit = await createCommit(octokit, repo, {
      parent,
      changes: [{ path: fix.path, content: fix.after }],
      message: `${request.title}\n\nProposed by ci-monitor; see the pull request for the diagnosis.`
    })
    const moved = await moveBranch(octokit, repo, request.branch, commit, fixHead !== null)
    if (moved === 'conflict') {
      throw new Error(`The branch '${request.branch}' changed while ci-monitor was updating it; the next run will retry.`)
    }
    fixHead = commit
  }
  const existing = await findOpenPull(octokit, repo, request.branch)
  if (existing) {
    await updatePull(octokit, repo, existing.number, { title: request.title, body: request.body })
    return { ...existing, operation: 'updated', commit, labelError: null }
  }
  const created = await createPull(octokit, repo, {
    head: request.branch,
    base: request.base,
    title: request.title,
    body: request.body,
    draft: false
  })
  let labelError: string | null = null
  await addLabels(octokit, repo, created.number, request.labels).catch((error: unknown) => {
    labelError = error instanceof Error ? error.message : String(error)
  })
  return { ...created, operation: 'created', commit, labelError }
}
