import { httpStatus } from '../../github/client.js'
import { deleteCacheByKey, listCachesWithKey } from '../../github/caches.js'
import { codeSpan } from '../../notify/escape.js'
import { pickCacheEntry } from './corrupt-cache.js'
import type { ActDeps, EffectLog } from './types.js'

export interface CacheDeletion {
  /** The corrupt entry no longer stands in a re-run's way: deleted, already gone, or (dry run) would be deleted. */
  cleared: boolean
  /** What happened, for the jobs' reasons (Markdown-safe). */
  sentence: string
}

/**
 * Deletes the one corrupt cache entry a log named: only when the repository's cache list holds
 * exactly that key, and only the entry on the run's branch (else the default branch's). The
 * caller has checked the key's shape; nothing here widens it to a prefix.
 */
export async function deleteCorruptCache(key: string, preferredRefs: string[], deps: ActDeps, effects: EffectLog): Promise<CacheDeletion> {
  const name = codeSpan(key)
  let listed
  try {
    listed = await listCachesWithKey(deps.octokit, deps.repo, key)
  } catch (error) {
    const why = permissionHint(error, 'actions: read') ?? errorText(error)
    effects.problem(`Listing the repository's caches failed: ${why}.`)
    effects.record({ kind: 'cache-delete', outcome: 'failed', detail: `Could not list the caches to check ${key}: ${why}` })
    return { cleared: false, sentence: `The corrupt cache entry ${name} was not deleted: the cache list could not be read.` }
  }
  const picked = pickCacheEntry(listed, key, preferredRefs)
  if ('problem' in picked) {
    effects.record({ kind: 'cache-delete', outcome: 'skipped', detail: `Cache entry ${key} not deleted: ${picked.problem}.` })
    return { cleared: false, sentence: `The corrupt cache entry ${name} was not deleted: ${picked.problem}.` }
  }
  const { entry } = picked
  if (deps.dryRun) {
    effects.record({ kind: 'cache-delete', outcome: 'dry-run', detail: `Would delete the corrupt cache entry ${key} (${entry.ref}).` })
    return { cleared: true, sentence: `Would delete the corrupt cache entry ${name} on ${codeSpan(entry.ref)} (dry run).` }
  }
  try {
    const count = await deleteCacheByKey(deps.octokit, deps.repo, entry)
    // Another entry with the same key and ref appeared between the list and the delete.
    if (count > 1) effects.problem(`GitHub deleted ${count} cache entries for ${key} on ${entry.ref}, not one.`)
    effects.record({ kind: 'cache-delete', outcome: 'done', detail: `Deleted the corrupt cache entry ${key} (${entry.ref}).` })
    return { cleared: true, sentence: `Deleted the corrupt cache entry ${name} on ${codeSpan(entry.ref)}, so the next restore cannot hit it.` }
  } catch (error) {
    if (httpStatus(error) === 404) {
      effects.record({ kind: 'cache-delete', outcome: 'skipped', detail: `Cache entry ${key} (${entry.ref}) was already gone.` })
      return { cleared: true, sentence: `The corrupt cache entry ${name} was already deleted.` }
    }
    const why = permissionHint(error, 'actions: write') ?? errorText(error)
    effects.problem(`Deleting the corrupt cache entry ${key} failed: ${why}.`)
    effects.record({ kind: 'cache-delete', outcome: 'failed', detail: `${key} (${entry.ref}): ${why}` })
    return { cleared: false, sentence: `The corrupt cache entry ${name} could not be deleted: ${why}.` }
  }
}

function permissionHint(error: unknown, permission: string): string | null {
  return httpStatus(error) === 403 ? `GitHub refused (HTTP 403): the github-token needs the ${permission} permission` : null
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
