// A bare git repository on disk. Object ids are real SHA-1s, so tests inspect what the simulator
// wrote with `git --git-dir <dir> log/show/diff`. Objects are written in-process and read through
// one `git cat-file` process (see git-objects.ts); refs change only through `git update-ref`.
// Client-supplied strings never reach git's command line: callers pass validated hex ids and full
// ref names only.
import { spawn } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { CommitObject, ObjectType, TreeEntry } from './git-objects.ts'
import { ObjectReader, SHA_PATTERN, decodeCommit, decodeTree, encodeCommit, encodeTree, writeLooseObject } from './git-objects.ts'

export type { CommitObject, GitPerson, ObjectType, TreeEntry } from './git-objects.ts'
export { SHA_PATTERN, isoSeconds } from './git-objects.ts'

export interface RefRecord {
  /** Full name, e.g. `refs/heads/main`. */
  ref: string
  sha: string
  type: ObjectType
}

const ZERO_SHA = '0'.repeat(40)
// Many git processes at once on a shared 2-core machine only adds contention.
const MAX_PARALLEL_GIT = 6

const gitEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LANG: 'C',
  LC_ALL: 'C'
}

let running = 0
const waiting: Array<() => void> = []

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL_GIT) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    waiting.shift()?.()
  }
}

function runGit(gitDir: string, args: string[]): Promise<Buffer> {
  return withSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        const child = spawn('git', ['--git-dir', gitDir, ...args], { env: gitEnv, stdio: ['ignore', 'pipe', 'pipe'] })
        const out: Buffer[] = []
        const err: Buffer[] = []
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
        child.on('error', reject)
        child.on('close', (code) => {
          if (code === 0) resolve(Buffer.concat(out))
          else reject(new Error(`git ${args[0]} exited ${code}: ${Buffer.concat(err).toString('utf8').trim()}`))
        })
      })
  )
}

export class GitStore {
  readonly gitDir: string
  private readonly objects: ObjectReader
  // Serialises every ref change in this repository: compare-and-swap needs the read of the old
  // value and the write of the new one to be one step, whatever the number of racing clients.
  private refQueue: Promise<unknown> = Promise.resolve()

  private constructor(gitDir: string) {
    this.gitDir = gitDir
    this.objects = new ObjectReader(gitDir, gitEnv)
  }

