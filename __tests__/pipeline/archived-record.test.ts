// A run record read by path through the API after the sweep folded its month into archive/: the
// verification of a fix still finds the workflow that failed, from the archive of the month the
// record was analysed in (against the GitHub simulator, in process).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createOctokit, type Octokit } from '../../src/github/client.js'
import type { Logger } from '../../src/log/logger.js'
import { readRunRecord } from '../../src/pipeline/archived-record.js'
import { failureFacts } from '../../src/pipeline/verify/record.js'
import { planCompaction } from '../../src/state/compaction.js'
import { fingerprintPath, newFingerprintDoc, withOccurrence } from '../../src/state/fingerprints.js'
import type { StateFile } from '../../src/state/load.js'
import { runRecordPath, serialize, type RunRecord } from '../../src/state/records.js'
import { RUNS } from '../fixtures/state/history.ts'
import { startGitHubSim, type GitHubSim } from '../sim/github/index.ts'

const REPO = 'acme/widgets'
const repo = { owner: 'acme', repo: 'widgets' }
const BRANCH = 'ci-monitor-state'
const log: Logger = { debug() {}, info() {}, warning() {} }

let sim: GitHubSim
let octokit: Octokit
/** Run records analysed in January 2026, folded (in three parts) when their month was old. */
const records: StateFile[] = [1, 2, 3, 4, 5].map((id) => {
  const doc: RunRecord = { ...RUNS[0]!, run: { ...RUNS[0]!.run, id, workflow_path: `.github/workflows/w${id}.yml` }, analysed_at: `2026-01-0${id}T00:00:00.000Z` }
  return { path: runRecordPath(id, 1), text: serialize(doc) }
})

beforeAll(async () => {
  sim = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: { 'README.md': '# widgets\n' } }] })
  octokit = createOctokit('ghs_sim_github_token', { baseUrl: sim.apiUrl, log })
  const plan = planCompaction(records, { now: new Date('2026-12-01T00:00:00Z'), maxPartBytes: 2 * Buffer.byteLength(records[0]!.text) })
  expect(plan.folded[0]!.archives.length).toBeGreaterThan(1)
  const files = Object.fromEntries(plan.changes.filter((c) => c.content !== null).map((c) => [c.path, c.content!]))
  const verdict = { owner: 'DEVOPS', category: 'network' }
  let doc = newFingerprintDoc('0123456789abcdef', verdict.owner, verdict.category, '2026-01-01T00:00:00.000Z')
  for (const id of [2, 5]) doc = withOccurrence(doc, { run_id: id, attempt: 1, job: `job ${id}`, head_sha: 'a'.repeat(40), branch: 'main', at: `2026-01-0${id}T00:00:00.000Z` }, verdict)
  await sim.commit(REPO, { branch: BRANCH, files: { ...files, [fingerprintPath(doc.fingerprint)]: serialize(doc) } })
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('a run record whose month was folded', () => {
  it('is read from the archive of the month it was analysed in, byte for byte, whichever part holds it', async () => {
    for (const record of records) {
      const id = Number(record.path.split('/')[1])
      expect(await readRunRecord(octokit, repo, BRANCH, { id, attempt: 1 }, `2026-01-0${id}T00:00:00.000Z`)).toBe(record.text)
    }
  })

  it('is not found in another month, nor without a time to say which month', async () => {
    expect(await readRunRecord(octokit, repo, BRANCH, { id: 3, attempt: 1 }, '2026-02-03T00:00:00.000Z')).toBeNull()
    expect(await readRunRecord(octokit, repo, BRANCH, { id: 3, attempt: 1 }, null)).toBeNull()
    expect(await readRunRecord(octokit, repo, BRANCH, { id: 6, attempt: 1 }, '2026-01-06T00:00:00.000Z')).toBeNull()
  })

  it('still gives the verification of a fix the workflow that failed', async () => {
    expect(await failureFacts(octokit, repo, BRANCH, '0123456789abcdef', log)).toEqual({ jobs: ['job 5', 'job 2'], workflowPath: '.github/workflows/w5.yml' })
  })
})
