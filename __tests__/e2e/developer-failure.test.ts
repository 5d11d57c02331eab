// A code failure: the bundled action posts a precise Slack message, writes the job summary and
// records the analysis on the state branch; it opens no pull request and re-runs nothing.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { commandsTheRunnerWouldRun } from '../notify/helpers.ts'
import { BUILD_STEPS, CI_WORKFLOW, LEAKED_TOKEN, hostileLog } from './fixtures.ts'
import { REPO, branchExists, corpusLog, describeWithCorpus, runAction, startSim, runRecords, stateDocuments, type ActionResult } from './harness.ts'

describeWithCorpus('a developer failure (real Go test failure log)', () => {
  let sim: GitHubSim
  let slack: SlackSim
  let result: ActionResult
  let runId: number

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW, 'src/main.go': 'package main\n' })
    slack = await startSlackSim()
    await sim.commit(REPO, { branch: 'feature/cloud-config', files: { 'src/main.go': 'package main // changed\n' } })
    const run = await sim.addRun(REPO, {
      headBranch: 'feature/cloud-config',
      jobs: [
        { name: 'Build', steps: BUILD_STEPS, log: corpusLog('cidiff-terraform-quickchecks-run225') },
        { name: 'Lint', conclusion: 'success', log: 'all good\n' }
      ]
    })
    runId = run.id
    result = await runAction(sim, {
      eventName: 'workflow_run',
      payload: await sim.workflowRunEvent(REPO, run.id),
      inputs: { 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url }
    })
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('succeeds and reports the diagnosis in its outputs', () => {
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ owner: 'DEVELOPER', category: 'test_failure', decision: 'notify', 'pr-url': '' })
    expect(result.outputs.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(Number(result.outputs.confidence)).toBeGreaterThan(0.5)
  })

  it('posts one Slack message with the repository, branch, category, confidence, issue, analysis and run link', () => {
    expect(slack.messages).toHaveLength(1)
    const message = slack.messages[0]!
    expect(message.channel).toBe('C0CIMON001')
    const text = JSON.stringify(message.blocks)
    expect(text).toContain(REPO)
    expect(text).toContain('feature/cloud-config')
    expect(text).toContain('Test failure')
    expect(text).toMatch(/\d+%/)
    expect(text).toContain('*Issue*')
    expect(text).toContain('TestCloud_PrepareConfig')
    expect(text).toContain(`https://github.com/${REPO}/actions/runs/${runId}`)
  })

  it('writes the job summary with the diagnosis and the excerpt', () => {
    expect(result.summary).toContain('Test failure')
    expect(result.summary).toContain('TestCloud_PrepareConfig')
    expect(result.summary).toContain(result.outputs.fingerprint)
  })

  it('records the analysis on the state branch, without a pull request or a re-run', async () => {
    const documents = await stateDocuments(sim)
    const record = documents[`runs/${runId}/attempt-1.json`] as Record<string, any>
    expect(record).toMatchObject({ schema_version: 1, kind: 'run-analysis', repository: REPO, run: { id: runId, attempt: 1 } })
    expect(record.jobs).toHaveLength(1)
    expect(record.jobs[0]).toMatchObject({ name: 'Build', diagnosis: { owner: 'DEVELOPER', category: 'test_failure' }, decision: { action: 'notify' } })
    expect(record.effects).toEqual([expect.objectContaining({ kind: 'slack-message', outcome: 'done' })])
    expect(sim.pulls(REPO)).toEqual([])
    expect(sim.reruns).toEqual([])
    expect(await branchExists(sim, `ci-monitor/fix-${result.outputs.fingerprint}`)).toBe(false)
  })

  it('downloads the log from the storage host without sending the token there', () => {
    expect(sim.blobRequests.length).toBeGreaterThan(0)
    expect(sim.blobRequests.every((request) => !request.authorizationSeen)).toBe(true)
  })

  it('kept to GitHub\'s published API description', () => {
    expect(sim.violations).toEqual([])
  })
})

describeWithCorpus('a hostile log', () => {
  let sim: GitHubSim
  let slack: SlackSim
  let result: ActionResult

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    slack = await startSlackSim()
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: hostileLog() }] })
    result = await runAction(sim, {
      eventName: 'workflow_run',
      payload: await sim.workflowRunEvent(REPO, run.id),
      inputs: { 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url, 'fix-token': 'ghs_sim_app_token' }
    })
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('prints the log evidence without the runner executing any command hidden in it', () => {
    expect(result.code).toBe(0)
    const commands = commandsTheRunnerWouldRun(result.stdout)
    // Only ci-monitor's own commands run: masking its credentials, log groups, its annotation.
    const ours = /^::(add-mask::(ghs_sim_\w+|xoxb-[\w-]+)|group::[\w ]+|endgroup::|error title=[^:]*::.*)$/
    expect(commands.filter((command) => !ours.test(command))).toEqual([])
    expect(commands.filter((command) => command.startsWith('::add-mask::'))).toHaveLength(3)
    // The hostile text was printed (as evidence), yet the runner does not act on it.
    expect(result.stdout).toContain('renders ::error::pwned')
    expect(result.stdout).toContain('::stop-commands::')
  })

  it('keeps the Slack message from pinging anyone', () => {
    const text = JSON.stringify(slack.messages.map((m) => m.blocks))
    expect(text).not.toContain('<!channel>')
    expect(text).not.toMatch(/(^|[^&])@here/)
  })

  it('never repeats a credential found in the log: not in the output, Slack, the summary or the record', async () => {
    const documents = await stateDocuments(sim)
    const [record] = await runRecords(sim)
    expect(record.jobs[0].log.redactions).toEqual({ 'github-token': 1 })
    for (const text of [result.stdout, result.summary, JSON.stringify(slack.messages), JSON.stringify(documents)]) {
      expect(text).not.toContain(LEAKED_TOKEN)
      expect(text).not.toContain(LEAKED_TOKEN.slice(4, 20))
    }
  })

  it('changes no file because the log asked for it', async () => {
    expect(sim.pulls(REPO)).toEqual([])
    expect(sim.violations).toEqual([])
  })
})
