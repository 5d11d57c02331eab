import { describe, expect, it } from '@jest/globals'
import { planFix } from '../../src/remediate/index.js'
import { changedPairs, diffLines, fixture, plan, planned, refused, timeout } from './helpers.ts'

describe('raise-timeout of a job', () => {
  it.each([
    ['the key of an unnamed job', 'lint', 24, 10, 15],
    ['a name whose matrix expression is rendered', 'test (node 18)', 37, 30, 45],
    ['a rendered name with a matrix suffix as well', 'test (node 20) (ubuntu-latest, 20)', 37, 30, 45]
  ])('finds the job by %s', (_label, jobName, line, from, to) => {
    const fix = planned(plan('node-ci.yml', timeout(), jobName))
    const indent = '    '
    expect(changedPairs(fix)).toEqual([[line, `${indent}timeout-minutes: ${from}`, `${indent}timeout-minutes: ${to}`]])
    expect(fix.title).toBe(`Raise timeout-minutes of job ${jobName === 'lint' ? 'lint' : 'test'} from ${from} to ${to}`)
    expect(fix.kind).toBe('raise-timeout')
  })

  it('matches a name built from several matrix values and rounds ×1.5 up', () => {
    const fix = planned(plan('python-package.yml', timeout(), 'Build ubuntu-latest / py3.11'))
    expect(diffLines(fix.patch)).toEqual(['-    timeout-minutes: 45', '+    timeout-minutes: 68'])
    expect(fix.risk).toBe(1)
    expect(fix.rollback).toBe('Revert the commit, or set `timeout-minutes` of job `build` back to 45.')
  })

  it('finds an unnamed matrix job by its key with the matrix suffix', () => {
    const text = 'on: push\njobs:\n  build:\n    runs-on: ${{ matrix.os }}\n    timeout-minutes: 20\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        node: [18]\n    steps:\n      - run: make\n'
    const fix = planned(planFix({ workflowPath: '.github/workflows/b.yml', workflowText: text, intent: timeout(), jobName: 'build (ubuntu-latest, 18)' }))
    expect(diffLines(fix.patch)).toEqual(['-    timeout-minutes: 20', '+    timeout-minutes: 30'])
  })

  it('caps the raise at 360 minutes and refuses once there', () => {
    const text = (minutes: number): string => `on: push\njobs:\n  slow:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${minutes}\n    steps:\n      - run: make\n`
    const input = (minutes: number) => ({ workflowPath: '.github/workflows/s.yml', workflowText: text(minutes), intent: timeout(), jobName: 'slow' })
    expect(diffLines(planned(planFix(input(300))).patch)).toEqual(['-    timeout-minutes: 300', '+    timeout-minutes: 360'])
    const result = refused(planFix(input(360)))
    expect(result.code).toBe('at-cap')
    expect(result.refused).toContain('cap of 360')
    expect(refused(planFix(input(600))).code).toBe('at-cap')
  })

  it('treats a missing timeout as the 360-minute default, which is already at the cap', () => {
    const result = refused(plan('node-ci.yml', timeout(), 'docker'))
    expect(result.code).toBe('at-cap')
    expect(result.refused).toContain("GitHub's default limit of 360 minutes")
  })

  it('adds timeout-minutes above steps when a higher cap is configured', () => {
    const fix = planned(plan('node-ci.yml', timeout(), 'docker', { maxTimeoutMinutes: 720 }))
    expect(fix.changedLines).toEqual({ before: [], after: [68] })
    expect(fix.after.split('\n').slice(65, 69)).toEqual(['  docker:', '    runs-on: ubuntu-latest', '    timeout-minutes: 540', '    steps:'])
    // 180 more minutes of runner time a hung job could burn.
    expect(fix.risk).toBe(3)
  })

  it('notes when the log reported another limit than the file sets', () => {
    const fix = planned(plan('node-ci.yml', timeout(null, 25), 'lint'))
    expect(fix.description).toContain('The log reported a limit of 25 minutes while this workflow file sets 10')
  })

  it('refuses a timeout given by an expression', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.minutes }}\n    steps:\n      - run: make\n'
    const result = refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: timeout(), jobName: 'a' }))
    expect(result.code).toBe('not-editable')
  })

  it('refuses a job that calls a reusable workflow', () => {
    const result = refused(plan('java-release.yml', timeout(), 'call-deploy / deploy'))
    expect(result.code).toBe('not-editable')
    expect(result.refused).toContain('reusable workflow')
  })

  it('refuses an unknown job and an ambiguous one', () => {
    expect(refused(plan('node-ci.yml', timeout(), 'nope')).code).toBe('not-found')
    const text = 'on: push\njobs:\n  a:\n    name: Build ${{ matrix.x }}\n    runs-on: x\n    timeout-minutes: 5\n    steps: [{run: a}]\n  b:\n    name: Build ${{ matrix.y }}\n    runs-on: x\n    timeout-minutes: 5\n    steps: [{run: b}]\n'
    const result = refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: timeout(), jobName: 'Build linux' }))
    expect(result.code).toBe('ambiguous')
  })

  it('matches names against many placeholders in linear time', () => {
    const name = Array.from({ length: 30 }, (_, i) => `\${{ matrix.v${i} }}x`).join('')
    const text = `on: push\njobs:\n  a:\n    name: ${name}\n    runs-on: x\n    timeout-minutes: 5\n    steps: [{run: a}]\n`
    const started = performance.now()
    const result = refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: timeout(), jobName: `${'x'.repeat(500)}y` }))
    expect(result.code).toBe('not-found')
    expect(performance.now() - started).toBeLessThan(1000)
    const fix = planned(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: timeout(), jobName: 'x'.repeat(40) }))
    expect(diffLines(fix.patch)).toEqual(['-    timeout-minutes: 5', '+    timeout-minutes: 8'])
  })

  it('prefers a literal job name over a template that would also match', () => {
    const text = 'on: push\njobs:\n  a:\n    name: Build ${{ matrix.x }}\n    runs-on: x\n    timeout-minutes: 5\n    steps: [{run: a}]\n  b:\n    name: Build linux\n    runs-on: x\n    timeout-minutes: 8\n    steps: [{run: b}]\n'
    const fix = planned(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: timeout(), jobName: 'Build linux' }))
    expect(diffLines(fix.patch)).toEqual(['-    timeout-minutes: 8', '+    timeout-minutes: 12'])
  })
})

