/**
 * The Slack failure notification as Block Kit, built from plain data with no I/O. Every string
 * in a FailureNotice is treated as untrusted (even the decision text, which may quote a branch
 * name), and every block stays inside Slack's limits, so the message can never be rejected for
 * its size nor ping anyone.
 */
import type { ActionsBlock, Button, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/web-api'
import type { Diagnosis } from '../classify/types.js'
import { escapeSlack, safeLinkUrl, slackCodeBlock, toSingleLine, capText } from './escape.js'
import { categoryTitle, confidenceText, decidedBy, historySentence, numberedLines, type HistoryFacts } from './format.js'

/** Slack's documented limits (chat.postMessage, Block Kit reference). */
export const SLACK_LIMITS = {
  textChars: 40_000,
  blocks: 50,
  sectionChars: 3_000,
  fields: 10,
  fieldChars: 2_000,
  headerChars: 150,
  buttonTextChars: 75,
  urlChars: 3_000,
  /**
   * Not documented: Slack answers `msg_blocks_too_long` from about 13,000 characters of block
   * text in total (slackapi/bolt-js#2509). The builder keeps under this.
   */
  blocksTotalChars: 12_000
} as const

export interface FailureNotice {
  /** owner/name */
  repository: string
  branch: string
  workflow: string
  job: string
  failingStep?: string | null
  runUrl: string
  diagnosis: Diagnosis
  /** What ci-monitor did, one sentence ("Opened a fix PR.", "Re-ran the failed jobs."). */
  decision: string
  /** The fix PR, when one was opened or updated. */
  prUrl?: string | null
  /** A unified diff delivered instead of a PR (e.g. the token may not push workflow files). */
  patch?: string | null
  /** Nothing was changed: the decision says what would have been done. */
  dryRun?: boolean
  /** What the state branch knew about this failure (occurrences, flakiness). */
  history?: HistoryFacts | null
}

export interface SlackMessage {
  /** Fallback text for notifications and clients without blocks. */
  text: string
  blocks: KnownBlock[]
}

// Per-part budgets; together well under blocksTotalChars.
const FIELD_CHARS = 300
const ISSUE_CHARS = 1_500
const DECISION_CHARS = 600
const FIX_DESCRIPTION_CHARS = 600
const FALLBACK_CHARS = 400

export function buildFailureMessage(notice: FailureNotice): SlackMessage {
  const { diagnosis } = notice
  const title = `${ownerEmoji(diagnosis)} ${categoryTitle(diagnosis)} in ${notice.repository}`
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: plainText(title, SLACK_LIMITS.headerChars), emoji: true } },
    { type: 'section', fields: factFields(notice) },
    section(`*Issue*\n${escapeSlack(diagnosis.summary || 'No summary.', ISSUE_CHARS)}`),
    section(analysisText(diagnosis)),
    section(fixText(notice)),
    section(decisionText(notice))
  ]
  const actions = linkButtons(notice)
  if (actions) blocks.push(actions)

  const fallback = `${ownerEmoji(diagnosis)} ${categoryTitle(diagnosis)} in ${notice.repository} (${notice.branch}): ${diagnosis.summary}`
  return { text: escapeSlack(fallback, FALLBACK_CHARS, true), blocks }
}

function ownerEmoji(diagnosis: Diagnosis): string {
  if (diagnosis.transient) return '🔁'
  return diagnosis.owner === 'DEVOPS' ? '🛠️' : '❌'
}

/** mrkdwn that Slack shows as written: no auto-linking of names or mentions (`verbatim`). */
function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true }
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(capText(text, SLACK_LIMITS.sectionChars)) }
}

/**
 * plain_text is never parsed for links or mentions; it still gets cleaned to one line with the
 * broadcast words broken, since a header is the first thing a reader sees.
 */
function plainText(text: string, maxChars: number): string {
  return capText(toSingleLine(text).replace(/@(here|channel|everyone)\b/gi, '@\u2060$1'), maxChars)
}

function factFields(notice: FailureNotice): MrkdwnElement[] {
  const { diagnosis } = notice
  const field = (label: string, value: string) => mrkdwn(`*${label}*\n${escapeSlack(value, FIELD_CHARS, true)}`)
  const fields = [
    field('Repository', notice.repository),
    field('Branch', notice.branch),
    field('Workflow / job', `${notice.workflow} / ${notice.job}`),
    field('Category', categoryTitle(diagnosis)),
    field('Owner', diagnosis.owner),
    field('Confidence', `${confidenceText(diagnosis.confidence)} (${decidedBy(diagnosis)})`)
  ]
  if (notice.failingStep) fields.push(field('Failing step', notice.failingStep))
  fields.push(field('Transient', diagnosis.transient ? 'yes: a re-run will likely pass' : 'no'))
  if (notice.history) fields.push(field('History', historySentence(notice.history)))
  return fields.slice(0, SLACK_LIMITS.fields)
}

function analysisText(diagnosis: Diagnosis): string {
  const heading = '*Analysis*\n'
  if (diagnosis.evidence.length === 0) return `${heading}_No log lines were kept as evidence._`
  return heading + slackCodeBlock(numberedLines(diagnosis.evidence), SLACK_LIMITS.sectionChars - heading.length)
}

function fixText(notice: FailureNotice): string {
  const heading = '*Suggested fix*\n'
  const description = notice.diagnosis.fix ? escapeSlack(notice.diagnosis.fix.description, FIX_DESCRIPTION_CHARS) : ''
  const prUrl = safeLinkUrl(notice.prUrl)
  if (prUrl) {
    const link = `<${prUrl.replace(/&/g, '&amp;')}|Pull request>`
    return `${heading}${link}${description ? `: ${description}` : ''}`
  }
  if (notice.patch) {
    const intro = `${description ? `${description}\n` : ''}Patch (apply with \`git apply\`; the job summary has it in full):\n`
    const room = SLACK_LIMITS.sectionChars - heading.length - intro.length
    return heading + intro + slackCodeBlock(notice.patch.split('\n'), room, 200)
  }
  if (notice.diagnosis.fix?.kind === 'proposed-diff') return `${heading}The workflow change the LLM proposed was not applied; the job summary says why.`
  if (description) return heading + description
  return `${heading}${notice.diagnosis.owner === 'DEVELOPER' ? 'Fix the code or tests: see the analysis above.' : 'No automatic fix is known for this failure.'}`
}

function decisionText(notice: FailureNotice): string {
  const dry = notice.dryRun ? ' _(dry run: nothing was changed)_' : ''
  return `*ci-monitor:* ${escapeSlack(notice.decision, DECISION_CHARS)}${dry}`
}

function linkButtons(notice: FailureNotice): ActionsBlock | null {
  const buttons: Button[] = []
  const runUrl = safeLinkUrl(notice.runUrl)
  if (runUrl) buttons.push(button('View run', runUrl, 'ci-monitor-view-run'))
  const prUrl = safeLinkUrl(notice.prUrl)
  if (prUrl) buttons.push(button('View pull request', prUrl, 'ci-monitor-view-pr'))
  return buttons.length > 0 ? { type: 'actions', elements: buttons } : null
}

function button(label: string, url: string, actionId: string): Button {
  return { type: 'button', text: { type: 'plain_text', text: label }, url, action_id: actionId }
}
