// What the state branch remembers across runs: the last green run and the culprit range, each
// failure fingerprint's occurrences, and flakiness learned from a re-run that passed.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { BUILD_STEPS, CI_WORKFLOW } from './fixtures.ts'
import { REPO, corpusLog, describeWithCorpus, git, runAction, startSim, stateDocuments } from './harness.ts'

const NETWORK_BLIP = 'issue-actions-checkout-505'

describeWithCorpus('history on the state branch', () => {
  let sim: GitHubSim
  let slack: SlackSim
  let greenSha: string
  const slackInputs = (): Record<string, string> => ({ 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url })

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    slack = await startSlackSim()
    greenSha = await git(sim, 'rev-parse', 'main')
    await sim.addRun(REPO, { conclusion: 'success', jobs: [{ name: 'Build', conclusion: 'success', log: 'all green\n' }] })
    await sim.commit(REPO, { branch: 'main', files: { 'src/app.js': 'export default 1\n' } })
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('records the last green run and the commit range that holds the culprit', async () => {
    const failingSha = await git(sim, 'rev-parse', 'main')
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog(NETWORK_BLIP) }] })
    const result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id), inputs: slackInputs() })
    expect(result.code).toBe(0)
    const record = (await stateDocuments(sim))[`runs/${run.id}/attempt-1.json`] as Record<string, any>
    expect(record.last_green).toMatchObject({ head_sha: greenSha, branch: 'main', culprit_range: `${greenSha}..${failingSha}` })
    expect(record.jobs[0].history).toEqual({ seen_before: 0, flaky_passes: 0 })
    const fingerprint = record.jobs[0].fingerprint as string
    const doc = (await stateDocuments(sim))[`fingerprints/${fingerprint}.json`] as Record<string, any>
    expect(doc).toMatchObject({ schema_version: 1, kind: 'fingerprint', count: 1, category: 'network', flaky: [] })
    expect(doc.occurrences).toEqual([expect.objectContaining({ run_id: run.id, attempt: 1, job: 'Build', head_sha: failingSha })])
  })

  it('learns flakiness when the re-run passes, and reports it the next time the failure shows up', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog(NETWORK_BLIP) }] })
    const first = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id), inputs: slackInputs() })
    expect(first.outputs.decision).toBe('rerun')
    // The re-run (attempt 2) passes: same commit, failed then passed.
    sim.finishAttempt(REPO, run.id, { conclusion: 'success', logs: { Build: 'fetched fine\n' } })
    const recovery = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id) })
    expect(recovery.code).toBe(0)
    expect(recovery.stdout).toMatch(new RegExp(`::notice::Run ${run.id} passed on attempt 2 after failing on attempt 1: 1 failure fingerprint\\(s\\) are flaky`))

    const documents = await stateDocuments(sim)
    expect(documents[`runs/${run.id}/attempt-2.json`]).toMatchObject({ kind: 'run-recovery', failed_attempts: [1], flaky_fingerprints: [first.outputs.fingerprint] })
    const doc = documents[`fingerprints/${first.outputs.fingerprint}.json`] as Record<string, any>
    expect(doc.flaky).toEqual([expect.objectContaining({ run_id: run.id, failed_attempt: 1, passed_attempt: 2 })])
    expect(doc.count).toBe(2)

    // The same failure again, in a later run: reported with its history.
    const later = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog(NETWORK_BLIP) }] })
    const third = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, later.id), inputs: slackInputs() })
    expect(third.outputs.fingerprint).toBe(first.outputs.fingerprint)
    expect(third.summary).toMatch(/\| History \| Seen 2 times before since [\d\\-]+\\. Flaky: the same commit failed this way and passed on a re\\-run 1 time\\. \|/)
    const record = (await stateDocuments(sim))[`runs/${later.id}/attempt-1.json`] as Record<string, any>
    expect(record.jobs[0].history).toEqual({ seen_before: 2, flaky_passes: 1 })
    expect(sim.violations).toEqual([])
  })

  it('re-delivery of the same event does not count an occurrence twice', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog('cidiff-terraform-quickchecks-run225') }] })
    const payload = await sim.workflowRunEvent(REPO, run.id)
    const once = await runAction(sim, { eventName: 'workflow_run', payload, inputs: slackInputs() })
    await runAction(sim, { eventName: 'workflow_run', payload, inputs: slackInputs() })
    const doc = (await stateDocuments(sim))[`fingerprints/${once.outputs.fingerprint}.json`] as Record<string, any>
    expect(doc.count).toBe(1)
    expect(doc.occurrences).toHaveLength(1)
  })
})
