// Factories for git data API objects (blobs, trees, commits, refs) and contents API files.
import type { CommitObject, RefRecord, TreeEntry } from '../git-store.ts'
import type { RepoModel, SimState } from '../model.ts'
import { simpleUser } from './common.ts'
import type { Urls } from './common.ts'

type Json = Record<string, unknown>

const repoApi = (urls: Urls, repo: RepoModel): string => `${urls.api}/repos/${repo.fullName}`
const hexNode = (kind: string, sha: string): string => Buffer.from(`0:${kind}${sha}`).toString('base64')

/** GitHub wraps base64 content at 60 characters per line. */
export const wrappedBase64 = (content: Buffer): string => (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n'

export const shortBlob = (urls: Urls, repo: RepoModel, sha: string): Json => ({
  url: `${repoApi(urls, repo)}/git/blobs/${sha}`,
  sha
})

export const blob = (urls: Urls, repo: RepoModel, sha: string, content: Buffer): Json => ({
  sha,
  node_id: hexNode('Blob', sha),
  size: content.length,
  url: `${repoApi(urls, repo)}/git/blobs/${sha}`,
  content: wrappedBase64(content),
  encoding: 'base64'
})

export function treeEntry(urls: Urls, repo: RepoModel, entry: TreeEntry, path: string): Json {
  const json: Json = { path, mode: entry.mode, type: entry.type, sha: entry.sha }
  if (entry.type === 'blob') {
    json.size = entry.size
    json.url = `${repoApi(urls, repo)}/git/blobs/${entry.sha}`
  } else if (entry.type === 'tree') {
    json.url = `${repoApi(urls, repo)}/git/trees/${entry.sha}`
  }
  return json
}

export const tree = (urls: Urls, repo: RepoModel, sha: string, entries: Json[], truncated: boolean): Json => ({
  sha,
  url: `${repoApi(urls, repo)}/git/trees/${sha}`,
  tree: entries,
  truncated
})

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }

export function gitCommit(urls: Urls, repo: RepoModel, commit: CommitObject): Json {
  return {
    sha: commit.sha,
    node_id: hexNode('Commit', commit.sha),
    url: `${repoApi(urls, repo)}/git/commits/${commit.sha}`,
    html_url: `${urls.html}/${repo.fullName}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${repoApi(urls, repo)}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${repoApi(urls, repo)}/git/commits/${sha}`,
      html_url: `${urls.html}/${repo.fullName}/commit/${sha}`
    })),
    verification: UNSIGNED
  }
}

/** Maps a commit's author email back to a login when it is one of GitHub's noreply addresses. */
function loginOf(email: string): string | null {
  return /^\d+\+(.+)@users\.noreply\.github\.com$/.exec(email)?.[1] ?? null
}

/** The REST `commit` object (list pull request commits, branches). */
export function restCommit(state: SimState, urls: Urls, repo: RepoModel, commit: CommitObject): Json {
  const person = (email: string): Json | null => {
    const login = loginOf(email)
    return login ? simpleUser(urls, state.user(login)) : null
  }
  return {
    url: `${repoApi(urls, repo)}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: hexNode('Commit', commit.sha),
    html_url: `${urls.html}/${repo.fullName}/commit/${commit.sha}`,
    comments_url: `${repoApi(urls, repo)}/commits/${commit.sha}/comments`,
    commit: {
      url: `${repoApi(urls, repo)}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${repoApi(urls, repo)}/git/trees/${commit.tree}` },
      verification: UNSIGNED
    },
    author: person(commit.author.email),
    committer: person(commit.committer.email),
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${repoApi(urls, repo)}/commits/${sha}`,
      html_url: `${urls.html}/${repo.fullName}/commit/${sha}`
    }))
  }
}

export function gitRef(urls: Urls, repo: RepoModel, ref: RefRecord): Json {
  const kind = ref.type === 'tag' ? 'tags' : ref.type === 'tree' ? 'trees' : ref.type === 'blob' ? 'blobs' : 'commits'
  return {
    ref: ref.ref,
    node_id: Buffer.from(`0:Ref${repo.id}:${ref.ref}`).toString('base64'),
    url: `${repoApi(urls, repo)}/git/${ref.ref}`,
    object: { type: ref.type, sha: ref.sha, url: `${repoApi(urls, repo)}/git/${kind}/${ref.sha}` }
  }
}

// The simulator does not serve raw downloads; the URL has github.com's shape for realism.
const rawUrl = (urls: Urls, repo: RepoModel, ref: string, path: string): string =>
  `${urls.html}/${repo.fullName}/raw/${ref}/${path}`

/** Contents API entry fields shared by files and directory listings. */
function contentLinks(urls: Urls, repo: RepoModel, path: string, sha: string, ref: string, type: 'file' | 'dir'): Json {
  const self = `${repoApi(urls, repo)}/contents/${path}?ref=${encodeURIComponent(ref)}`
  const git = `${repoApi(urls, repo)}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`
  const html = `${urls.html}/${repo.fullName}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`
  return { url: self, git_url: git, html_url: html, _links: { self, git, html } }
}

export function contentFile(urls: Urls, repo: RepoModel, path: string, sha: string, ref: string, content: Buffer): Json {
  return {
    type: 'file',
    encoding: 'base64',
    size: content.length,
    name: path.split('/').pop(),
    path,
    content: wrappedBase64(content),
    sha,
    download_url: rawUrl(urls, repo, ref, path),
    ...contentLinks(urls, repo, path, sha, ref, 'file')
  }
}

export function contentDirEntry(urls: Urls, repo: RepoModel, dirPath: string, entry: TreeEntry, ref: string): Json {
  const path = dirPath ? `${dirPath}/${entry.name}` : entry.name
  const type = entry.type === 'tree' ? 'dir' : entry.type === 'commit' ? 'submodule' : 'file'
  return {
    type,
    size: entry.size ?? 0,
    name: entry.name,
    path,
    sha: entry.sha,
    download_url: type === 'file' ? rawUrl(urls, repo, ref, path) : null,
    ...contentLinks(urls, repo, path, entry.sha, ref, type === 'dir' ? 'dir' : 'file')
  }
}
