import { describe, expect, it } from '@jest/globals'
import { checkFixSafety, decide, DEFAULT_FIX_POLICY, planFix } from '../../src/remediate/index.js'
import type { PlannedFix } from '../../src/remediate/index.js'
import { crlf, diffLines, fixture, permission, plan, planned, refused } from './helpers.ts'

describe('add-permission', () => {
  it('adds the scope to a job block that lacks it (the action table names it)', () => {
    const fix = planned(plan('pr-automation.yml', permission('Upload SARIF'), 'sarif'))
    expect(diffLines(fix.patch)).toEqual(['+      security-events: write'])
    expect(fix.after).toContain('    permissions:\n      contents: read\n      actions: read\n      security-events: write\n    steps:')
    expect(fix.permissionGrant).toEqual({ job: 'sarif', scope: 'security-events', level: 'write' })
    expect(fix.risk).toBe(5)
    expect(fix.title).toBe('Grant security-events: write to job sarif')
  })

  it('gives a job a block of its own that repeats the workflow scopes, raising the one it needs', () => {
    const fix = planned(plan('release-scoped.yml', permission('Run softprops/action-gh-release@v2'), 'publish'))
    expect(diffLines(fix.patch)).toEqual(['+    permissions:', '+      contents: write', '+      issues: read'])
    expect(fix.after).toContain('  publish:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n      issues: read\n    steps:')
    expect(fix.description).toContain("repeats the workflow's scopes")
  })

  it('declares the restricted default plus the scope when nothing was declared, and rates that higher', () => {
    const fix = planned(plan('pr-automation.yml', permission('Run actions/labeler@v6'), 'label'))
    expect(diffLines(fix.patch)).toEqual(['+    permissions:', '+      contents: read', '+      packages: read', '+      pull-requests: write'])
    expect(fix.description).toContain('scopes this job used without declaring them are narrowed')
    expect(fix.risk).toBe(7)
  })

  it('takes the scope from an x-accepted-github-permissions value, with CRLF', () => {
    const text = crlf('release-scoped.yml')
    const fix = planned(planFix({ workflowPath: '.github/workflows/r.yml', workflowText: text, intent: permission(null, 'contents=read,pull_requests=write'), jobName: 'stale' }))
    expect(diffLines(fix.patch)).toEqual(['+    permissions:\r', '+      contents: read\r', '+      issues: read\r', '+      pull-requests: write\r'])
    expect(fix.description).toContain('x-accepted-github-permissions')
  })

  it('takes the first alternative one scope completes', () => {
    const fix = planned(plan('pr-automation.yml', permission(null, 'checks=write; statuses=write'), 'sarif'))
    expect(diffLines(fix.patch)).toEqual(['+      checks: write'])
  })

  it('raises a read it finds in place', () => {
    const text = fixture('pr-automation.yml').replace('      actions: read\n', '      actions: read\n      security-events: read\n')
    const fix = planned(planFix({ workflowPath: '.github/workflows/p.yml', workflowText: text, intent: permission('Upload SARIF'), jobName: 'sarif' }))
    expect(diffLines(fix.patch)).toEqual(['-      security-events: read', '+      security-events: write'])
  })

  it.each([
    ['several scopes missing', 'release-scoped.yml', permission('Run actions/stale@v10'), 'stale', 'ambiguous'],
    ['already granted', 'pr-automation.yml', permission(null, 'contents=read'), 'sarif', 'nothing-to-change'],
    ['a permission a token cannot have', 'pr-automation.yml', permission(null, 'organization_projects=admin'), 'sarif', 'not-in-catalog'],
    ['an action outside the table and no header', 'pr-automation.yml', permission('Run ./scan.sh > results.sarif'), 'sarif', 'not-in-catalog'],
    ['read-all', 'pr-automation.yml', permission(null, 'issues=write'), 'comment', 'not-editable']
  ])('refuses %s', (_case, file, intent, job, code) => {
    expect(refused(plan(file, intent, job)).code).toBe(code)
  })

  it('ignores free text where the header value should be and falls back to the table', () => {
    const fix = planned(plan('pr-automation.yml', permission('Upload SARIF', 'please grant write-all'), 'sarif'))
    expect(diffLines(fix.patch)).toEqual(['+      security-events: write'])
    expect(refused(plan('pr-automation.yml', permission('Run ./scan.sh > results.sarif', 'contents=write; write-all'), 'sarif')).code).toBe('not-in-catalog')
  })

  it('passes the gate with its grant, and only with it', () => {
    const fix = planned(plan('pr-automation.yml', permission('Run actions/labeler@v6'), 'label'))
    expect(checkFixSafety(fix.before, fix.after, { permissionGrant: fix.permissionGrant })).toEqual([])
    expect(checkFixSafety(fix.before, fix.after).map((v) => v.rule)).toEqual(['widens-permissions'])
    const wider = fix.after.replace('      pull-requests: write\n', '      pull-requests: write\n      contents: write\n')
    expect(checkFixSafety(fix.before, wider.replace('      contents: read\n', ''), { permissionGrant: fix.permissionGrant }).map((v) => v.rule)).toEqual(['widens-permissions'])
    const otherJob = { ...fix.permissionGrant!, job: 'sarif' }
    expect(checkFixSafety(fix.before, fix.after, { permissionGrant: otherJob }).map((v) => v.rule)).toEqual(['widens-permissions'])
  })

  it('opens a PR through decide, which honours the grant only from the catalog recipe', () => {
    const fix = planned(plan('pr-automation.yml', permission('Upload SARIF'), 'sarif'))
    const input = (plan: PlannedFix) => ({
      diagnosis: { owner: 'DEVOPS' as const, category: 'permissions_or_credentials' as const, confidence: 0.9, transient: false, summary: 's', ruleId: 'r', engine: 'rules' as const, evidence: [], fix: permission('Upload SARIF') },
      plan,
      policy: DEFAULT_FIX_POLICY,
      run: { repository: 'acme/web', runAttempt: 1, fromFork: false, fixTokenAvailable: true, dryRun: false }
    })
    expect(decide(input(fix)).action).toBe('open-pr')
    const proposed: PlannedFix = { ...fix, origin: 'proposed-diff' }
    const refusedDecision = decide(input(proposed))
    expect(refusedDecision.action).toBe('notify')
    expect(refusedDecision.reasons[0]).toContain('widens the permissions')
    expect(decide({ ...input(fix), run: { ...input(fix).run, fromFork: true } }).action).toBe('notify')
  })
})
