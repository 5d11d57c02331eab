// Pure parts of the approval workflow: whose request it is, its state, the labels a decision
// leaves, expiry, and the audit document's idempotent merge.
import { describe, expect, it } from '@jest/globals'
import { mayDecide } from '../../src/github/collaborators.js'
import type { IssueFacts } from '../../src/github/issues.js'
import type { PullFacts } from '../../src/github/pulls.js'
import { newApprovalDoc, parseApprovalDoc, withEvent, type ApprovalEvent } from '../../src/pipeline/approvals/record.js'
import { decidedLabels, isExpired, recognise, requestState, waitingSince } from '../../src/pipeline/approvals/request-state.js'
import { approvalMarker, APPROVAL_LABEL, APPROVED_LABEL, EXPIRED_LABEL, LABEL, REJECTED_LABEL } from '../../src/pipeline/proposals/markers.js'
import { approvalDecisionMessage, approvalRequestMessage } from '../../src/pipeline/proposals/slack.js'
import { serialize } from '../../src/state/records.js'

const FINGERPRINT = '0123456789abcdef'
const REPOSITORY = 'acme/widgets'

function issue(overrides: Partial<IssueFacts> = {}): IssueFacts {
  return {
    number: 4,
    url: 'https://github.com/acme/widgets/pull/4',
    state: 'open',
    stateReason: null,
    title: 'ci-monitor: fix',
    body: `intro\n${approvalMarker(FINGERPRINT)}`,
    author: 'ci-monitor[bot]',
    labels: [LABEL, APPROVAL_LABEL],
    createdAt: '2026-11-20T10:00:00Z',
    isPullRequest: true,
    ...overrides
  }
}

function pull(overrides: Partial<PullFacts> = {}): PullFacts {
  return {
    number: 4,
    url: 'https://github.com/acme/widgets/pull/4',
    nodeId: 'PR_4',
    state: 'open',
    draft: true,
    merged: false,
    mergedAt: null,
    closedAt: null,
    title: 'ci-monitor: fix',
    author: 'ci-monitor[bot]',
    body: '',
    labels: [],
    headRef: `ci-monitor/fix-${FINGERPRINT}`,
    headSha: 'a'.repeat(40),
    headRepository: REPOSITORY,
    createdAt: '2026-11-20T10:00:00Z',
    ...overrides
  }
}

describe('recognise', () => {
  it('takes a pull request from the fingerprint\'s fix branch that carries the marker and a label', () => {
    const result = recognise(issue(), pull(), REPOSITORY)
    expect(result).toEqual({ ok: true, request: expect.objectContaining({ number: 4, form: 'pull-request', fingerprint: FINGERPRINT, requested_at: '2026-11-20T10:00:00Z' }) })
    expect(recognise(issue({ isPullRequest: false }), null, REPOSITORY)).toMatchObject({ ok: true, request: { form: 'issue' } })
  })

  it('ignores what is not ci-monitor\'s: no marker, no label, another branch, a fork', () => {
    expect(recognise(issue({ body: 'please approve' }), pull(), REPOSITORY)).toMatchObject({ ok: false, why: '#4 is not a ci-monitor approval request' })
    expect(recognise(issue({ labels: ['bug'] }), pull(), REPOSITORY).ok).toBe(false)
    expect(recognise(issue(), pull({ headRef: 'ci-monitor/fix-ffffffffffffffff' }), REPOSITORY)).toMatchObject({ ok: false, why: expect.stringMatching(/fix branch/) })
    expect(recognise(issue(), pull({ headRepository: 'mallory/widgets' }), REPOSITORY).ok).toBe(false)
  })
})

describe('requestState and decidedLabels', () => {
  it('reads the answer from the labels', () => {
    expect(requestState({ state: 'open', labels: [LABEL, APPROVAL_LABEL] })).toBe('pending')
    expect(requestState({ state: 'open', labels: [LABEL, APPROVED_LABEL] })).toBe('approved')
    expect(requestState({ state: 'closed', labels: [LABEL, REJECTED_LABEL] })).toBe('rejected')
    expect(requestState({ state: 'closed', labels: [LABEL, EXPIRED_LABEL] })).toBe('expired')
    expect(requestState({ state: 'closed', labels: [LABEL, APPROVAL_LABEL] })).toBe('closed')
  })

  it('replaces the pending label with the outcome and keeps the others', () => {
    expect(decidedLabels([LABEL, 'workflow_config', APPROVAL_LABEL], 'approved')).toEqual([LABEL, 'workflow_config', APPROVED_LABEL])
    expect(decidedLabels([LABEL, APPROVED_LABEL], 'expired')).toEqual([LABEL, EXPIRED_LABEL])
  })
})

