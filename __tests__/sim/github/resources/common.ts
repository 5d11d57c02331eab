// Factories for users, repositories and labels, shaped like GitHub's REST objects (every field the
// OpenAPI description requires, so responses pass the contract check).
import type { LabelModel, RepoModel, SimState, UserModel } from '../model.ts'
import type { TokenSpec } from '../types.ts'

/** Where the simulator lives: `api` answers REST calls, `html` is the base of `html_url`s. */
export interface Urls {
  api: string
  html: string
}

type Json = Record<string, unknown>

/** An opaque global node id, like GitHub's GraphQL ids. */
export const nodeId = (kind: string, id: number): string => Buffer.from(`0:${kind}${id}`).toString('base64')

export function simpleUser(urls: Urls, user: UserModel): Json {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `${urls.html}/avatars/u/${user.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.html}/${user.login.replace('[bot]', '')}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** The `*_url` templates every repository object carries. */
function repoLinks(urls: Urls, repo: RepoModel): Json {
  const base = `${urls.api}/repos/${repo.fullName}`
  return {
    url: base,
    html_url: `${urls.html}/${repo.fullName}`,
    archive_url: `${base}/{archive_format}{/ref}`,
    assignees_url: `${base}/assignees{/user}`,
    blobs_url: `${base}/git/blobs{/sha}`,
    branches_url: `${base}/branches{/branch}`,
    collaborators_url: `${base}/collaborators{/collaborator}`,
    comments_url: `${base}/comments{/number}`,
    commits_url: `${base}/commits{/sha}`,
    compare_url: `${base}/compare/{base}...{head}`,
    contents_url: `${base}/contents/{+path}`,
    contributors_url: `${base}/contributors`,
    deployments_url: `${base}/deployments`,
    downloads_url: `${base}/downloads`,
    events_url: `${base}/events`,
    forks_url: `${base}/forks`,
    git_commits_url: `${base}/git/commits{/sha}`,
    git_refs_url: `${base}/git/refs{/sha}`,
    git_tags_url: `${base}/git/tags{/sha}`,
    hooks_url: `${base}/hooks`,
    issue_comment_url: `${base}/issues/comments{/number}`,
    issue_events_url: `${base}/issues/events{/number}`,
    issues_url: `${base}/issues{/number}`,
    keys_url: `${base}/keys{/key_id}`,
    labels_url: `${base}/labels{/name}`,
    languages_url: `${base}/languages`,
    merges_url: `${base}/merges`,
    milestones_url: `${base}/milestones{/number}`,
    notifications_url: `${base}/notifications{?since,all,participating}`,
    pulls_url: `${base}/pulls{/number}`,
    releases_url: `${base}/releases{/id}`,
    stargazers_url: `${base}/stargazers`,
    statuses_url: `${base}/statuses/{sha}`,
    subscribers_url: `${base}/subscribers`,
    subscription_url: `${base}/subscription`,
    tags_url: `${base}/tags`,
    teams_url: `${base}/teams`,
    trees_url: `${base}/git/trees{/sha}`
  }
}

/** `minimal-repository`: what workflow runs and events embed. */
export function minimalRepository(state: SimState, urls: Urls, repo: RepoModel): Json {
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: simpleUser(urls, state.user(repo.owner)),
    private: repo.private,
    description: null,
    fork: false,
    ...repoLinks(urls, repo)
  }
}

const host = (url: string): string => new URL(url).host

/**
 * `repository` / `full-repository`: what `GET /repos/{o}/{r}`, pull request heads and events
 * carry. `viewer` adds the `permissions` block GitHub computes for the caller.
 */
export function fullRepository(state: SimState, urls: Urls, repo: RepoModel, viewer?: TokenSpec): Json {
  const openIssues = [...repo.issues.values()].filter((i) => i.state === 'open').length
  const json: Json = {
    ...minimalRepository(state, urls, repo),
    git_url: `git://${host(urls.html)}/${repo.fullName}.git`,
    ssh_url: `git@${host(urls.html)}:${repo.fullName}.git`,
    clone_url: `${urls.html}/${repo.fullName}.git`,
    svn_url: `${urls.html}/${repo.fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    license: null,
    size: 0,
    default_branch: repo.defaultBranch,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: openIssues,
    open_issues_count: openIssues,
    network_count: 0,
    subscribers_count: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    is_template: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    allow_forking: true,
    web_commit_signoff_required: false,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt
  }
  if (viewer) {
    const canWrite = viewer.permissions.contents === 'write'
    json.permissions = { admin: false, maintain: false, push: canWrite, triage: canWrite, pull: true }
  }
  return json
}

export function label(urls: Urls, repo: RepoModel, model: LabelModel): Json {
  return {
    id: model.id,
    node_id: nodeId('Label', model.id),
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(model.name)}`,
    name: model.name,
    description: model.description,
    color: model.color,
    default: false
  }
}

/** An error body as GitHub sends it. */
export function errorBody(message: string, documentationUrl: string, status: number, errors?: unknown[]): Json {
  const body: Json = { message, documentation_url: documentationUrl, status: String(status) }
  if (errors) body.errors = errors
  return body
}
