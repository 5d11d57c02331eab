// The approval workflow end to end: a fix on a protected repository becomes a request (a draft pull
// request with a fix token, an issue holding the patch without one), announced in the approvals
// channel; `/ci-monitor approve|reject` from someone with write access decides it, anyone else gets
// a reply and nothing changes; unanswered requests expire on the scheduled sweep. Every answer is
// recorded once on the state branch, however often its event is delivered.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { CI_WORKFLOW } from './fixtures.ts'
import { APP_TOKEN, REPO, runAction, stateDocuments } from './harness.ts'
import {
  analyse,
  answer,
  APPROVAL_CONFIG,
  comment,
  commentsOn,
  fixBranch,
  head,
  MAINTAINER,
  octokitFor,
  plain,
  startFlowSim,
  sweep,
  timeoutFailure,
  TRIAGER
} from './fix-flow.ts'

const APPROVALS_CHANNEL = { id: 'C0APPROV01', name: 'ci-approvals' }
const CHANNELS = [{ id: 'C0CIMON001', name: 'ci-alerts' }, APPROVALS_CHANNEL]

describe('an approval request as a draft pull request', () => {
  let sim: GitHubSim
  let slack: SlackSim
  let first: Awaited<ReturnType<typeof analyse>>
  const inputs = (): Record<string, string> => ({ 'fix-token': APP_TOKEN, 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url })

  beforeAll(async () => {
    sim = await startFlowSim({ '.github/ci-monitor.yml': APPROVAL_CONFIG })
    slack = await startSlackSim({ channels: CHANNELS })
    first = await analyse(sim, (await timeoutFailure(sim)).payload, inputs())
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('asks in a draft pull request labelled ci-monitor:approval, and tells the approvals channel', () => {
    expect(first.code).toBe(0)
    expect(first.outputs['pr-url']).toBe(`https://github.com/${REPO}/pull/1`)
    const [pull] = sim.pulls(REPO)
    expect(pull).toMatchObject({ number: 1, head: fixBranch(first.outputs.fingerprint!), draft: true, state: 'open' })
    expect(pull!.labels).toEqual(['ci-monitor', 'job_timeout', 'ci-monitor:approval'])
    expect(pull!.body).toMatch(/^### Approval needed/)
    expect(pull!.body).toContain('`/ci-monitor approve`: this pull request is marked ready for review')
    expect(pull!.body).toContain('is a protected repository, so a person must approve the fix before it is applied')
    expect(pull!.body).not.toContain('instead of a pull request')
    const asked = slack.messages.filter((m) => m.channel === APPROVALS_CHANNEL.id)
    expect(asked).toHaveLength(1)
    expect(asked[0]!.text).toMatch(/^Approval needed in acme\/widgets: draft pull request #1/)
  })

  it('refuses someone without write access with a reply, once, and changes nothing', async () => {
    const payload = await comment(sim, TRIAGER, 1, '/ci-monitor approve')
    const result = await answer(sim, payload, inputs())
    expect(result.code).toBe(0)
    expect(result.outputs.decision).toBe('refused')
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true, state: 'open', labels: ['ci-monitor', 'job_timeout', 'ci-monitor:approval'] })
    const replies = commentsOn(sim, 1).filter((c) => c.user === 'ci-monitor[bot]')
    expect(replies).toHaveLength(1)
    expect(replies[0]!.body).toMatch(/^`tess` cannot answer this request: only people with write, maintain or admin access/)

    await answer(sim, payload, inputs())
    expect(commentsOn(sim, 1).filter((c) => c.user === 'ci-monitor[bot]')).toHaveLength(1)
  })

  it('a maintainer\'s approval marks it ready for review and records the answer, once', async () => {
    const payload = await comment(sim, MAINTAINER, 1, '/ci-monitor approve looks right')
    const result = await answer(sim, payload, inputs())
    expect(result.outputs.decision).toBe('approved')
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: false, state: 'open', merged: false, labels: ['ci-monitor', 'job_timeout', 'ci-monitor:approved'] })
    const reply = commentsOn(sim, 1).at(-1)!
    expect(reply).toMatchObject({ user: 'ci-monitor[bot]' })
    expect(reply.body).toMatch(/^Approved by `maya`\. This pull request is now ready for review; ci-monitor never merges/)
    const record = (await stateDocuments(sim))['approvals/1.json'] as Record<string, any>
    expect(record).toMatchObject({ kind: 'approval', number: 1, form: 'pull-request', decision: { outcome: 'approved', actor: 'maya', source: 'comment' } })
    expect(record.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`)).toEqual(['refused:tess', 'approved:maya'])
    expect(slack.messages.filter((m) => m.channel === APPROVALS_CHANNEL.id).at(-1)!.text).toBe('Approval request #1 in acme/widgets was approved by maya.')

    const comments = commentsOn(sim, 1).length
    const messages = slack.messages.length
    await answer(sim, payload, inputs())
    expect(commentsOn(sim, 1)).toHaveLength(comments)
    expect(slack.messages).toHaveLength(messages)
    expect(((await stateDocuments(sim))['approvals/1.json'] as Record<string, any>).events).toHaveLength(2)
  })

  it('answers a later command on a decided request without changing it', async () => {
    const result = await answer(sim, await comment(sim, MAINTAINER, 1, '/ci-monitor reject'), inputs())
    expect(result.outputs.decision).toBe('already-decided')
    expect(sim.pulls(REPO)[0]).toMatchObject({ state: 'open', draft: false })
    expect(commentsOn(sim, 1).at(-1)!.body).toMatch(/^This request was already approved by `maya`; nothing was changed\./)
  })

  it('ignores a command on an issue that is not a ci-monitor request, with a notice only', async () => {
    const gh = octokitFor(sim, MAINTAINER)
    const { data: issue } = await gh.rest.issues.create({ owner: 'acme', repo: 'widgets', title: 'Please approve', body: 'ci-monitor:approval', labels: ['ci-monitor:approval'] })
    const result = await answer(sim, await comment(sim, MAINTAINER, issue.number, '/ci-monitor approve'), inputs())
    expect(result.outputs.decision).toBe('ignored')
    expect(result.stdout).toMatch(new RegExp(`::notice::#${issue.number} is not a ci-monitor approval request: the command is ignored\\.`))
    expect(commentsOn(sim, issue.number).map((c) => c.user)).toEqual(['maya'])
    expect(sim.issues(REPO).find((i) => i.number === issue.number)).toMatchObject({ state: 'open' })
    expect(sim.violations).toEqual([])
  })
})

describe('a rejected request, and the same failure later', () => {
  let sim: GitHubSim
  let branch: string

  beforeAll(async () => {
    sim = await startFlowSim({ '.github/ci-monitor.yml': APPROVAL_CONFIG })
    const first = await analyse(sim, (await timeoutFailure(sim)).payload)
    branch = fixBranch(first.outputs.fingerprint!)
  })

  afterAll(async () => sim?.close())

  it('reject closes the pull request unmerged', async () => {
    const result = await answer(sim, await comment(sim, MAINTAINER, 1, '/ci-monitor reject too risky'))
    expect(result.outputs.decision).toBe('rejected')
    expect(sim.pulls(REPO)[0]).toMatchObject({ state: 'closed', merged: false, labels: ['ci-monitor', 'job_timeout', 'ci-monitor:rejected'] })
    expect(commentsOn(sim, 1).at(-1)!.body).toMatch(/^Rejected by `maya`, so this pull request is closed\. ci-monitor does not propose this change again/)
  })

  it('does not ask again for the same fix, and asks again when the fix changes', async () => {
    const headBefore = await head(sim, branch)
    const same = await analyse(sim, (await timeoutFailure(sim)).payload)
    expect(sim.pulls(REPO)).toHaveLength(1)
    expect(await head(sim, branch)).toBe(headBefore)
    expect(plain(same.summary)).toMatch(/Not proposed again: pull request #1 with the same change was closed without merging/)

    await sim.commit(REPO, { branch: 'main', files: { '.github/workflows/ci.yml': CI_WORKFLOW.replace('timeout-minutes: 20', 'timeout-minutes: 25') } })
    const changed = await analyse(sim, (await timeoutFailure(sim, 25)).payload)
    expect(changed.outputs['pr-url']).toBe(`https://github.com/${REPO}/pull/2`)
    expect(sim.pulls(REPO)[1]).toMatchObject({ state: 'open', draft: true, labels: ['ci-monitor', 'job_timeout', 'ci-monitor:approval'] })
    expect(sim.violations).toEqual([])
  })
})

describe('expiry of unanswered requests', () => {
  let sim: GitHubSim

  beforeAll(async () => {
    sim = await startFlowSim({ '.github/ci-monitor.yml': `${APPROVAL_CONFIG}approval_timeout_hours: 24\n` })
    await analyse(sim, (await timeoutFailure(sim)).payload)
  })

  afterAll(async () => sim?.close())

  it('leaves a request younger than the timeout open', async () => {
    const result = await sweep(sim)
    expect(result.outputs.decision).toBe('none-expired')
    expect(sim.pulls(REPO)[0]).toMatchObject({ state: 'open', labels: expect.arrayContaining(['ci-monitor:approval']) })
  })

  it('closes an older one with a note, records it, and does it once', async () => {
    sim.backdate(REPO, 1, 25)
    const result = await sweep(sim)
    expect(result.outputs.decision).toBe('expired')
    expect(result.stdout).toMatch(/::notice::Closed 1 expired approval request\(s\): #1\./)
    expect(sim.pulls(REPO)[0]).toMatchObject({ state: 'closed', merged: false, labels: ['ci-monitor', 'job_timeout', 'ci-monitor:expired'] })
    expect(commentsOn(sim, 1).at(-1)!.body).toMatch(/^Nobody with write access answered within 24 hours, so this request has expired and is closed\./)
    const record = (await stateDocuments(sim))['approvals/1.json'] as Record<string, any>
    expect(record).toMatchObject({ decision: { outcome: 'expired', actor: null, source: 'schedule' } })

    const again = await sweep(sim)
    expect(again.outputs.decision).toBe('none-expired')
    expect(commentsOn(sim, 1).filter((c) => c.user === 'ci-monitor[bot]')).toHaveLength(1)
  })

  it('asks again when the failure comes back, since nobody said no', async () => {
    const result = await analyse(sim, (await timeoutFailure(sim)).payload)
    expect(result.outputs['pr-url']).toBe(`https://github.com/${REPO}/pull/2`)
    expect(sim.pulls(REPO)[1]).toMatchObject({ state: 'open', draft: true, labels: expect.arrayContaining(['ci-monitor:approval']) })
    expect(sim.violations).toEqual([])
  })
})

describe('an approval request as an issue, without a fix token', () => {
  let sim: GitHubSim
  let first: Awaited<ReturnType<typeof analyse>>

  beforeAll(async () => {
    sim = await startFlowSim({ '.github/ci-monitor.yml': APPROVAL_CONFIG })
    first = await analyse(sim, (await timeoutFailure(sim)).payload, {})
  })

  afterAll(async () => sim?.close())

  it('opens an issue that holds the patch and says how to answer', () => {
    expect(first.code).toBe(0)
    expect(sim.pulls(REPO)).toEqual([])
    const [issue] = sim.issues(REPO)
    expect(issue).toMatchObject({ number: 1, state: 'open', isPullRequest: false, user: 'github-actions[bot]', labels: ['ci-monitor', 'ci-monitor:approval', 'job_timeout'] })
    expect(issue!.title).toBe('ci-monitor: approval needed: Raise timeout-minutes of job build from 20 to 30')
    expect(issue!.body).toMatch(/```+diff\n[\s\S]*\+ {4}timeout-minutes: 30 # keep CI fast/)
    expect(issue!.body).toContain('`/ci-monitor approve`: this request is closed as approved, and the patch below stays here for a person to apply')
    expect(plain(first.summary)).toMatch(/Asked for approval in issue #1, which holds the patch/)
  })

  it('refuses a workflow_dispatch approval from someone without write access', async () => {
    const result = await runAction(sim, {
      eventName: 'workflow_dispatch',
      payload: { inputs: { 'approval-id': '1', 'approval-decision': 'approve' } },
      inputs: { 'approval-id': '1', 'approval-decision': 'approve' },
      env: { GITHUB_ACTOR: 'octocat', GITHUB_RUN_ID: '7001' }
    })
    expect(result.outputs.decision).toBe('refused')
    expect(sim.issues(REPO)[0]).toMatchObject({ state: 'open', labels: expect.arrayContaining(['ci-monitor:approval']) })
    expect(commentsOn(sim, 1)).toEqual([])
  })

  it('a maintainer\'s dispatched approval closes it as approved; the patch is theirs to apply', async () => {
    const dispatch = { eventName: 'workflow_dispatch', payload: {}, inputs: { 'approval-id': '1', 'approval-decision': 'approve' }, env: { GITHUB_ACTOR: 'maya', GITHUB_RUN_ID: '7002' } }
    const result = await runAction(sim, dispatch)
    expect(result.outputs.decision).toBe('approved')
    expect(sim.issues(REPO)[0]).toMatchObject({ state: 'closed', labels: ['ci-monitor', 'job_timeout', 'ci-monitor:approved'] })
    expect(commentsOn(sim, 1)).toEqual([expect.objectContaining({ user: 'github-actions[bot]', body: expect.stringMatching(/^Approved by `maya`\. ci-monitor does not apply the patch itself/) })])
    const record = (await stateDocuments(sim))['approvals/1.json'] as Record<string, any>
    expect(record).toMatchObject({ form: 'issue', decision: { outcome: 'approved', actor: 'maya', source: 'dispatch' } })
    expect(record.events.map((e: { key: string }) => e.key)).toEqual(['dispatch-7001-1', 'dispatch-7002-1'])

    // A re-run of the same dispatch changes nothing.
    await runAction(sim, dispatch)
    expect(commentsOn(sim, 1)).toHaveLength(1)
  })

  it('does not ask again for the fix that was approved', async () => {
    const result = await analyse(sim, (await timeoutFailure(sim)).payload, {})
    expect(sim.issues(REPO)).toHaveLength(1)
    expect(plain(result.summary)).toMatch(/Not asked again: the same change was approved; the patch waits there for a person to apply it in issue #1/)
    expect(sim.violations).toEqual([])
  })
})
