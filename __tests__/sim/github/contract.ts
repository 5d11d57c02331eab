// Contract checking against GitHub's published OpenAPI description (the committed subset that
// scripts/gen-openapi-subset.ts cuts from @octokit/openapi). Every request the simulator receives
// and every JSON body it answers goes through here, so the simulator cannot drift from the API.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import ajvFormats from 'ajv-formats'
import { OpenAPIBackend } from 'openapi-backend'
import type { Document, Request as BackendRequest } from 'openapi-backend'

/** One schema problem, as ajv reports it. */
export interface ContractError {
  instancePath: string
  message: string
}

export interface MatchedOperation {
  operationId: string
  /** Path parameters, percent-decoded. */
  params: Record<string, string>
}

export interface RequestToCheck {
  method: string
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

export interface RequestCheck {
  errors: ContractError[]
  /** Path and query parameters coerced to the schema's types (e.g. `per_page` as a number). */
  params: Record<string, unknown>
  query: Record<string, unknown>
}

export interface Contract {
  match(method: string, path: string): MatchedOperation | null
  checkRequest(operationId: string, request: RequestToCheck): RequestCheck
  /** Checks a JSON body against the operation's schema for `status`; undeclared statuses pass. */
  checkResponse(operationId: string, status: number, body: unknown): ContractError[]
  /** Statuses the description declares for the operation (`'2XX'`-style ranges included). */
  declaredStatuses(operationId: string): string[]
  /** The operation's documentation URL, which GitHub echoes as `documentation_url` in errors. */
  docsUrl(operationId: string): string
  /** Checks a webhook payload kept in the subset's `x-webhooks` (e.g. `workflow-run-completed`). */
  checkWebhook(name: string, payload: unknown): ContractError[]
}

const SUBSET_FILE = fileURLToPath(new URL('./openapi-subset.json', import.meta.url))
// Webhooks have no path in the description; they are mounted on a path no client can reach,
// because the simulator only routes operations it has a handler for.
const WEBHOOK_ROOT = '/__webhooks__/'

type OperationObject = {
  operationId?: string
  externalDocs?: { url?: string }
  responses?: Record<string, unknown>
  requestBody?: unknown
}
type SubsetDocument = Document & {
  'x-webhooks'?: Record<string, Record<string, OperationObject>>
}

// Sub-paths whose last parameter may contain '/' (refs like heads/a/b, file paths). GitHub accepts
// them both raw and percent-encoded; Octokit encodes them. The router only matches one segment,
// so raw slashes in the tail are encoded before matching.
const SLASHED_TAIL = /^(\/repos\/[^/]+\/[^/]+\/(?:git\/ref|git\/refs|git\/matching-refs|contents|zipball))\/(.+)$/
const routable = (path: string): string => {
  const tail = SLASHED_TAIL.exec(path)
  return tail ? `${tail[1]}/${tail[2].replaceAll('/', '%2F')}` : path
}

let cached: Promise<Contract> | undefined

/** Loads the description and builds the validator once per process (validators compile lazily). */
export function loadContract(): Promise<Contract> {
  cached ??= buildContract()
  return cached
}

async function buildContract(): Promise<Contract> {
  const subset = JSON.parse(await readFile(SUBSET_FILE, 'utf8')) as SubsetDocument
  const operations = new Map<string, OperationObject>()
  for (const item of Object.values(subset.paths ?? {})) {
    for (const operation of Object.values(item ?? {}) as OperationObject[]) {
      if (typeof operation === 'object' && operation?.operationId) operations.set(operation.operationId, operation)
    }
  }
  const webhookPaths: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(subset['x-webhooks'] ?? {})) {
    webhookPaths[WEBHOOK_ROOT + name] = { post: { ...item.post, operationId: webhookOperationId(name) } }
  }
  const definition = normaliseSchemas(
    withKnownInaccuraciesFixed({ ...subset, paths: { ...subset.paths, ...webhookPaths } })
  ) as Document
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    coerceTypes: true,
    validate: true,
    customizeAjv: (ajv) => {
      // ajv-formats is CommonJS: the default import is module.exports, whose `default` is the plugin.
      ajvFormats.default(ajv)
      // GitHub's own data breaks its `email` format: commits by the GITHUB_TOKEN carry
      // `41898282+github-actions[bot]@users.noreply.github.com`, brackets included.
      ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/)
      // GitHub's custom format for `owner/name` (pulls/create `head_repo`).
      ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/)
      // See KNOWN_INACCURACIES: a date qualifier of the search syntax (checked fully in search-dates.ts).
      ajv.addFormat('search-date-query', /^(?:[<>]=?)?[\dT:.Z+*-]+(?:\.\.[\dT:.Z+*-]+)?$/)
      return ajv
    }
  })
  await api.init()

  const toErrors = (errors: Array<{ instancePath: string; message?: string }> | null | undefined): ContractError[] =>
    (errors ?? []).map((e) => ({ instancePath: e.instancePath, message: e.message ?? 'invalid' }))

  return {
    match(method, path) {
      const routed = routable(path)
      if (routed.startsWith(WEBHOOK_ROOT)) return null
      const request = { method: method.toLowerCase(), path: routed, headers: {} }
      const operation = api.router.matchOperation(request)
      if (!operation?.operationId) return null
      const { params } = api.router.parseRequest(request, operation)
      return { operationId: operation.operationId, params: params as Record<string, string> }
    },
    checkRequest(operationId, request) {
      const backendRequest: BackendRequest = {
        method: request.method.toLowerCase(),
        path: routable(request.path),
        query: request.query,
        headers: request.headers as BackendRequest['headers'],
        body: request.body
      }
      const result = api.validator.validateRequest(backendRequest, operationId)
      const coerced = (result.coerced ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown> }
      return { errors: toErrors(result.errors), params: coerced.params ?? {}, query: coerced.query ?? request.query }
    },
    checkResponse(operationId, status, body) {
      return toErrors(api.validator.validateResponse(body, operationId, status).errors)
    },
    declaredStatuses(operationId) {
      return Object.keys(operations.get(operationId)?.responses ?? {})
    },
    docsUrl(operationId) {
      return operations.get(operationId)?.externalDocs?.url ?? 'https://docs.github.com/rest'
    },
    checkWebhook(name, payload) {
      const request: BackendRequest = {
        method: 'post',
        path: WEBHOOK_ROOT + name,
        headers: { 'content-type': 'application/json' },
        body: payload
      }
      return toErrors(api.validator.validateRequest(request, webhookOperationId(name)).errors)
    }
  }
}

