// The state branch's guarantees, end to end on the simulator: runs finishing at once all land and
// merge on a linear history; analysing a run again updates its record without counting twice;
// documents a person broke are kept aside byte for byte and reported; a newer document is left
// alone; an older one is upgraded; an edited audit trail is not appended to.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { CI_WORKFLOW } from './fixtures.ts'
import { REPO, git, runAction, startSim, stateDocuments, type ActionResult } from './harness.ts'
import { verifyTrail } from '../../src/state/audit.ts'

const STATE = 'ci-monitor-state'
const STEPS = [
  { name: 'Set up job', conclusion: 'success' as const },
  { name: 'Run npm test', conclusion: 'failure' as const },
  { name: 'Complete job', conclusion: 'success' as const }
]

/** A jest failure as the runner logs it; the test name makes the fingerprint. */
function failingLog(test: string): string {
  return [
    '##[group]Run npm test',
    'npm test',
    '##[endgroup]',
    '> jest --ci',
    'FAIL src/sum.test.js',
    `  ● sum › ${test}`,
    '    Expected: 4',
    '    Received: 5',
    'Tests: 1 failed, 2 passed, 3 total',
    '##[error]Process completed with exit code 1.',
    ''
  ].join('\n')
}

async function failedRun(sim: GitHubSim, test: string): Promise<number> {
  return (await sim.addRun(REPO, { jobs: [{ name: 'Test', steps: STEPS, log: failingLog(test) }] })).id
}

async function analyse(sim: GitHubSim, runId: number): Promise<ActionResult> {
  return runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, runId) })
}

function reanalyse(sim: GitHubSim, runId: number): Promise<ActionResult> {
  return runAction(sim, { eventName: 'workflow_dispatch', payload: { inputs: { 'run-id': String(runId) } }, inputs: { 'run-id': String(runId) } })
}

/** The git blob id of a file on the state branch: equal ids, equal bytes. */
const blobId = (sim: GitHubSim, path: string): Promise<string> => git(sim, 'rev-parse', `${STATE}:${path}`)
/** One JSON document on the state branch (quarantined files need not be JSON). */
const readDoc = async (sim: GitHubSim, path: string): Promise<Record<string, any>> => JSON.parse(await git(sim, 'show', `${STATE}:${path}`)) as Record<string, any>
const stateFiles = async (sim: GitHubSim): Promise<string[]> => (await git(sim, 'ls-tree', '-r', '--name-only', STATE)).split('\n')

/** A person's commit on the state branch (as through the web editor or a push). */
function handEdit(sim: GitHubSim, files: Record<string, string>): Promise<string> {
  return sim.commit(REPO, { branch: STATE, files, author: 'maya', message: 'Fix the state by hand' })
}

async function auditTrail(sim: GitHubSim): Promise<{ entries: Record<string, any>[]; verdict: ReturnType<typeof verifyTrail> }> {
  const months = (await stateFiles(sim)).filter((p) => /^audit\/\d{4}-\d{2}\.jsonl$/.test(p))
  // `git show` output loses the final newline; the blob itself is read back whole.
  const files = await Promise.all(months.map(async (path) => ({ path, text: `${await git(sim, 'show', `${STATE}:${path}`)}\n` })))
  const entries = files.flatMap((file) => file.text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>))
  return { entries, verdict: verifyTrail(files, await git(sim, 'show', `${STATE}:audit/HEAD.json`)) }
}

