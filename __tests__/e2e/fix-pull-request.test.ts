// Pipeline failures the catalog can fix: a pull request whose diff in the simulator's git repository
// changes exactly the faulty line, updated (never duplicated) when the failure comes again; without
// a token that may change workflow files, the same fix arrives as a patch that `git apply` accepts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { GitHubSim } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { BUILD_STEPS, CI_WORKFLOW, jobTimeoutLog } from './fixtures.ts'
import {
  APP_TOKEN,
  GITHUB_TOKEN,
  REPO,
  branchExists,
  corpusLog,
  describeWithCorpus,
  git,
  runAction,
  startSim,
  runRecords,
  stateDocuments,
  type ActionResult
} from './harness.ts'

const execFileAsync = promisify(execFile)
const DEPRECATED_ARTIFACT = 'issue-chanzuckerberg-cryoet-data-portal-1510'

async function failedRun(sim: GitHubSim, log: string | { file: string }): Promise<{ id: number; payload: Record<string, unknown> }> {
  const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log }] })
  return { id: run.id, payload: await sim.workflowRunEvent(REPO, run.id) }
}

/** Lines removed and added between two commits, for one file. */
async function changedLines(sim: GitHubSim, from: string, to: string, file: string): Promise<string[]> {
  const diff = await git(sim, 'diff', '--unified=0', from, to, '--', file)
  return diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line))
}

describeWithCorpus('a deprecated action, with a fix-token (real GitHub auto-failure message)', () => {
  let sim: GitHubSim
  let first: ActionResult
  let firstRun: { id: number; payload: Record<string, unknown> }

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    firstRun = await failedRun(sim, corpusLog(DEPRECATED_ARTIFACT))
    first = await runAction(sim, { eventName: 'workflow_run', payload: firstRun.payload, inputs: { 'fix-token': APP_TOKEN } })
  })

  afterAll(async () => sim?.close())

  it('diagnoses a DEVOPS workflow_config failure and opens a pull request', () => {
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ owner: 'DEVOPS', category: 'workflow_config', decision: 'open-pr' })
    expect(first.outputs['pr-url']).toMatch(new RegExp(`^https://github.com/${REPO}/pull/\\d+$`))
  })

  it('the pull request changes exactly the deprecated line, keeping its comment', async () => {
    const pulls = sim.pulls(REPO)
    expect(pulls).toHaveLength(1)
    const pull = pulls[0]!
    expect(pull).toMatchObject({ head: `ci-monitor/fix-${first.outputs.fingerprint}`, base: 'main', state: 'open', user: 'ci-monitor[bot]' })
    expect(pull.labels).toEqual(expect.arrayContaining(['ci-monitor', 'workflow_config']))
    expect(await changedLines(sim, 'main', pull.head, '.github/workflows/ci.yml')).toEqual([
      '-        uses: actions/upload-artifact@v3 # test report for reviewers',
      expect.stringMatching(/^\+ {8}uses: actions\/upload-artifact@v\d+ # test report for reviewers$/)
    ])
    expect(await git(sim, 'diff', '--name-only', 'main', pull.head)).toBe('.github/workflows/ci.yml')
    expect(pull.body).toContain(`actions/runs/${firstRun.id}`)
  })

  it('a re-delivered event updates the same pull request instead of opening another', async () => {
    const headBefore = await git(sim, 'rev-parse', `ci-monitor/fix-${first.outputs.fingerprint}`)
    const again = await runAction(sim, { eventName: 'workflow_run', payload: firstRun.payload, inputs: { 'fix-token': APP_TOKEN } })
    expect(again.code).toBe(0)
    expect(again.outputs['pr-url']).toBe(first.outputs['pr-url'])
    expect(sim.pulls(REPO)).toHaveLength(1)
    // Nothing new to commit: the branch already holds the fix.
    expect(await git(sim, 'rev-parse', `ci-monitor/fix-${first.outputs.fingerprint}`)).toBe(headBefore)
  })

  it('the same failure in a later run has the same fingerprint and lands on the same pull request', async () => {
    const later = await failedRun(sim, corpusLog(DEPRECATED_ARTIFACT))
    const result = await runAction(sim, { eventName: 'workflow_run', payload: later.payload, inputs: { 'fix-token': APP_TOKEN } })
    expect(result.outputs.fingerprint).toBe(first.outputs.fingerprint)
    expect(result.outputs['pr-url']).toBe(first.outputs['pr-url'])
    expect(sim.pulls(REPO)).toHaveLength(1)
    expect(sim.pulls(REPO)[0]!.body).toContain(`actions/runs/${later.id}`)
  })

  it('records each analysed run once, with the pull request it opened or updated', async () => {
    const documents = await stateDocuments(sim)
    const record = documents[`runs/${firstRun.id}/attempt-1.json`] as Record<string, any>
    expect(record.jobs[0]).toMatchObject({ diagnosis: { owner: 'DEVOPS', category: 'workflow_config', fix: 'upgrade-action' }, decision: { action: 'open-pr' } })
    expect(record.effects).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'pull-request', outcome: 'updated', url: first.outputs['pr-url'] })])
    )
    expect(Object.keys(documents).filter((p) => p.startsWith('runs/'))).toHaveLength(2)
    // The state branch is an orphan: it shares no history with the code.
    expect(await git(sim, 'rev-list', '--max-parents=0', 'ci-monitor-state')).not.toBe(await git(sim, 'rev-list', '--max-parents=0', 'main'))
  })

  it('kept to the API description and never sent the token to the storage host', () => {
    expect(sim.violations).toEqual([])
    expect(sim.blobRequests.every((request) => !request.authorizationSeen)).toBe(true)
  })
})