  /** Creates an empty bare repository at `gitDir` (which must not exist yet or be empty). */
  static async init(gitDir: string, initialBranch: string): Promise<GitStore> {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('git', ['init', '--quiet', '--bare', `--initial-branch=${initialBranch}`, gitDir], {
        env: gitEnv,
        stdio: 'ignore'
      })
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git init exited ${code}`))))
    })
    return new GitStore(gitDir)
  }

  /** Stops the object reader process. */
  close(): void {
    this.objects.close()
  }

  writeBlob(content: Buffer): Promise<string> {
    return writeLooseObject(this.gitDir, 'blob', content)
  }

  async objectType(sha: string): Promise<ObjectType | null> {
    return (await this.objects.read(sha, false))?.type ?? null
  }

  async readBlob(sha: string): Promise<Buffer | null> {
    const object = await this.objects.read(sha, true)
    return object?.type === 'blob' ? object.content : null
  }

  /**
   * The entries of one tree (not recursive), or null when `sha` is not a tree. Blob sizes (one
   * lookup each) are filled in unless `withSizes` is false.
   */
  async readTree(sha: string, withSizes = true): Promise<TreeEntry[] | null> {
    const object = await this.objects.read(sha, true)
    if (object?.type !== 'tree' || !object.content) return null
    const entries = decodeTree(object.content)
    for (const entry of withSizes ? entries : []) {
      if (entry.type === 'blob') entry.size = (await this.objects.read(entry.sha, false))?.size ?? 0
    }
    return entries
  }

  /** Writes a tree object from its entries (in git's order, whatever the order given). */
  writeTree(entries: TreeEntry[]): Promise<string> {
    return writeLooseObject(this.gitDir, 'tree', encodeTree(entries))
  }

  writeCommit(commit: Omit<CommitObject, 'sha'>): Promise<string> {
    return writeLooseObject(this.gitDir, 'commit', encodeCommit(commit))
  }

  async readCommit(sha: string): Promise<CommitObject | null> {
    const object = await this.objects.read(sha, true)
    return object?.type === 'commit' && object.content ? decodeCommit(sha, object.content) : null
  }

  /**
   * Every ref with its target, sorted by name. Read from git's ref files (loose refs override
   * packed ones) instead of spawning for-each-ref: ref reads are the hottest path under racing
   * clients. Names are compared in JavaScript; no client string becomes a path.
   */
  async listRefs(): Promise<RefRecord[]> {
    const targets = new Map<string, string>()
    const packed = await readFile(path.join(this.gitDir, 'packed-refs'), 'utf8').catch(() => '')
    for (const line of packed.split('\n')) {
      const [sha, name] = line.split(' ')
      if (SHA_PATTERN.test(sha) && name) targets.set(name, sha)
    }
    const files = await readdir(path.join(this.gitDir, 'refs'), { recursive: true, withFileTypes: true })
    for (const file of files) {
      if (!file.isFile() || file.name.endsWith('.lock')) continue
      const full = path.join(file.parentPath, file.name)
      const sha = (await readFile(full, 'utf8').catch(() => '')).trim()
      if (SHA_PATTERN.test(sha)) targets.set(path.relative(this.gitDir, full).split(path.sep).join('/'), sha)
    }
    const refs: RefRecord[] = []
    for (const [ref, sha] of [...targets].sort(([a], [b]) => (a < b ? -1 : 1))) {
      refs.push({ ref, sha, type: (await this.objectType(sha)) ?? 'commit' })
    }
    return refs
  }

  async readRef(ref: string): Promise<RefRecord | null> {
    return (await this.listRefs()).find((r) => r.ref === ref) ?? null
  }

  /** Is `ancestor` reachable from `descendant` (a fast-forward from one to the other)? */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const seen = new Set<string>()
    const queue = [descendant]
    for (let sha = queue.pop(); sha !== undefined; sha = queue.pop()) {
      if (sha === ancestor) return true
      if (seen.has(sha)) continue
      seen.add(sha)
      queue.push(...((await this.readCommit(sha))?.parents ?? []))
    }
    return false
  }

  /** Commits reachable from `head` but not from `base`, oldest first. */
  async commitsBetween(base: string, head: string): Promise<string[]> {
    const out = (await runGit(this.gitDir, ['rev-list', '--reverse', head, `^${base}`])).toString('utf8')
    return out.split('\n').filter(Boolean)
  }

  /** Lines added/removed and files changed between two commits (for pull request counters). */
  async diffStat(base: string, head: string): Promise<{ additions: number; deletions: number; changedFiles: number }> {
    const out = (await runGit(this.gitDir, ['diff', '--numstat', '-z', base, head])).toString('utf8')
    let additions = 0
    let deletions = 0
    let changedFiles = 0
    for (const record of out.split('\0')) {
      const match = /^(\d+|-)\t(\d+|-)\t/.exec(record)
      if (!match) continue
      changedFiles++
      additions += match[1] === '-' ? 0 : Number(match[1])
      deletions += match[2] === '-' ? 0 : Number(match[2])
    }
    return { additions, deletions, changedFiles }
  }

  /**
   * `git archive --format=zip` of a commit, every path under `prefix` (which ends with '/'). The
   * caller passes a resolved commit id and a prefix built from the repository's own names.
   */
  async archiveZip(sha: string, prefix: string): Promise<Buffer> {
    if (!SHA_PATTERN.test(sha)) throw new Error(`archiveZip: not a commit id: ${sha}`)
    return runGit(this.gitDir, ['archive', '--format=zip', `--prefix=${prefix}`, sha])
  }

  /** The merge base of two commits, or null when their histories are unrelated. */
  async mergeBase(a: string, b: string): Promise<string | null> {
    try {
      return (await runGit(this.gitDir, ['merge-base', a, b])).toString('utf8').trim()
    } catch {
      return null
    }
  }

  /**
   * Runs `change` with this repository's refs locked against every other ref change made through
   * this store. `change` reads current values and decides; the write inside is then a true CAS.
   */
  withRefLock<T>(change: () => Promise<T>): Promise<T> {
    const result = this.refQueue.then(change)
    this.refQueue = result.catch(() => undefined)
    return result
  }

  /**
   * Points `ref` at `sha` if it still holds `expected` (null: the ref must not exist). Call inside
   * withRefLock; git's own old-value check is kept as a second guard.
   */
  async setRef(ref: string, sha: string, expected: string | null): Promise<void> {
    await runGit(this.gitDir, ['update-ref', ref, sha, expected ?? ZERO_SHA])
  }

  async deleteRef(ref: string, expected: string): Promise<void> {
    await runGit(this.gitDir, ['update-ref', '-d', ref, expected])
  }
}
