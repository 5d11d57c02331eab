import type { RunInfo } from '../../github/runs.js'
import { buildFailureMessage } from '../../notify/slack-message.js'
import { historyFacts } from '../history.js'
import type { ActDeps, EffectLog, JobOutcome } from './types.js'

/** Slack messages per run: a matrix failing 40 ways should not flood a channel. */
const MAX_SLACK_MESSAGES = 5

/** One Slack message per notified failure (one per fingerprint), or the reason there is none. */
export async function notify(
  run: RunInfo,
  jobs: JobOutcome[],
  deps: ActDeps,
  effects: EffectLog
): Promise<void> {
  const seen = new Set<string>()
  const toNotify = jobs.filter((job) => {
    if (!job.decision.notify || seen.has(job.triage.fingerprint)) return false
    seen.add(job.triage.fingerprint)
    return true
  })
  if (toNotify.length === 0) return
  if (!deps.slack) {
    effects.record({ kind: 'slack-message', outcome: 'skipped', detail: 'Slack is not configured (slack-bot-token and a channel); the job summary carries the diagnosis.' })
    return
  }
  for (const [index, job] of toNotify.entries()) {
    if (index >= MAX_SLACK_MESSAGES) {
      effects.record({ kind: 'slack-message', outcome: 'skipped', detail: `${toNotify.length - MAX_SLACK_MESSAGES} more failures not posted (limit ${MAX_SLACK_MESSAGES} per run).` })
      break
    }
    const message = buildFailureMessage({
      repository: `${deps.repo.owner}/${deps.repo.repo}`,
      branch: run.headBranch,
      workflow: run.name,
      job: job.job.name,
      failingStep: job.triage.failingStep?.name ?? null,
      runUrl: job.job.htmlUrl || run.htmlUrl,
      diagnosis: job.diagnosis,
      decision: job.done,
      prUrl: job.prUrl,
      patch: job.patch,
      dryRun: deps.dryRun,
      history: historyFacts(job.history)
    })
    if (deps.dryRun) {
      effects.record({ kind: 'slack-message', outcome: 'dry-run', detail: `Would post to ${deps.slack.channel}: ${message.text.slice(0, 200)}` })
      continue
    }
    const result = await deps.sendSlack({ token: deps.slack.token, channel: deps.slack.channel, apiUrl: deps.slack.apiUrl, message })
    if (result.ok) {
      effects.record({ kind: 'slack-message', outcome: 'done', detail: `Posted to ${result.channel} (ts ${result.ts}) about ${job.job.name}.` })
    } else {
      effects.problem(`Slack failed (${result.error}): the diagnosis is delivered in this job summary instead.`)
      effects.record({ kind: 'slack-message', outcome: 'failed', detail: `${result.error} after ${result.attempts} attempt(s)` })
    }
  }
}