describe('expiry', () => {
  it('counts from the creation or the last time a changed fix asked again', () => {
    expect(waitingSince('2026-11-20T10:00:00Z', ['2026-11-21T09:00:00Z', '2026-11-20T12:00:00Z'])).toBe('2026-11-21T09:00:00Z')
    const now = new Date('2026-11-21T10:00:00Z')
    expect(isExpired('2026-11-20T10:00:00Z', now, 24)).toBe(true)
    expect(isExpired('2026-11-20T10:00:01Z', now, 24)).toBe(false)
    expect(isExpired('not a date', now, 24)).toBe(false)
  })
})

describe('mayDecide', () => {
  it('lets write, maintain and admin decide, and custom roles by their base permission', () => {
    expect(mayDecide({ role: 'write', permission: 'write' })).toBe(true)
    expect(mayDecide({ role: 'maintain', permission: 'write' })).toBe(true)
    expect(mayDecide({ role: 'admin', permission: 'admin' })).toBe(true)
    expect(mayDecide({ role: 'release-manager', permission: 'write' })).toBe(true)
    expect(mayDecide({ role: 'triage', permission: 'read' })).toBe(false)
    expect(mayDecide({ role: 'none', permission: 'none' })).toBe(false)
  })
})

describe('the approval record', () => {
  const doc = newApprovalDoc({ repository: REPOSITORY, number: 4, form: 'pull-request', url: 'u', fingerprint: FINGERPRINT, change: null, requested_at: 't' })
  const event = (key: string, type: ApprovalEvent['type'], actor = 'maya'): ApprovalEvent => ({ key, at: '2026-11-20T11:00:00Z', type, actor, source: 'comment', detail: '' })

  it('adds each event once and keeps the first decision', () => {
    const refused = withEvent(doc, event('comment-1', 'refused', 'mallory'))
    const approved = withEvent(refused, event('comment-2', 'approved'))
    expect(withEvent(approved, event('comment-2', 'approved'))).toBe(approved)
    const late = withEvent(approved, event('comment-3', 'rejected', 'other'))
    expect(late.events.map((e) => e.key)).toEqual(['comment-1', 'comment-2', 'comment-3'])
    expect(late.decision).toEqual({ outcome: 'approved', actor: 'maya', at: '2026-11-20T11:00:00Z', source: 'comment' })
    expect(refused.decision).toBeNull()
  })

  it('parses what it writes, and refuses newer or broken documents', () => {
    const written = withEvent(doc, event('comment-2', 'approved'))
    expect(parseApprovalDoc(serialize(written))).toEqual({ ok: true, doc: written })
    expect(parseApprovalDoc(JSON.stringify({ ...written, schema_version: 99 }))).toMatchObject({ ok: false, newer: true })
    expect(parseApprovalDoc('{')).toMatchObject({ ok: false, newer: false, problem: 'not valid JSON' })
  })
})

describe('Slack messages', () => {
  it('escape titles and reasons and never broadcast', () => {
    const message = approvalRequestMessage({
      repository: REPOSITORY,
      number: 4,
      url: 'https://github.com/acme/widgets/pull/4',
      title: 'Upgrade <!channel> @here',
      form: 'pull-request',
      reasons: ['`acme/widgets` is a protected repository, so a person must approve the fix before it is applied.'],
      risk: 3,
      timeoutHours: 24,
      again: false
    })
    const text = JSON.stringify(message)
    expect(text).not.toContain('<!channel>')
    expect(text).toContain('&lt;!channel&gt;')
    expect(text).toContain('@\u2060here')
    expect(message.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ url: 'https://github.com/acme/widgets/pull/4' }] })
    expect(approvalDecisionMessage({ repository: REPOSITORY, number: 4, url: 'javascript:x', outcome: 'rejected', actor: 'maya' }).blocks).toHaveLength(1)
  })
})
