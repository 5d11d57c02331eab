// `POST /graphql`, for exactly the two mutations GitHub offers only there: marking a draft pull
// request ready for review and turning one back into a draft, and the `viewer { login }` query
// (the one way both a PAT and an App installation token can name their identity). Anything else is answered the way
// GitHub answers a field it does not know. Answers follow GraphQL's shape: HTTP 200 with `data` and
// `errors` (`type`, `path`, `locations`, `message`); only a missing or unknown token is a 401.
import type { SimCore } from './handler.ts'
import { now } from './handler.ts'
import type { IssueModel, PullModel, RepoModel } from './model.ts'
import { nodeId } from './resources/common.ts'
import type { TokenSpec } from './types.ts'

type Json = Record<string, unknown>

const MUTATIONS = {
  markPullRequestReadyForReview: false,
  convertPullRequestToDraft: true
} as const
type MutationName = keyof typeof MUTATIONS

/** Fields of `PullRequest` a client may select in the payload. */
const PULL_FIELDS = new Set(['id', 'number', 'isDraft', 'state', 'url'])

export interface GraphqlReply {
  status: number
  body: Json
  /** The mutation that ran, for the request log. */
  operation: string | null
}

interface Parsed {
  name: MutationName
  /** `$var` or a string literal. */
  idArgument: string
  clientMutationId: string | null
  /** Selected payload fields: `clientMutationId`, and the `pullRequest` sub-selection. */
  payload: { clientMutationId: boolean; pullRequest: string[] | null }
}

// mutation [Name] [($id: ID!, …)] { field(input: { pullRequestId: X [, clientMutationId: "…"] }) { selection } }
const DOCUMENT = /^\s*mutation\b\s*(?:[A-Za-z_]\w*)?\s*(?:\(([^)]*)\))?\s*\{\s*(\w+)\s*\(\s*input\s*:\s*\{([^{}]*)\}\s*\)\s*\{([\s\S]*)\}\s*\}\s*$/

// query [Name] { viewer { login } }, or the same without the `query` keyword.
const VIEWER_LOGIN = /^\s*(?:query\b\s*(?:[A-Za-z_]\w*)?\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/

function parse(query: string): Parsed | { error: Json } {
  const text = query.replace(/#[^\n]*/g, '')
  const match = DOCUMENT.exec(text)
  if (!match) return { error: { message: 'The simulator understands one mutation per document: markPullRequestReadyForReview or convertPullRequestToDraft.', locations: [{ line: 1, column: 1 }] } }
  const [, , name, input, selection] = match
  if (!(name in MUTATIONS)) {
    return { error: { path: ['mutation', name], extensions: { code: 'undefinedField', typeName: 'Mutation', fieldName: name }, locations: [{ line: 2, column: 3 }], message: `Field '${name}' doesn't exist on type 'Mutation'` } }
  }
  const id = /pullRequestId\s*:\s*(\$\w+|"[^"]*")/.exec(input)
  if (!id) return { error: { message: `Argument 'pullRequestId' on InputObject '${name[0].toUpperCase()}${name.slice(1)}Input' is required.`, locations: [{ line: 2, column: 3 }] } }
  const clientId = /clientMutationId\s*:\s*"([^"]*)"/.exec(input)
  const pullSelection = /pullRequest\s*\{([^{}]*)\}/.exec(selection)
  const pullRequest = pullSelection ? pullSelection[1].split(/[\s,]+/).filter(Boolean) : null
  const unknown = (pullRequest ?? []).find((field) => !PULL_FIELDS.has(field))
  if (unknown) {
    return { error: { path: [name, 'pullRequest', unknown], extensions: { code: 'undefinedField', typeName: 'PullRequest', fieldName: unknown }, locations: [{ line: 2, column: 3 }], message: `Field '${unknown}' doesn't exist on type 'PullRequest'` } }
  }
  return {
    name: name as MutationName,
    idArgument: id[1],
    clientMutationId: clientId?.[1] ?? null,
    payload: { clientMutationId: /\bclientMutationId\b/.test(selection.replace(/pullRequest\s*\{[^{}]*\}/, '')), pullRequest }
  }
}

function resolveId(argument: string, variables: unknown): string | null {
  if (argument.startsWith('"')) return argument.slice(1, -1)
  const value = (variables as Json | null | undefined)?.[argument.slice(1)]
  return typeof value === 'string' ? value : null
}

function findPull(core: SimCore, id: string): { repo: RepoModel; issue: IssueModel & { pull: PullModel } } | null {
  for (const repo of core.state.repos.values()) {
    for (const issue of repo.issues.values()) {
      if (issue.pull && nodeId('PullRequest', issue.pull.id) === id) return { repo, issue: issue as IssueModel & { pull: PullModel } }
    }
  }
  return null
}

/**
 * Both mutations need pull_requests: write and contents: write: with pull_requests alone GitHub
 * answers "Resource not accessible by integration" (cli/cli#8910; the contents permission is the
 * answer in cli/cli discussion #6924).
 */
const mayChange = (token: TokenSpec): boolean => token.permissions.pull_requests === 'write' && token.permissions.contents === 'write'

export function answerGraphql(core: SimCore, token: TokenSpec, body: unknown): GraphqlReply {
  const request = body as { query?: unknown; variables?: unknown } | null
  if (typeof request?.query !== 'string') {
    return { status: 400, body: { message: 'A query attribute must be specified and must be a string.', documentation_url: 'https://docs.github.com/graphql' }, operation: null }
  }
  if (VIEWER_LOGIN.test(request.query.replace(/#[^\n]*/g, ''))) return { status: 200, body: { data: { viewer: { login: token.login } } }, operation: 'viewer' }
  const parsed = parse(request.query)
  if ('error' in parsed) return { status: 200, body: { errors: [parsed.error] }, operation: null }
  const { name } = parsed
  const failed = (type: string, message: string): GraphqlReply => ({
    status: 200,
    body: { data: { [name]: null }, errors: [{ type, path: [name], locations: [{ line: 2, column: 3 }], message }] },
    operation: name
  })
  const id = resolveId(parsed.idArgument, request.variables)
  if (id === null) return { status: 200, body: { errors: [{ message: `Variable ${parsed.idArgument} of type ID! was provided invalid value`, locations: [{ line: 1, column: 11 }] }] }, operation: name }
  const found = findPull(core, id)
  if (!found) return failed('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`)
  if (!mayChange(token)) return failed('FORBIDDEN', token.kind === 'pat' ? 'Resource not accessible by personal access token' : 'Resource not accessible by integration')
  const { issue } = found
  // Not observed on GitHub; the simulator refuses a closed pull request in GraphQL's shape.
  if (issue.state !== 'open') return failed('UNPROCESSABLE', 'Pull request is closed')
  issue.pull.draft = MUTATIONS[name]
  issue.updatedAt = now()
  const payload: Json = {}
  if (parsed.payload.clientMutationId) payload.clientMutationId = parsed.clientMutationId
  if (parsed.payload.pullRequest) {
    const values: Json = {
      id,
      number: issue.number,
      isDraft: issue.pull.draft,
      state: issue.pull.merged ? 'MERGED' : issue.state.toUpperCase(),
      url: `${core.urls.html}/${found.repo.fullName}/pull/${issue.number}`
    }
    payload.pullRequest = Object.fromEntries(parsed.payload.pullRequest.map((field) => [field, values[field]]))
  }
  return { status: 200, body: { data: { [name]: payload } }, operation: name }
}
