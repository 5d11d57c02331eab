import { describe, expect, it } from '@jest/globals'
import { planFix } from '../../src/remediate/index.js'
import { changedPairs, diffLines, fixture, plan, planned, refused, upgrade } from './helpers.ts'

describe('upgrade-action on node-ci.yml', () => {
  it('moves upload-artifact and its companion download-artifact, leaving the SHA pin alone', () => {
    const fix = planned(plan('node-ci.yml', upgrade('actions/upload-artifact'), 'test (node 18)'))
    expect(diffLines(fix.patch)).toEqual([
      '-        uses: actions/upload-artifact@v3',
      '+        uses: actions/upload-artifact@v6',
      '-      - uses: actions/download-artifact@v3',
      '+      - uses: actions/download-artifact@v7'
    ])
    expect(fix.changedLines).toEqual({ before: [61, 79], after: [61, 79] })
    expect(fix.after).toContain('actions/upload-artifact@0b7f8abb1508181956e8e162db84b466c27e18ce # v3.1.2')
    expect(fix.description).toContain('pinned to a commit SHA')
    expect(fix.description).toContain('must agree on the artifact format')
    expect(fix.description).toContain('immutable')
    expect(fix.title).toBe('Upgrade actions/upload-artifact to v6 and actions/download-artifact to v7 in node-ci.yml')
    expect(fix.kind).toBe('upgrade-action')
    expect(fix.path).toBe('.github/workflows/node-ci.yml')
    // Documented behaviour changes make a major move riskier than a plain runtime bump.
    expect(fix.risk).toBe(5)
    expect(fix.rollback).toContain('`actions/upload-artifact@v3`')
  })

  it('keeps trailing comments and leaves local and docker actions untouched', () => {
    const fix = planned(plan('node-ci.yml', upgrade('actions/checkout')))
    expect(changedPairs(fix)).toEqual([
      [26, '      - uses: actions/checkout@v3   # full history not needed', '      - uses: actions/checkout@v5   # full history not needed'],
      [44, '      - uses: actions/checkout@v3', '      - uses: actions/checkout@v5'],
      [69, '      - uses: actions/checkout@v3', '      - uses: actions/checkout@v5']
    ])
    expect(fix.after).toContain('- uses: ./.github/actions/build-image')
    expect(fix.after).toContain('- uses: docker://alpine:3.19')
    expect(fix.risk).toBe(3)
  })

  it('keeps single and double quotes and moves a vX.Y.Z ref to the new major', () => {
    const fix = planned(plan('node-ci.yml', upgrade('actions/setup-node')))
    expect(changedPairs(fix)).toEqual([
      [27, "      - uses: 'actions/setup-node@v3.8.1'", "      - uses: 'actions/setup-node@v5'"],
      [46, '        uses: "actions/setup-node@v3"', '        uses: "actions/setup-node@v5"']
    ])
    expect(fix.description).toContain('packageManager')
  })

  it('accepts the hinted action in any case and with a ref, as GitHub does', () => {
    const fix = planned(plan('node-ci.yml', upgrade('Actions/Cache@v3')))
    expect(diffLines(fix.patch)).toEqual(['-        uses: actions/cache@v3', '+        uses: actions/cache@v5'])
  })
})

describe('upgrade-action on java-release.yml (anchors, sub-actions)', () => {
  it('edits an anchored step once, which fixes every alias of it', () => {
    const fix = planned(plan('java-release.yml', upgrade('actions/checkout')))
    expect(changedPairs(fix)).toEqual([[13, '        uses: actions/checkout@v2', '        uses: actions/checkout@v5']])
    expect(fix.description).toContain('(2 steps, in `package`, `publish`)')
  })

  it('moves actions/cache/restore and actions/cache/save with the cache repo', () => {
    const fix = planned(plan('java-release.yml', upgrade('actions/cache/restore')))
    expect(diffLines(fix.patch)).toEqual([
      '-        uses: actions/cache/restore@v3.0.11',
      '+        uses: actions/cache/restore@v5',
      '-        uses: actions/cache/save@v3.0.11',
      '+        uses: actions/cache/save@v5'
    ])
  })

  it('moves setup-java v1 and github-script v6 to their Node 24 majors', () => {
    expect(diffLines(planned(plan('java-release.yml', upgrade('actions/setup-java'))).patch)).toEqual([
      '-        uses: actions/setup-java@v1',
      '+        uses: actions/setup-java@v5'
    ])
    const script = planned(plan('java-release.yml', upgrade('actions/github-script')))
    expect(diffLines(script.patch)).toEqual(['-      - uses: actions/github-script@v6', '+      - uses: actions/github-script@v8'])
    expect(script.description).toContain('Node 24 instead of Node 20')
  })
})

