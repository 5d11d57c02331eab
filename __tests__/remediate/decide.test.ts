import { describe, expect, it } from '@jest/globals'
import { decide, DEFAULT_FIX_POLICY } from '../../src/remediate/index.js'
import type { Decision, DecideInput, PlannedFix } from '../../src/remediate/index.js'
import type { Diagnosis } from '../../src/classify/types.js'
import { plan, planned, refused, timeout, upgrade } from './helpers.ts'

const UPGRADE = planned(plan('node-ci.yml', upgrade('actions/checkout'))) // risk 3
const ARTIFACTS = planned(plan('node-ci.yml', upgrade('actions/upload-artifact'))) // risk 5

function diagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    owner: 'DEVOPS',
    category: 'workflow_config',
    confidence: 0.9,
    transient: false,
    summary: 'The workflow uses a deprecated action.',
    ruleId: 'test-rule',
    engine: 'rules',
    evidence: [],
    fix: upgrade('actions/checkout'),
    ...overrides
  }
}

function input(overrides: Partial<DecideInput> = {}, run: Partial<DecideInput['run']> = {}): DecideInput {
  return {
    diagnosis: diagnosis(),
    plan: UPGRADE,
    policy: DEFAULT_FIX_POLICY,
    run: { repository: 'acme/web', runAttempt: 1, fromFork: false, fixTokenAvailable: true, dryRun: false, ...run },
    ...overrides
  }
}