describe('twenty runs finishing at the same moment', () => {
  let sim: GitHubSim
  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
  })
  afterAll(async () => sim?.close())

  it('all land: every record, every occurrence counted, each audit entry once, on a linear history', async () => {
    const runIds: number[] = []
    for (let i = 0; i < 20; i++) runIds.push(await failedRun(sim, 'adds two numbers'))
    const payloads = await Promise.all(runIds.map((id) => sim.workflowRunEvent(REPO, id)))
    // No state branch yet: the racers also race to create it as an orphan. About 70 s on two
    // cores: the writes queue up behind each other at roughly one commit every 2.5-3 s.
    const results = await Promise.all(payloads.map((payload) => runAction(sim, { eventName: 'workflow_run', payload })))

    for (const result of results) {
      expect(result.code).toBe(0)
      expect(result.stdout).not.toMatch(/State branch write failed/)
      expect(result.summary).not.toMatch(/Run record \(not saved\)/)
    }
    const documents = await stateDocuments(sim)
    expect(Object.keys(documents).filter((p) => p.startsWith('runs/')).sort()).toEqual(runIds.map((id) => `runs/${id}/attempt-1.json`).sort())
    const fingerprint = results[0]!.outputs.fingerprint!
    expect(new Set(results.map((r) => r.outputs.fingerprint))).toEqual(new Set([fingerprint]))
    const doc = documents[`fingerprints/${fingerprint}.json`] as Record<string, any>
    expect(doc.count).toBe(20)
    expect((doc.occurrences as { run_id: number }[]).map((o) => o.run_id).sort()).toEqual([...runIds].sort())

    const { entries, verdict } = await auditTrail(sim)
    expect(verdict).toMatchObject({ ok: true, entries: 60 })
    for (const id of runIds) expect(entries.filter((e) => e.run_id === id).map((e) => e.kind)).toEqual(['analysis', 'gate-verdict', 'slack-message'])

    // One commit per run, each on the one before (nothing forced, nothing lost in between), from one orphan root.
    const chain = (await git(sim, 'rev-list', '--parents', STATE)).split('\n').map((line) => line.split(' '))
    expect(chain).toHaveLength(20)
    expect(chain.filter((shas) => shas.length === 1)).toHaveLength(1) // the root
    expect(chain.every((shas) => shas.length <= 2)).toBe(true)
    for (const [index, shas] of chain.slice(0, -1).entries()) expect(shas[1]).toBe(chain[index + 1]![0])
    const added = await Promise.all(chain.map(async ([sha]) => (await git(sim, 'diff-tree', '--root', '--no-commit-id', '--name-only', '--diff-filter=A', '-r', sha!)).split('\n').filter((p) => p.startsWith('runs/'))))
    expect(added.map((paths) => paths.length)).toEqual(Array(20).fill(1))
    expect(sim.violations).toEqual([])
  }, 240_000)
})

