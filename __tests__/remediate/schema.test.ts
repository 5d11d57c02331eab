import { describe, expect, it } from '@jest/globals'
import { checkFixSafety, minimalWorkflowValidator, workflowParserValidator } from '../../src/remediate/index.js'
import type { WorkflowParserModule } from '../../src/remediate/index.js'
import { fixture } from './helpers.ts'

describe('the built-in workflow syntax check', () => {
  it('accepts every fixture workflow', () => {
    for (const name of ['node-ci.yml', 'java-release.yml', 'python-package.yml', 'go-reusable.yml', 'web-build.yml', 'system-deps.yml', 'docker-image.yml', 'python-legacy.yml', 'pr-automation.yml', 'release-scoped.yml']) {
      expect([name, minimalWorkflowValidator(fixture(name))]).toEqual([name, []])
    }
  })

  it.each([
    ['an unknown job key', (t: string) => t.replace('    timeout-minutes: 10\n', '    timeout-minutez: 10\n'), 'unknown key timeout-minutez in job lint'],
    ['an unknown step key', (t: string) => t.replace('      - run: npm run lint\n', '      - run: npm run lint\n        timeout: 5\n'), 'unknown key timeout in step 4 of job lint'],
    ['a missing runs-on', (t: string) => t.replace('  lint:\n    runs-on: ubuntu-latest\n', '  lint:\n'), 'job lint has no runs-on'],
    ['a runs-on of the wrong type', (t: string) => t.replace('  lint:\n    runs-on: ubuntu-latest\n', '  lint:\n    runs-on: 42\n'), 'job lint has an invalid runs-on'],
    ['a bad permission level', (t: string) => t.replace('  contents: read', '  contents: admin'), 'invalid permission contents in workflow'],
    ['an unknown permission scope', (t: string) => t.replace('  contents: read', '  contentz: read'), 'invalid permission contentz in workflow'],
    ['a step with uses and run', (t: string) => t.replace('      - run: npm run lint\n', '      - run: npm run lint\n        uses: actions/cache@v4\n'), 'step 4 of job lint needs exactly one of uses and run'],
    ['a duplicate key', (t: string) => t.replace('    timeout-minutes: 10\n', '    timeout-minutes: 10\n    timeout-minutes: 20\n'), 'YAML error DUPLICATE_KEY']
  ])('reports %s', (_name, change, problem) => {
    expect(minimalWorkflowValidator(change(fixture('node-ci.yml')))).toContain(problem)
  })
})

describe('the @actions/workflow-parser adapter', () => {
  /** A stand-in with the library's shape, answering as the real parser does for an unknown key. */
  const fake: WorkflowParserModule = {
    NoOperationTraceWriter: class {},
    parseWorkflow: (file) => ({
      context: {
        errors: {
          getErrors: () =>
            [...file.content.matchAll(/^( *)(timeout-minutez):/gm)].map((m) => ({
              message: `${file.name} (Line: ${file.content.slice(0, m.index).split('\n').length}, Col: ${m[1]!.length + 1}): Unexpected value '${m[2]}'`
            }))
        }
      }
    })
  }

  it('drops positions so problems compare before and after an edit', () => {
    const validate = workflowParserValidator(fake)
    const broken = fixture('node-ci.yml').replace('    timeout-minutes: 10\n', '    timeout-minutez: 10\n')
    expect(validate(broken)).toEqual(["Unexpected value 'timeout-minutez'"])
    // The same problem on another line after a fix is not the fix's doing.
    const moved = broken.replace('jobs:\n', '# note\njobs:\n')
    expect(checkFixSafety(broken, moved, { validate })).toEqual([])
    expect(checkFixSafety(fixture('node-ci.yml'), broken, { validate }).map((v) => v.rule)).toEqual(['schema-invalid'])
  })
})
