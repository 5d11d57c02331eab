import type { Octokit, Repo } from './client.js'

/**
 * A commit with the tree of `treeOf` (another commit) and the given parents, made without a
 * checkout. With the branch head and the base head as parents it brings the base into the branch
 * as a fast-forward: the branch moves without force and its pull request stops conflicting.
 */
export async function commitWithTree(octokit: Octokit, repo: Repo, options: { treeOf: string; parents: string[]; message: string }): Promise<string> {
  const { data: source } = await octokit.rest.git.getCommit({ ...repo, commit_sha: options.treeOf })
  const { data: commit } = await octokit.rest.git.createCommit({ ...repo, message: options.message, tree: source.tree.sha, parents: options.parents })
  return commit.sha
}
