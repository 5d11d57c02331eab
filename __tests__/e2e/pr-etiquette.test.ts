// Fix pull requests with etiquette, on the simulator's real git repository: drafts, one pull request
// per failure, no second effect from a re-delivered event, a person's commits are never moved (a
// comment instead), a fix closed without merging is not proposed again until it changes, and at
// most five open fix pull requests per repository.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { CI_WORKFLOW } from './fixtures.ts'
import { APP_TOKEN, REPO, branchExists, git, runRecords, stateDocuments, type ActionResult } from './harness.ts'
import { analyse, commentsOn, fixBranch, head, octokitFor, plain, startFlowSim, timeoutFailure } from './fix-flow.ts'

const TIMEOUT_25 = CI_WORKFLOW.replace('timeout-minutes: 20', 'timeout-minutes: 25')

/** Lines removed and added between two commits in the workflow file. */
async function changedLines(sim: GitHubSim, from: string, to: string): Promise<string[]> {
  const diff = await git(sim, 'diff', '--unified=0', from, to, '--', '.github/workflows/ci.yml')
  return diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line))
}

describe('a fix pull request, then the same failure again', () => {
  let sim: GitHubSim
  let first: ActionResult
  let payload: Record<string, unknown>
  let branch: string

  beforeAll(async () => {
    sim = await startFlowSim()
    ;({ payload } = await timeoutFailure(sim))
    first = await analyse(sim, payload)
    branch = fixBranch(first.outputs.fingerprint!)
  })

  afterAll(async () => sim?.close())

  it('opens it as a draft from the base head, labelled, with the change it proposes marked', async () => {
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ decision: 'open-pr', 'pr-url': `https://github.com/${REPO}/pull/1` })
    const [pull] = sim.pulls(REPO)
    expect(pull).toMatchObject({ number: 1, head: branch, base: 'main', state: 'open', draft: true, user: 'ci-monitor[bot]' })
    expect(pull!.labels).toEqual(['ci-monitor', 'job_timeout'])
    expect(pull!.body).toMatch(/<!-- ci-monitor:change [0-9a-f]{16} -->/)
    expect(await git(sim, 'rev-parse', `${branch}~1`)).toBe(await git(sim, 'rev-parse', 'main'))
    expect(await changedLines(sim, 'main', branch)).toEqual(['-    timeout-minutes: 20 # keep CI fast', '+    timeout-minutes: 30 # keep CI fast'])
    expect(plain(first.summary)).toMatch(/Opened draft fix pull request #1; it is marked ready for review when its own CI passes/)
  })

  it('does nothing twice when the same event comes again', async () => {
    const before = { head: await head(sim, branch), body: sim.pulls(REPO)[0]!.body, requests: sim.requests.length }
    const again = await analyse(sim, payload)
    expect(again.outputs['pr-url']).toBe(first.outputs['pr-url'])
    expect(sim.pulls(REPO)).toHaveLength(1)
    expect(await head(sim, branch)).toBe(before.head)
    expect(sim.pulls(REPO)[0]!.body).toBe(before.body)
    expect(commentsOn(sim, 1)).toEqual([])
    // No write to the branch or the pull request's commits: only the body refresh (same text).
    const writes = sim.requests.slice(before.requests).filter((r) => /^git\/(create|update)-(blob|tree|commit|ref)$/.test(r.operationId ?? '') && r.login === 'ci-monitor[bot]')
    expect(writes).toEqual([])
    expect((await runRecords(sim)).filter((record) => record.kind === 'run-analysis')).toHaveLength(1)
  })

  it('leaves a branch a person committed to as it is, and comments the update once instead', async () => {
    const human = await sim.commit(REPO, { branch, files: { '.github/workflows/ci.yml': TIMEOUT_25 }, author: 'dev-one', message: 'Try 25 minutes instead' })
    const later = await timeoutFailure(sim)
    const result = await analyse(sim, later.payload)
    expect(result.code).toBe(0)
    expect(await head(sim, branch)).toBe(human)
    expect(sim.pulls(REPO)).toHaveLength(1)
    const comments = commentsOn(sim, 1)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.user).toBe('ci-monitor[bot]')
    expect(comments[0]!.body).toMatch(/the branch carries commits by `dev-one`, so ci-monitor leaves it as it is and never force-pushes/)
    expect(comments[0]!.body).toMatch(/```+diff\n[\s\S]*\+ {4}timeout-minutes: 30 # keep CI fast/)
    expect(plain(result.summary)).toMatch(/Did not update pull request #1: its branch carries commits by others/)

    const third = await timeoutFailure(sim)
    await analyse(sim, third.payload)
    expect(await head(sim, branch)).toBe(human)
    expect(commentsOn(sim, 1)).toHaveLength(1)
    expect(sim.violations).toEqual([])
  })
})

describe('a fix pull request closed without merging', () => {
  let sim: GitHubSim
  let branch: string
  let closedHead: string

  beforeAll(async () => {
    sim = await startFlowSim()
    const first = await analyse(sim, (await timeoutFailure(sim)).payload)
    branch = fixBranch(first.outputs.fingerprint!)
    closedHead = await head(sim, branch)
    sim.closePull(REPO, 1, { merged: false })
  })

  afterAll(async () => sim?.close())

  it('is not proposed again while the fix is the same', async () => {
    const result = await analyse(sim, (await timeoutFailure(sim)).payload)
    expect(result.code).toBe(0)
    expect(sim.pulls(REPO)).toHaveLength(1)
    expect(await head(sim, branch)).toBe(closedHead)
    expect(result.outputs['pr-url']).toBe('')
    expect(plain(result.summary)).toMatch(/Not proposed again: pull request #1 with the same change was closed without merging/)
    const record = (await runRecords(sim)).at(-1)!
    expect(record.effects).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'pull-request', outcome: 'skipped' })]))
  })

  it('is proposed again once the fix changes, merging the moved base so the new pull request shows only the fix', async () => {
    const mainHead = await sim.commit(REPO, { branch: 'main', files: { '.github/workflows/ci.yml': TIMEOUT_25 }, message: 'Allow 25 minutes' })
    const result = await analyse(sim, (await timeoutFailure(sim, 25)).payload)
    expect(result.outputs['pr-url']).toBe(`https://github.com/${REPO}/pull/2`)
    expect(sim.pulls(REPO)[1]).toMatchObject({ number: 2, head: branch, state: 'open', draft: true })
    // A fast-forward of ci-monitor's own branch: the old head and the new base are both parents.
    expect((await git(sim, 'rev-list', '--parents', '-n', '1', branch)).split(' ').slice(1)).toEqual([closedHead, mainHead])
    expect(await git(sim, 'merge-base', 'main', branch)).toBe(mainHead)
    expect(await changedLines(sim, 'main', branch)).toEqual(['-    timeout-minutes: 25 # keep CI fast', '+    timeout-minutes: 38 # keep CI fast'])
    expect(sim.violations).toEqual([])
  })
})