describe('upgrade-action on other workflows', () => {
  it('moves every deprecated major of setup-python, v4 and v5 alike', () => {
    const fix = planned(plan('python-package.yml', upgrade('actions/setup-python')))
    expect(diffLines(fix.patch)).toEqual([
      '-      uses: actions/setup-python@v4',
      '+      uses: actions/setup-python@v6',
      '-    - uses: actions/setup-python@v5',
      '+    - uses: actions/setup-python@v6'
    ])
  })

  it('keeps the comment after setup-go and mentions the toolchain change', () => {
    const fix = planned(plan('go-reusable.yml', upgrade('actions/setup-go')))
    expect(diffLines(fix.patch)).toEqual([
      '-      - uses: actions/setup-go@v5 # reads go.mod',
      '+      - uses: actions/setup-go@v6 # reads go.mod'
    ])
    expect(fix.description).toContain('toolchain directive')
  })

  it('says nothing to change when every reference is already current', () => {
    const result = refused(plan('go-reusable.yml', upgrade('actions/checkout')))
    expect(result.code).toBe('nothing-to-change')
    expect(result.refused).toContain('Already current: `actions/checkout@v5`')
  })

  it('points at reusable workflows and local actions when the action is not used directly', () => {
    const result = refused(plan('go-reusable.yml', upgrade('actions/upload-artifact')))
    expect(result.code).toBe('nothing-to-change')
    expect(result.refused).toContain('`./.github/workflows/integration.yml`')
    expect(result.refused).toContain('`golangci/reusable/.github/workflows/lint.yml@main`')
  })
})

describe('upgrade-action refusals', () => {
  const workflow = (uses: string): string => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n`

  it('leaves a workflow whose only reference is SHA-pinned, and says why', () => {
    const result = refused(
      planFix({
        workflowPath: '.github/workflows/pinned.yml',
        workflowText: workflow('actions/checkout@f43a0e5ff2bd294095638e18286ca9a3d1956744 # v3.6.0'),
        intent: upgrade('actions/checkout'),
        jobName: 'a'
      })
    )
    expect(result.code).toBe('nothing-to-change')
    expect(result.refused).toContain('pinned to a commit SHA')
  })

  it('leaves branch refs alone', () => {
    const result = refused(
      planFix({ workflowPath: '.github/workflows/w.yml', workflowText: workflow('actions/checkout@main'), intent: upgrade('actions/checkout'), jobName: 'a' })
    )
    expect(result.refused).toContain('does not name a version tag')
  })

  it('refuses actions outside the catalog and shows the hint inertly', () => {
    const result = refused(plan('node-ci.yml', upgrade('evil/act`ion @here')))
    expect(result.code).toBe('not-in-catalog')
    expect(result.refused).toContain('``evil/act`ion @here``')
  })

  it('does not rewrite a double-quoted value that uses escapes', () => {
    const result = refused(
      planFix({
        workflowPath: '.github/workflows/w.yml',
        workflowText: workflow('"actions/checkout\\x40v3"'),
        intent: upgrade('actions/checkout'),
        jobName: 'a'
      })
    )
    expect(result.code).toBe('nothing-to-change')
    expect(result.refused).toContain('YAML form ci-monitor does not rewrite')
  })

  it.each([
    ['workflows/ci.yml'],
    ['.github/workflows/sub/ci.yml'],
    ['.github/workflows/../../src/index.yml'],
    ['.github/workflows/ci.json'],
    ['/.github/workflows/ci.yml'],
    ['.github/workflows/my ci.yml']
  ])('refuses the workflow path %s', (workflowPath) => {
    const result = refused(planFix({ workflowPath, workflowText: fixture('node-ci.yml'), intent: upgrade('actions/checkout'), jobName: 'lint' }))
    expect(result.code).toBe('invalid-path')
  })

  it('refuses a file that is not valid YAML', () => {
    const result = refused(
      planFix({ workflowPath: '.github/workflows/w.yml', workflowText: 'jobs:\n  a: [\n', intent: upgrade('actions/checkout'), jobName: 'a' })
    )
    expect(result.code).toBe('unparseable')
  })

  it('refuses an edit that would change an aliased value elsewhere too', () => {
    // The anchored scalar is reused as an env value; moving it would change more than the step.
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: &co actions/checkout@v3\n    env:\n      USED: *co\n'
    const result = refused(planFix({ workflowPath: '.github/workflows/w.yml', workflowText: text, intent: upgrade('actions/checkout'), jobName: 'a' }))
    expect(result.code).toBe('shape-changed')
  })
})

describe('CRLF workflows', () => {
  it('keeps CRLF line endings on the edited line and everywhere else', () => {
    const text = fixture('node-ci.yml').replace(/\n/g, '\r\n')
    const fix = planned(planFix({ workflowPath: '.github/workflows/node-ci.yml', workflowText: text, intent: upgrade('actions/checkout'), jobName: 'lint' }))
    expect(fix.after.split('\r\n')).toHaveLength(text.split('\r\n').length)
    expect(fix.after.replace(/\r\n/g, '')).not.toContain('\n')
    expect(fix.after).toContain('      - uses: actions/checkout@v5   # full history not needed\r\n')
    expect(fix.changedLines).toEqual({ before: [26, 44, 69], after: [26, 44, 69] })
  })
})
