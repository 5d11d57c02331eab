/**
 * The words of an incident: the issue (title, body with a hidden marker naming the fingerprint,
 * one comment per later occurrence) and the Slack message (one per incident, replies in its
 * thread). Pure. Everything that came from a log or a push (summary, evidence, workflow, branch
 * and job names) is escaped for where it is shown.
 */
import type { KnownBlock } from '@slack/web-api'
import type { Diagnosis } from '../../classify/types.js'
import { capText, codeSpan, escapeMarkdownInline, escapeSlack, markdownFence, safeLinkUrl, slackCodeBlock, toSingleLine } from '../../notify/escape.js'
import { CATEGORIES } from '../../classify/categories.js'
import { numberedLines } from '../../notify/format.js'
import type { SlackMessage } from '../../notify/slack-message.js'

export const INCIDENT_LABEL = 'ci-monitor:incident'

const MARKER = /<!-- ci-monitor:incident fingerprint=([0-9a-f]{8,64}) -->/

/** The hidden line that finds an incident's issue again; fingerprints are lower-case hex. */
export function incidentMarker(fingerprint: string): string {
  if (!/^[0-9a-f]{8,64}$/.test(fingerprint)) throw new Error('fingerprints are lower-case hex')
  return `<!-- ci-monitor:incident fingerprint=${fingerprint} -->`
}

/** The fingerprint an issue body's marker names, or null. */
export function incidentFingerprint(body: string): string | null {
  return MARKER.exec(body)?.[1] ?? null
}

export interface IncidentFacts {
  /** owner/name */
  repository: string
  workflow: string
  branch: string
  fingerprint: string
  diagnosis: Pick<Diagnosis, 'category' | 'summary' | 'evidence'>
  /** Distinct runs that failed this way in the window, this one included. */
  runsInWindow: number
  windowMinutes: number
  threshold: number
  /** This occurrence. */
  run: { id: number; attempt: number; url: string }
  jobs: string[]
  at: string
}

const TITLE_CHARS = 200
const SUMMARY_CHARS = 600
const EVIDENCE_LINES = 12

export function incidentIssueTitle(facts: IncidentFacts): string {
  const text = `CI incident: ${categoryOf(facts)} in ${facts.workflow} (${facts.fingerprint})`
  return capText(toSingleLine(text), TITLE_CHARS)
}

export function incidentIssueBody(facts: IncidentFacts): string {
  const evidence = numberedLines(facts.diagnosis.evidence.slice(0, EVIDENCE_LINES))
  return [
    incidentMarker(facts.fingerprint),
    `**${facts.runsInWindow} runs** of ${codeSpan(facts.workflow)} failed the same way in the last ${facts.windowMinutes} minutes (threshold ${facts.threshold}).`,
    '',
    `- **Category:** ${escapeMarkdownInline(categoryOf(facts))}`,
    `- **Failure:** ${escapeMarkdownInline(facts.diagnosis.summary || 'No summary.', SUMMARY_CHARS)}`,
    `- **Fingerprint:** ${codeSpan(facts.fingerprint)}`,
    `- **Latest:** ${runLink(facts)} on ${codeSpan(facts.branch)}, job(s) ${facts.jobs.map((job) => codeSpan(job)).join(', ')}`,
    '',
    ...(evidence.length > 0 ? ['**Evidence**', '', markdownFence(evidence, { info: 'text' }), ''] : []),
    '**What ci-monitor does:** an outage is not fixed by retrying, so it stops re-running this failure while this issue is open, and adds a comment here for every further run that fails this way.',
    '',
    '**To resolve:** close this issue when the cause is fixed; ci-monitor does not close it by itself. Re-runs then resume within the daily budget, and a new burst opens a new incident.'
  ].join('\n')
}

export function incidentComment(facts: IncidentFacts): string {
  return `${runLink(facts)} on ${codeSpan(facts.branch)} failed the same way at ${escapeMarkdownInline(facts.at, 40)} (job(s) ${facts.jobs.map((job) => codeSpan(job)).join(', ')}). ${facts.runsInWindow} run(s) in the last ${facts.windowMinutes} minutes; not re-run.`
}

function categoryOf(facts: IncidentFacts): string {
  return CATEGORIES[facts.diagnosis.category]?.title ?? facts.diagnosis.category
}

function runLink(facts: IncidentFacts): string {
  const label = `Run ${facts.run.id} (attempt ${facts.run.attempt})`
  const url = safeLinkUrl(facts.run.url)
  return url ? `[${label}](${url})` : label
}

const FIELD_CHARS = 300

/** The one Slack message of an incident, posted to the critical channel. */
export function incidentSlackMessage(facts: IncidentFacts, issueUrl: string | null): SlackMessage {
  const title = `🚨 CI incident: ${categoryOf(facts)} in ${facts.repository}`
  const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${escapeSlack(value, FIELD_CHARS, true)}`, verbatim: true })
  const link = safeLinkUrl(issueUrl)
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: capText(toSingleLine(title).replace(/@(here|channel|everyone)\b/gi, '@\u2060$1'), 150), emoji: true } },
    {
      type: 'section',
      fields: [
        field('Repository', facts.repository),
        field('Workflow', facts.workflow),
        field('Runs failing', `${facts.runsInWindow} in the last ${facts.windowMinutes} minutes`),
        field('Fingerprint', facts.fingerprint)
      ]
    },
    section(`*Failure*\n${escapeSlack(facts.diagnosis.summary || 'No summary.', SUMMARY_CHARS)}`),
    section(`*Evidence*\n${slackCodeBlock(numberedLines(facts.diagnosis.evidence.slice(0, EVIDENCE_LINES)), 2_000)}`),
    section(`Re-runs of this failure are stopped while the incident is open. ${link ? `<${link.replace(/&/g, '&amp;')}|Incident issue>` : 'The incident issue could not be opened.'} Later runs reply in this thread.`)
  ]
  const text = escapeSlack(`CI incident in ${facts.repository}: ${facts.runsInWindow} runs failed the same way (${facts.diagnosis.summary})`, 400, true)
  return { text, blocks }
}

/** A later occurrence, as a reply in the incident's thread. */
export function incidentSlackReply(facts: IncidentFacts): SlackMessage {
  const url = safeLinkUrl(facts.run.url)
  const run = url ? `<${url.replace(/&/g, '&amp;')}|Run ${facts.run.id}>` : `Run ${facts.run.id}`
  const text = `${run} (attempt ${facts.run.attempt}) on ${escapeSlack(facts.branch, 200, true)} failed the same way: ${facts.runsInWindow} run(s) in the last ${facts.windowMinutes} minutes. Not re-run.`
  return { text: escapeSlack(`Run ${facts.run.id} failed the same way (${facts.runsInWindow} runs in ${facts.windowMinutes} minutes).`, 400, true), blocks: [section(text)] }
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: capText(text, 3_000), verbatim: true } }
}
