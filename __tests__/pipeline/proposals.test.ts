// Pure rules of fix proposals: what identifies a change, whose commits a branch carries, which
// closed pull requests hold a fix back, the cap, and the text ci-monitor leaves on GitHub.
import { describe, expect, it } from '@jest/globals'
import type { PullFacts } from '../../src/github/pulls.js'
import { fixPrMarker } from '../../src/remediate/index.js'
import { foreignCommits, MAX_OPEN_FIX_PULLS, openFixPulls, refusedWithSameChange } from '../../src/pipeline/proposals/etiquette.js'
import {
  approvalFingerprintOf,
  approvalMarker,
  changeKey,
  changeMarker,
  changeOf,
  EXPIRED_LABEL,
  fixFingerprintOf,
  isFixPullOf
} from '../../src/pipeline/proposals/markers.js'
import { approvalReasons, pullRequestReasons } from '../../src/pipeline/proposals/proposal.js'
import { approvalIssueBody, approvalSection, heldComment, refusalReply, verificationComment } from '../../src/pipeline/proposals/texts.js'
import { fixture, plan, planned, timeout, upgrade } from '../remediate/helpers.ts'

const FINGERPRINT = '0123456789abcdef'
const UPGRADE = planned(plan('node-ci.yml', upgrade('actions/upload-artifact')))

function pull(overrides: Partial<PullFacts> = {}): PullFacts {
  return {
    number: 7,
    url: 'https://github.com/acme/widgets/pull/7',
    nodeId: 'PR_7',
    state: 'open',
    draft: true,
    merged: false,
    mergedAt: null,
    closedAt: null,
    title: 'ci-monitor: fix',
    author: 'ci-monitor[bot]',
    body: `${fixPrMarker(FINGERPRINT)}\n…\n${changeMarker(changeKey(UPGRADE))}`,
    labels: ['ci-monitor'],
    headRef: `ci-monitor/fix-${FINGERPRINT}`,
    headSha: 'a'.repeat(40),
    headRepository: 'acme/widgets',
    createdAt: '2026-11-20T10:00:00Z',
    ...overrides
  }
}

describe('changeKey', () => {
  it('is the same for the same change made on a file edited elsewhere', () => {
    const edited = fixture('node-ci.yml').replace(/^name: .*$/m, 'name: Renamed CI')
    const again = planned(plan('node-ci.yml', upgrade('actions/upload-artifact'), '', { workflowText: edited }))
    expect(again.after).not.toBe(UPGRADE.after)
    expect(changeKey(again)).toBe(changeKey(UPGRADE))
  })

  it('differs for a different fix of the same file', () => {
    const other = planned(plan('node-ci.yml', timeout(), 'lint'))
    expect(changeKey(other)).not.toBe(changeKey(UPGRADE))
    expect(changeKey(UPGRADE)).toMatch(/^[0-9a-f]{16}$/)
  })

  it('round-trips through the hidden markers, which only accept their own shape', () => {
    const key = changeKey(UPGRADE)
    expect(changeOf(`text\n${changeMarker(key)}`)).toBe(key)
    expect(changeOf('<!-- ci-monitor:change NOTHEX!!!!!!!!!! -->')).toBeNull()
    expect(approvalFingerprintOf(approvalMarker(FINGERPRINT))).toBe(FINGERPRINT)
    expect(fixFingerprintOf(fixPrMarker(FINGERPRINT))).toBe(FINGERPRINT)
    expect(isFixPullOf(fixPrMarker(FINGERPRINT), 'ffffffffffffffff')).toBe(false)
  })
})

describe('foreignCommits', () => {
  const ours = { sha: '1', author: 'ci-monitor[bot]', committer: 'ci-monitor[bot]' }

  it('accepts commits the identity authored and it or GitHub committed', () => {
    expect(foreignCommits([ours, { sha: '2', author: 'ci-monitor[bot]', committer: 'web-flow' }], 'ci-monitor[bot]')).toEqual([])
  })

  it('flags a person\'s commit, a web edit, a rebase by hand and unattributed commits', () => {
    const human = { sha: '3', author: 'dev-one', committer: 'dev-one' }
    const webEdit = { sha: '4', author: 'dev-one', committer: 'web-flow' }
    const rebased = { sha: '5', author: 'ci-monitor[bot]', committer: 'dev-one' }
    const unknown = { sha: '6', author: null, committer: null }
    expect(foreignCommits([ours, human, webEdit, rebased, unknown], 'ci-monitor[bot]').map((c) => c.sha)).toEqual(['3', '4', '5', '6'])
  })

  it('trusts nothing when the identity is unknown', () => {
    expect(foreignCommits([ours], '')).toHaveLength(1)
  })
})

