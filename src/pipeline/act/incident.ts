/**
 * One incident per failure fingerprint: an issue labelled `ci-monitor:incident` (found again by
 * label and hidden marker, so a lost state branch does not open a second one) that gets a comment
 * per later run, and one Slack message in the critical channel whose thread gets a reply per later
 * run. Incidents are not closed by ci-monitor: a person closes the issue when the cause is fixed;
 * after that the failure is handled as usual again, and a new burst opens a new incident.
 */
import { httpStatus } from '../../github/client.js'
import { createComment, createIssue, listIssuesWithLabels } from '../../github/issues.js'
import type { IncidentState } from '../../state/fingerprints.js'
import type { Ledger } from './budgets.js'
import {
  INCIDENT_LABEL,
  incidentComment,
  incidentFingerprint,
  incidentIssueBody,
  incidentIssueTitle,
  incidentSlackMessage,
  incidentSlackReply,
  type IncidentFacts
} from './incident-text.js'
import type { ActDeps, EffectLog, SlackTarget } from './types.js'

export interface IncidentIssue {
  number: number
  url: string
}

/** Open incident issues by the fingerprint their marker names (the oldest when there are two). */
export async function findOpenIncidents(deps: Pick<ActDeps, 'octokit' | 'repo'>): Promise<Map<string, IncidentIssue>> {
  const issues = await listIssuesWithLabels(deps.octokit, deps.repo, [INCIDENT_LABEL], 'open')
  const open = new Map<string, IncidentIssue>()
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const fingerprint = issue.isPullRequest ? null : incidentFingerprint(issue.body)
    if (fingerprint && !open.has(fingerprint)) open.set(fingerprint, { number: issue.number, url: issue.url })
  }
  return open
}

export interface IncidentInput {
  facts: IncidentFacts
  /** What the state branch remembers of this fingerprint's incident (its Slack thread). */
  ledger: Ledger
  /** The open incident issue for the fingerprint, if any. */
  open: IncidentIssue | null
  /** This run attempt was handled before (a re-delivered event): nothing is posted twice. */
  alreadyRecorded: boolean
  /** The channel incidents go to (critical, else alerts), or null without Slack. */
  slack: SlackTarget | null
}

export interface IncidentResult {
  /** The incident's issue after this run, or null when it could not be opened (or dry run). */
  issue: IncidentIssue | null
  /** What the fingerprint document keeps, or null to leave it as it is. */
  state: IncidentState | null
  /** Someone was told: the issue or the Slack message went out. */
  delivered: boolean
}

/** Opens or updates the incident's issue, then posts or replies in Slack. */
export async function raiseIncident(input: IncidentInput, deps: ActDeps, effects: EffectLog): Promise<IncidentResult> {
  const { facts, ledger, open } = input
  const known = ledger.incident
  const sameIncident = (issue: IncidentIssue | null) => issue !== null && known !== null && known.issue_number === issue.number
  const target = input.slack

  if (input.alreadyRecorded) {
    effects.record({ kind: 'incident-issue', outcome: 'skipped', detail: `Run ${facts.run.id} attempt ${facts.run.attempt} was already reported to the incident.` })
    return { issue: open, state: null, delivered: true }
  }
  if (deps.dryRun) {
    effects.record({
      kind: 'incident-issue',
      outcome: 'dry-run',
      detail: open ? `Would comment on incident #${open.number}.` : `Would open an incident issue labelled ${INCIDENT_LABEL}: ${incidentIssueTitle(facts)}`
    })
    if (target) {
      const where = sameIncident(open) && known?.slack_ts ? 'reply in the incident thread in' : 'post the incident to'
      effects.record({ kind: 'incident-slack', outcome: 'dry-run', detail: `Would ${where} ${target.channel}.` })
    }
    return { issue: open, state: null, delivered: true }
  }

  const issue = await openOrComment(facts, open, deps, effects)
  const slack = target ? await postToSlack(facts, issue, sameIncident(issue) ? known : null, target, deps, effects) : null
  if (!target) effects.record({ kind: 'incident-slack', outcome: 'skipped', detail: 'Slack is not configured; the incident issue and the job summary carry the incident.' })
  if (!issue) return { issue, state: null, delivered: slack !== null }
  const previous = sameIncident(issue) ? known : null
  return {
    issue,
    state: {
      issue_number: issue.number,
      issue_url: issue.url,
      opened_at: previous?.opened_at ?? facts.at,
      slack_channel: slack?.channel ?? previous?.slack_channel ?? null,
      slack_ts: slack?.ts ?? previous?.slack_ts ?? null
    },
    delivered: true
  }
}

async function openOrComment(facts: IncidentFacts, open: IncidentIssue | null, deps: ActDeps, effects: EffectLog): Promise<IncidentIssue | null> {
  try {
    if (open) {
      const comment = await createComment(deps.octokit, deps.repo, open.number, incidentComment(facts))
      effects.record({ kind: 'incident-issue', outcome: 'updated', detail: `Commented on incident #${open.number} for run ${facts.run.id}.`, url: comment.url })
      return open
    }
    const created = await createIssue(deps.octokit, deps.repo, { title: incidentIssueTitle(facts), body: incidentIssueBody(facts), labels: ['ci-monitor', INCIDENT_LABEL] })
    effects.record({ kind: 'incident-issue', outcome: 'done', detail: `Opened incident #${created.number} (${facts.runsInWindow} runs in ${facts.windowMinutes} minutes).`, url: created.url })
    return { number: created.number, url: created.url }
  } catch (error) {
    const status = httpStatus(error)
    const why =
      status === 403 || status === 404
        ? `GitHub refused (HTTP ${status}): the github-token needs the issues: write permission`
        : error instanceof Error
          ? error.message
          : String(error)
    effects.problem(`The incident issue was not ${open ? 'updated' : 'opened'}: ${why}.`)
    effects.record({ kind: 'incident-issue', outcome: 'failed', detail: why })
    return open
  }
}

/** Posts the incident once; a later run of the same incident replies in its thread. */
async function postToSlack(
  facts: IncidentFacts,
  issue: IncidentIssue | null,
  known: IncidentState | null,
  target: SlackTarget,
  deps: ActDeps,
  effects: EffectLog
): Promise<{ channel: string; ts: string } | null> {
  const thread = known?.slack_ts && known.slack_channel ? { channel: known.slack_channel, ts: known.slack_ts } : null
  const result = await deps.sendSlack({
    token: target.token,
    apiUrl: target.apiUrl,
    channel: thread?.channel ?? target.channel,
    threadTs: thread?.ts ?? null,
    message: thread ? incidentSlackReply(facts) : incidentSlackMessage(facts, issue?.url ?? null)
  })
  if (!result.ok) {
    effects.problem(`Slack failed (${result.error}) while posting the incident.`)
    effects.record({ kind: 'incident-slack', outcome: 'failed', detail: `${result.error} after ${result.attempts} attempt(s)` })
    return null
  }
  effects.record(
    thread
      ? { kind: 'incident-slack', outcome: 'updated', detail: `Replied in the incident thread ${thread.ts} in ${result.channel} (ts ${result.ts}).` }
      : { kind: 'incident-slack', outcome: 'done', detail: `Posted the incident to ${result.channel} (ts ${result.ts}).` }
  )
  // The thread's parent is what later replies need.
  return thread ?? { channel: result.channel, ts: result.ts }
}
