import type { Octokit, Repo } from './client.js'

/** An issue or pull request as the issues API shows it. `title` and `body` are untrusted text. */
export interface IssueFacts {
  number: number
  url: string
  state: 'open' | 'closed'
  stateReason: string | null
  title: string
  body: string
  author: string
  labels: string[]
  createdAt: string
  isPullRequest: boolean
}

export interface CommentFacts {
  id: number
  url: string
  body: string
  author: string
  createdAt: string
}

interface IssueJson {
  number: number
  html_url: string
  state: string
  state_reason?: string | null
  title: string
  body?: string | null
  user: { login: string } | null
  labels: Array<{ name?: string } | string>
  created_at: string
  pull_request?: unknown
}

function issueFacts(data: IssueJson): IssueFacts {
  return {
    number: data.number,
    url: data.html_url,
    state: data.state === 'open' ? 'open' : 'closed',
    stateReason: data.state_reason ?? null,
    title: data.title,
    body: data.body ?? '',
    author: data.user?.login ?? '',
    labels: data.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean),
    createdAt: data.created_at,
    isPullRequest: data.pull_request !== undefined && data.pull_request !== null
  }
}

export async function getIssue(octokit: Octokit, repo: Repo, number: number): Promise<IssueFacts> {
  const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number })
  return issueFacts(data as IssueJson)
}

/** Issues and pull requests carrying every one of `labels`, newest first. */
export async function listIssuesWithLabels(octokit: Octokit, repo: Repo, labels: string[], state: 'open' | 'closed' | 'all'): Promise<IssueFacts[]> {
  const data = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: labels.join(','), state, per_page: 100 })
  return data.map((issue) => issueFacts(issue as IssueJson)).sort((a, b) => b.number - a.number)
}

export async function createIssue(octokit: Octokit, repo: Repo, options: { title: string; body: string; labels: string[] }): Promise<IssueFacts> {
  const { data } = await octokit.rest.issues.create({ ...repo, ...options })
  return issueFacts(data as IssueJson)
}

/** Changes an issue (or a pull request's issue side: labels, state, body). `labels` replaces the set. */
export async function updateIssue(
  octokit: Octokit,
  repo: Repo,
  number: number,
  options: { body?: string; labels?: string[]; state?: 'open' | 'closed'; stateReason?: 'completed' | 'not_planned' }
): Promise<void> {
  const { stateReason, ...rest } = options
  await octokit.rest.issues.update({ ...repo, issue_number: number, ...rest, ...(stateReason ? { state_reason: stateReason } : {}) })
}

export async function createComment(octokit: Octokit, repo: Repo, number: number, body: string): Promise<CommentFacts> {
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: number, body })
  return { id: data.id, url: data.html_url, body: data.body ?? '', author: data.user?.login ?? '', createdAt: data.created_at }
}

export async function listComments(octokit: Octokit, repo: Repo, number: number): Promise<CommentFacts[]> {
  const data = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 })
  return data.map((comment) => ({
    id: comment.id,
    url: comment.html_url,
    body: comment.body ?? '',
    author: comment.user?.login ?? '',
    createdAt: comment.created_at
  }))
}