describe('one run analysed again, and the documents it meets on the branch', () => {
  let sim: GitHubSim
  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
  })
  afterAll(async () => sim?.close())

  it('a re-delivered event and a workflow_dispatch re-analysis update the record, counting the run once', async () => {
    const runId = await failedRun(sim, 'is idempotent')
    const first = await analyse(sim, runId)
    const before = await readDoc(sim, `runs/${runId}/attempt-1.json`)
    const again = await analyse(sim, runId) // the same event delivered twice
    const dispatched = await reanalyse(sim, runId)
    for (const result of [first, again, dispatched]) expect(result.code).toBe(0)

    expect((await stateFiles(sim)).filter((p) => p.includes(`runs/${runId}/`))).toEqual([`runs/${runId}/attempt-1.json`])
    const record = await readDoc(sim, `runs/${runId}/attempt-1.json`)
    expect(record.trigger).toBe('workflow_dispatch')
    expect(record.analysed_at > before.analysed_at).toBe(true)
    // Its own earlier analysis is not history of the failure.
    expect(record.jobs[0].history).toEqual({ seen_before: 0, flaky_passes: 0 })
    expect(dispatched.summary).toContain('First time seen\\.')
    const doc = await readDoc(sim, `fingerprints/${first.outputs.fingerprint}.json`)
    expect(doc.count).toBe(1)
    expect(doc.occurrences).toHaveLength(1)

    const { entries, verdict } = await auditTrail(sim)
    expect(verdict.ok).toBe(true)
    expect(entries.filter((e) => e.run_id === runId).map((e) => e.kind)).toEqual(['analysis', 'gate-verdict', 'slack-message'])
    expect(sim.violations).toEqual([])
  }, 120_000)

  it('a fingerprint document a person broke is moved to quarantine/ as it was, reported, and started afresh', async () => {
    const first = await analyse(sim, await failedRun(sim, 'meets a broken document'))
    const path = `fingerprints/${first.outputs.fingerprint}.json`
    // Not JSON any more: a merge conflict left in, with the editor's BOM and line endings.
    const broken = `\uFEFF<<<<<<< HEAD\r\n${await git(sim, 'show', `${STATE}:${path}`)}\r\n=======\r\n>>>>>>> theirs\r\n`
    await handEdit(sim, { [path]: broken })
    const brokenBlob = await blobId(sim, path)

    const next = await analyse(sim, await failedRun(sim, 'meets a broken document'))
    expect(next.code).toBe(0)
    const aside = (await stateFiles(sim)).filter((p) => p.startsWith(`quarantine/${path.replace(/\.json$/, '')}.`))
    expect(aside).toHaveLength(1)
    expect(await blobId(sim, aside[0]!)).toBe(brokenBlob)
    const message = `${path}: not valid JSON; moved to ${aside[0]} as it was, and written afresh.`
    expect(next.stdout).toContain(`::warning::${message}`)
    expect(next.summary).toContain('Problems during this run')
    expect(next.summary).toMatch(/not valid JSON; moved to quarantine\/fingerprints\//)
    expect(await readDoc(sim, path)).toMatchObject({ kind: 'fingerprint', count: 1 })

    // Valid JSON with a field a person got wrong: kept aside too, next to the first one.
    const edited = (await git(sim, 'show', `${STATE}:${path}`)).replace(/"count": 1/, '"count": "one"')
    await handEdit(sim, { [path]: edited })
    const editedBlob = await blobId(sim, path)
    const third = await analyse(sim, await failedRun(sim, 'meets a broken document'))
    expect(third.stdout).toMatch(new RegExp(`::warning::${path}: does not match the schema \\(count: .*\\); moved to quarantine/`))
    const kept = (await stateFiles(sim)).filter((p) => p.startsWith(`quarantine/${path.replace(/\.json$/, '')}.`))
    expect(kept).toHaveLength(2)
    expect(await Promise.all(kept.map((p) => blobId(sim, p)))).toEqual(expect.arrayContaining([brokenBlob, editedBlob]))
    expect(sim.violations).toEqual([])
  }, 120_000)

  it("a hand-edited record of the run is kept aside when the run is analysed again, and the occurrence is not counted twice", async () => {
    const runId = await failedRun(sim, 'has its record edited')
    const first = await analyse(sim, runId)
    const path = `runs/${runId}/attempt-1.json`
    // A person annotated the record: still valid, but not as ci-monitor writes it.
    const original = JSON.parse(await git(sim, 'show', `${STATE}:${path}`)) as Record<string, any>
    await handEdit(sim, { [path]: JSON.stringify({ ...original, errors: ['Not flaky: see INC-42'] }, null, 4) })
    const editedBlob = await blobId(sim, path)

    const again = await reanalyse(sim, runId)
    expect(again.code).toBe(0)
    const aside = (await stateFiles(sim)).filter((p) => p.startsWith(`quarantine/runs/${runId}/`))
    expect(aside).toHaveLength(1)
    expect(await blobId(sim, aside[0]!)).toBe(editedBlob)
    expect(again.stdout).toContain(`::warning::${path}: was edited by hand (it is not laid out as ci-monitor writes it); moved to ${aside[0]} as it was, and written afresh.`)
    expect(await readDoc(sim, path)).toMatchObject({ kind: 'run-analysis', trigger: 'workflow_dispatch', errors: [] })
    expect(await readDoc(sim, `fingerprints/${first.outputs.fingerprint}.json`)).toMatchObject({ count: 1 })
  }, 120_000)

  it('a fingerprint document of a newer schema is left as it is, with a message naming the file and the version', async () => {
    const first = await analyse(sim, await failedRun(sim, 'meets the future'))
    const path = `fingerprints/${first.outputs.fingerprint}.json`
    const future = { ...(JSON.parse(await git(sim, 'show', `${STATE}:${path}`)) as object), schema_version: 99, sightings: { total: 1 } }
    await handEdit(sim, { [path]: `${JSON.stringify(future, null, 2)}\n` })
    const futureBlob = await blobId(sim, path)

    const runId = await failedRun(sim, 'meets the future')
    const next = await analyse(sim, runId)
    expect(next.code).toBe(0)
    expect(await blobId(sim, path)).toBe(futureBlob)
    const message = `${path}: written by a newer ci-monitor (schema_version 99 > 1); upgrade the action. Left unchanged.`
    expect(next.stdout).toContain(`::warning::${message}`)
    expect(next.summary).toContain('schema\\_version 99')
    // The run itself is still recorded.
    expect(await readDoc(sim, `runs/${runId}/attempt-1.json`)).toMatchObject({ kind: 'run-analysis' })
    expect((await stateFiles(sim)).filter((p) => p.startsWith(`quarantine/${path.replace(/\.json$/, '')}`))).toEqual([])
  }, 120_000)

  it("a newer ci-monitor's record of the run is left as it is, and this run's record goes in the job summary", async () => {
    const runId = await failedRun(sim, 'is recorded by the future')
    await analyse(sim, runId)
    const path = `runs/${runId}/attempt-1.json`
    await handEdit(sim, { [path]: `${JSON.stringify({ ...(await readDoc(sim, path)), schema_version: 99 }, null, 2)}\n` })
    const futureBlob = await blobId(sim, path)

    const again = await reanalyse(sim, runId)
    expect(again.code).toBe(0)
    expect(await blobId(sim, path)).toBe(futureBlob)
    expect(again.stdout).toContain(`::warning::${path}: written by a newer ci-monitor (schema_version 99 > 1); upgrade the action. Left unchanged; this run's record is in the job summary instead.`)
    expect(again.summary).toContain('<summary>Run record (not saved)</summary>')
    expect(again.summary).toContain('"trigger": "workflow_dispatch"')
  }, 120_000)

  it('a write GitHub refuses is reported, and the record is kept in the job summary', async () => {
    const runId = await failedRun(sim, 'cannot be written')
    sim.failNext('git/create-tree', { status: 403, message: 'Resource not accessible by integration' })
    const result = await analyse(sim, runId)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('::warning::State branch write failed: Resource not accessible by integration')
    expect(result.summary).toContain('<summary>Run record (not saved)</summary>')
    expect(result.summary).toContain(`"id": ${runId}`)
    expect((await stateFiles(sim)).filter((p) => p.startsWith(`runs/${runId}/`))).toEqual([])
  }, 120_000)

  it('a fingerprint document from before schema_version existed is read, and upgraded on the next write', async () => {
    const first = await analyse(sim, await failedRun(sim, 'meets the past'))
    const fingerprint = first.outputs.fingerprint!
    const path = `fingerprints/${fingerprint}.json`
    // Version 0: no schema_version, no kind, none of the fields added since.
    const old = {
      fingerprint,
      owner: 'DEVELOPER',
      category: 'test_failure',
      first_seen: '2026-01-05T08:00:00.000Z',
      last_seen: '2026-01-06T08:00:00.000Z',
      count: 7,
      occurrences: [{ run_id: 17, attempt: 1, job: 'Test', head_sha: 'a'.repeat(40), branch: 'main', at: '2026-01-06T08:00:00.000Z' }]
    }
    await handEdit(sim, { [path]: `${JSON.stringify(old, null, 2)}\n` })

    const runId = await failedRun(sim, 'meets the past')
    const next = await analyse(sim, runId)
    expect(next.code).toBe(0)
    expect(next.stdout).toContain(`${path} upgraded from schema_version 0 to 1.`)
    expect(next.stdout).not.toMatch(/::warning::fingerprints\//)
    // Its history was used...
    expect(next.summary).toContain('Seen 7 times before since 2026\\-01\\-05')
    // ...and it is written back in the current layout, with nothing it held lost.
    const doc = await readDoc(sim, path)
    expect(doc).toMatchObject({ schema_version: 1, kind: 'fingerprint', count: 8, first_seen: old.first_seen, flaky: [], pulls: [], llm_memo: null, reruns: [], incident: null })
    expect(doc.occurrences.map((o: { run_id: number }) => o.run_id)).toEqual([17, runId])
    expect(sim.violations).toEqual([])
  }, 120_000)
})