function expectSentences(decision: Decision): void {
  expect(decision.reasons.length).toBeGreaterThan(0)
  for (const reason of decision.reasons) expect(reason).toMatch(/^[A-Z`][^\n]*[.)]$/)
}

describe('decide', () => {
  it('opens a PR for a DEVOPS failure with a fix when a fix token is available', () => {
    const decision = decide(input())
    expect(decision).toMatchObject({ action: 'open-pr', fix: UPGRADE, rerun: false, notify: true, needsApproval: false, dryRun: false })
    expect(decision.reasons[0]).toBe(`A fix is ready: ${UPGRADE.title} (risk 3 of 10).`)
    expectSentences(decision)
  })

  it('delivers the patch and says why when only GITHUB_TOKEN is available', () => {
    const decision = decide(input({}, { fixTokenAvailable: false }))
    expect(decision).toMatchObject({ action: 'deliver-patch', fix: UPGRADE, needsApproval: false, notify: true })
    expect(decision.reasons.join(' ')).toContain('default GITHUB_TOKEN, which has no workflows permission')
    expectSentences(decision)
  })

  it('asks for approval when the risk is above the threshold', () => {
    const decision = decide(input({ plan: ARTIFACTS, policy: { ...DEFAULT_FIX_POLICY, riskThreshold: 4 } }))
    expect(decision).toMatchObject({ action: 'deliver-patch', needsApproval: true, fix: ARTIFACTS })
    expect(decision.reasons.join(' ')).toContain('risk 5 is above the threshold of 4')
    // At the threshold it is not "above": the PR is opened.
    expect(decide(input({ plan: ARTIFACTS })).action).toBe('open-pr')
  })

  it('asks for approval in a protected repository (globs, any case)', () => {
    const policy = { ...DEFAULT_FIX_POLICY, protectedRepositories: ['acme/infra-*', 'ACME/Web'] }
    const decision = decide(input({ policy }))
    expect(decision).toMatchObject({ action: 'deliver-patch', needsApproval: true })
    expect(decision.reasons.join(' ')).toContain('`acme/web` is a protected repository')
    expect(decide(input({ policy }, { repository: 'acme/infra-prod' })).needsApproval).toBe(true)
    expect(decide(input({ policy }, { repository: 'acme/api' })).action).toBe('open-pr')
  })

  it('refuses a fix outside the allowed paths', () => {
    const decision = decide(input({ policy: { ...DEFAULT_FIX_POLICY, allowedPaths: ['.github/workflows/release-*.yml'] } }))
    expect(decision).toMatchObject({ action: 'notify', fix: null, notify: true, rerun: false })
    expect(decision.reasons[0]).toContain('outside the allowed paths')
  })

  it('refuses a fix the safety gate rejects, whoever planned it', () => {
    const tampered: PlannedFix = { ...UPGRADE, after: UPGRADE.after.replace('    timeout-minutes: 10\n', '    timeout-minutes: 10\n    continue-on-error: true\n') }
    const decision = decide(input({ plan: tampered }))
    expect(decision).toMatchObject({ action: 'notify', fix: null })
    expect(decision.reasons).toEqual(['The fix is refused by the safety gate: The change adds continue-on-error, which would let the failure pass instead of fixing it.'])
  })

  it('runs the gate with the injected syntax check and the configured timeout cap', () => {
    const rejecting = decide({ ...input(), validateWorkflow: (text) => (text.includes('actions/checkout@v5') ? ['checkout@v5 unknown'] : []) })
    expect(rejecting.action).toBe('notify')
    expect(rejecting.reasons[0]).toContain("breaks GitHub's workflow syntax: `checkout@v5 unknown`")
    const long = planned(plan('node-ci.yml', timeout(), 'docker', { maxTimeoutMinutes: 720 }))
    const d = diagnosis({ category: 'job_timeout', fix: timeout() })
    expect(decide(input({ diagnosis: d, plan: long })).reasons[0]).toContain('above the cap of 360')
    expect(decide(input({ diagnosis: d, plan: long, policy: { ...DEFAULT_FIX_POLICY, maxTimeoutMinutes: 720, riskThreshold: 10 } })).action).toBe('open-pr')
  })

  it('only notifies for a DEVELOPER failure', () => {
    const decision = decide(input({ diagnosis: diagnosis({ owner: 'DEVELOPER', category: 'test_failure', fix: null }), plan: null }))
    expect(decision).toMatchObject({ action: 'notify', notify: true, rerun: false, fix: null })
    expect(decision.reasons[0]).toContain('in the code (test failure)')
    expectSentences(decision)
  })

  it('only notifies for runs from forks, even with a fix or a transient failure', () => {
    for (const d of [diagnosis(), diagnosis({ transient: true, category: 'network', fix: null })]) {
      const decision = decide(input({ diagnosis: d, plan: d.fix ? UPGRADE : null }, { fromFork: true }))
      expect(decision).toMatchObject({ action: 'notify', rerun: false, fix: null })
      expect(decision.reasons[0]).toContain('fork')
    }
  })

  it('never fixes or re-runs on low confidence, and says so', () => {
    for (const confidence of [0.49, Number.NaN]) {
      const decision = decide(input({ diagnosis: diagnosis({ confidence }) }))
      expect(decision).toMatchObject({ action: 'notify', fix: null, rerun: false })
      expect(decision.reasons[0]).toContain('below 0.5')
    }
    const transient = decide(input({ diagnosis: diagnosis({ confidence: 0.3, transient: true, fix: null }), plan: null }))
    expect(transient.action).toBe('notify')
  })

  it('re-runs a transient DEVOPS failure without a fix once', () => {
    const decision = decide(input({ diagnosis: diagnosis({ transient: true, category: 'network', fix: null }), plan: null }))
    expect(decision).toMatchObject({ action: 'rerun', rerun: true, notify: false, fix: null })
    expect(decision.reasons).toEqual(['The failure looks transient (network), so the failed jobs are re-run once.'])
  })

  it('does not re-run again from attempt 2 on', () => {
    const decision = decide(input({ diagnosis: diagnosis({ transient: true, category: 'network', fix: null }), plan: null }, { runAttempt: 2 }))
    expect(decision).toMatchObject({ action: 'notify', rerun: false })
    expect(decision.reasons[0]).toContain('already attempt 2')
  })

  it('carries the planner refusal into the reasons', () => {
    const refusal = refused(plan('node-ci.yml', timeout(), 'docker'))
    const d = diagnosis({ category: 'job_timeout', fix: timeout() })
    const decision = decide(input({ diagnosis: d, plan: refusal }))
    expect(decision.action).toBe('notify')
    expect(decision.reasons[0]).toBe(`No fix is proposed: ${refusal.refused}`)
    expect(decision.reasons[1]).toContain('needs a person')
    const transient = decide(input({ diagnosis: { ...d, transient: true }, plan: refusal }))
    expect(transient.action).toBe('rerun')
    expect(transient.reasons[0]).toContain('No fix is proposed')
  })

  it('marks a dry run and keeps the decision', () => {
    const decision = decide(input({}, { dryRun: true }))
    expect(decision).toMatchObject({ action: 'open-pr', dryRun: true })
    expect(decision.reasons.at(-1)).toBe('Dry run: nothing is changed; this records what ci-monitor would do.')
  })
})
