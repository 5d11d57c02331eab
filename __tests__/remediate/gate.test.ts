import { describe, expect, it } from '@jest/globals'
import { checkFixSafety } from '../../src/remediate/index.js'
import type { GateRule } from '../../src/remediate/index.js'
import { fixture, plan, planned, upgrade } from './helpers.ts'

const NODE_CI = fixture('node-ci.yml')

/** Replaces one exact piece of the fixture, failing loudly if it is not there. */
function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from)
  return text.replace(from, to)
}

function rules(before: string, after: string): GateRule[] {
  return checkFixSafety(before, after).map((v) => v.rule)
}

describe('the safety gate', () => {
  it('passes the catalog fixes', () => {
    const fix = planned(plan('node-ci.yml', upgrade('actions/upload-artifact')))
    expect(checkFixSafety(fix.before, fix.after)).toEqual([])
  })

  it('passes an inserted step; deleting files only as the catalog free-disk step does', () => {
    const template = '      - name: Free disk space (ci-monitor)\n        run: |\n          sudo rm -rf /usr/share/dotnet\n          df -h /\n'
    expect(rules(NODE_CI, edit(NODE_CI, '    steps:\n      - uses: actions/checkout@v3   #', `    steps:\n${template}      - uses: actions/checkout@v3   #`))).toEqual([])
    const other = edit(NODE_CI, '    steps:\n      - uses: actions/checkout@v3   #', '    steps:\n      - run: rm -rf test/\n      - uses: actions/checkout@v3   #')
    expect(rules(NODE_CI, other)).toEqual(['weakens-checks'])
  })

  it.each([
    ['at job level', '    timeout-minutes: 10\n', '    timeout-minutes: 10\n    continue-on-error: true\n'],
    ['on a step', '      - run: npm run lint\n', '      - run: npm run lint\n        continue-on-error: true\n'],
    ['as an expression', '      - run: npm run lint\n', "      - run: npm run lint\n        continue-on-error: ${{ matrix.experimental }}\n"]
  ])('refuses continue-on-error added %s', (_where, from, to) => {
    expect(rules(NODE_CI, edit(NODE_CI, from, to))).toEqual(['continue-on-error'])
  })

  it('lets continue-on-error: false through', () => {
    expect(rules(NODE_CI, edit(NODE_CI, '      - run: npm run lint\n', '      - run: npm run lint\n        continue-on-error: false\n'))).toEqual([])
  })

  it.each([['false'], ['${{ false }}'], ["${{ '' }}"]])('refuses if: %s and says it always skips', (condition) => {
    const violations = checkFixSafety(NODE_CI, edit(NODE_CI, '      - run: npm run lint\n', `      - run: npm run lint\n        if: ${condition}\n`))
    expect(violations.map((v) => v.rule)).toEqual(['if-condition'])
    expect(violations[0]!.message).toContain('always false')
  })

  it('refuses a rewritten or removed if: condition', () => {
    expect(rules(NODE_CI, edit(NODE_CI, "if: matrix.os == 'ubuntu-latest'", 'if: always()'))).toEqual(['if-condition'])
    expect(rules(NODE_CI, edit(NODE_CI, "        if: matrix.os == 'ubuntu-latest'\n", ''))).toEqual(['if-condition'])
  })

  it('refuses deleting a step or a job', () => {
    expect(rules(NODE_CI, edit(NODE_CI, '      - run: npm run lint\n', ''))).toEqual(['removes-step'])
    const withoutDocker = edit(NODE_CI, NODE_CI.slice(NODE_CI.indexOf('  docker:'), NODE_CI.indexOf('  report:')), '')
    expect(rules(NODE_CI, withoutDocker)).toEqual(['removes-job'])
  })

  it.each([
    ['a map of triggers', 'on:\n  push:', 'on:\n  pull_request_target:\n  push:'],
    ['a list of triggers', 'on:\n  push:\n    branches: [ main, \'release/**\' ]\n  pull_request: {}', 'on: [push, pull_request, pull_request_target]']
  ])('refuses pull_request_target added to %s', (_form, from, to) => {
    const violations = checkFixSafety(NODE_CI, edit(NODE_CI, from, to))
    expect(violations.map((v) => v.rule)).toEqual(['adds-trigger'])
    expect(violations[0]!.message).toContain('pull_request_target')
  })

  it('refuses a trigger added to a single-event workflow', () => {
    const before = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n'
    expect(rules(before, before.replace('on: push', 'on: [push, schedule]'))).toEqual(['adds-trigger'])
  })

  it.each([
    ['contents: read to write at workflow level', 'permissions:\n  contents: read', 'permissions:\n  contents: write'],
    ['write-all at workflow level', 'permissions:\n  contents: read', 'permissions: write-all'],
    ['a new scope', 'permissions:\n  contents: read', 'permissions:\n  contents: read\n  pull-requests: write'],
    ['a dropped declaration', 'permissions:\n  contents: read\n', '']
  ])('refuses widened permissions: %s', (_case, from, to) => {
    expect(rules(NODE_CI, edit(NODE_CI, from, to))).toEqual(['widens-permissions'])
  })

  it('refuses an unknown permission level, which also breaks the workflow syntax', () => {
    expect(rules(NODE_CI, edit(NODE_CI, 'permissions:\n  contents: read', 'permissions:\n  contents: admin')).sort()).toEqual(['schema-invalid', 'widens-permissions'])
  })

  it('refuses a job-level grant the workflow level did not give', () => {
    expect(rules(NODE_CI, edit(NODE_CI, '  lint:\n    runs-on: ubuntu-latest\n', '  lint:\n    permissions:\n      issues: write\n    runs-on: ubuntu-latest\n'))).toEqual(['widens-permissions'])
  })

  it('lets narrowing through', () => {
    expect(rules(NODE_CI, edit(NODE_CI, 'permissions:\n  contents: read', 'permissions: {}'))).toEqual([])
    const release = fixture('java-release.yml')
    expect(rules(release, edit(release, '      contents: write', '      contents: read'))).toEqual([])
  })

  it('treats a first declaration as widening only when it grants write', () => {
    const before = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n'
    expect(rules(before, before.replace('jobs:', 'permissions: read-all\njobs:'))).toEqual([])
    expect(rules(before, before.replace('jobs:', 'permissions:\n  contents: write\njobs:'))).toEqual(['widens-permissions'])
  })

  it('refuses any change on a line that mentions secrets', () => {
    expect(rules(NODE_CI, edit(NODE_CI, '  FORCE_COLOR: "1"\n', '  FORCE_COLOR: "1"\n  TOKEN: ${{ secrets.NPM_TOKEN }}\n'))).toEqual(['touches-secrets'])
    const go = fixture('go-reusable.yml')
    expect(rules(go, edit(go, '    secrets: inherit\n', ''))).toEqual(['touches-secrets'])
  })

  it('refuses what it cannot read', () => {
    expect(rules(NODE_CI, 'jobs: [\n')).toEqual(['unparseable'])
  })

  it('reports every rule a change breaks', () => {
    const after = edit(edit(NODE_CI, '      - run: npm run lint\n', '        continue-on-error: true\n'), 'permissions:\n  contents: read', 'permissions: write-all')
    expect(rules(NODE_CI, after).sort()).toEqual(['continue-on-error', 'removes-step', 'widens-permissions'])
  })
})
