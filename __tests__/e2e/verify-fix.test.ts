// A fix pull request is verified by its own CI: the workflow_run of the fix branch reaches
// ci-monitor, which checks the branch is really its own (same repository, open pull request with
// its marker, the pull request's head), then marks it ready for review when the job that failed
// passes, or says it failed again and keeps it a draft. A fork's branch of the same name changes
// nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { CI_WORKFLOW } from './fixtures.ts'
import { APP_TOKEN, REPO, stateDocuments, type ActionResult } from './harness.ts'
import { analyse, commentsOn, fixBranch, fixBranchRun, head, startFlowSim, timeoutFailure } from './fix-flow.ts'

describe('verifying a fix pull request', () => {
  let sim: GitHubSim
  let slack: SlackSim
  let branch: string
  let pullHead: string
  const inputs = (): Record<string, string> => ({ 'fix-token': APP_TOKEN, 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url })
  const verify = (payload: unknown): Promise<ActionResult> => analyse(sim, payload, inputs())

  beforeAll(async () => {
    sim = await startFlowSim()
    slack = await startSlackSim()
    const first = await verify((await timeoutFailure(sim)).payload)
    branch = fixBranch(first.outputs.fingerprint!)
    pullHead = await head(sim, branch)
    slack.messages.length = 0
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('verifies nothing for a fork\'s run, even on a branch of the same name at the same commit', async () => {
    const fork = await fixBranchRun(sim, branch, 'success', { headSha: pullHead, headRepository: 'mallory/widgets' })
    const result = await verify(fork.payload)
    expect(result.code).toBe(0)
    expect(result.outputs.decision).toBe('not-ours')
    expect(result.stdout).toMatch(/comes from a fork, whatever its branch is called: nothing is verified/)
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true })
    expect(commentsOn(sim, 1)).toEqual([])
    expect(slack.messages).toEqual([])
    expect(Object.keys(await stateDocuments(sim)).filter((p) => p.startsWith('verifications/'))).toEqual([])
  })

  it('says once when the fix failed again, and keeps the pull request a draft', async () => {
    const failing = await fixBranchRun(sim, branch, 'failure')
    const result = await verify(failing.payload)
    expect(result.outputs.decision).toBe('failed-again')
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true })
    const [note] = commentsOn(sim, 1)
    expect(note).toMatchObject({ user: 'ci-monitor[bot]' })
    expect(note!.body).toMatch(new RegExp(`run #\\d+\\]\\(https://github.com/${REPO}/actions/runs/${failing.id}\\) failed again with this change: \`Build\` still failed\\. The pull request stays a draft\\.`))

    await verify(failing.payload)
    expect(commentsOn(sim, 1)).toHaveLength(1)
    expect(slack.messages).toEqual([])
    const record = (await stateDocuments(sim))[`verifications/${failing.id}/attempt-1.json`] as Record<string, any>
    expect(record).toMatchObject({ kind: 'fix-verification', outcome: 'failed-again', pull: { number: 1 }, jobs: [{ name: 'Build', conclusion: 'failure' }] })
  })

  it('verifies nothing for a run of an older commit of the branch', async () => {
    const stale = await fixBranchRun(sim, branch, 'success', { headSha: await head(sim, 'main') })
    const result = await verify(stale.payload)
    expect(result.outputs.decision).toBe('stale')
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true })
    expect(commentsOn(sim, 1)).toHaveLength(1)
  })

  it('marks the pull request ready for review when the job that failed passes, comments, and tells Slack', async () => {
    const passing = await fixBranchRun(sim, branch, 'success')
    const result = await verify(passing.payload)
    expect(result.outputs).toMatchObject({ decision: 'verified', 'pr-url': `https://github.com/${REPO}/pull/1` })
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: false, state: 'open' })
    expect(sim.requests).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: 'graphql:markPullRequestReadyForReview', status: 200, login: 'ci-monitor[bot]' })]))
    const verified = commentsOn(sim, 1).at(-1)!
    expect(verified.body).toMatch(new RegExp(`^Verified by \\[run #\\d+\\]\\(https://github.com/${REPO}/actions/runs/${passing.id}\\): \`Build\` passed with this change\\. Marked ready for review\\.`))
    expect(slack.messages).toHaveLength(1)
    expect(slack.messages[0]!.text).toMatch(/^Fix verified in acme\/widgets: pull request #1 passed Build/)

    // Delivered again: nothing new on the pull request, in Slack or on the state branch.
    await verify(passing.payload)
    expect(commentsOn(sim, 1)).toHaveLength(2)
    expect(slack.messages).toHaveLength(1)
    const record = (await stateDocuments(sim))[`verifications/${passing.id}/attempt-1.json`] as Record<string, any>
    expect(record).toMatchObject({ outcome: 'verified', effects: expect.arrayContaining([expect.objectContaining({ kind: 'ready-for-review', outcome: 'done' })]) })
    expect(sim.violations).toEqual([])
  })

  it('turns the pull request back into a draft when a changed fix is pushed to it', async () => {
    await sim.commit(REPO, { branch: 'main', files: { '.github/workflows/ci.yml': CI_WORKFLOW.replace('timeout-minutes: 20', 'timeout-minutes: 25') } })
    const result = await verify((await timeoutFailure(sim, 25)).payload)
    expect(result.outputs['pr-url']).toBe(`https://github.com/${REPO}/pull/1`)
    expect(await head(sim, branch)).not.toBe(pullHead)
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true, state: 'open' })
    expect(sim.requests).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: 'graphql:convertPullRequestToDraft', status: 200 })]))
  })
})
