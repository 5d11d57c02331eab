// Compaction end to end: a state branch with a recent failure analysed by the action and records of
// runs from six and seven months ago (copies of the action's own record, moved in time, plus a
// re-run that passed, a recovery and a verification), then the scheduled sweep of the bundled
// action folds the old months into archive/YYYY-MM.jsonl in the same commit as the dashboard. The
// figures, read with the bundled `ci-monitor report` from clones before and after, are the same;
// the audit trail still verifies; what cannot be folded stays; a second sweep writes nothing.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { BUILD_STEPS } from './fixtures.ts'
import { REPO, ROOT, git, type ActionResult } from './harness.ts'
import { analyse, head, plain, startFlowSim, sweep } from './fix-flow.ts'

const execFileAsync = promisify(execFile)
const CLI = path.join(ROOT, 'dist', 'cli.js')
const STATE = 'ci-monitor-state'
const DAY = 86_400_000

/** A test failure jest prints: DEVELOPER, notified (no pull request, so the sweep has nothing to look up for it). */
const TEST_FAILURE_LOG = ['##[group]Run npm test', 'npm test', '##[endgroup]', 'FAIL src/cart.test.js', '  ● cart › totals the items', '    Expected: 3', '    Received: 4', 'Tests:       1 failed, 12 passed, 13 total', '##[error]Process completed with exit code 1.']
  .map((line, i) => `2026-11-20T10:00:${String(i).padStart(2, '0')}.1234567Z ${line}`)
  .join('\n')

/** How ci-monitor lays out every document (the state README says so). */
const layout = (doc: unknown) => JSON.stringify(doc, null, 2) + '\n'

/** Noon on `day` of the month `monthsAgo` months before this one (UTC). */
function monthsAgo(months: number, day: number): string {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 12)).toISOString()
}