describe('raise-timeout of a step', () => {
  it('raises the named step that timed out, capped by its job', () => {
    const fix = planned(plan('python-package.yml', timeout('Run integration tests'), 'Build macos-latest / py3.12'))
    expect(changedPairs(fix)).toEqual([[25, '      timeout-minutes: 20', '      timeout-minutes: 30']])
    expect(fix.title).toBe('Raise timeout-minutes of step Run integration tests of job build from 20 to 30')
  })

  it('takes the only step with a limit when the step name is not recognised', () => {
    const fix = planned(plan('python-package.yml', timeout('Run pytest tests/integration -x'), 'Build macos-latest / py3.12'))
    expect(diffLines(fix.patch)).toEqual(['-      timeout-minutes: 20', '+      timeout-minutes: 30'])
  })

  it('matches unnamed steps by the name GitHub shows for them', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          ./slow.sh --all\n        timeout-minutes: 10\n      - uses: org/act@v1\n        timeout-minutes: 4\n'
    const input = (step: string) => ({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: timeout(step), jobName: 'a' })
    expect(diffLines(planned(planFix(input('Run ./slow.sh --all'))).patch)).toEqual(['-        timeout-minutes: 10', '+        timeout-minutes: 15'])
    expect(diffLines(planned(planFix(input('Run org/act@v1'))).patch)).toEqual(['-        timeout-minutes: 4', '+        timeout-minutes: 6'])
    expect(refused(planFix(input('Run something else'))).code).toBe('ambiguous')
  })

  it('never raises a step above its job limit', () => {
    const text = (step: number): string => `on: push\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 45\n    steps:\n      - name: t\n        timeout-minutes: ${step}\n        run: make\n`
    const input = (step: number) => ({ workflowPath: '.github/workflows/a.yml', workflowText: text(step), intent: timeout('t'), jobName: 'a' })
    const fix = planned(planFix(input(40)))
    expect(diffLines(fix.patch)).toEqual(['-        timeout-minutes: 40', '+        timeout-minutes: 45'])
    expect(fix.description).toContain("its job's limit, here 45 minutes")
    expect(refused(planFix(input(45))).code).toBe('at-cap')
  })

  it('refuses when no step of the job has its own limit', () => {
    const result = refused(plan('node-ci.yml', timeout('Run npm ci'), 'lint'))
    expect(result.code).toBe('not-found')
    expect(fixture('node-ci.yml')).toContain('- run: npm ci')
  })
})
