// Factories for pull requests, issues and issue comments.
import type { CommentModel, IssueModel, PullModel, RepoModel, SimState } from '../model.ts'
import { fullRepository, label, nodeId, simpleUser } from './common.ts'
import type { Urls } from './common.ts'

type Json = Record<string, unknown>

const repoApi = (urls: Urls, repo: RepoModel): string => `${urls.api}/repos/${repo.fullName}`

function labelsOf(urls: Urls, repo: RepoModel, names: string[]): Json[] {
  return names.flatMap((name) => {
    const model = repo.labels.get(name)
    return model ? [label(urls, repo, model)] : []
  })
}

const authorAssociation = (repo: RepoModel, login: string): string =>
  login === repo.owner ? 'OWNER' : repo.collaborators.has(login) ? 'COLLABORATOR' : 'NONE'

export function issue(state: SimState, urls: Urls, repo: RepoModel, model: IssueModel): Json {
  const url = `${repoApi(urls, repo)}/issues/${model.number}`
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === model.number).length
  const json: Json = {
    id: model.id,
    node_id: nodeId(model.pull ? 'PullRequest' : 'Issue', model.id),
    url,
    repository_url: repoApi(urls, repo),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${urls.html}/${repo.fullName}/${model.pull ? 'pull' : 'issues'}/${model.number}`,
    number: model.number,
    state: model.state,
    state_reason: model.stateReason,
    title: model.title,
    body: model.body,
    user: simpleUser(urls, state.user(model.user)),
    labels: labelsOf(urls, repo, model.labels),
    assignee: model.assignees[0] ? simpleUser(urls, state.user(model.assignees[0])) : null,
    assignees: model.assignees.map((login) => simpleUser(urls, state.user(login))),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: model.closedAt,
    created_at: model.createdAt,
    updated_at: model.updatedAt,
    author_association: authorAssociation(repo, model.user)
  }
  if (model.pull) {
    const html = `${urls.html}/${repo.fullName}/pull/${model.number}`
    json.draft = model.pull.draft
    json.pull_request = {
      url: `${repoApi(urls, repo)}/pulls/${model.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: model.pull.mergedAt
    }
  }
  return json
}

/** Git facts about a pull request's branches, read by the handler before building the object. */
export interface PullGitFacts {
  headSha: string
  baseSha: string
  commits: number
  additions: number
  deletions: number
  changedFiles: number
}

function branchSide(state: SimState, urls: Urls, repo: RepoModel, ref: string, sha: string): Json {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(urls, state.user(repo.owner)),
    repo: fullRepository(state, urls, repo)
  }
}

/** `pull-request-simple` (lists) or, with `counters`, the full `pull-request`. */
export function pullRequest(
  state: SimState,
  urls: Urls,
  repo: RepoModel,
  model: IssueModel & { pull: PullModel },
  git: PullGitFacts,
  counters: boolean
): Json {
  const pull = model.pull
  const url = `${repoApi(urls, repo)}/pulls/${model.number}`
  const html = `${urls.html}/${repo.fullName}/pull/${model.number}`
  const issueUrl = `${repoApi(urls, repo)}/issues/${model.number}`
  const statuses = `${repoApi(urls, repo)}/statuses/${git.headSha}`
  const json: Json = {
    url,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoApi(urls, repo)}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: statuses,
    number: model.number,
    state: model.state,
    locked: false,
    title: model.title,
    user: simpleUser(urls, state.user(model.user)),
    body: model.body,
    labels: labelsOf(urls, repo, model.labels),
    milestone: null,
    active_lock_reason: null,
    created_at: model.createdAt,
    updated_at: model.updatedAt,
    closed_at: model.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: model.assignees[0] ? simpleUser(urls, state.user(model.assignees[0])) : null,
    assignees: model.assignees.map((login) => simpleUser(urls, state.user(login))),
    requested_reviewers: [],
    requested_teams: [],
    head: branchSide(state, urls, repo, pull.head, git.headSha),
    base: branchSide(state, urls, repo, pull.base, git.baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoApi(urls, repo)}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: statuses }
    },
    author_association: authorAssociation(repo, model.user),
    auto_merge: null,
    draft: pull.draft
  }
  if (counters) {
    Object.assign(json, {
      merged: pull.merged,
      mergeable: model.state === 'open' ? true : null,
      rebaseable: model.state === 'open' ? true : null,
      mergeable_state: model.state === 'open' ? 'clean' : 'unknown',
      merged_by: null,
      comments: [...repo.comments.values()].filter((c) => c.issueNumber === model.number).length,
      review_comments: 0,
      maintainer_can_modify: pull.maintainerCanModify,
      commits: git.commits,
      additions: git.additions,
      deletions: git.deletions,
      changed_files: git.changedFiles
    })
  }
  return json
}

export function issueComment(state: SimState, urls: Urls, repo: RepoModel, model: CommentModel): Json {
  const isPull = repo.issues.get(model.issueNumber)?.pull != null
  return {
    id: model.id,
    node_id: nodeId('IssueComment', model.id),
    url: `${repoApi(urls, repo)}/issues/comments/${model.id}`,
    html_url: `${urls.html}/${repo.fullName}/${isPull ? 'pull' : 'issues'}/${model.issueNumber}#issuecomment-${model.id}`,
    issue_url: `${repoApi(urls, repo)}/issues/${model.issueNumber}`,
    body: model.body,
    user: simpleUser(urls, state.user(model.user)),
    created_at: model.createdAt,
    updated_at: model.updatedAt,
    author_association: authorAssociation(repo, model.user)
  }
}
