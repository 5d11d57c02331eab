// Git object encoding, and a reader over one long-lived `git cat-file --batch-command`. Writing
// objects in-process (a zlib-deflated loose object named by its SHA-1, exactly what
// `git hash-object -w` does) and reading through one process keeps twenty racing clients from
// costing hundreds of git spawns; `git fsck --strict` in the tests checks the encoding.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { deflate } from 'node:zlib'

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag'

export interface TreeEntry {
  name: string
  mode: string
  type: 'blob' | 'tree' | 'commit'
  sha: string
  /** Blob size in bytes; absent for trees and submodules. */
  size?: number
}

export interface GitPerson {
  name: string
  email: string
  /** ISO 8601, UTC, second precision (GitHub's format). */
  date: string
}

export interface CommitObject {
  sha: string
  tree: string
  parents: string[]
  author: GitPerson
  committer: GitPerson
  message: string
}

export const SHA_PATTERN = /^[0-9a-f]{40}$/

/** GitHub's timestamp format: `2024-05-01T12:00:00Z`. */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

const deflateAsync = promisify(deflate)

/** Writes a loose object the way `git hash-object -w` does; returns its id. */
export async function writeLooseObject(gitDir: string, type: ObjectType, content: Buffer): Promise<string> {
  const data = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content])
  const sha = createHash('sha1').update(data).digest('hex')
  const dir = path.join(gitDir, 'objects', sha.slice(0, 2))
  const file = path.join(dir, sha.slice(2))
  if (await stat(file).catch(() => null)) return sha
  await mkdir(dir, { recursive: true })
  // Write aside, then rename: a concurrent reader never sees half an object.
  const temp = path.join(dir, `tmp_obj_${randomBytes(6).toString('hex')}`)
  await writeFile(temp, await deflateAsync(data), { mode: 0o444 })
  await rename(temp, file)
  return sha
}

/** Git's tree order: byte order of names, directories compared as if they ended in '/'. */
const treeSortKey = (e: TreeEntry): Buffer => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name)

export function encodeTree(entries: TreeEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(treeSortKey(a), treeSortKey(b)))
  return Buffer.concat(
    sorted.flatMap((e) => [Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`), Buffer.from(e.sha, 'hex')])
  )
}

export function decodeTree(content: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = []
  let at = 0
  while (at < content.length) {
    const space = content.indexOf(0x20, at)
    const nul = content.indexOf(0, space)
    const mode = content.subarray(at, space).toString('latin1').padStart(6, '0')
    const name = content.subarray(space + 1, nul).toString('utf8')
    const sha = content.subarray(nul + 1, nul + 21).toString('hex')
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob'
    entries.push({ name, mode, type, sha })
    at = nul + 21
  }
  return entries
}

// Git strips these from identities; a newline would forge a commit header.
const cleanIdentity = (value: string): string => value.replace(/[<>\n\r\0]/g, '').trim()

function encodePerson(person: GitPerson): string {
  const seconds = Math.floor(Date.parse(person.date) / 1000)
  return `${cleanIdentity(person.name)} <${cleanIdentity(person.email)}> ${seconds} +0000`
}

export function encodeCommit(commit: Omit<CommitObject, 'sha'>): Buffer {
  const headers = [
    `tree ${commit.tree}`,
    ...commit.parents.map((p) => `parent ${p}`),
    `author ${encodePerson(commit.author)}`,
    `committer ${encodePerson(commit.committer)}`
  ]
  return Buffer.from(`${headers.join('\n')}\n\n${commit.message}`, 'utf8')
}

function decodePerson(line: string): GitPerson {
  const match = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(line)
  if (!match) throw new Error(`unparseable person line: ${line}`)
  return { name: match[1], email: match[2], date: isoSeconds(new Date(Number(match[3]) * 1000)) }
}

export function decodeCommit(sha: string, content: Buffer): CommitObject {
  const raw = content.toString('utf8')
  const split = raw.indexOf('\n\n')
  const commit: CommitObject = {
    sha,
    tree: '',
    parents: [],
    author: { name: '', email: '', date: '' },
    committer: { name: '', email: '', date: '' },
    message: split < 0 ? '' : raw.slice(split + 2)
  }
  for (const line of (split < 0 ? raw : raw.slice(0, split)).split('\n')) {
    const space = line.indexOf(' ')
    const key = line.slice(0, space)
    const value = line.slice(space + 1)
    if (key === 'tree') commit.tree = value
    else if (key === 'parent') commit.parents.push(value)
    else if (key === 'author') commit.author = decodePerson(value)
    else if (key === 'committer') commit.committer = decodePerson(value)
  }
  return commit
}

interface PendingRead {
  withContent: boolean
  resolve: (value: { type: ObjectType; size: number; content: Buffer | null } | null) => void
  reject: (error: Error) => void
}

/** Answers object lookups through one `git cat-file --batch-command` process, in order. */
export class ObjectReader {
  private readonly gitDir: string
  private readonly env: NodeJS.ProcessEnv
  private child: ChildProcess | null = null
  private closed = false
  private readonly pending: PendingRead[] = []
  private buffer = Buffer.alloc(0)

  constructor(gitDir: string, env: NodeJS.ProcessEnv) {
    this.gitDir = gitDir
    this.env = env
  }

  /** Type and size (and content when asked) of an object, or null when it does not exist. */
  read(sha: string, withContent: boolean): Promise<{ type: ObjectType; size: number; content: Buffer | null } | null> {
    if (!SHA_PATTERN.test(sha)) return Promise.resolve(null)
    if (this.closed) return Promise.reject(new Error('the repository is closed'))
    const child = this.start()
    return new Promise((resolve, reject) => {
      this.pending.push({ withContent, resolve, reject })
      child.stdin?.write(`${withContent ? 'contents' : 'info'} ${sha}\n`)
    })
  }

  close(): void {
    this.closed = true
    this.child?.stdin?.end()
    this.child = null
  }

  private start(): ChildProcess {
    if (this.child) return this.child
    const child = spawn('git', ['--git-dir', this.gitDir, 'cat-file', '--batch-command'], {
      env: this.env,
      stdio: ['pipe', 'pipe', 'ignore']
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      this.drain()
    })
    const fail = (error: Error) => {
      for (const read of this.pending.splice(0)) read.reject(error)
      if (this.child === child) this.child = null
    }
    child.on('error', fail)
    child.on('close', () => fail(new Error('git cat-file exited')))
    child.stdin?.on('error', () => undefined)
    this.child = child
    return child
  }

  private drain(): void {
    for (;;) {
      const head = this.pending[0]
      const newline = this.buffer.indexOf(0x0a)
      if (!head || newline < 0) return
      const [, type, size] = this.buffer.subarray(0, newline).toString('latin1').split(' ')
      if (type === 'missing') {
        this.buffer = this.buffer.subarray(newline + 1)
        this.pending.shift()
        head.resolve(null)
        continue
      }
      const length = Number(size)
      if (!head.withContent) {
        this.buffer = this.buffer.subarray(newline + 1)
        this.pending.shift()
        head.resolve({ type: type as ObjectType, size: length, content: null })
        continue
      }
      const end = newline + 1 + length
      if (this.buffer.length < end + 1) return // wait for the content and its trailing newline
      const content = Buffer.from(this.buffer.subarray(newline + 1, end))
      this.buffer = this.buffer.subarray(end + 1)
      this.pending.shift()
      head.resolve({ type: type as ObjectType, size: length, content })
    }
  }
}