const webhookOperationId = (name: string): string => `webhook:${name}`

/**
 * Schema inaccuracies GitHub acknowledges but has not fixed in the pinned description, each as the
 * path to a schema and what to merge into it.
 */
const KNOWN_INACCURACIES: Array<{ issue: string; path: string[]; patch: Record<string, unknown> }> = [
  {
    // A label without a description lists as `description: null` in pull request lists too.
    issue: 'github/rest-api-description#1812',
    path: ['components', 'schemas', 'pull-request-simple', 'properties', 'labels', 'items', 'properties', 'description'],
    patch: { nullable: true }
  },
  {
    // `created` of the workflow-run lists takes the search syntax for dates (`>=2026-01-01`,
    // `a..b`), as its own description says, not one date-time.
    issue: 'github/rest-api-description#2088',
    path: ['components', 'parameters', 'created', 'schema'],
    patch: { format: 'search-date-query' }
  }
]

function withKnownInaccuraciesFixed<T extends object>(document: T): T {
  const copy = structuredClone(document)
  for (const { issue, path, patch } of KNOWN_INACCURACIES) {
    const target = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], copy)
    if (typeof target !== 'object' || target === null) throw new Error(`${issue}: ${path.join('/')} is not in the description`)
    Object.assign(target, patch)
  }
  return copy
}

/**
 * Adjusts GitHub's description where ajv would reject what GitHub really sends:
 * - `oneOf` becomes `anyOf`: GitHub lists overlapping alternatives (a 409 is `basic-error` or
 *   `repository-rule-violation-error`, and any basic error matches both), so "exactly one" fails
 *   on real answers;
 * - `nullable` next to `oneOf`/`anyOf` without a `type` (ajv refuses to compile it) becomes
 *   "any of the alternatives, or null";
 * - `nullable` with an `enum` gets null in the enum (ajv checks the enum first, yet GitHub sends
 *   e.g. `state_reason: null` for open issues and `conclusion: null` for unfinished runs).
 */
function normaliseSchemas(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseSchemas)
  if (typeof value !== 'object' || value === null) return value
  const copy: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) copy[key === 'oneOf' ? 'anyOf' : key] = normaliseSchemas(child)
  if (copy.nullable !== true) return copy
  if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null]
  if (copy.type !== undefined) return copy
  const { nullable: _nullable, ...rest } = copy
  return { anyOf: [rest, { type: 'null' }] }
}
