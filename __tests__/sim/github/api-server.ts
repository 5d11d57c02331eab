// The REST endpoint: authentication, routing, contract checks, permissions, injected failures,
// GitHub's response headers, and the request log tests read.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FailureQueue } from './failures.ts'
import { failureMessage } from './failures.ts'
import type { Handler, HandlerResult, SimCore } from './handler.ts'
import { ApiError } from './handler.ts'
import { actionsHandlers } from './handlers/actions.ts'
import { answerGraphql } from './graphql.ts'
import { gitDataHandlers } from './handlers/git-data.ts'
import { issueHandlers } from './handlers/issues.ts'
import { repoHandlers } from './handlers/repos.ts'
import { forbiddenMessage, missingPermission } from './permissions.ts'
import { errorBody } from './resources/common.ts'
import type { RequestRecord, TokenKind, TokenSpec, Violation } from './types.ts'

const HANDLERS: Record<string, Handler> = {
  ...gitDataHandlers,
  ...repoHandlers,
  ...actionsHandlers,
  ...issueHandlers
}

const GENERIC_DOCS = 'https://docs.github.com/rest'
const MAX_BODY_BYTES = 100 * 1024 * 1024
// GITHUB_TOKEN: 1,000 requests per hour per repository; installations and PATs: 5,000.
const HOURLY_LIMIT: Record<TokenKind, number> = { github_token: 1000, app: 5000, pat: 5000 }

export interface ApiServerDeps {
  core: SimCore
  failures: FailureQueue
  requests: RequestRecord[]
  violations: Violation[]
}

interface Reply extends HandlerResult {
  operationId: string | null
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) req.destroy(new Error('request body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    query[key] = values.length === 1 ? values[0] : values
  }
  return query
}

/** GitHub phrases schema failures as "Invalid request.\n\n…". */
function invalidRequestMessage(errors: Array<{ instancePath: string; message: string }>): string {
  const first = errors[0]
  const missing = /must have required property '([^']+)'/.exec(first.message)
  const detail = missing ? `"${missing[1]}" wasn't supplied.` : `${first.instancePath || 'body'} ${first.message}.`
  return `Invalid request.\n\n${detail}`
}

export class ApiServer {
  private readonly deps: ApiServerDeps
  private readonly server: Server
  private readonly used = new Map<string, number>()
  private readonly resetAt = Math.ceil(Date.now() / 1000) + 3600