describe('compaction of old months by the scheduled sweep', () => {
  let sim: GitHubSim
  const dirs: string[] = []
  const A = monthsAgo(7, 10)
  const A2 = monthsAgo(7, 22)
  const B = monthsAgo(6, 3)
  const monthA = A.slice(0, 7)
  const monthB = B.slice(0, 7)
  /** The prepared files, by path. */
  const prepared: Record<string, string> = {}
  let before: string
  let dryRun: ActionResult
  let swept: ActionResult
  let after: string

  /** The tree of a commit of the state branch, as a clone would hold it. */
  async function checkout(commit: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'ci-monitor-compaction-'))
    dirs.push(dir)
    await git(sim, 'archive', '--format=tar', '-o', path.join(dir, '.tree.tar'), commit)
    await execFileAsync('tar', ['-xf', path.join(dir, '.tree.tar'), '-C', dir])
    await rm(path.join(dir, '.tree.tar'))
    return dir
  }

  async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
    try {
      const { stdout } = await execFileAsync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '' } })
      return { code: 0, stdout }
    } catch (error) {
      const failed = error as { code?: number; stdout?: string }
      return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '' }
    }
  }

  async function report(dir: string, asOf: string, window: number): Promise<{ metrics: Record<string, any>; sources: unknown }> {
    const result = await cli('report', '--state', dir, '--format', 'json', '--window', String(window), '--as-of', asOf)
    expect(result.code).toBe(0)
    return JSON.parse(result.stdout) as { metrics: Record<string, any>; sources: unknown }
  }

  beforeAll(async () => {
    sim = await startFlowSim()
    await sim.commit(REPO, { branch: 'main', files: { 'cart.js': 'export {}\n' } })
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: TEST_FAILURE_LOG }] })
    const analysed = await analyse(sim, await sim.workflowRunEvent(REPO, run.id), {})
    expect(analysed.code).toBe(0)

    // Earlier runs, as the action would have recorded them months ago.
    const own = JSON.parse(await git(sim, 'show', `${STATE}:runs/${run.id}/attempt-1.json`)) as Record<string, any>
    const moved = (id: number, at: string, attempt = 1) => ({
      ...own,
      run: { ...own.run, id, attempt },
      analysed_at: at,
      effects: own.effects.map((effect: Record<string, unknown>) => ({ ...effect, at }))
    })
    const fingerprint = own.jobs[0].fingerprint as string
    const hours = (at: string, n: number) => new Date(Date.parse(at) + n * 3_600_000).toISOString()
    Object.assign(prepared, {
      'runs/101/attempt-1.json': layout(moved(101, A)),
      'runs/102/attempt-1.json': layout(moved(102, A2)),
      'runs/102/attempt-2.json': layout({
        schema_version: 1,
        kind: 'run-recovery',
        repository: REPO,
        run: { id: 102, attempt: 2, head_sha: own.run.head_sha, url: '' },
        recorded_at: hours(A2, 1),
        failed_attempts: [1],
        flaky_fingerprints: [fingerprint]
      }),
      'recoveries/101.json': layout({
        schema_version: 1,
        kind: 'recovery',
        repository: REPO,
        run_id: 101,
        workflow_path: own.run.workflow_path,
        branch: 'main',
        failed_at: A,
        recovered_at: hours(A, 2),
        recovered_by_run_id: 103
      }),
      'runs/103/attempt-1.json': layout(moved(103, B)),
      'verifications/104/attempt-1.json': layout({
        schema_version: 1,
        kind: 'fix-verification',
        repository: REPO,
        run: { id: 104, attempt: 1, number: 4, url: '', head_sha: own.run.head_sha, conclusion: 'success', workflow_path: own.run.workflow_path },
        pull: { number: 9, url: '' },
        fingerprint,
        jobs: [{ name: 'Build', conclusion: 'success' }],
        outcome: 'verified',
        reason: null,
        recorded_at: B,
        effects: []
      }),
      // Left where they are: broken, edited by hand, and from a month that is not old enough.
      'runs/105/attempt-1.json': '{"schema_version": 1, "kind": "run-analysis"',
      'runs/106/attempt-1.json': JSON.stringify(moved(106, A)),
      'runs/107/attempt-1.json': layout(moved(107, new Date(Date.now() - 100 * DAY).toISOString()))
    })
    await sim.commit(REPO, { branch: STATE, files: prepared, message: 'Earlier runs' })

    before = await head(sim, STATE)
    dryRun = await sweep(sim, { 'dry-run': 'true' })
    expect(await head(sim, STATE)).toBe(before)
    swept = await sweep(sim, {})
    after = await head(sim, STATE)
  }, 600_000)

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    await sim?.close()
  })

  it('a dry run says which months it would fold and writes nothing', () => {
    expect(dryRun.code).toBe(0)
    expect(dryRun.stdout).toContain(
      `::notice::Would write index.html, data.json to '${STATE}' (dry run). Would fold 4 file(s) of ${monthA} into archive/${monthA}.jsonl, 2 file(s) of ${monthB} into archive/${monthB}.jsonl on '${STATE}' (dry run).`
    )
  })

  it('folds the old months and writes the dashboard in one commit, and says so', async () => {
    expect(swept.code).toBe(0)
    const notice = `Wrote the dashboard (index.html, data.json) to '${STATE}'. Folded 4 file(s) of ${monthA} into archive/${monthA}.jsonl, 2 file(s) of ${monthB} into archive/${monthB}.jsonl on '${STATE}'.`
    expect(swept.stdout).toContain(`::notice::${notice}`)
    expect(plain(swept.summary)).toContain(`- ${notice}`)
    expect(swept.stdout).toContain(`::warning::runs/106/attempt-1.json (${monthA}) is not laid out as ci-monitor writes it (edited by hand?): left in place`)
    expect(await git(sim, 'rev-list', '--count', `${before}..${after}`)).toBe('1')
    const changed = (await git(sim, 'diff', '--name-status', before, after)).split('\n').map((line) => line.split('\t').join(' ')).sort()
    expect(changed).toEqual(
      [
        `A archive/${monthA}.jsonl`,
        `A archive/${monthB}.jsonl`,
        'A data.json',
        'A index.html',
        'D recoveries/101.json',
        'D runs/101/attempt-1.json',
        'D runs/102/attempt-1.json',
        'D runs/102/attempt-2.json',
        'D runs/103/attempt-1.json',
        'D verifications/104/attempt-1.json'
      ].sort()
    )
  })

  it('keeps every folded file in its month, one line each, from which it comes back byte for byte', async () => {
    const restored: Record<string, string> = {}
    for (const month of [monthA, monthB]) {
      const lines = (await git(sim, 'show', `${after}:archive/${month}.jsonl`)).split('\n')
      const paths = lines.map((line) => (JSON.parse(line) as { path: string }).path)
      expect(paths).toEqual([...paths].sort())
      for (const line of lines) {
        const { path: at, document } = JSON.parse(line) as { path: string; document: unknown }
        restored[at] = layout(document)
      }
    }
    const folded = ['recoveries/101.json', 'runs/101/attempt-1.json', 'runs/102/attempt-1.json', 'runs/102/attempt-2.json', 'runs/103/attempt-1.json', 'verifications/104/attempt-1.json']
    expect(Object.keys(restored).sort()).toEqual(folded)
    for (const file of folded) expect(restored[file]).toBe(prepared[file])
    // What was not folded is as it was.
    for (const file of ['runs/105/attempt-1.json', 'runs/106/attempt-1.json', 'runs/107/attempt-1.json']) {
      expect(await git(sim, 'show', `${after}:${file}`)).toBe(prepared[file]!.trimEnd())
    }
  })

  it('publishes the figures the state branch gave before compaction, and the report reads the same after', async () => {
    const [cloneBefore, cloneAfter] = await Promise.all([checkout(before), checkout(after)])
    const data = JSON.parse(await git(sim, 'show', `${after}:data.json`)) as { generated_at: string; windows: Record<string, any>[]; sources: unknown }
    for (const [index, days] of [7, 30, 90].entries()) {
      const expected = await report(cloneBefore, data.generated_at, days)
      expect(data.windows[index]).toEqual(expected.metrics)
      expect(data.sources).toEqual(expected.sources)
    }
    // As of days when the old runs were recent, too: the archive is read as the files were.
    for (const asOf of [new Date(Date.parse(A2) + 2 * DAY).toISOString(), new Date(Date.parse(B) + DAY).toISOString(), data.generated_at]) {
      for (const days of [7, 30, 90]) {
        const [was, is] = await Promise.all([report(cloneBefore, asOf, days), report(cloneAfter, asOf, days)])
        expect(is).toEqual(was)
      }
    }
    const old = await report(cloneAfter, new Date(Date.parse(A2) + 2 * DAY).toISOString(), 30)
    // R101 and R102 (R106 too: edited by hand, still read), and the re-run of R102 that passed.
    expect(old.metrics.failures.total).toBe(3)
    expect(old.metrics.flaky.total).toBe(1)
  }, 120_000)

  it('leaves the audit trail as it was, and it still verifies', async () => {
    expect((await git(sim, 'diff', '--name-only', before, after)).split('\n').filter((file) => file.startsWith('audit/'))).toEqual([])
    const verified = await cli('audit', 'verify', '--state', await checkout(after))
    expect(verified.code).toBe(0)
    expect(verified.stdout).toMatch(/Audit trail intact: \d+ entries in 1 file, chained from genesis/)
  })

  it('a second sweep has nothing to fold and writes nothing', async () => {
    const again = await sweep(sim, {})
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(`::notice::The figures on '${STATE}' are up to date: nothing to write.`)
    expect(await head(sim, STATE)).toBe(after)
    expect(sim.violations).toEqual([])
  }, 180_000)
})
