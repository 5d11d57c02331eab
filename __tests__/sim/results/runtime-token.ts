// ACTIONS_RUNTIME_TOKEN as the runner hands it out: a JWT whose `scp` claim carries
// `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>` among other scopes.
// @actions/artifact only decodes it (jwt-decode) to read the backend ids; the service checks it.
// Signed HS256 with the simulator's own key so the service can tell its tokens from forgeries.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** The pair of ids that names one job of one workflow run inside the results service. */
export interface BackendIds {
  runBackendId: string
  jobBackendId: string
}

/** Runner tokens outlive the longest job (6 h on hosted runners). */
export const DEFAULT_TOKEN_TTL_SECONDS = 6 * 60 * 60

const RESULTS_SCOPE = 'Actions.Results'

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url')

function sign(key: Buffer, signingInput: string): Buffer {
  return createHmac('sha256', key).update(signingInput).digest()
}

export function mintRuntimeToken(key: Buffer, ids: BackendIds, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000)
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const payload = base64url(
    JSON.stringify({
      // Other scopes come first, as on a real runner, so the client's scope parsing is exercised.
      scp: [
        'Actions.GenericRead:00000000-0000-0000-0000-000000000000',
        `Actions.UploadArtifacts:${ids.runBackendId}:${ids.jobBackendId}`,
        `${RESULTS_SCOPE}:${ids.runBackendId}:${ids.jobBackendId}`
      ].join(' '),
      iss: 'results-sim',
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + ttlSeconds
    })
  )
  return `${header}.${payload}.${base64url(sign(key, `${header}.${payload}`))}`
}

export type TokenCheck = { ok: true; ids: BackendIds } | { ok: false; reason: string }

export function verifyRuntimeToken(key: Buffer, token: string, now = Date.now()): TokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'token is not a JWT' }
  const [header, payload, signature] = parts
  const expected = sign(key, `${header}.${payload}`)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'token signature is invalid' }
  let claims: { scp?: unknown; exp?: unknown }
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims
  } catch {
    return { ok: false, reason: 'token payload is not JSON' }
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return { ok: false, reason: 'token has expired' }
  if (typeof claims.scp !== 'string') return { ok: false, reason: 'token has no scp claim' }
  for (const scope of claims.scp.split(' ')) {
    const [name, runBackendId, jobBackendId, ...rest] = scope.split(':')
    if (name !== RESULTS_SCOPE) continue
    if (!runBackendId || !jobBackendId || rest.length > 0) return { ok: false, reason: 'token has a malformed Actions.Results scope' }
    return { ok: true, ids: { runBackendId, jobBackendId } }
  }
  return { ok: false, reason: 'token has no Actions.Results scope' }
}