describe('refusedWithSameChange', () => {
  const change = changeKey(UPGRADE)

  it('finds a pull request closed without merging that proposed this very change', () => {
    const closed = pull({ state: 'closed', number: 3 })
    expect(refusedWithSameChange([pull({ state: 'closed', merged: true, number: 4 }), closed], change)?.number).toBe(3)
  })

  it('lets a changed fix through, and does not count requests that expired unanswered', () => {
    expect(refusedWithSameChange([pull({ state: 'closed' })], 'ffffffffffffffff')).toBeNull()
    expect(refusedWithSameChange([pull({ state: 'closed', labels: ['ci-monitor', EXPIRED_LABEL] })], change)).toBeNull()
    expect(refusedWithSameChange([pull({ state: 'open' })], change)).toBeNull()
  })
})

describe('openFixPulls', () => {
  it('counts only ci-monitor\'s open pull requests from fix branches of this repository', () => {
    const pulls = [
      pull(),
      pull({ number: 8, headRef: 'feature/x' }),
      pull({ number: 9, body: 'no marker' }),
      pull({ number: 10, headRepository: 'mallory/widgets' }),
      pull({ number: 11, state: 'closed' })
    ]
    expect(openFixPulls(pulls, 'ACME/widgets').map((p) => p.number)).toEqual([7])
    expect(MAX_OPEN_FIX_PULLS).toBe(5)
  })
})

describe('reasons for a request', () => {
  const reasons = [
    'A fix is ready: x (risk 6 of 10).',
    'Its risk 6 is above the threshold of 5, so a person must approve it before it is applied.',
    'The patch is delivered for review instead of a pull request.'
  ]

  it('drops the patch-only sentence in a pull request, and keeps why a person must approve', () => {
    expect(pullRequestReasons(reasons)).toEqual(reasons.slice(0, 2))
    expect(approvalReasons(reasons)).toEqual([reasons[1]])
  })
})

describe('texts', () => {
  it('explain how to answer, and what each answer does', () => {
    const section = approvalSection(['A person must approve it.'], 24, 'pull-request')
    expect(section).toContain('`/ci-monitor approve`: this pull request is marked ready for review')
    expect(section).toContain('`/ci-monitor reject`: this pull request is closed')
    expect(section).toContain('closed after 24 hours')
  })

  it('fence the patch in an approval issue and carry its markers', () => {
    const body = approvalIssueBody({
      fingerprint: FINGERPRINT,
      change: changeKey(UPGRADE),
      fix: UPGRADE,
      runUrl: 'javascript:alert(1)',
      runAttempt: 1,
      diagnosisSummary: '<img src=x> @octocat **bold**',
      category: 'workflow_config',
      reasons: ['A person must approve it.'],
      timeoutHours: 12
    })
    expect(body).toMatch(/```+diff\ndiff --git a\/\.github\/workflows\/node-ci\.yml/)
    expect(body).toContain('&lt;img src=x&gt; @&#8203;octocat \\*\\*bold\\*\\*')
    expect(body).not.toContain('javascript:')
    expect(approvalFingerprintOf(body)).toBe(FINGERPRINT)
    expect(changeOf(body)).toBe(changeKey(UPGRADE))
  })

  it('never ping or format through a login, job name or patch line', () => {
    expect(refusalReply({ eventKey: 'comment-1', actor: 'mallory', form: 'issue' })).toMatch(/^`mallory` cannot answer this request/)
    const held = heldComment({ authors: ['dev-one'], patch: '+ ``` @here', change: 'a'.repeat(16), runUrl: 'https://github.com/acme/widgets/actions/runs/1' })
    expect(held).toMatch(/````diff\n\+ ``` @here\n````/)
    const verified = verificationComment({ runId: 5, attempt: 1, runNumber: 3, runUrl: 'https://github.com/acme/widgets/actions/runs/5', jobs: ['Build `x` @team'], passed: true, waiting: null, markedReady: true })
    expect(verified).toContain('Verified by [run #3](https://github.com/acme/widgets/actions/runs/5): ``Build `x` @team`` passed with this change. Marked ready for review.')
    expect(verified).toContain('<!-- ci-monitor:verify 5/1 -->')
  })
})