describe('the cap on open fix pull requests', () => {
  let sim: GitHubSim
  let result: ActionResult

  beforeAll(async () => {
    sim = await startFlowSim()
    const gh = octokitFor(sim, APP_TOKEN)
    for (let i = 1; i <= 5; i++) {
      const fingerprint = `${i}`.repeat(16)
      await sim.commit(REPO, { branch: fixBranch(fingerprint), files: { [`docs/fix-${i}.md`]: `fix ${i}\n` } })
      await gh.rest.pulls.create({ owner: 'acme', repo: 'widgets', head: fixBranch(fingerprint), base: 'main', title: `ci-monitor: fix ${i}`, body: `<!-- ci-monitor:fix ${fingerprint} -->`, draft: true })
    }
    result = await analyse(sim, (await timeoutFailure(sim)).payload)
  })

  afterAll(async () => sim?.close())

  it('delivers the sixth fix as a patch and says why', async () => {
    expect(result.code).toBe(0)
    expect(sim.pulls(REPO)).toHaveLength(5)
    expect(await branchExists(sim, fixBranch(result.outputs.fingerprint!))).toBe(false)
    expect(plain(result.summary)).toMatch(/5 ci-monitor pull requests are already open, the most it keeps open at once/)
    expect(result.summary).toMatch(/```+diff\n[\s\S]*\+ {4}timeout-minutes: 30/)
    const record = (await stateDocuments(sim))[Object.keys(await stateDocuments(sim)).find((p) => p.startsWith('runs/'))!] as Record<string, any>
    expect(record.effects).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'pull-request', outcome: 'skipped' }), expect.objectContaining({ kind: 'patch', outcome: 'done' })])
    )
    expect(sim.violations).toEqual([])
  })
})
