// The branch archive adapter: GitHub's zipball of the state branch, downloaded from the storage
// host without the token, read in memory with the top folder stripped, and bounded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ARCHIVE_LIMITS, downloadBranchArchive, readBranchZip } from '../../src/github/archive.js'
import { createOctokit, type Octokit } from '../../src/github/client.js'
import type { Logger } from '../../src/log/logger.js'
import { startGitHubSim, type GitHubSim } from '../sim/github/index.ts'
import { buildZip } from '../reports/zip-builder.ts'
import { git } from '../sim/github-support.ts'

const repo = { owner: 'acme', repo: 'widgets' }
const log: Logger = { debug() {}, info() {}, warning() {} }
const json = (path: string) => /\.jsonl?$/.test(path)

let sim: GitHubSim
let octokit: Octokit
let head: string

beforeAll(async () => {
  sim = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: { 'README.md': '# widgets\n' } }] })
  octokit = createOctokit('ghs_sim_github_token', { baseUrl: sim.apiUrl, log })
  head = await sim.commit('acme/widgets', {
    branch: 'ci-monitor-state',
    files: {
      'runs/7/attempt-1.json': '{"kind":"run-analysis"}\n',
      'audit/2026-11.jsonl': '{"seq":1}\n{"seq":2}\n',
      'index.html': '<!doctype html>\n',
      'fingerprints/0123456789abcdef.json': `{"note":"${'é'.repeat(3)}"}\n`
    },
    from: 'main'
  })
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('downloadBranchArchive', () => {
  it('reads the wanted files of a commit, paths relative to the branch root, in one API request', async () => {
    const before = { api: sim.requests.length, storage: sim.blobRequests.length }
    const archive = await downloadBranchArchive(octokit, repo, head, json, log)
    expect(archive!.problems).toEqual([])
    expect(archive!.files.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'audit/2026-11.jsonl', text: '{"seq":1}\n{"seq":2}\n' },
      { path: 'fingerprints/0123456789abcdef.json', text: '{"note":"ééé"}\n' },
      { path: 'runs/7/attempt-1.json', text: '{"kind":"run-analysis"}\n' }
    ])
    expect(sim.requests.slice(before.api).map((r) => `${r.operationId} ${r.status}`)).toEqual(['repos/download-zipball-archive 302'])
    expect(sim.blobRequests.slice(before.storage)).toEqual([expect.objectContaining({ kind: 'zipball', status: 200, authorizationSeen: false })])
  })

  it('reads exactly the commit asked for, not the branch tip', async () => {
    await sim.commit('acme/widgets', { branch: 'ci-monitor-state', files: { 'runs/8/attempt-1.json': '{}\n' } })
    const archive = await downloadBranchArchive(octokit, repo, head, json, log)
    expect(archive!.files.map((f) => f.path)).not.toContain('runs/8/attempt-1.json')
    const tip = await downloadBranchArchive(octokit, repo, await git(sim, 'rev-parse', 'ci-monitor-state'), json, log)
    expect(tip!.files.map((f) => f.path)).toContain('runs/8/attempt-1.json')
  })

  it('is null for a ref that does not exist', async () => {
    expect(await downloadBranchArchive(octokit, repo, 'f'.repeat(40), json, log)).toBeNull()
  })

  it('refuses an archive above the size limit with a clear error', async () => {
    await expect(downloadBranchArchive(octokit, repo, head, json, log, { ...ARCHIVE_LIMITS, maxArchiveBytes: 200 })).rejects.toThrow(
      /is (\d+ bytes, above the 200-byte limit|larger than 200 bytes): too large to read in one go/
    )
  })
})

describe('readBranchZip', () => {
  const limits = ARCHIVE_LIMITS.zip

  it('strips the top folder and reports entries outside it', () => {
    const zip = buildZip([
      { name: 'acme-widgets-abc1234/data.json', data: '{"a":1}' },
      { name: 'acme-widgets-abc1234/README.md', data: '# not wanted' },
      { name: 'stray.json', data: '{}' },
      { name: 'other-top/x.json', data: '{}' }
    ])
    const read = readBranchZip(zip, json, limits)
    expect(read.files).toEqual([{ path: 'data.json', text: '{"a":1}' }])
    expect(read.problems).toEqual([
      { path: 'stray.json', problem: "outside the archive's top folder: not read" },
      { path: 'other-top/x.json', problem: "outside the archive's top folder: not read" }
    ])
  })

  it('reports an oversized entry by its path on the branch instead of reading it', () => {
    const zip = buildZip([
      { name: 'acme-widgets-abc1234/runs/1/attempt-1.json', data: 'x'.repeat(2000) },
      { name: 'acme-widgets-abc1234/runs/2/attempt-1.json', data: '{}' }
    ])
    const read = readBranchZip(zip, json, { ...limits, maxEntryBytes: 1000 })
    expect(read.files.map((f) => f.path)).toEqual(['runs/2/attempt-1.json'])
    expect(read.problems).toEqual([{ path: 'runs/1/attempt-1.json', problem: 'inflates to 2000 bytes (limit 1000)' }])
  })

  it('says when the bytes are not a zip', () => {
    expect(() => readBranchZip(Buffer.from('<html>rate limited</html>'), json, limits)).toThrow(/^The branch archive is not a readable zip: /)
  })
})
