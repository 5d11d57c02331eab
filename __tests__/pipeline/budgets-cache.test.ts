// The corrupt-cache detector (which key a log names, and when it may be trusted) and the choice
// of the one listed entry to delete. Fixture logs under ../fixtures/executor reproduce the messages
// of actions/cache and @actions/cache (sources in src/pipeline/act/corrupt-cache.ts).
import { createReadStream } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { classify } from '../../src/classify/index.js'
import { CACHE_KEY_PATTERN, detectCorruptCache, pickCacheEntry } from '../../src/pipeline/act/corrupt-cache.js'
import { triageStream } from '../../src/triage/index.js'

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'executor')
const KEY = 'Linux-npm-5f0c8a3e9d2b4c6a7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6'

async function diagnose(file: string) {
  const triage = await triageStream(createReadStream(path.join(FIXTURES, file)))
  return { triage, diagnosis: classify(triage) }
}

const lines = (...texts: string[]) => texts.map((text, index) => ({ n: index + 1, text }))
const noRule = (evidence: { n: number; text: string }[] = []) => ({ ruleId: null, evidence })

const UNPACK = [
  `Cache hit for: ${KEY}`,
  'Cache Size: ~194 MB (202938074 B)',
  '/*stdin*\\ : Decoding error (36) : Corrupted block detected',
  '/usr/bin/tar: Unexpected EOF in archive',
  '/usr/bin/tar: Error is not recoverable: exiting now',
  `Failed to restore: "/usr/bin/tar" failed with error: The process '/usr/bin/tar' failed with exit code 2`
]

describe('detectCorruptCache on real-shaped logs', () => {
  it('finds the entry of a restore that could not unpack, through triage and the rules', async () => {
    const { triage, diagnosis } = await diagnose('zstd-corrupt-fail-on-cache-miss.log')
    const found = detectCorruptCache(diagnosis, triage.excerpt.lines)
    expect(found).toMatchObject({ key: KEY, keyProblem: null })
    // Which tar lines triage keeps may change; the failed restore and a tar error must be among them.
    expect(found?.evidence.map((line) => line.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/usr\/bin\/tar: /), expect.stringMatching(/^Failed to restore: .*exit code 2$/)])
    )
  })

  it('does not take a cache service outage for a corrupt entry (deleting would fix nothing)', async () => {
    const { triage, diagnosis } = await diagnose('service-503.log')
    expect(triage.excerpt.lines.map((line) => line.text)).toContain('Failed to restore: Cache service responded with 503')
    expect(detectCorruptCache(diagnosis, triage.excerpt.lines)).toBeNull()
  })
})

