import { codeSpan } from '../../notify/escape.js'
import type { PermissionGrant } from '../types.js'
import { isMap, jobsOf } from './data.js'
import type { Json, JsonMap } from './data.js'
import type { GateViolation } from './types.js'

/** Token levels; unknown values count as write so that they can never look narrower. */
const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 }
const WRITE = 2

/** Effective permissions: `default` when nothing is declared (repository settings decide). */
type Permissions = 'default' | { all: number; scopes: Map<string, number> }

function parsePermissions(value: Json | undefined): Permissions {
  if (value === undefined) return 'default'
  if (value === 'read-all') return { all: LEVEL['read']!, scopes: new Map() }
  if (value === 'write-all') return { all: WRITE, scopes: new Map() }
  if (isMap(value)) {
    const scopes = new Map<string, number>()
    for (const [scope, level] of Object.entries(value)) scopes.set(scope, typeof level === 'string' ? (LEVEL[level] ?? WRITE) : WRITE)
    return { all: LEVEL['none']!, scopes }
  }
  return { all: WRITE, scopes: new Map() }
}

/** Scopes whose level rises from `before` to `after` (`*` for every scope at once). */
function widened(before: Permissions, after: Permissions): { scope: string; level: number }[] {
  // Dropping a declaration hands the choice back to the repository settings, which may be write.
  if (after === 'default') return before === 'default' ? [] : [{ scope: '*', level: WRITE }]
  // The default may be read-only, so any write from there is a widening; reads are not.
  if (before === 'default') {
    const writes = [...after.scopes].filter(([, level]) => level >= WRITE).map(([scope, level]) => ({ scope, level }))
    return after.all >= WRITE ? [{ scope: '*', level: after.all }, ...writes] : writes
  }
  const out: { scope: string; level: number }[] = []
  if (after.all > before.all) out.push({ scope: '*', level: after.all })
  for (const scope of new Set([...before.scopes.keys(), ...after.scopes.keys()])) {
    const level = after.scopes.get(scope) ?? after.all
    if (level > (before.scopes.get(scope) ?? before.all)) out.push({ scope, level })
  }
  return out
}

/**
 * Refuses any widening of the token's permissions, at workflow or job level, except exactly the
 * one scope of an `add-permission` fix on its job.
 */
export function permissions(old: JsonMap, now: JsonMap, grant: PermissionGrant | null): GateViolation[] {
  const rootBefore = parsePermissions(old['permissions'])
  const rootAfter = parsePermissions(now['permissions'])
  const jobsBefore = jobsOf(old)
  const widenings: { job: string | null; scope: string; level: number }[] = widened(rootBefore, rootAfter).map((w) => ({ job: null, ...w }))
  for (const [key, job] of Object.entries(jobsOf(now))) {
    const effectiveAfter = 'permissions' in job ? parsePermissions(job['permissions']) : rootAfter
    const jobBefore = jobsBefore[key]
    const effectiveBefore = jobBefore && 'permissions' in jobBefore ? parsePermissions(jobBefore['permissions']) : rootBefore
    for (const w of widened(effectiveBefore, effectiveAfter)) widenings.push({ job: key, ...w })
  }
  const allowed = (w: { job: string | null; scope: string; level: number }): boolean =>
    grant !== null && w.job === grant.job && w.scope === grant.scope && w.level <= LEVEL[grant.level]!
  const refused = widenings.filter((w) => !allowed(w))
  if (refused.length === 0) return []
  return [
    {
      rule: 'widens-permissions',
      message: grant
        ? `The change widens the permissions of the workflow token beyond the one scope the fix grants (${codeSpan(`${grant.scope}: ${grant.level}`)} for job ${codeSpan(grant.job)}).`
        : 'The change widens the permissions of the workflow token.'
    }
  ]
}
