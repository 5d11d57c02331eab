/**
 * Slack messages of the approval workflow and of fix verification, as Block Kit built from plain
 * data (pure). Every string from GitHub or a log is escaped; links pass safeLinkUrl.
 */
import type { ActionsBlock, KnownBlock } from '@slack/web-api'
import { escapeSlack, safeLinkUrl } from '../../notify/escape.js'
import type { SlackMessage } from '../../notify/slack-message.js'

const TITLE_CHARS = 300
const REASON_CHARS = 400

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }
}

function button(label: string, url: string | null, actionId: string): ActionsBlock | null {
  const safe = safeLinkUrl(url)
  return safe ? { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: label }, url: safe, action_id: actionId }] } : null
}

export interface ApprovalRequestNotice {
  repository: string
  number: number
  url: string
  /** The fix title (untrusted: may name workflow jobs and actions). */
  title: string
  form: 'pull-request' | 'issue'
  reasons: readonly string[]
  risk: number
  timeoutHours: number
  /** The request existed and its fix changed: it needs an answer again. */
  again: boolean
}

export function approvalRequestMessage(notice: ApprovalRequestNotice): SlackMessage {
  const what = notice.form === 'pull-request' ? 'draft pull request' : 'issue'
  const head = `${notice.again ? 'Approval needed again' : 'Approval needed'} in ${escapeSlack(notice.repository, 200, true)}: ${what} #${notice.number}`
  const reasons = notice.reasons.slice(0, 4).map((reason) => `• ${escapeSlack(reason.replace(/`/g, ''), REASON_CHARS, true)}`)
  const blocks: KnownBlock[] = [
    section(`*${head}*\n${escapeSlack(notice.title, TITLE_CHARS, true)} (risk ${notice.risk} of 10)`),
    section(reasons.join('\n') || 'A person must approve this fix first.'),
    section(`Answer on GitHub with \`/ci-monitor approve\` or \`/ci-monitor reject\` (write, maintain or admin access). Unanswered, it closes after ${notice.timeoutHours} h.`)
  ]
  const open = button(notice.form === 'pull-request' ? 'View pull request' : 'View issue', notice.url, 'ci-monitor-view-approval')
  if (open) blocks.push(open)
  return { text: escapeSlack(`${head}: ${notice.title}`, 400, true), blocks }
}

export interface ApprovalDecisionNotice {
  repository: string
  number: number
  url: string
  outcome: 'approved' | 'rejected' | 'expired'
  actor: string | null
}

export function approvalDecisionMessage(notice: ApprovalDecisionNotice): SlackMessage {
  const by = notice.actor ? ` by ${escapeSlack(notice.actor, 60, true)}` : ''
  const text = `Approval request #${notice.number} in ${escapeSlack(notice.repository, 200, true)} was ${notice.outcome}${by}.`
  const blocks: KnownBlock[] = [section(text)]
  const open = button('View on GitHub', notice.url, 'ci-monitor-view-approval')
  if (open) blocks.push(open)
  return { text, blocks }
}

export interface VerifiedNotice {
  repository: string
  number: number
  url: string
  title: string
  runNumber: number
  runUrl: string
  jobs: readonly string[]
  markedReady: boolean
}

export function verifiedMessage(notice: VerifiedNotice): SlackMessage {
  const jobs = notice.jobs.slice(0, 5).map((name) => escapeSlack(name, 100, true)).join(', ') || 'the failed jobs'
  const text = `Fix verified in ${escapeSlack(notice.repository, 200, true)}: pull request #${notice.number} passed ${jobs} in run #${notice.runNumber}.`
  const blocks: KnownBlock[] = [
    section(`*${text}*\n${escapeSlack(notice.title, TITLE_CHARS, true)}`),
    section(notice.markedReady ? 'It is now ready for review; ci-monitor never merges.' : 'It stays as it is until a person approves it.')
  ]
  const open = button('View pull request', notice.url, 'ci-monitor-view-pr')
  if (open) blocks.push(open)
  return { text, blocks }
}
