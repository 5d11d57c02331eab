import { describe, expect, it } from '@jest/globals'
import { checkFixSafety, planFix } from '../../src/remediate/index.js'
import { crlf, diffLines, fixture, heap, plan, planned, refused } from './helpers.ts'

describe('node-heap', () => {
  it('merges the heap size into NODE_OPTIONS for the failing step, carrying the workflow-level flags', () => {
    const fix = planned(plan('web-build.yml', heap('Bundle'), 'build (web)'))
    expect(diffLines(fix.patch)).toEqual(['+          NODE_OPTIONS: --enable-source-maps --max-old-space-size=4096'])
    expect(fix.after).toContain('        env:\n          CI: true\n          NODE_OPTIONS: --enable-source-maps --max-old-space-size=4096\n')
    // The workflow-level value is left as it is for every other step.
    expect(fix.after).toContain('  NODE_OPTIONS: --enable-source-maps   # keep stack traces readable')
    expect(fix.description).toContain('carries over the workflow')
    // A matrix over ubuntu-latest and macos-latest: the smaller machine (7 GB) bounds the heap.
    expect(fix.description).toContain('`ubuntu-latest`, `macos-latest` have 7 GB')
    expect(fix.risk).toBe(3)
  })

  it('uses the API runner labels and the public-repository memory when given', () => {
    const fix = planned(plan('web-build.yml', heap('Bundle'), 'build (web)', { runnerLabels: ['ubuntu-latest'], repositoryVisibility: 'public' }))
    expect(fix.description).toContain('`ubuntu-latest` has 16 GB of memory;')
    expect(fix.description).toContain('(12288 MiB)')
    expect(fix.risk).toBe(2)
  })

  it('doubles an existing job-level size in place, up to 75% of the runner memory', () => {
    const fix = planned(plan('web-build.yml', heap('Build Storybook'), 'storybook'))
    // Build Storybook has no env of its own; the job's NODE_OPTIONS is the one to raise.
    expect(diffLines(fix.patch)).toEqual(['-      NODE_OPTIONS: --max-old-space-size=3072', '+      NODE_OPTIONS: --max-old-space-size=5120'])
    expect(fix.description).toContain('up from 3072 MiB')
    expect(fix.rollback).toBe('Revert the commit, or set `NODE_OPTIONS` back to `--max-old-space-size=3072`.')
  })

  it('refuses at the cap', () => {
    const text = fixture('web-build.yml').replace('--max-old-space-size=3072', '--max-old-space-size=5120')
    const result = refused(planFix({ workflowPath: '.github/workflows/web-build.yml', workflowText: text, intent: heap('Build Storybook'), jobName: 'storybook' }))
    expect(result.code).toBe('at-cap')
    expect(result.refused).toContain('at or below 5120 MiB')
  })

  it('sets the job env when the step is not known, keeping CRLF', () => {
    const fix = planned(planFix({ workflowPath: '.github/workflows/web-build.yml', workflowText: crlf('web-build.yml'), intent: heap(null), jobName: 'install' }))
    expect(diffLines(fix.patch)).toEqual(['+    env:\r', '+      NODE_OPTIONS: --enable-source-maps --max-old-space-size=4096\r'])
    expect(fix.title).toBe('Raise the Node.js heap to 4096 MiB for job install')
  })

  it('refuses self-hosted runners, scripts that set the size themselves and expressions', () => {
    const selfHosted = refused(plan('web-build.yml', heap('Bundle'), 'self-hosted'))
    expect(selfHosted.code).toBe('unsupported-runner')
    expect(selfHosted.refused).toContain('`self-hosted, linux, x64`')
    const inScript = fixture('web-build.yml').replace('npx storybook build', 'NODE_OPTIONS=--max-old-space-size=2048 npx storybook build')
    expect(refused(planFix({ workflowPath: '.github/workflows/w.yml', workflowText: inScript, intent: heap('Build Storybook'), jobName: 'storybook' })).code).toBe('not-editable')
    const expression = fixture('web-build.yml').replace('NODE_OPTIONS: --max-old-space-size=3072', 'NODE_OPTIONS: ${{ vars.NODE_FLAGS }}')
    expect(refused(planFix({ workflowPath: '.github/workflows/w.yml', workflowText: expression, intent: heap(null), jobName: 'storybook' })).code).toBe('not-editable')
  })

  it('passes the gate, which lets NODE_OPTIONS change only by a heap size', () => {
    const fix = planned(plan('web-build.yml', heap('Bundle'), 'build (web)'))
    expect(checkFixSafety(fix.before, fix.after)).toEqual([])
    const loader = fix.after.replace('--max-old-space-size=4096', '--max-old-space-size=4096 --require ./hook.js')
    expect(checkFixSafety(fix.before, loader).map((v) => v.rule)).toEqual(['env-injection'])
  })
})

describe('node-heap on a step shared through a YAML anchor', () => {
  it('raises the heap for the failing job only', () => {
    const fix = planned(plan('java-release.yml', heap('Set up JDK 17'), 'publish'))
    expect(diffLines(fix.patch)).toEqual(['+    env:', '+      NODE_OPTIONS: --max-old-space-size=4096'])
    expect(fix.after).toContain('  publish:\n    needs: package\n    runs-on: ubuntu-22.04\n    permissions:\n      contents: write\n    env:\n      NODE_OPTIONS: --max-old-space-size=4096\n    steps:\n')
  })
})
