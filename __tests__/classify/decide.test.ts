import { describe, expect, it } from '@jest/globals'
import { classify } from '../../src/classify/index.js'
import { triageText } from '../../src/triage/index.js'
import type { Triage } from '../../src/triage/types.js'

/** A triage whose excerpt is exactly these lines (numbered from 1), inside one failing step. */
function excerpt(lines: string[], failing?: { start: number; end: number }): Triage {
  const base = triageText('')
  return {
    ...base,
    failingStep: failing ? { name: 'Run tests', number: null, range: failing } : null,
    excerpt: { ranges: [{ start: 1, end: lines.length }], lines: lines.map((text, i) => ({ n: i + 1, text })) }
  }
}

describe('precedence', () => {
  it('lets a dominant cause win even when it comes after other errors', () => {
    const d = classify(excerpt(["src/a.ts(1,1): error TS2304: Cannot find name 'x'.", 'npm ERR! nospc ENOSPC: no space left on device, write']))
    expect(d.category).toBe('runner_resource')
    expect(d.ruleId).toBe('resources.disk-full')
  })

  it('takes the earliest named cause: a test failing on a network error is a test failure', () => {
    const d = classify(excerpt(['    client_test.go:40: unexpected error fetching release', '        net/http: TLS handshake timeout', '--- FAIL: TestDownload (10.00s)']))
    expect(d.category).toBe('test_failure')
  })

  it('takes the earliest named cause: a network error that makes tests fail later is the network', () => {
    const d = classify(excerpt(['npm ERR! code ECONNRESET', 'Tests:       3 failed, 10 total']))
    expect(d.category).toBe('network')
  })

  it('prefers a cause inside the failing step over an earlier one that a step survived', () => {
    const lines = ['npm WARN fetch attempt 1 failed with ECONNRESET', 'added 20 packages', 'FAILED tests/test_a.py::test_x - assert 1 == 2']
    expect(classify(excerpt(lines, { start: 3, end: 3 })).category).toBe('test_failure')
    // Without the step boundary the retry warning would have been first.
    expect(classify(excerpt(lines)).category).toBe('network')
  })

  it('lets a more specific detail line refine a generic compiler error', () => {
    const d = classify(
      excerpt([
        '[ERROR] /w/src/test/java/A.java:[42,46] cannot access org.eclipse.jdt.EclipseCompiler',
        '  bad class file: /home/runner/.m2/repository/ecj-3.29.0.jar(EclipseCompiler.class)',
        '    class file has wrong version 55.0, should be 52.0'
      ])
    )
    expect(d.category).toBe('dependency_conflict')
    expect(d.evidence.map((e) => e.n)).toContain(2)
  })

  it('prefers a cause over a tool summary, and a summary over a bare exit code', () => {
    expect(classify(excerpt(['There are test failures.', "src/x.ts(1,1): error TS2304: Cannot find name 'y'."])).category).toBe('build_error')
    expect(classify(excerpt(['Process completed with exit code 1.', '> There were failing tests. See the report at: file:///r.html'])).category).toBe('test_failure')
  })

  it('does not count a Go test log line followed by PASS as a failure', () => {
    const d = classify(excerpt(['    cache_test.go:12: warming cache', '--- PASS: TestCache (0.01s)', 'ok  \tgithub.com/o/a\t0.1s', 'Error: deploy failed']))
    expect(d.category).toBe('other')
  })

  it('lowers confidence when causes of different owners compete', () => {
    const alone = classify(excerpt(['FAILED tests/test_a.py::test_x - assert 1 == 2']))
    const contested = classify(excerpt(['FAILED tests/test_a.py::test_x - assert 1 == 2', 'curl: (6) Could not resolve host: api.example.com']))
    expect(contested.category).toBe('test_failure')
    expect(contested.confidence).toBeLessThan(alone.confidence)
  })
})

describe('facts from the API', () => {
  it('classifies a run that never started as a workflow problem', () => {
    const d = classify(triageText(''), { runConclusion: 'startup_failure' })
    expect(d).toMatchObject({ owner: 'DEVOPS', category: 'workflow_config', evidence: [] })
  })

  it('trusts a timed_out conclusion when the log shows nothing stronger', () => {
    const d = classify(excerpt(['Running 48 tests using 2 workers']), { jobConclusion: 'timed_out' })
    expect(d).toMatchObject({ category: 'job_timeout', fix: { kind: 'raise-timeout', observedMinutes: null } })
  })

  it('still reports a dominant cause found in the log of a timed-out job', () => {
    const d = classify(excerpt(['The runner has received a shutdown signal.']), { jobConclusion: 'timed_out' })
    expect(d.ruleId).toBe('github.runner-shutdown')
  })
})

describe('fix intents', () => {
  it('extracts the retired action and its ref only when they have the strict shape', () => {
    const ok = classify(excerpt(['Error: Missing download info for actions/download-artifact@v3']))
    expect(ok.fix).toEqual({
      kind: 'upgrade-action',
      action: 'actions/download-artifact',
      fromRef: 'v3',
      description: 'Upgrade actions/download-artifact from v3 to a currently supported version.'
    })
    const hostile = classify(excerpt(['Error: Missing download info for ../../etc/passwd@v3; rm -rf /']))
    expect(hostile.fix === null || (hostile.fix.kind === 'upgrade-action' && !hostile.fix.action.includes('..'))).toBe(true)
  })

  it('reads the observed limit of a job timeout', () => {
    const d = classify(excerpt(['The job running on runner ubuntu-8 has exceeded the maximum execution time of 45 minutes.']))
    expect(d.fix).toMatchObject({ kind: 'raise-timeout', observedMinutes: 45 })
  })

  it('offers an action upgrade from a Node.js deprecation warning only when nothing else explains the failure', () => {
    const warning = 'Node.js 16 actions are deprecated. Please update the following actions to use Node.js 20: actions/checkout@v3. For more information see: https://github.blog/changelog/2023-09-22-github-actions-transitioning-from-node-16-to-node-20/.'
    const alone = classify(excerpt([warning]))
    expect(alone).toMatchObject({ category: 'workflow_config', fix: { kind: 'upgrade-action', action: 'actions/checkout', fromRef: 'v3' } })
    expect(alone.confidence).toBeLessThan(0.5)
    const withTest = classify(excerpt([warning, 'FAILED tests/test_a.py::test_x - assert 1 == 2']))
    expect(withTest).toMatchObject({ category: 'test_failure', fix: null })
  })
})

describe('unknown failures', () => {
  it('says other with low confidence and points at the most telling line', () => {
    const d = classify(excerpt(['Deploying build 4711', 'health check degraded']))
    expect(d).toMatchObject({ owner: 'DEVELOPER', category: 'other', ruleId: null })
    expect(d.confidence).toBeLessThanOrEqual(0.2)
  })
})