describe('an audit trail changed by hand', () => {
  let sim: GitHubSim
  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
  })
  afterAll(async () => sim?.close())

  it('is not appended to: the evidence stays as it is, the run is still recorded, the problem is reported', async () => {
    await analyse(sim, await failedRun(sim, 'is audited'))
    const month = (await stateFiles(sim)).find((p) => p.endsWith('.jsonl'))!
    const text = await git(sim, 'show', `${STATE}:${month}`)
    await handEdit(sim, { [month]: `${text.replace('"outcome":"DEVELOPER/test_failure"', '"outcome":"DEVOPS/network"')}\n` })
    const editedBlob = await blobId(sim, month)

    const runId = await failedRun(sim, 'is audited')
    const next = await analyse(sim, runId)
    expect(next.code).toBe(0)
    expect(await blobId(sim, month)).toBe(editedBlob)
    expect(next.stdout).toContain(`::warning::${month} line 1: the hash does not match the entry: it was changed after it was written: audit entries not appended.`)
    expect(next.summary).toContain('audit entries not appended')
    expect(await readDoc(sim, `runs/${runId}/attempt-1.json`)).toMatchObject({ kind: 'run-analysis' })
    expect((await auditTrail(sim)).verdict).toMatchObject({ ok: false, failure: { path: month, line: 1 } })
  }, 120_000)
})
