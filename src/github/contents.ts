import { httpStatus, type Octokit, type Repo } from './client.js'

/** Text of a file at a ref (branch, tag or commit), or null when it does not exist there. */
export async function readFile(octokit: Octokit, repo: Repo, path: string, ref: string): Promise<string | null> {
  return (await readFileEntry(octokit, repo, path, ref))?.text ?? null
}

/** A file's text and blob id at a ref (the id lets a commit copy it byte for byte), or null. */
export async function readFileEntry(octokit: Octokit, repo: Repo, path: string, ref: string): Promise<{ text: string; sha: string } | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref })
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null
    if (data.content === '' && data.size > 0) {
      // Files over 1 MB come without inline content; the blob API serves them.
      const { data: blob } = await octokit.rest.git.getBlob({ ...repo, file_sha: data.sha })
      return { text: Buffer.from(blob.content, 'base64').toString('utf8'), sha: data.sha }
    }
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha }
  } catch (error) {
    if (httpStatus(error) === 404) return null
    throw error
  }
}

export async function getDefaultBranch(octokit: Octokit, repo: Repo): Promise<string> {
  return (await getRepository(octokit, repo)).defaultBranch
}

export interface RepositoryFacts {
  defaultBranch: string
  /** Hosted runners differ by visibility (public repositories get larger machines). */
  visibility: 'public' | 'private' | 'internal'
}

export async function getRepository(octokit: Octokit, repo: Repo): Promise<RepositoryFacts> {
  const { data } = await octokit.rest.repos.get({ ...repo })
  const visibility = data.visibility === 'internal' ? 'internal' : data.private ? 'private' : 'public'
  return { defaultBranch: data.default_branch, visibility }
}
