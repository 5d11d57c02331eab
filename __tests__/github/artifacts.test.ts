// The artifact adapter against the GitHub simulator: listing, choosing, the 302 to the storage
// host (never with the Authorization header), caps, and the API contract.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createOctokit, type Octokit } from '../../src/github/client.js'
import { downloadTestReports } from '../../src/github/artifacts.js'
import { ARTIFACT_LIMITS } from '../../src/reports/index.js'
import type { Logger } from '../../src/log/logger.js'
import { startGitHubSim, defaultTokens, type GitHubSim } from '../sim/github/index.ts'
import { buildZip } from '../reports/zip-builder.ts'

const REPO = 'acme/widgets'
const repo = { owner: 'acme', repo: 'widgets' }
const TOKEN = 'ghs_sim_github_token'
const NO_ACTIONS_TOKEN = 'ghs_sim_contents_only'

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url)))

let sim: GitHubSim
let octokit: Octokit
const warnings: string[] = []
const infos: string[] = []
const log: Logger = { debug() {}, info: (m) => infos.push(m), warning: (m) => warnings.push(m) }

beforeAll(async () => {
  sim = await startGitHubSim({
    repos: [{ owner: 'acme', name: 'widgets', files: { 'README.md': '# widgets\n' } }],
    tokens: {
      ...defaultTokens(),
      [NO_ACTIONS_TOKEN]: { login: 'reader', kind: 'app', permissions: { contents: 'read' }, workflows: false }
    }
  })
  octokit = createOctokit(TOKEN, { baseUrl: sim.apiUrl, log })
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

/** Blob-host requests made for the given artifact ids. */
const blobHits = (ids: number[]): Array<{ id: number; authorizationSeen: boolean; status: number }> =>
  sim.blobRequests.filter((r) => r.kind === 'artifact' && ids.includes(r.id)).map(({ id, authorizationSeen, status }) => ({ id, authorizationSeen, status }))

describe('downloadTestReports', () => {
  it('reads the reports of the artifacts that hold them, following the redirect without the token', async () => {
    const testResults = buildZip([
      { name: 'jest/junit.xml', data: fixture('jest-junit.xml') },
      { name: 'pytest/report.xml', data: fixture('pytest-xunit2.xml'), dataDescriptor: true },
      { name: 'pom.xml', data: '<project><modelVersion>4.0.0</modelVersion></project>' },
      { name: 'html/index.html', data: '<html></html>' }
    ])
    const coverage = buildZip([{ name: 'coverage.xml', data: '<coverage line-rate="0.81"><packages/></coverage>' }])
    const dist = buildZip([{ name: 'app.js', data: 'console.log(1)\n' }])
    const seeded = await sim.addRun(REPO, {
      jobs: [{ name: 'test', log: '##[error]Process completed with exit code 1.\n' }],
      artifacts: [
        { name: 'test-results', zip: testResults },
        { name: 'coverage-report', zip: coverage },
        { name: 'dist', zip: dist },
        { name: 'junit-old', zip: testResults, expired: true },
        { name: 'github-pages', zip: dist }
      ]
    })
    const ids = Object.fromEntries(seeded.artifacts.map((a) => [a.name, a.id]))
    const result = await downloadTestReports(octokit, repo, seeded.id, log)

    expect(result.unavailable).toBeNull()
    expect(result.reports).toHaveLength(1)
    expect(result.reports[0]).toMatchObject({
      artifact: 'test-results',
      files: ['jest/junit.xml', 'pytest/report.xml'],
      formats: ['junit'],
      totals: { tests: 10, failures: 2, errors: 1, skipped: 2 },
      truncated: false
    })
    expect(result.reports[0].failures.map((f) => f.name)).toEqual(['cart totals applies the discount', 'test_discount_applies', 'test_connects'])
    expect(result.skipped).toEqual([
      { id: ids['junit-old'], name: 'junit-old', reason: 'expired' },
      { id: ids['github-pages'], name: 'github-pages', reason: 'not a test-report artifact (Pages site or Docker build record)' },
      { id: ids['coverage-report'], name: 'coverage-report', reason: 'no test reports inside (1 .xml/.trx file(s), 1 other XML)' },
      { id: ids.dist, name: 'dist', reason: 'no test reports inside (0 .xml/.trx file(s))' }
    ])
    // Downloaded from the storage host, without the Authorization header; expired and Pages artifacts not at all.
    expect(blobHits(Object.values(ids))).toEqual([
      { id: ids['test-results'], authorizationSeen: false, status: 200 },
      { id: ids['coverage-report'], authorizationSeen: false, status: 200 },
      { id: ids.dist, authorizationSeen: false, status: 200 }
    ])
    expect(infos.at(-1)).toBe('Test reports: 1 artifact(s) with reports (10 tests, 3 failing), 4 skipped.')
  })

  it('does not download artifacts over the size caps or beyond the download budget', async () => {
    const report = buildZip([{ name: 'TEST-CartTest.xml', data: fixture('TEST-com.example.shop.CartTest.xml') }])
    const padding = buildZip([{ name: 'noise.bin', data: Buffer.from(Array.from({ length: 1500 }, (_, i) => (i * 7919) % 251)), method: 'store' }])
    const seeded = await sim.addRun(REPO, {
      artifacts: [
        { name: 'logs', zip: report },
        { name: 'surefire-reports', zip: report },
        { name: 'big-test-results', zip: Buffer.concat([padding, report]) },
        { name: 'failsafe-reports', zip: report },
        { name: 'screenshots', zip: padding }
      ]
    })
    const ids = Object.fromEntries(seeded.artifacts.map((a) => [a.name, a.id]))
    const limits = { ...ARTIFACT_LIMITS, maxArtifactBytes: report.length + 1000, maxUnnamedArtifactBytes: report.length, maxDownloads: 2 }
    const result = await downloadTestReports(octokit, repo, seeded.id, log, limits)

    // Named artifacts first, then small unnamed ones, until two downloads were made.
    expect(result.reports.map((r) => r.artifact)).toEqual(['surefire-reports', 'failsafe-reports'])
    expect(result.skipped).toEqual([
      { id: ids['big-test-results'], name: 'big-test-results', reason: `${padding.length + report.length} bytes, above the ${limits.maxArtifactBytes}-byte limit` },
      { id: ids.screenshots, name: 'screenshots', reason: 'its name does not suggest test reports and it is too large to look into' },
      { id: ids.logs, name: 'logs', reason: 'not downloaded: 2 artifacts were read already' }
    ])
    expect(blobHits(Object.values(ids)).map((h) => h.id)).toEqual([ids['surefire-reports'], ids['failsafe-reports']])
  })

  it('records refused zips and refused entries: not a zip, a bomb next to a real report, hostile names', async () => {
    const bomb = buildZip([
      { name: 'reports/bomb.xml', data: Buffer.alloc(3 * 1024 * 1024) },
      { name: '../../outside/TEST-evil.xml', data: fixture('TEST-com.example.shop.PriceFormatterTest.xml') }
    ])
    const seeded = await sim.addRun(REPO, {
      artifacts: [
        { name: 'junit-broken', zip: Buffer.from('PK\u0003\u0004 this is not a zip') },
        { name: 'junit-mixed', zip: bomb }
      ]
    })
    const result = await downloadTestReports(octokit, repo, seeded.id, log)
    expect(result.skipped).toEqual([
      { id: seeded.artifacts[0].id, name: 'junit-broken', reason: 'not a readable zip: no end-of-central-directory record (not a zip archive)' }
    ])
    expect(result.reports).toHaveLength(1)
    expect(result.reports[0]).toMatchObject({
      artifact: 'junit-mixed',
      // the entry name is a label, nothing more
      files: ['../../outside/TEST-evil.xml'],
      totals: { tests: 3, failures: 1, errors: 0, skipped: 1 },
      // a wanted entry went unread: "no failure" would prove nothing
      truncated: true,
      problems: [expect.stringMatching(/^reports\/bomb\.xml: compression ratio \d+:1 is above 200:1/)]
    })
  })

  it('an artifact gone between listing and download (410) is skipped', async () => {
    const seeded = await sim.addRun(REPO, { artifacts: [{ name: 'test-results', zip: buildZip([{ name: 'a.xml', data: fixture('jest-junit.xml') }]) }] })
    sim.failNext('actions/download-artifact', { status: 410, message: 'Artifact has expired' })
    const result = await downloadTestReports(octokit, repo, seeded.id, log)
    expect(result).toEqual({ reports: [], skipped: [{ id: seeded.artifacts[0].id, name: 'test-results', reason: 'gone (expired or deleted)' }], unavailable: null })
  })

  it('a token without actions: read cannot list artifacts: said once, nothing else tried', async () => {
    const seeded = await sim.addRun(REPO, { artifacts: [{ name: 'test-results', zip: buildZip([{ name: 'a.xml', data: fixture('jest-junit.xml') }]) }] })
    const reader = createOctokit(NO_ACTIONS_TOKEN, { baseUrl: sim.apiUrl, log })
    const before = sim.requests.length
    const result = await downloadTestReports(reader, repo, seeded.id, log)
    expect(result.reports).toEqual([])
    expect(result.unavailable).toMatch(/^listing the run's artifacts failed: Resource not accessible by integration/)
    expect(sim.requests.slice(before).map((r) => [r.operationId, r.status])).toEqual([['actions/list-workflow-run-artifacts', 403]])
  })
})

describe('storage links that fail', () => {
  let expiring: GitHubSim

  beforeAll(async () => {
    expiring = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: { 'README.md': '# widgets\n' } }], downloadLinkTtlMs: 0 })
  })

  afterAll(async () => {
    const violations = [...expiring.violations]
    await expiring.close()
    expect(violations).toEqual([])
  })

  it('asks the API for a fresh link on each attempt, then gives the artifact up', async () => {
    const seeded = await expiring.addRun(REPO, { artifacts: [{ name: 'test-results', zip: buildZip([{ name: 'a.xml', data: fixture('jest-junit.xml') }]) }] })
    const client = createOctokit(TOKEN, { baseUrl: expiring.apiUrl, log })
    const result = await downloadTestReports(client, repo, seeded.id, log)
    expect(result.skipped).toEqual([{ id: seeded.artifacts[0].id, name: 'test-results', reason: 'download failed: Could not download artifact ' + seeded.artifacts[0].id + ': HTTP 403' }])
    expect(expiring.requests.filter((r) => r.operationId === 'actions/download-artifact').map((r) => r.status)).toEqual([302, 302, 302])
    expect(expiring.blobRequests.map((r) => [r.status, r.authorizationSeen])).toEqual([
      [403, false],
      [403, false],
      [403, false]
    ])
  })
})
