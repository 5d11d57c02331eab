// Twirp's wire conventions (https://twitchtv.github.io/twirp/docs/spec_v7.html): POST
// /twirp/<package.Service>/<Method>, JSON in and out, errors as `{ "code", "msg" }` with the HTTP
// status the spec assigns to each code.
import type { ServerResponse } from 'node:http'

export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
export const ROUTE_PREFIX = `/twirp/${ARTIFACT_SERVICE}/`

const STATUS_BY_CODE = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
  unknown: 500
} as const

export type TwirpCode = keyof typeof STATUS_BY_CODE

export class TwirpError extends Error {
  readonly code: TwirpCode
  /** Normally the code's status; injected faults may pick another (e.g. 502). */
  readonly status: number

  constructor(code: TwirpCode, msg: string, status: number = STATUS_BY_CODE[code]) {
    super(msg)
    this.code = code
    this.status = status
  }

  get body(): { code: TwirpCode; msg: string } {
    return { code: this.code, msg: this.message }
  }
}

/** The Twirp code a status stands for, for injected faults given as a bare status. */
export function codeForStatus(status: number): TwirpCode {
  const preferred: TwirpCode[] = ['internal', 'unavailable', 'resource_exhausted', 'not_found', 'already_exists', 'permission_denied', 'unauthenticated', 'invalid_argument', 'failed_precondition', 'deadline_exceeded', 'unimplemented']
  return preferred.find((code) => STATUS_BY_CODE[code] === status) ?? 'unknown'
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}
