// Shared-access-signature URLs for the simulated blob store, shaped like Azure service SAS URLs
// (`sv`, `sr`, `sp`, `se`, optional `rscd`, `sig`): the results service signs them, the blob store
// verifies them. Like Azure, a URL grants permissions on one blob until its expiry, and `rscd`
// overrides the Content-Disposition of the answer (it is signed, so it cannot be swapped).
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Azure permission letters: read, create, write. */
export type SasPermission = 'r' | 'c' | 'w'

export interface SasGrant {
  /** Blob path (`/<container>/<blob>`), exactly as it appears in the URL. */
  path: string
  permissions: SasPermission[]
  expiresAt: Date
  /** Becomes the Content-Disposition header of a GET answer. */
  contentDisposition?: string
}

export type SasCheck =
  | { ok: true; grant: SasGrant }
  | { ok: false; code: 'AuthenticationFailed' | 'AuthorizationPermissionMismatch'; message: string }

const SIGNED_VERSION = '2024-11-04'

function signature(key: Buffer, fields: { path: string; sp: string; se: string; rscd: string }): Buffer {
  const stringToSign = [fields.sp, fields.se, fields.path, SIGNED_VERSION, fields.rscd].join('\n')
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest()
}

export function signBlobUrl(key: Buffer, origin: string, grant: SasGrant): string {
  const sp = grant.permissions.join('')
  const se = grant.expiresAt.toISOString()
  const rscd = grant.contentDisposition ?? ''
  const url = new URL(grant.path, origin)
  url.searchParams.set('sv', SIGNED_VERSION)
  url.searchParams.set('sr', 'b')
  url.searchParams.set('sp', sp)
  url.searchParams.set('se', se)
  if (rscd) url.searchParams.set('rscd', rscd)
  url.searchParams.set('sig', signature(key, { path: grant.path, sp, se, rscd }).toString('base64'))
  return url.href
}

const AUTH_FAILED =
  'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.'

/** Checks the SAS parameters of a request URL; other query parameters (comp, blockid) are ignored. */
export function checkSas(key: Buffer, url: URL, needed: SasPermission, now = Date.now()): SasCheck {
  const params = url.searchParams
  const sp = params.get('sp') ?? ''
  const se = params.get('se') ?? ''
  const rscd = params.get('rscd') ?? ''
  const given = Buffer.from(params.get('sig') ?? '', 'base64')
  const expected = signature(key, { path: url.pathname, sp, se, rscd })
  if (params.get('sv') !== SIGNED_VERSION || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'AuthenticationFailed', message: AUTH_FAILED }
  }
  const expiresAt = new Date(se)
  if (!(expiresAt.getTime() > now)) {
    return { ok: false, code: 'AuthenticationFailed', message: `${AUTH_FAILED} Signed expiry time [${se}] must be after the current time.` }
  }
  const permissions = [...sp].filter((p): p is SasPermission => p === 'r' || p === 'c' || p === 'w')
  if (!permissions.includes(needed)) {
    return { ok: false, code: 'AuthorizationPermissionMismatch', message: 'This request is not authorized to perform this operation using this permission.' }
  }
  return { ok: true, grant: { path: url.pathname, permissions, expiresAt, ...(rscd ? { contentDisposition: rscd } : {}) } }
}
