// The results service on loopback: Twirp routing, runtime-token authentication, request decoding,
// injected faults and the record of every call, in front of ArtifactService; the blob store runs
// on a second port, as the storage account is another host in production.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenLoopback } from '../slack-openai-loopback.ts'
import { BlobStore, type BlobRequest } from './blob-store.ts'
import { applyTransportFault, FaultQueue, TWIRP_METHODS, type FaultTarget, type ResultsFault, type TwirpMethod } from './faults.ts'
import { decodeRequest } from './messages.ts'
import { mintRuntimeToken, verifyRuntimeToken, type BackendIds } from './runtime-token.ts'
import { ArtifactService, type SimArtifact } from './service.ts'
import { codeForStatus, ROUTE_PREFIX, sendJson, TwirpError } from './twirp.ts'

export interface ResultsSimOptions {
  /** Lifetime of upload URLs from CreateArtifact. Default one hour. */
  uploadUrlTtlMs?: number
  /** Lifetime of download URLs from GetSignedArtifactURL. Default one hour. */
  downloadUrlTtlMs?: number
  /** database_id of the first artifact. Default 1000. */
  firstArtifactId?: number
}

export interface TwirpCall {
  /** The Twirp method, or the request path when it named none. */
  method: string
  status: number
  /** Whom the runtime token named; null when it was missing or refused. */
  caller: BackendIds | null
  request: unknown
  response: unknown
}

/** The variables a process needs for @actions/artifact to reach the simulator. */
export interface ResultsEnv {
  ACTIONS_RUNTIME_TOKEN: string
  ACTIONS_RESULTS_URL: string
}

export interface ResultsSim {
  /** ACTIONS_RESULTS_URL: the service origin, with the trailing slash runners give it. */
  url: string
  /** Origin of the blob store the signed URLs point to. */
  blobUrl: string
  /** An ACTIONS_RUNTIME_TOKEN for one job of one run (a JWT with the `Actions.Results` scope). */
  runtimeToken(runBackendId: string, jobBackendId: string, options?: { ttlSeconds?: number }): string
  env(runBackendId: string, jobBackendId: string): ResultsEnv
  /** Every artifact created, pending or finalized, oldest first (deleted ones are gone). */
  readonly artifacts: SimArtifact[]
  /** Every Twirp request, in order. */
  calls: TwirpCall[]
  /** Every blob store request, in order. */
  blobRequests: BlobRequest[]
  /** Protocol deviations by a client (unknown fields, unsupported blob operations, size or hash mismatches). */
  violations: string[]
  /** The next `times` (default 1) requests to `target` are answered with `fault`. */
  failNext(target: FaultTarget, fault: ResultsFault, times?: number): void
  close(): Promise<void>
}

const HOUR_MS = 60 * 60 * 1000
const MAX_JSON_BYTES = 1024 * 1024

export async function startResultsSim(options: ResultsSimOptions = {}): Promise<ResultsSim> {
  const tokenKey = randomBytes(32)
  const faults = new FaultQueue()
  const violations: string[] = []
  const calls: TwirpCall[] = []
  const blobs = await BlobStore.start(randomBytes(32), faults, violations)
  const service = new ArtifactService(blobs, violations, {
    uploadUrlTtlMs: options.uploadUrlTtlMs ?? HOUR_MS,
    downloadUrlTtlMs: options.downloadUrlTtlMs ?? HOUR_MS,
    firstArtifactId: options.firstArtifactId ?? 1000
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://results').pathname
    const method = methodOf(path)
    const call: TwirpCall = { method: method ?? path, status: 0, caller: null, request: null, response: null }
    calls.push(call)
    const answer = (status: number, body: unknown): void => {
      call.status = status
      call.response = body
      sendJson(res, status, body)
    }
    try {
      const text = await readText(req)
      if (req.method !== 'POST') throw new TwirpError('bad_route', `unsupported method "${req.method}" (only POST is allowed)`)
      if (!method) throw new TwirpError('bad_route', `no handler for path "${path}"`)
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim()
      if (contentType !== 'application/json') throw new TwirpError('bad_route', `unexpected Content-Type: "${contentType}"`)
      const fault = faults.take(method)
      if (fault?.kind === 'status') {
        const code = codeForStatus(fault.status)
        throw new TwirpError(code, fault.message ?? `simulated ${code} error`, fault.status)
      }
      if (fault) {
        const status = await applyTransportFault(req, res, fault)
        if (status !== null) {
          call.status = status
          return
        }
      }
      call.caller = authenticate(req.headers.authorization)
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        throw new TwirpError('malformed', 'the json request could not be decoded')
      }
      call.request = body
      const decoded = decodeRequest(method, body)
      if (!decoded.ok) throw new TwirpError('malformed', `the json request could not be decoded: ${decoded.error}`)
      for (const field of decoded.unknownFields) violations.push(`${method}: unknown field "${field}"`)
      answer(200, service.handle(method, call.caller, decoded.request))
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error
      answer(error.status, error.body)
    }
  }

  function authenticate(header: string | undefined): BackendIds {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1]
    if (!token) throw new TwirpError('unauthenticated', 'missing bearer token')
    const check = verifyRuntimeToken(tokenKey, token)
    if (!check.ok) throw new TwirpError('unauthenticated', check.reason)
    return check.ids
  }

  const loopback = await listenLoopback(serve)
  const runtimeToken = (runBackendId: string, jobBackendId: string, tokenOptions: { ttlSeconds?: number } = {}): string =>
    mintRuntimeToken(tokenKey, { runBackendId, jobBackendId }, tokenOptions.ttlSeconds)

  return {
    url: `${loopback.origin}/`,
    blobUrl: blobs.origin,
    runtimeToken,
    env: (runBackendId, jobBackendId) => ({
      ACTIONS_RUNTIME_TOKEN: runtimeToken(runBackendId, jobBackendId),
      ACTIONS_RESULTS_URL: `${loopback.origin}/`
    }),
    get artifacts() {
      return service.artifacts
    },
    calls,
    blobRequests: blobs.requests,
    violations,
    failNext: (target, fault, times = 1) => faults.add(target, fault, times),
    close: async () => {
      await loopback.close()
      await blobs.close()
    }
  }
}

function methodOf(path: string): TwirpMethod | null {
  if (!path.startsWith(ROUTE_PREFIX)) return null
  const name = path.slice(ROUTE_PREFIX.length)
  return TWIRP_METHODS.find((m) => m === name) ?? null
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON_BYTES) throw new TwirpError('invalid_argument', `request body over ${MAX_JSON_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