describe('detectCorruptCache', () => {
  it('prefers the entry that was downloaded over the input key', () => {
    const excerpt = lines(...UNPACK, 'Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: Linux-npm-primary')
    expect(detectCorruptCache(noRule(), excerpt)?.key).toBe(KEY)
  })

  it('takes the last restore before the first unpack error when a job restores several caches', () => {
    const excerpt = lines('Cache hit for: Linux-go-mod-111', 'Cache restored successfully', ...UNPACK, 'Cache hit for restore-key: Linux-later-222')
    expect(detectCorruptCache(noRule(), excerpt)?.key).toBe(KEY)
  })

  it('reads the older actions/cache wording and gzip errors', () => {
    const excerpt = lines(
      'gzip: stdin: invalid compressed data--crc error',
      '/usr/bin/tar: Child returned status 1',
      "Tar failed with error: The process '/usr/bin/tar' failed with exit code 2",
      'Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: Linux-yarn-9f2c41d07be3'
    )
    expect(detectCorruptCache(noRule(), excerpt)).toMatchObject({ key: 'Linux-yarn-9f2c41d07be3', keyProblem: null })
  })

  it('needs both an unpack error and a failed cache restore', () => {
    // The build's own tar failing is not a cache problem.
    expect(detectCorruptCache(noRule(), lines('tar: Unexpected EOF in archive', 'tar: Error is not recoverable: exiting now'))).toBeNull()
    // A restore that failed for another reason is not a corrupt entry.
    expect(detectCorruptCache(noRule(), lines(`Cache hit for: ${KEY}`, 'Failed to restore: Cache service responded with 500'))).toBeNull()
  })

  it('never overrides a rule that named another cause, but follows one whose evidence is the unpack error', () => {
    const excerpt = lines(...UNPACK, 'FAIL src/widget.test.js')
    const testFailure = { ruleId: 'javascript.jest-fail', evidence: [{ n: 7, text: 'FAIL src/widget.test.js' }] }
    expect(detectCorruptCache(testFailure, excerpt)).toBeNull()
    const cacheRule = { ruleId: 'github.cache-corrupt', evidence: [excerpt[3]!] }
    expect(detectCorruptCache(cacheRule, excerpt)?.key).toBe(KEY)
  })

  it('keeps no key that is not a plain cache key', () => {
    for (const bad of [`${KEY.slice(0, 40)}…`, 'Linux-npm-[redacted:assignment]', "Linux-npm-'$(id)'", 'Linux npm', '-rf', 'Linux-*']) {
      const excerpt = lines(...UNPACK.slice(1), `Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: ${bad}`)
      const found = detectCorruptCache(noRule(), excerpt)
      expect(found?.key ?? null).toBeNull()
      expect(found === null || found.keyProblem !== null).toBe(true)
    }
    expect(CACHE_KEY_PATTERN.test('setup-go-Linux-x64-ubuntu24-go-1.22.5-7f0c1d2e')).toBe(true)
    expect(CACHE_KEY_PATTERN.test('x'.repeat(513))).toBe(false)
  })

  it('says why when the lines name no key or two', () => {
    expect(detectCorruptCache(noRule(), lines(...UNPACK.slice(1)))).toMatchObject({ key: null, keyProblem: expect.stringContaining('do not name') })
    const two = lines(
      ...UNPACK.slice(1),
      'Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: a-1',
      'Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: b-2'
    )
    expect(detectCorruptCache(noRule(), two)).toMatchObject({ key: null, keyProblem: expect.stringContaining('more than one') })
  })
})

describe('pickCacheEntry', () => {
  const listed = [
    { key: KEY, ref: 'refs/heads/main' },
    { key: `${KEY}-extra`, ref: 'refs/heads/main' },
    { key: 'Linux-npm-other', ref: 'refs/heads/feature' }
  ]

  it('takes the entry with exactly the key, never one it is a prefix of', () => {
    expect(pickCacheEntry(listed, KEY, ['refs/heads/feature', 'refs/heads/main'])).toEqual({ entry: { key: KEY, ref: 'refs/heads/main' } })
    expect(pickCacheEntry(listed, 'Linux-npm-', ['refs/heads/main'])).toMatchObject({ problem: expect.stringContaining('not in the repository') })
  })

  it('prefers the run\'s branch, then the default branch, and never guesses', () => {
    const twoRefs = [
      { key: KEY, ref: 'refs/heads/main' },
      { key: KEY, ref: 'refs/heads/feature' }
    ]
    expect(pickCacheEntry(twoRefs, KEY, ['refs/heads/feature', 'refs/heads/main'])).toEqual({ entry: { key: KEY, ref: 'refs/heads/feature' } })
    expect(pickCacheEntry(twoRefs, KEY, ['refs/heads/other', 'refs/heads/main'])).toEqual({ entry: { key: KEY, ref: 'refs/heads/main' } })
    expect(pickCacheEntry(twoRefs, KEY, ['refs/heads/a', 'refs/heads/b'])).toMatchObject({ problem: expect.stringContaining('does not guess') })
  })

  it('refuses when one key and ref name two entries (the delete would remove both)', () => {
    const twins = [
      { key: KEY, ref: 'refs/heads/main' },
      { key: KEY, ref: 'refs/heads/main' }
    ]
    expect(pickCacheEntry(twins, KEY, ['refs/heads/main'])).toMatchObject({ problem: expect.stringContaining('at most one per run') })
  })
})
