import { FIX_BRANCH } from '../../context/event.js'
import { createComment, listComments } from '../../github/issues.js'
import { listPullsForBranch, markReadyForReview } from '../../github/pulls.js'
import { getRun, listJobs } from '../../github/runs.js'
import { SCHEMA_VERSION, type EffectRecord } from '../../state/records.js'
import type { HandlerDeps, JobResult } from '../proposals/job-result.js'
import { verifiedMessage } from '../proposals/slack.js'
import { APPROVAL_LABEL, hasMarker, isFixPullOf, verifyMarker } from '../proposals/markers.js'
import { verificationComment } from '../proposals/texts.js'
import { failureFacts, writeVerification, type VerificationRecord } from './record.js'
import { verdictOf } from './verdict.js'

export interface VerifyInput extends HandlerDeps {
  runId: number
}

/**
 * The CI of a `ci-monitor/fix-…` branch completed. Everything is checked against the API, never
 * the event: the run is of this repository (not a fork's branch of the same name), an open pull
 * request from that branch carries ci-monitor's marker, and the run tested that pull request's
 * head. Then the jobs that failed before decide: passed → marked ready for review (unless it
 * waits for approval), a comment and a "verified" Slack message; failed again → a comment, and it
 * stays a draft. Each run attempt comments and records once.
 */
export async function verifyFix(input: VerifyInput): Promise<JobResult> {
  const { octokit, repo, log } = input
  const repository = `${repo.owner}/${repo.repo}`
  const run = await getRun(octokit, repo, input.runId)
  if (run.headRepositoryId === null || run.headRepositoryId !== run.repositoryId) {
    return { sentence: `Run ${run.id} comes from a fork, whatever its branch is called: nothing is verified.`, outcome: 'not-ours', url: null }
  }
  if (!FIX_BRANCH.test(run.headBranch)) return { sentence: `Run ${run.id} is not on a ci-monitor fix branch: nothing is verified.`, outcome: 'not-ours', url: null }
  const fingerprint = run.headBranch.slice('ci-monitor/fix-'.length)
  const pull = (await listPullsForBranch(octokit, repo, run.headBranch, 'open')).find((p) => isFixPullOf(p.body, fingerprint))
  if (!pull) return { sentence: `No open ci-monitor pull request comes from ${run.headBranch}: nothing is verified.`, outcome: 'not-ours', url: null }
  if (pull.headSha !== run.headSha) {
    return {
      sentence: `Run ${run.id} tested ${run.headSha.slice(0, 12)}, but pull request #${pull.number} is at ${pull.headSha.slice(0, 12)}: the newer commit is verified by its own run.`,
      outcome: 'stale',
      url: pull.url
    }
  }
  const failure = await failureFacts(octokit, repo, input.stateBranch, fingerprint, log)
  if (failure.workflowPath !== null && failure.workflowPath !== run.path) {
    return { sentence: `Run ${run.id} is of ${run.path}, not of the workflow that failed (${failure.workflowPath}): nothing is verified.`, outcome: 'other-workflow', url: pull.url }
  }
  const { all } = await listJobs(octokit, repo, run)
  const verdict = verdictOf({ failedJobs: failure.jobs, jobs: all, runConclusion: run.conclusion })
  const checked = all.filter((job) => failure.jobs.includes(job.name))
  if (verdict.outcome === 'inconclusive') {
    return { sentence: `Run ${run.id} says nothing about the fix in #${pull.number}: ${verdict.reason}.`, outcome: 'inconclusive', url: pull.url }
  }
  const waiting = pull.labels.includes(APPROVAL_LABEL) ? 'It still waits for approval (`/ci-monitor approve`).' : null
  const passed = verdict.outcome === 'verified'
  if (input.dryRun) {
    return { sentence: `Would record that run ${run.id} ${passed ? 'verified' : 'did not verify'} pull request #${pull.number} (dry run).`, outcome: verdict.outcome, url: pull.url }
  }

  const effects: EffectRecord[] = []
  const effect = (e: Omit<EffectRecord, 'at'>) => effects.push({ at: input.now().toISOString(), ...e })
  let markedReady = false
  if (passed && pull.draft && waiting === null) {
    await markReadyForReview(input.writer, pull.nodeId)
    markedReady = true
    effect({ kind: 'ready-for-review', outcome: 'done', detail: `Marked pull request #${pull.number} ready for review.`, url: pull.url })
  }
  const marker = verifyMarker(run.id, run.runAttempt)
  const commented = hasMarker((await listComments(octokit, repo, pull.number)).map((c) => c.body), marker)
  if (!commented) {
    const body = verificationComment({ runId: run.id, attempt: run.runAttempt, runNumber: run.runNumber, runUrl: run.htmlUrl, jobs: verdict.jobs, passed, waiting, markedReady })
    await createComment(input.writer, repo, pull.number, body)
    effect({ kind: 'comment', outcome: 'done', detail: `Commented the verification on #${pull.number}.`, url: pull.url })
    if (passed) {
      if (input.slack) {
        const message = verifiedMessage({ repository, number: pull.number, url: pull.url, title: pull.title, runNumber: run.runNumber, runUrl: run.htmlUrl, jobs: verdict.jobs, markedReady })
        const sent = await input.sendSlack({ token: input.slack.token, channel: input.slack.channel, apiUrl: input.slack.apiUrl, message })
        effect({ kind: 'slack-message', outcome: sent.ok ? 'done' : 'failed', detail: sent.ok ? `Posted "verified" to ${sent.channel} (ts ${sent.ts}).` : sent.error })
      } else {
        effect({ kind: 'slack-message', outcome: 'skipped', detail: 'Slack is not configured.' })
      }
    }
  }
  const record: VerificationRecord = {
    schema_version: SCHEMA_VERSION,
    kind: 'fix-verification',
    repository,
    run: { id: run.id, attempt: run.runAttempt, number: run.runNumber, url: run.htmlUrl, head_sha: run.headSha, conclusion: run.conclusion, workflow_path: run.path },
    pull: { number: pull.number, url: pull.url },
    fingerprint,
    jobs: checked.map((job) => ({ name: job.name, conclusion: job.conclusion })),
    outcome: verdict.outcome,
    reason: waiting,
    recorded_at: input.now().toISOString(),
    effects
  }
  await writeVerification(octokit, repo, input.stateBranch, record, log).catch((error: unknown) =>
    log.warning(`Recording the verification failed: ${error instanceof Error ? error.message : String(error)}`)
  )
  const what = passed
    ? `verified pull request #${pull.number}${markedReady ? ', now ready for review' : waiting ? ', which still waits for approval' : ''}`
    : `failed again with pull request #${pull.number}'s change, which stays a draft`
  return { sentence: `Run ${run.id} ${what}${commented ? ' (already recorded)' : ''}.`, outcome: verdict.outcome, url: pull.url }
}