  private constructor(deps: ApiServerDeps) {
    this.deps = deps
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(error))
      })
    })
  }

  /** Listens on 127.0.0.1, an ephemeral port; returns the server and its base URL. */
  static async start(deps: ApiServerDeps): Promise<{ api: ApiServer; url: string }> {
    const api = new ApiServer(deps)
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve))
    return { api, url: `http://127.0.0.1:${(api.server.address() as AddressInfo).port}` }
  }

  close(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { core, requests } = this.deps
    const url = new URL(req.url ?? '/', core.urls.api)
    const tokenKey = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const token = tokenKey === undefined ? undefined : core.state.tokens.get(tokenKey)
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      operationId: null,
      status: 0,
      tokenKind: token?.kind ?? null,
      login: token?.login ?? null
    }
    requests.push(record)
    const body = await readBody(req)
    const reply = url.pathname === '/graphql' ? this.graphql(req, body, token) : await this.answer(req, url, body, token)
    record.operationId = reply.operationId
    record.status = reply.status
    this.send(res, reply, token)
  }

  private async answer(req: IncomingMessage, url: URL, raw: Buffer, token: TokenSpec | undefined): Promise<Reply> {
    const { contract } = this.deps.core
    const method = req.method ?? 'GET'
    const matched = contract.match(method, url.pathname)
    const operationId = matched && Object.hasOwn(HANDLERS, matched.operationId) ? matched.operationId : null
    const docs = operationId ? contract.docsUrl(operationId) : GENERIC_DOCS
    const fail = (status: number, message: string, headers: Record<string, string> = {}, errors?: unknown[]): Reply => {
      const reply = { operationId, status, body: errorBody(message, docs, status, errors), headers }
      if (operationId) this.checkResponse(operationId, reply)
      return reply
    }

    if (!token) return fail(401, 'Bad credentials')
    if (!operationId || !matched) return fail(404, 'Not Found')

    let body: unknown
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'))
    } catch {
      return fail(400, 'Problems parsing JSON')
    }
    const query = queryObject(url)
    const check = contract.checkRequest(operationId, { method, path: url.pathname, query, headers: req.headers, body })
    if (check.errors.length > 0) {
      this.deps.violations.push({ operationId, direction: 'request', errors: check.errors })
    }

    const failure = this.deps.failures.take(operationId)
    if (failure && !failure.afterApplying) return this.injected(operationId, docs, failure)

    const repo = this.deps.core.state.repo(`${matched.params.owner}/${matched.params.repo}`)
    if (!repo) return fail(404, 'Not Found')
    const accepted = missingPermission(token, operationId)
    if (accepted !== null) return fail(403, forbiddenMessage(token.kind), { 'x-accepted-github-permissions': accepted })
    if (check.errors.length > 0) return fail(422, invalidRequestMessage(check.errors))

    let result: HandlerResult
    try {
      result = await HANDLERS[operationId]({
        core: this.deps.core,
        repo,
        token,
        params: { ...matched.params, ...check.params },
        query: check.query,
        body,
        url
      })
    } catch (error) {
      if (error instanceof ApiError) return fail(error.status, error.message, error.headers, error.errors)
      // A simulator bug: answer like GitHub's 500, and make it fail the tests that check violations.
      const message = `simulator error: ${String(error)}`
      this.deps.violations.push({ operationId, direction: 'response', status: 500, errors: [{ instancePath: '', message }] })
      return { operationId, status: 500, body: errorBody('Server Error', docs, 500), headers: {} }
    }
    if (failure) return this.injected(operationId, docs, failure)
    this.checkResponse(operationId, result)
    return { operationId, ...result }
  }

  /** `POST /graphql` (see graphql.ts); `failNext('graphql', …)` injects failures here too. */
  private graphql(req: IncomingMessage, raw: Buffer, token: TokenSpec | undefined): Reply {
    const docs = 'https://docs.github.com/graphql'
    if (!token) return { operationId: 'graphql', status: 401, body: errorBody('Bad credentials', docs, 401), headers: {} }
    if (req.method !== 'POST') return { operationId: 'graphql', status: 404, body: errorBody('Not Found', docs, 404), headers: {} }
    const failure = this.deps.failures.take('graphql')
    if (failure && !failure.afterApplying) return this.injected('graphql', docs, failure)
    let body: unknown
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'))
    } catch {
      return { operationId: 'graphql', status: 400, body: errorBody('Problems parsing JSON', docs, 400), headers: {} }
    }
    const reply = answerGraphql(this.deps.core, token, body)
    if (failure) return this.injected('graphql', docs, failure)
    return { operationId: reply.operation ? `graphql:${reply.operation}` : 'graphql', status: reply.status, body: reply.body, headers: {} }
  }

  private injected(operationId: string, docs: string, failure: NonNullable<ReturnType<FailureQueue['take']>>): Reply {
    const headers: Record<string, string> = { ...failure.headers }
    if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter)
    return { operationId, status: failure.status, body: errorBody(failureMessage(failure), docs, failure.status), headers }
  }

  /** Records a violation when the simulator's own answer breaks the description. */
  private checkResponse(operationId: string, result: HandlerResult): void {
    const { contract } = this.deps.core
    const declared = contract.declaredStatuses(operationId)
    const errors: Violation['errors'] = []
    if (result.status < 400 && !declared.includes(String(result.status))) {
      errors.push({ instancePath: '', message: `status ${result.status} is not declared for ${operationId}` })
    }
    if (result.status >= 300 && result.status < 400 && !result.headers?.location) {
      errors.push({ instancePath: '', message: 'redirect without a Location header' })
    }
    if (result.body !== undefined) errors.push(...contract.checkResponse(operationId, result.status, result.body))
    if (errors.length > 0) this.deps.violations.push({ operationId, direction: 'response', status: result.status, errors })
  }

  private send(res: ServerResponse, reply: Reply, token: TokenSpec | undefined): void {
    const headers: Record<string, string> = {
      'x-github-request-id': `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`,
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json'
    }
    if (token) {
      const key = `${token.kind}:${token.login}`
      const used = (this.used.get(key) ?? 0) + 1
      this.used.set(key, used)
      const limit = HOURLY_LIMIT[token.kind]
      Object.assign(headers, {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(limit - used, 0)),
        'x-ratelimit-reset': String(this.resetAt),
        'x-ratelimit-used': String(used),
        'x-ratelimit-resource': 'core'
      })
    }
    Object.assign(headers, reply.headers)
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers)
      res.end()
      return
    }
    const payload = Buffer.from(JSON.stringify(reply.body), 'utf8')
    headers['content-type'] = 'application/json; charset=utf-8'
    headers['content-length'] = String(payload.length)
    res.writeHead(reply.status, headers)
    res.end(payload)
  }
}
