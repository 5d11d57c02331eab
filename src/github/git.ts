import { httpStatus, type Octokit, type Repo } from './client.js'

/** A file to write (text) or delete (null) in a commit. */
export interface TextChange {
  path: string
  content: string | null
}

/** A text change, or a file set to an existing blob (copied byte for byte). */
export type FileChange = TextChange | { path: string; blob: string }

/** Head commit of a branch, or null when the branch does not exist. */
export async function branchHead(octokit: Octokit, repo: Repo, branch: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })
    return data.object.sha
  } catch (error) {
    if (httpStatus(error) === 404) return null
    throw error
  }
}

/**
 * Creates a commit without a checkout: a tree on top of the parent's tree with the files' text
 * inline (GitHub writes the blobs), then the commit. With no parent the commit is an orphan (a
 * branch's first commit). Three requests whatever the number of files: a short race window.
 */
export async function createCommit(
  octokit: Octokit,
  repo: Repo,
  options: { parent: string | null; changes: FileChange[]; message: string }
): Promise<string> {
  const baseTree = options.parent ? (await octokit.rest.git.getCommit({ ...repo, commit_sha: options.parent })).data.tree.sha : undefined
  const tree = options.changes.map((change) => {
    const entry = { path: change.path, mode: '100644' as const, type: 'blob' as const }
    if ('blob' in change) return { ...entry, sha: change.blob }
    return change.content === null ? { ...entry, sha: null } : { ...entry, content: change.content }
  })
  const { data: newTree } = await octokit.rest.git.createTree({ ...repo, tree, ...(baseTree ? { base_tree: baseTree } : {}) })
  const { data: commit } = await octokit.rest.git.createCommit({
    ...repo,
    message: options.message,
    tree: newTree.sha,
    parents: options.parent ? [options.parent] : []
  })
  return commit.sha
}

export type RefUpdate = 'updated' | 'conflict'

/**
 * Moves a branch to `sha` without force. 'conflict' means someone else moved it first (GitHub's
 * 422 "Update is not a fast forward", or "Reference already exists" when creating): re-read and retry.
 */
export async function moveBranch(octokit: Octokit, repo: Repo, branch: string, sha: string, exists: boolean): Promise<RefUpdate> {
  try {
    if (exists) {
      await octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: false })
    } else {
      await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha })
    }
    return 'updated'
  } catch (error) {
    if (httpStatus(error) === 422 && isRaceMessage(error)) return 'conflict'
    throw error
  }
}

function isRaceMessage(error: unknown): boolean {
  const message = error instanceof Error ? error.message : ''
  return /not a fast forward|already exists/i.test(message)
}
