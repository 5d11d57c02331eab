import type { Octokit, Repo } from './client.js'

/** A GitHub Actions cache entry of the repository. */
export interface CacheEntry {
  id: number
  key: string
  /** The ref the entry is scoped to, e.g. `refs/heads/main` or `refs/pull/7/merge`. */
  ref: string
  sizeInBytes: number
  lastAccessedAt: string | null
}

/** Entries listed beyond this many pages are not looked at: one key has a handful of entries. */
const MAX_PAGES = 5

/**
 * The repository's cache entries whose key is exactly `key` (needs actions: read). The list API
 * treats `key` as a prefix, so `Linux-npm-` would also list `Linux-npm-abc…`: only equal keys
 * are returned.
 */
export async function listCachesWithKey(octokit: Octokit, repo: Repo, key: string): Promise<CacheEntry[]> {
  const entries: CacheEntry[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.actions.getActionsCacheList({ ...repo, key, per_page: 100, page })
    for (const cache of data.actions_caches) {
      if (cache.key !== key || cache.id === undefined || cache.ref === undefined) continue
      entries.push({ id: cache.id, key: cache.key, ref: cache.ref, sizeInBytes: cache.size_in_bytes ?? 0, lastAccessedAt: cache.last_accessed_at ?? null })
    }
    if (data.actions_caches.length < 100) break
  }
  return entries
}

/**
 * Deletes the entries with exactly this key on this ref (needs actions: write); returns how many
 * GitHub deleted. The API takes a complete key, never a prefix.
 */
export async function deleteCacheByKey(octokit: Octokit, repo: Repo, entry: { key: string; ref: string }): Promise<number> {
  const { data } = await octokit.rest.actions.deleteActionsCacheByKey({ ...repo, key: entry.key, ref: entry.ref })
  return data.total_count
}
