import { describe, expect, it } from '@jest/globals'
import { checkFixSafety, planFix } from '../../src/remediate/index.js'
import { crlf, diffLines, disk, fixture, plan, planned, refused } from './helpers.ts'

const STEP = [
  '+      - name: Free disk space (ci-monitor)',
  '+        run: |',
  '+          sudo rm -rf /usr/local/lib/android',
  '+          sudo rm -rf /usr/share/dotnet',
  '+          sudo rm -rf /opt/ghc /usr/local/.ghcup',
  '+          sudo rm -rf /opt/hostedtoolcache/CodeQL',
  '+          docker image prune --all --force',
  '+          df -h /'
]

describe('free-disk', () => {
  it('inserts the catalog step first, above the comment that leads the old first step', () => {
    const fix = planned(plan('docker-image.yml', disk('Build image'), 'image'))
    expect(diffLines(fix.patch)).toEqual(STEP)
    expect(fix.after).toContain('    steps:\n      - name: Free disk space (ci-monitor)\n')
    expect(fix.after).toContain('          df -h /\n      # Full history for the version stamp.\n      - uses: actions/checkout@v5\n')
    expect(fix.changedLines).toEqual({ before: [], after: [12, 13, 14, 15, 16, 17, 18, 19] })
    expect(fix.risk).toBe(5)
    expect(fix.rollback).toBe('Revert the commit, or delete the step `Free disk space (ci-monitor)` of job `image`.')
  })

  it('keeps .NET for a job that uses it', () => {
    const fix = planned(plan('docker-image.yml', disk(), 'dotnet'))
    expect(diffLines(fix.patch)).toEqual(STEP.filter((line) => !line.includes('dotnet')))
    expect(fix.description).toContain('Kept because this job\'s workflow text mentions them: .NET (~1.6 GB).')
    expect(fix.risk).toBe(4)
  })

  it('keeps CRLF line endings', () => {
    const fix = planned(planFix({ workflowPath: '.github/workflows/docker-image.yml', workflowText: crlf('docker-image.yml'), intent: disk(), jobName: 'image' }))
    expect(diffLines(fix.patch)).toEqual(STEP.map((line) => `${line}\r`))
  })

  it.each([
    ['in-container', 'run inside a container'],
    ['mac', 'not proposed for Windows, macOS'],
    ['own-runner', '`self-hosted, gpu`, which is not a standard GitHub-hosted runner']
  ])('refuses job %s', (job, reason) => {
    const result = refused(plan('docker-image.yml', disk(), job))
    expect(result.code).toBe('unsupported-runner')
    expect(result.refused).toContain(reason)
  })

  it('refuses a runner it cannot tell, and resolves a matrix through the API labels', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    steps:\n      - run: make\n'
    const input = { workflowPath: '.github/workflows/a.yml', workflowText: text, intent: disk(), jobName: 'a (ubuntu-latest)' }
    // The job name names the matrix value, which is one of the workflow's own labels.
    expect(diffLines(planned(planFix(input)).patch)[0]).toBe('+      - name: Free disk space (ci-monitor)')
    expect(refused(planFix({ ...input, jobName: 'a' })).code).toBe('unsupported-runner')
    expect(diffLines(planned(planFix({ ...input, jobName: 'a', runnerLabels: ['ubuntu-latest'] })).patch)).toHaveLength(8)
    expect(refused(planFix({ ...input, workflowText: text.replace('${{ matrix.os }}', '${{ inputs.runner }}') })).code).toBe('unsupported-runner')
  })

  it('says nothing to change once the job frees disk space', () => {
    const first = planned(plan('docker-image.yml', disk(), 'image'))
    expect(refused(planFix({ workflowPath: first.path, workflowText: first.after, intent: disk(), jobName: 'image' })).code).toBe('nothing-to-change')
    const action = fixture('docker-image.yml').replace('      - name: Build image\n', '      - uses: jlumbroso/free-disk-space@54081f138730dfa15788a46383842cd2f914a1be # v1.3.1\n      - name: Build image\n')
    expect(refused(planFix({ workflowPath: first.path, workflowText: action, intent: disk(), jobName: 'image' })).code).toBe('nothing-to-change')
  })

  it('passes the gate, which accepts rm -rf only from the template', () => {
    const fix = planned(plan('docker-image.yml', disk(), 'image'))
    expect(checkFixSafety(fix.before, fix.after)).toEqual([])
    const homemade = fix.after.replace('          sudo rm -rf /opt/hostedtoolcache/CodeQL\n', '          sudo rm -rf /opt/hostedtoolcache/CodeQL tests/\n')
    expect(checkFixSafety(fix.before, homemade).map((v) => v.rule)).toEqual(['weakens-checks'])
  })
})
