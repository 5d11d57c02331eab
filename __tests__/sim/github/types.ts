// Public types of the GitHub simulator: what tests pass in and what they read back.

export type PermissionName = 'actions' | 'contents' | 'pull_requests' | 'issues'
export type AccessLevel = 'read' | 'write'
/** `github_token`: the workflow's GITHUB_TOKEN; `app`: an App installation token; `pat`: a classic PAT. */
export type TokenKind = 'github_token' | 'app' | 'pat'

export interface TokenSpec {
  /** The identity the token acts as (author of commits, PRs and comments it makes). */
  login: string
  kind: TokenKind
  permissions: Partial<Record<PermissionName, AccessLevel>>
  /** May create or update files under `.github/workflows/` (App "Workflows: write", PAT `workflow` scope). */
  workflows: boolean
}

export interface RepoSeed {
  owner: string
  name: string
  id?: number
  /** Default `main`. */
  defaultBranch?: string
  private?: boolean
  /** Files of the first commit on the default branch, path → UTF-8 content. */
  files: Record<string, string>
  /** Collaborator permission levels, login → role. Unknown logins have `none`. */
  collaborators?: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read'>
}

export interface GitHubSimOptions {
  repos: RepoSeed[]
  /** Bearer token → what it may do. Default: {@link defaultTokens}. */
  tokens?: Record<string, TokenSpec>
  /** Base of `html_url` fields. Default `https://github.com`. */
  htmlUrl?: string
  /** Lifetime of log and artifact download links (GitHub: one minute). Default 60 000 ms. */
  downloadLinkTtlMs?: number
  /** Each download link works once, then answers 403 like an expired link. Default false. */
  oneShotDownloadLinks?: boolean
}

/** A job log: text, bytes, or a file streamed from disk (for very large logs). */
export type LogSource = string | Buffer | { file: string }

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'requested' | 'waiting' | 'pending'
export type Conclusion =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'neutral'
  | 'stale'
  | 'startup_failure'

export interface StepSeed {
  name: string
  conclusion: Conclusion | null
  status?: RunStatus
}

export interface JobSeed {
  name: string
  /** Default: `failure`. */
  conclusion?: Conclusion | null
  /** Default: `completed`. */
  status?: RunStatus
  steps?: StepSeed[]
  labels?: string[]
  log?: LogSource
}

export interface ArtifactSeed {
  name: string
  /** The zip archive served for the download. */
  zip: Buffer
  expired?: boolean
}

export interface RunSeed {
  /** Default `.github/workflows/ci.yml`. */
  workflowPath?: string
  /** Default: the workflow file's `name:` at the head commit, else its path (as GitHub does). */
  workflowName?: string
  /** Default: the repository's default branch. */
  headBranch?: string
  /** Default: the tip of `headBranch`. */
  headSha?: string
  /** Default `push`. */
  event?: string
  /** Default `completed`. */
  status?: RunStatus
  /** When the run was created (and its jobs ran and completed), ISO 8601. Default: now. */
  at?: string
  /** Default `failure`. */
  conclusion?: Conclusion | null
  /** Who started it. Default: the repository owner. */
  actor?: string
  /** Numbers of pull requests in this repository the run belongs to. */
  pullRequests?: number[]
  /**
   * Another simulated repository (`owner/name`) the head comes from, as for a fork's pull request:
   * `head_repository` names it. Give `headSha` too when the branch exists only there.
   */
  headRepository?: string
  jobs?: JobSeed[]
  artifacts?: ArtifactSeed[]
}

/** What the simulator made for a seeded run. */
export interface SeededRun {
  id: number
  runNumber: number
  workflowId: number
  jobs: Array<{ id: number; name: string }>
  artifacts: Array<{ id: number; name: string }>
}

export interface RequestRecord {
  method: string
  /** Path and query as received. */
  path: string
  /** Null when no operation matched. */
  operationId: string | null
  status: number
  /** Null when the request carried no known token. */
  tokenKind: TokenKind | null
  login: string | null
}

export interface Violation {
  operationId: string
  /** `request`: the client sent what the description forbids; `response`/`event`: the simulator built it. */
  direction: 'request' | 'response' | 'event'
  status?: number
  errors: Array<{ instancePath: string; message: string }>
}

export interface RerunRecord {
  repo: string
  runId: number
  /** Set for a single-job re-run. */
  jobId: number | null
  enableDebugLogging: boolean
  /** The attempt number the re-run created. */
  attempt: number
  login: string
}

export interface BlobRequestRecord {
  path: string
  kind: 'job-log' | 'artifact' | 'zipball'
  /** Job or artifact id; the repository id for a zipball. */
  id: number
  status: number
  /** Did an `Authorization` header reach the storage host? (It must not.) */
  authorizationSeen: boolean
}

/** A failure injected in place of the next answers to an operation. */
export interface InjectedFailure {
  status: number
  /** How many calls fail. Default 1. */
  times?: number
  message?: string
  /** Sent as `retry-after` (seconds). */
  retryAfter?: number
  headers?: Record<string, string>
  /** Perform the operation, then answer the failure (a write that succeeded but timed out). */
  afterApplying?: boolean
}

export interface PullRecord {
  number: number
  title: string
  body: string | null
  head: string
  base: string
  state: 'open' | 'closed'
  draft: boolean
  merged: boolean
  labels: string[]
  user: string
}

export interface IssueRecord {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  labels: string[]
  user: string
  isPullRequest: boolean
}

export interface CommentRecord {
  id: number
  issueNumber: number
  body: string
  user: string
}
