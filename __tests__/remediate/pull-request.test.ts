import { describe, expect, it } from '@jest/globals'
import { fixBranchName, fixPrBody, fixPrMarker, fixPrTitle, MAX_PR_BODY } from '../../src/remediate/index.js'
import type { FixPrBodyInput } from '../../src/remediate/index.js'
import { plan, planned, upgrade } from './helpers.ts'

const FIX = planned(plan('node-ci.yml', upgrade('actions/upload-artifact')))
const FINGERPRINT = '3f9a0c1d2e4b5a6f'

function body(overrides: Partial<FixPrBodyInput> = {}): string {
  return fixPrBody({
    fix: FIX,
    fingerprint: FINGERPRINT,
    runUrl: 'https://github.com/acme/web/actions/runs/123456789',
    runAttempt: 1,
    diagnosisSummary: 'The workflow uses actions/upload-artifact@v3, which GitHub has switched off.',
    category: 'workflow_config',
    confidence: 0.95,
    evidence: ['Error: This request has been automatically failed because it uses a deprecated version of `actions/upload-artifact: v3`.'],
    reasons: ['A fix is ready: x (risk 5 of 10).', 'A pull request with the fix is opened for review.'],
    ...overrides
  })
}

describe('fixBranchName', () => {
  it('builds the branch from a hex fingerprint', () => {
    expect(fixBranchName(FINGERPRINT)).toBe('ci-monitor/fix-3f9a0c1d2e4b5a6f')
  })

  it.each([['main'], ['../../refs/heads/main'], ['3F9A0C1D'], ['abc'], ['3f9a0c1d\n'], ['3f9a0c1d;rm'], ['a'.repeat(65)]])(
    'refuses %j',
    (fingerprint) => {
      expect(() => fixBranchName(fingerprint)).toThrow('hex fingerprint')
    }
  )
})

describe('fixPrTitle', () => {
  it('is one plain line with a prefix', () => {
    expect(fixPrTitle(FIX)).toBe('ci-monitor: Upgrade actions/upload-artifact to v6 and actions/download-artifact to v7 in node-ci.yml')
  })

  it('drops control and bidi characters and caps the length', () => {
    const title = fixPrTitle({ ...FIX, title: `a\u202Eb\nc${'x'.repeat(400)}` })
    expect(title.startsWith('ci-monitor: ab c')).toBe(true)
    expect(title.length).toBeLessThanOrEqual(256)
  })
})

describe('fixPrBody', () => {
  it('carries the marker, the run link, the description, the risk, the rollback and the diff', () => {
    const text = body()
    expect(text.startsWith(fixPrMarker(FINGERPRINT))).toBe(true)
    expect(fixPrMarker(FINGERPRINT)).toBe('<!-- ci-monitor:fix 3f9a0c1d2e4b5a6f -->')
    expect(text).toContain('[run attempt 1](https://github.com/acme/web/actions/runs/123456789)')
    expect(text).toContain(FIX.description)
    expect(text).toContain('Risk: 5 of 10.')
    expect(text).toContain(FIX.rollback)
    expect(text).toContain('```diff\n' + FIX.patch)
    expect(text).toContain('- A pull request with the fix is opened for review.')
  })

  it('escapes an untrusted summary: no mentions, HTML, links or emphasis', () => {
    const text = body({ diagnosisSummary: 'Ping @acme/admins <img src=x onerror=alert(1)> [click](javascript:alert(1)) **now**\nsecond line' })
    const line = text.split('\n').find((l) => l.startsWith('Ping'))!
    expect(line).toBe(
      'Ping @&#8203;acme/admins &lt;img src=x onerror=alert\\(1\\)&gt; \\[click\\]\\(javascript:alert\\(1\\)\\) \\*\\*now\\*\\* second line (category `workflow_config`, confidence 0.95)'
    )
  })

  it('fences evidence with a fence longer than any backtick run in it', () => {
    const text = body({ evidence: ['```', '````\n@here <script>'] })
    expect(text).toContain('`````text\n```\n````\n@here <script>\n`````')
  })

  it('does not link a run URL that is not plain https', () => {
    for (const runUrl of ['javascript:alert(1)', 'https://evil.example/x) [y](z', 'http://github.com/a']) {
      const text = body({ runUrl })
      expect(text).toContain('after run attempt 1 failed')
      expect(text).not.toContain(runUrl)
    }
  })

  it('stays under the size limit by leaving out the evidence', () => {
    const text = body({ evidence: Array.from({ length: 40 }, () => 'x'.repeat(5000)) })
    expect(text.length).toBeLessThan(MAX_PR_BODY)
    const huge = body({ evidence: Array.from({ length: 40 }, () => 'y'.repeat(500)), fix: { ...FIX, description: 'd'.repeat(50_000) } })
    expect(huge.length).toBeLessThanOrEqual(MAX_PR_BODY)
    expect(huge).toContain('Left out to stay within')
  })
})
