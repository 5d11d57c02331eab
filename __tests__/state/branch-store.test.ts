import { describe, expect, it } from '@jest/globals'
import type { FileChange } from '../../src/github/git.js'
import { silentLogger } from '../../src/log/logger.js'
import { BranchRaceError, backoffMs, commitWithRetry, type BranchPort, type RetryPolicy } from '../../src/state/branch-store.js'

/**
 * A branch in memory with GitHub's semantics: commits are snapshots, the ref moves only forward
 * (compare-and-swap on the tip the commit was built on). Every call yields, so racers interleave.
 */
function memoryBranch() {
  const commits = new Map<string, { parent: string | null; files: Map<string, { text: string; sha: string }> }>()
  let tip: string | null = null
  let next = 0
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve))
  const port: BranchPort = {
    async head() {
      await tick()
      return tip
    },
    async read(path, commit) {
      await tick()
      return commits.get(commit)!.files.get(path) ?? null
    },
    async commit(parent, changes: FileChange[]) {
      await tick()
      const files = new Map(parent ? commits.get(parent)!.files : [])
      for (const change of changes) {
        if ('blob' in change) throw new Error('not used here')
        if (change.content === null) files.delete(change.path)
        else files.set(change.path, { text: change.content, sha: `blob-${next++}` })
      }
      const sha = `commit-${next++}`
      commits.set(sha, { parent, files })
      return sha
    },
    async move(sha, exists) {
      await tick()
      if (exists !== (tip !== null) || commits.get(sha)!.parent !== tip) return 'conflict'
      tip = sha
      return 'updated'
    }
  }
  const history = (): string[] => {
    const chain: string[] = []
    for (let sha = tip; sha; sha = commits.get(sha)!.parent) chain.push(sha)
    return chain
  }
  const file = (path: string) => (tip ? (commits.get(tip)!.files.get(path)?.text ?? null) : null)
  return { port, history, file }
}

const noWait = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 100,
  maxElapsedMs: 60_000,
  delayMs: () => 0,
  sleep: () => new Promise((resolve) => setImmediate(resolve)),
  now: () => 0,
  ...overrides
})

/** Adds `key` to a JSON list: a keyed union, as the state documents merge. */
const addKey = (key: string) => async (read: (path: string) => Promise<string | null>) => {
  const keys = new Set(JSON.parse((await read('keys.json')) ?? '[]') as string[])
  if (keys.has(key)) return []
  return [{ path: 'keys.json', content: JSON.stringify([...keys, key].sort()) }, { path: `runs/${key}.json`, content: key }]
}

describe('writing to a branch with optimistic concurrency', () => {
  it('lets twenty racing writers all land, each merged with the others, one commit each on a linear history', async () => {
    const branch = memoryBranch()
    const keys = Array.from({ length: 20 }, (_, i) => `run-${String(i).padStart(2, '0')}`)
    const results = await Promise.all(keys.map((key) => commitWithRetry(branch.port, key, addKey(key), silentLogger, noWait())))
    expect(JSON.parse(branch.file('keys.json')!)).toEqual(keys)
    expect(branch.history()).toHaveLength(20)
    // They really raced: most lost at least once.
    expect(results.filter((r) => r.attempts > 1).length).toBeGreaterThan(10)
  })

  it('writes nothing when the change is already there (a re-delivered event)', async () => {
    const branch = memoryBranch()
    await commitWithRetry(branch.port, 'first', addKey('a'), silentLogger, noWait())
    const again = await commitWithRetry(branch.port, 'again', addKey('a'), silentLogger, noWait())
    expect(again).toEqual({ sha: branch.history()[0], attempts: 1 })
    expect(branch.history()).toHaveLength(1)
  })

  it('gives up with BranchRaceError when it keeps losing, after the attempts or the time it may spend', async () => {
    const branch = memoryBranch()
    // Another writer moves the branch every time this one has built its commit.
    const rival: BranchPort = {
      ...branch.port,
      commit: async (parent, changes, message) => {
        await commitWithRetry(branch.port, 'rival', addKey(`rival-${branch.history().length}`), silentLogger, noWait())
        return branch.port.commit(parent, changes, message)
      }
    }
    const waits: number[] = []
    const lost = commitWithRetry(rival, 'loser', addKey('loser'), silentLogger, noWait({ maxAttempts: 5, delayMs: (attempt) => attempt * 10, sleep: async (ms) => void waits.push(ms) }))
    await expect(lost).rejects.toThrow(BranchRaceError)
    await expect(lost).rejects.toThrow('gave up after 5 attempts')
    expect(waits).toEqual([10, 20, 30, 40])
    let clock = 0
    const timed = commitWithRetry(rival, 'loser', addKey('loser'), silentLogger, noWait({ maxElapsedMs: 1000, delayMs: () => 400, sleep: async (ms) => void (clock += ms), now: () => clock }))
    await expect(timed).rejects.toThrow('gave up after 4 attempts in 1 s')
  })
})

describe('backoff', () => {
  it('waits a random part of a window that doubles from the attempt time, up to four of them', () => {
    expect(backoffMs(1, 2000, () => 0.999)).toBe(1998)
    expect(backoffMs(2, 2000, () => 0.5)).toBe(2000)
    expect(backoffMs(3, 2000, () => 0.999)).toBe(7992)
    expect(backoffMs(9, 2000, () => 0.999)).toBe(7992)
    expect(backoffMs(9, 2000, () => 0)).toBe(0)
    // At least a quarter second of window, at most thirty seconds of wait.
    expect(backoffMs(1, 5, () => 0.999)).toBe(249)
    expect(backoffMs(9, 60_000, () => 0.999)).toBe(29_970)
  })
})
