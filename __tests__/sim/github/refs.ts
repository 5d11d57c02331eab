// Ref names and revision lookup. Client strings are checked here and resolved against the ref
// list in JavaScript, so nothing a client sends reaches git's command line unvetted.
import type { GitStore } from './git-store.ts'
import { SHA_PATTERN } from './git-store.ts'

// git check-ref-format's rules, for the names clients may create.
const FORBIDDEN = /[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\/|\/\.|\.lock(\/|$)|[/.]$/

/** A full ref name GitHub lets a client create: `refs/` plus at least two more components. */
export function isCreatableRef(ref: string): boolean {
  return ref.startsWith('refs/') && ref.split('/').length >= 3 && !FORBIDDEN.test(ref) && ref !== '@'
}

/** `heads/main` (the form in `/git/ref/{ref}` paths) → `refs/heads/main`. */
export const fullRef = (shortRef: string): string => `refs/${shortRef}`

/**
 * Resolves what `?ref=` or a path segment may name — a branch, a tag, a full ref or a commit id —
 * to a commit id, or null.
 */
export async function resolveCommitish(git: GitStore, name: string): Promise<string | null> {
  if (SHA_PATTERN.test(name)) return (await git.objectType(name)) === 'commit' ? name : null
  const refs = await git.listRefs()
  const candidates = name.startsWith('refs/') ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`]
  for (const candidate of candidates) {
    const found = refs.find((r) => r.ref === candidate)
    if (found?.type === 'commit') return found.sha
  }
  return null
}

/** The tree of a commit, tree id, or branch/tag name (what `GET /git/trees/{tree_sha}` accepts). */
export async function resolveTreeish(git: GitStore, name: string): Promise<string | null> {
  if (SHA_PATTERN.test(name)) {
    const type = await git.objectType(name)
    if (type === 'tree') return name
    if (type === 'commit') return (await git.readCommit(name))?.tree ?? null
    return null
  }
  const commit = await resolveCommitish(git, name)
  return commit ? ((await git.readCommit(commit))?.tree ?? null) : null
}