describeWithCorpus('a deprecated action, without a token that may change workflow files', () => {
  let sim: GitHubSim
  let slack: SlackSim
  let result: ActionResult

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    slack = await startSlackSim()
    const run = await failedRun(sim, corpusLog(DEPRECATED_ARTIFACT))
    result = await runAction(sim, {
      eventName: 'workflow_run',
      payload: run.payload,
      inputs: { 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url }
    })
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('opens no pull request and says why', async () => {
    expect(result.code).toBe(0)
    expect(result.outputs.decision).toBe('deliver-patch')
    expect(sim.pulls(REPO)).toEqual([])
    expect(await branchExists(sim, `ci-monitor/fix-${result.outputs.fingerprint}`)).toBe(false)
    expect(result.summary).toMatch(/workflows permission/)
  })

  it('delivers a patch in the job summary that git apply accepts and that changes only the deprecated line', async () => {
    const patch = /```+diff\n([\s\S]*?)\n```+/.exec(result.summary)?.[1]
    expect(patch).toBeDefined()
    const dir = await mkdtemp(path.join(tmpdir(), 'ci-monitor-patch-'))
    try {
      await execFileAsync('git', ['init', '-q', dir])
      await execFileAsync('mkdir', ['-p', path.join(dir, '.github/workflows')])
      await writeFile(path.join(dir, '.github/workflows/ci.yml'), CI_WORKFLOW)
      await writeFile(path.join(dir, 'fix.patch'), patch + '\n')
      await execFileAsync('git', ['-C', dir, 'apply', 'fix.patch'])
      const after = await readFile(path.join(dir, '.github/workflows/ci.yml'), 'utf8')
      const changed = after.split('\n').filter((line, i) => line !== CI_WORKFLOW.split('\n')[i])
      expect(changed).toHaveLength(1)
      expect(changed[0]).toMatch(/uses: actions\/upload-artifact@v\d+ # test report for reviewers/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('puts the patch in the Slack message too', () => {
    expect(slack.messages).toHaveLength(1)
    expect(JSON.stringify(slack.messages[0]!.blocks)).toContain('actions/upload-artifact@v3')
  })
})

describeWithCorpus('a fix-token without the workflows permission', () => {
  let sim: GitHubSim
  let result: ActionResult

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    const run = await failedRun(sim, corpusLog(DEPRECATED_ARTIFACT))
    // The default GITHUB_TOKEN passed as fix-token: GitHub refuses its workflow-file changes.
    result = await runAction(sim, { eventName: 'workflow_run', payload: run.payload, inputs: { 'fix-token': GITHUB_TOKEN } })
  })

  afterAll(async () => sim?.close())

  it('is refused by GitHub, and the fix degrades to a patch with the reason', async () => {
    expect(result.code).toBe(0)
    expect(sim.pulls(REPO)).toEqual([])
    expect(result.summary).toMatch(/workflows permission/)
    expect(result.summary).toMatch(/```+diff/)
    const [record] = await runRecords(sim)
    expect(record.effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'pull-request', outcome: 'failed' }),
        expect.objectContaining({ kind: 'patch', outcome: 'done' })
      ])
    )
  })
})

describe('a job that hit its time limit', () => {
  let sim: GitHubSim
  let result: ActionResult

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    const run = await failedRun(sim, jobTimeoutLog(20))
    result = await runAction(sim, { eventName: 'workflow_run', payload: run.payload, inputs: { 'fix-token': APP_TOKEN } })
  })

  afterAll(async () => sim?.close())

  it('opens a pull request raising that job\'s timeout-minutes and nothing else', async () => {
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ owner: 'DEVOPS', category: 'job_timeout', decision: 'open-pr' })
    const pull = sim.pulls(REPO)[0]!
    expect(await changedLines(sim, 'main', pull.head, '.github/workflows/ci.yml')).toEqual([
      '-    timeout-minutes: 20 # keep CI fast',
      '+    timeout-minutes: 30 # keep CI fast'
    ])
    expect(sim.violations).toEqual([])
  })
})
