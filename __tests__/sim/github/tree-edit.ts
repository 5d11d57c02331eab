// `POST /git/trees` semantics on top of the git store: nested paths, `base_tree`, inline content,
// `sha: null` deletions. Behaviour follows GitHub's docs for "Create a tree" (entries with nested
// paths rewrite the subtrees they cross; deleting a path that does not exist is an error) and
// observed messages: 422 "base_tree is not a valid tree oid" (sigmavirus24/github3.py#522),
// "tree.sha <sha> is not a valid blob" (BetaHuhn/repo-file-sync-action#349), and
// "GitRPC::BadObjectState" for deleting a missing path (PyGithub/PyGithub#1318).
import type { GitStore, TreeEntry } from './git-store.ts'
import { SHA_PATTERN } from './git-store.ts'

export interface TreeChange {
  path: string
  mode?: string
  type?: 'blob' | 'tree' | 'commit'
  /** `null` deletes the path (file or whole directory). */
  sha?: string | null
  content?: string
}

/** A request GitHub would refuse with 422; `message` is what GitHub says. */
export class TreeEditError extends Error {}

const TREE_MODE = '040000'

interface DirNode {
  kind: 'dir'
  /** The stored tree this node started from; children load lazily from it. */
  sha: string | null
  children: Map<string, Node> | null
}
interface LeafNode {
  kind: 'leaf'
  entry: TreeEntry
}
type Node = DirNode | LeafNode

const dirNode = (sha: string | null): DirNode => ({ kind: 'dir', sha, children: sha === null ? new Map() : null })

async function childrenOf(store: GitStore, node: DirNode): Promise<Map<string, Node>> {
  if (node.children) return node.children
  const entries = (await store.readTree(node.sha as string, false)) ?? []
  node.children = new Map(
    entries.map((e): [string, Node] => [e.name, e.type === 'tree' ? dirNode(e.sha) : { kind: 'leaf', entry: e }])
  )
  return node.children
}

function splitPath(path: string): string[] {
  const parts = path.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p === '.git' || p.includes('\0'))) {
    throw new TreeEditError(`tree.path ${JSON.stringify(path)} is not a valid path`)
  }
  return parts
}

/** Walks to the directory holding the last path segment, creating directories when `create`. */
async function parentDir(store: GitStore, root: DirNode, parts: string[], create: boolean): Promise<DirNode | null> {
  let dir = root
  for (const part of parts.slice(0, -1)) {
    const children = await childrenOf(store, dir)
    let next = children.get(part)
    if (next?.kind !== 'dir') {
      if (!create) return null
      next = dirNode(null)
      children.set(part, next)
    }
    dir = next
  }
  return dir
}

async function checkObject(store: GitStore, change: TreeChange, sha: string): Promise<void> {
  if (change.type === 'commit') return // a submodule points into another repository
  const expected = change.type ?? 'blob'
  if (!SHA_PATTERN.test(sha) || (await store.objectType(sha)) !== expected) {
    throw new TreeEditError(`tree.sha ${sha} is not a valid ${expected}`)
  }
}

async function applyChange(store: GitStore, root: DirNode, change: TreeChange): Promise<void> {
  const parts = splitPath(change.path)
  const name = parts[parts.length - 1]
  const hasSha = Object.hasOwn(change, 'sha')
  if (hasSha && change.content !== undefined) {
    throw new TreeEditError('Must supply either tree.sha or tree.content, not both')
  }
  if (hasSha && change.sha === null) {
    const dir = await parentDir(store, root, parts, false)
    const children = dir && (await childrenOf(store, dir))
    if (!children?.delete(name)) throw new TreeEditError('GitRPC::BadObjectState')
    return
  }
  if (!hasSha && change.content === undefined) throw new TreeEditError('Must supply tree.sha or tree.content')
  let sha: string
  if (change.content !== undefined) {
    if ((change.type ?? 'blob') !== 'blob') throw new TreeEditError('tree.content can only be used for blobs')
    sha = await store.writeBlob(Buffer.from(change.content, 'utf8'))
  } else {
    sha = change.sha as string
    await checkObject(store, change, sha)
  }
  const dir = await parentDir(store, root, parts, true)
  const children = await childrenOf(store, dir as DirNode)
  if (change.type === 'tree') {
    children.set(name, dirNode(sha))
  } else {
    const type = change.type ?? 'blob'
    children.set(name, { kind: 'leaf', entry: { name, mode: change.mode ?? '100644', type, sha } })
  }
}

/** Writes modified directories bottom-up; untouched subtrees keep their ids, empty ones vanish. */
async function writeDir(store: GitStore, node: DirNode): Promise<string | null> {
  if (!node.children) return node.sha
  const entries: TreeEntry[] = []
  for (const [name, child] of node.children) {
    if (child.kind === 'leaf') {
      entries.push({ ...child.entry, name })
      continue
    }
    const sha = await writeDir(store, child)
    if (sha !== null) entries.push({ name, mode: TREE_MODE, type: 'tree', sha })
  }
  if (entries.length === 0) return null
  return store.writeTree(entries)
}

/**
 * Builds the tree `POST /git/trees` would: `base` (a tree id, or null for a tree of only the
 * given entries) with `changes` applied. Entries of type tree apply first, so nested paths given in
 * the same request land inside them, as GitHub documents.
 */
export async function buildTree(store: GitStore, base: string | null, changes: TreeChange[]): Promise<string> {
  if (base !== null && (await store.objectType(base)) !== 'tree') {
    throw new TreeEditError('base_tree is not a valid tree oid')
  }
  const root = dirNode(base)
  const ordered = [...changes.filter((c) => c.type === 'tree'), ...changes.filter((c) => c.type !== 'tree')]
  for (const change of ordered) await applyChange(store, root, change)
  return (await writeDir(store, root)) ?? (await store.writeTree([]))
}

/** The entry at `path` inside tree `treeSha` (nested, without blob size), or null. */
export async function entryAt(store: GitStore, treeSha: string, path: string): Promise<TreeEntry | null> {
  const parts = path.split('/').filter(Boolean)
  if (parts.length === 0) return { name: '', mode: TREE_MODE, type: 'tree', sha: treeSha }
  let current = treeSha
  for (let i = 0; i < parts.length; i++) {
    const entry = (await store.readTree(current, false))?.find((e) => e.name === parts[i])
    if (!entry) return null
    if (i === parts.length - 1) return entry
    if (entry.type !== 'tree') return null
    current = entry.sha
  }
  return null
}

/** Every entry under a tree, with full paths, parents before children (for `recursive`). */
export async function walkTree(store: GitStore, treeSha: string, prefix = ''): Promise<Array<TreeEntry & { path: string }>> {
  const out: Array<TreeEntry & { path: string }> = []
  for (const entry of (await store.readTree(treeSha)) ?? []) {
    const path = prefix + entry.name
    out.push({ ...entry, path })
    if (entry.type === 'tree') out.push(...(await walkTree(store, entry.sha, `${path}/`)))
  }
  return out
}
