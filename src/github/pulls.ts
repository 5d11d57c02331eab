import { httpStatus, type Octokit, type Repo } from './client.js'

export interface PullRef {
  number: number
  url: string
}

/** What ci-monitor reads about a pull request. `body` is untrusted text (anyone with write access edits it). */
export interface PullFacts extends PullRef {
  /** GraphQL global id, for the draft / ready-for-review mutations. */
  nodeId: string
  state: 'open' | 'closed'
  draft: boolean
  merged: boolean
  mergedAt: string | null
  /** Set once closed, merged or not. */
  closedAt: string | null
  /** Untrusted. */
  title: string
  /** Login that opened it ('' when GitHub does not say). */
  author: string
  body: string
  labels: string[]
  headRef: string
  headSha: string
  /** `owner/name` of the head repository; a fork's differs from the base, null when deleted. */
  headRepository: string | null
  createdAt: string
}

/** A commit of a pull request, by the GitHub accounts its author and committer emails belong to. */
export interface PullCommit {
  sha: string
  author: string | null
  committer: string | null
  parents: string[]
}

interface PullJson {
  number: number
  html_url: string
  node_id: string
  state: string
  draft?: boolean
  merged_at: string | null
  closed_at: string | null
  title: string
  user: { login: string } | null
  body: string | null
  labels: Array<{ name?: string } | string>
  head: { ref: string; sha: string; repo: { full_name: string } | null }
  created_at: string
}

function pullFacts(data: PullJson): PullFacts {
  return {
    number: data.number,
    url: data.html_url,
    nodeId: data.node_id,
    state: data.state === 'open' ? 'open' : 'closed',
    draft: data.draft === true,
    merged: data.merged_at !== null,
    mergedAt: data.merged_at,
    closedAt: data.closed_at,
    title: data.title,
    author: data.user?.login ?? '',
    body: data.body ?? '',
    labels: data.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean),
    headRef: data.head.ref,
    headSha: data.head.sha,
    headRepository: data.head.repo?.full_name ?? null,
    createdAt: data.created_at
  }
}

const sameRepository = (fullName: string | null, repo: Repo): boolean =>
  fullName !== null && fullName.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase()

/**
 * Pull requests whose head is `branch` of this repository (never a fork's branch of the same
 * name), newest first.
 */
export async function listPullsForBranch(octokit: Octokit, repo: Repo, branch: string, state: 'open' | 'closed' | 'all'): Promise<PullFacts[]> {
  const data = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state, head: `${repo.owner}:${branch}`, per_page: 100 })
  return data
    .map((pull) => pullFacts(pull as PullJson))
    .filter((pull) => pull.headRef === branch && sameRepository(pull.headRepository, repo))
    .sort((a, b) => b.number - a.number)
}

/** The open pull request whose head is `branch` in this repository, if any. */
export async function findOpenPull(octokit: Octokit, repo: Repo, branch: string): Promise<PullRef | null> {
  const [pull] = await listPullsForBranch(octokit, repo, branch, 'open')
  return pull ? { number: pull.number, url: pull.url } : null
}

/** Every open pull request of the repository. */
export async function listOpenPulls(octokit: Octokit, repo: Repo): Promise<PullFacts[]> {
  const data = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', per_page: 100 })
  return data.map((pull) => pullFacts(pull as PullJson))
}

export async function getPull(octokit: Octokit, repo: Repo, number: number): Promise<PullFacts> {
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number })
  return pullFacts(data as PullJson)
}

/** The commits of a pull request (GitHub lists at most 250), oldest first. */
export async function listPullCommits(octokit: Octokit, repo: Repo, number: number): Promise<PullCommit[]> {
  const data = await octokit.paginate(octokit.rest.pulls.listCommits, { ...repo, pull_number: number, per_page: 100 })
  return data.map((commit) => ({
    sha: commit.sha,
    author: commit.author?.login ?? null,
    committer: commit.committer?.login ?? null,
    parents: commit.parents.map((parent) => parent.sha)
  }))
}

export async function createPull(
  octokit: Octokit,
  repo: Repo,
  options: { head: string; base: string; title: string; body: string; draft: boolean }
): Promise<PullRef> {
  try {
    const { data } = await octokit.rest.pulls.create({ ...repo, ...options })
    return { number: data.number, url: data.html_url }
  } catch (error) {
    // Another run opened it a moment ago: use that one.
    if (httpStatus(error) === 422 && /already exists/i.test(error instanceof Error ? error.message : '')) {
      const existing = await findOpenPull(octokit, repo, options.head)
      if (existing) return existing
    }
    throw error
  }
}

export async function updatePull(
  octokit: Octokit,
  repo: Repo,
  number: number,
  options: { title?: string; body?: string; state?: 'open' | 'closed' }
): Promise<void> {
  await octokit.rest.pulls.update({ ...repo, pull_number: number, ...options })
}

export async function addLabels(octokit: Octokit, repo: Repo, issueNumber: number, labels: string[]): Promise<void> {
  await octokit.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels })
}

// Drafts change state only through GraphQL; REST `pulls.update` has no `draft` field. Both mutations
// need pull_requests: write and contents: write (cli/cli#8910, cli/cli discussion #6924).
const READY = `mutation ($id: ID!) {
  markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`
const TO_DRAFT = `mutation ($id: ID!) {
  convertPullRequestToDraft(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`

/** Marks a draft pull request ready for review. */
export async function markReadyForReview(octokit: Octokit, nodeId: string): Promise<void> {
  await octokit.graphql(READY, { id: nodeId })
}

/** Turns a pull request back into a draft (its head changed: it needs verifying again). */
export async function convertToDraft(octokit: Octokit, nodeId: string): Promise<void> {
  await octokit.graphql(TO_DRAFT, { id: nodeId })
}
