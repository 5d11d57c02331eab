// The incident's words: the marker that finds its issue again, and hostile names and log lines
// staying inert in the issue, its comments and the Slack messages.
import { describe, expect, it } from '@jest/globals'
import {
  incidentComment,
  incidentFingerprint,
  incidentIssueBody,
  incidentIssueTitle,
  incidentMarker,
  incidentSlackMessage,
  incidentSlackReply,
  type IncidentFacts
} from '../../src/pipeline/act/incident-text.js'

const FP = '0123456789abcdef'

const facts = (over: Partial<IncidentFacts> = {}): IncidentFacts => ({
  repository: 'acme/widgets',
  workflow: 'CI <!-- @octocat -->',
  branch: 'feature/<script>',
  fingerprint: FP,
  diagnosis: {
    category: 'network',
    summary: 'Could not reach github.com: @here ping <!channel>',
    evidence: [{ n: 12, text: 'fatal: unable to access ``` @org/team [x](javascript:alert(1))' }]
  },
  runsInWindow: 5,
  windowMinutes: 60,
  threshold: 5,
  run: { id: 42, attempt: 1, url: 'https://github.com/acme/widgets/actions/runs/42' },
  jobs: ['Build | test'],
  at: '2026-11-20T12:00:00.000Z',
  ...over
})

describe('incident marker', () => {
  it('round-trips the fingerprint and accepts only hex', () => {
    expect(incidentFingerprint(`text\n${incidentMarker(FP)}\nmore`)).toBe(FP)
    expect(incidentFingerprint(incidentIssueBody(facts()))).toBe(FP)
    expect(incidentFingerprint('<!-- ci-monitor:incident fingerprint=../../x -->')).toBeNull()
    expect(() => incidentMarker('../etc')).toThrow()
  })
})

describe('incident issue', () => {
  it('says how many runs, what ci-monitor does and how it ends, with untrusted text inert', () => {
    const body = incidentIssueBody(facts())
    expect(body).toContain('**5 runs** of ')
    expect(body).toContain('stops re-running this failure while this issue is open')
    expect(body).toContain('ci-monitor does not close it by itself')
    // Names are code spans (shown literally, no mentions), log text is escaped, evidence is fenced.
    expect(body).toContain('of `CI <!-- @octocat -->` failed')
    expect(body).toContain('on `feature/<script>`')
    expect(body).toContain('@&#8203;here ping &lt;\\!channel&gt;')
    expect(body).toMatch(/````text\n12: fatal: unable to access ``` @org/)
    // Outside code, the only HTML comment is the marker.
    const outsideCode = body.replace(/(`+)[^`][\s\S]*?\1/g, '')
    expect(outsideCode.match(/<!--/g)).toHaveLength(1)
    expect(outsideCode).not.toMatch(/@(here|octocat|org)|<script>/)
    expect(body).toContain('[Run 42 (attempt 1)](https://github.com/acme/widgets/actions/runs/42)')
    expect(incidentIssueTitle(facts())).toBe(`CI incident: Network failure in CI <!-- @octocat --> (${FP})`)
    expect(incidentIssueTitle(facts({ workflow: 'x'.repeat(500) })).length).toBeLessThanOrEqual(200)
  })

  it('comments one line per later run', () => {
    const comment = incidentComment(facts({ run: { id: 43, attempt: 2, url: 'javascript:alert(1)' }, runsInWindow: 6 }))
    expect(comment).toMatch(/^Run 43 \(attempt 2\) on `feature\/<script>` failed the same way/)
    expect(comment).toContain('6 run(s) in the last 60 minutes; not re-run.')
    expect(comment).not.toContain('javascript:')
  })
})

describe('incident Slack messages', () => {
  it('posts one message linking the issue, with no mention or markup from the log', () => {
    const message = incidentSlackMessage(facts(), 'https://github.com/acme/widgets/issues/7')
    const all = JSON.stringify(message)
    expect(all).toContain('<https://github.com/acme/widgets/issues/7|Incident issue>')
    expect(all).not.toMatch(/<!channel>|@here\b|<script>/)
    expect(message.text).toContain('5 runs failed the same way')
  })

  it('replies in the thread with the run and the count', () => {
    const reply = incidentSlackReply(facts({ runsInWindow: 7 }))
    expect(JSON.stringify(reply.blocks)).toContain('<https://github.com/acme/widgets/actions/runs/42|Run 42> (attempt 1) on feature/&lt;script&gt; failed the same way: 7 run(s)')
  })
})
