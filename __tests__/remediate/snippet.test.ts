import { describe, expect, it } from '@jest/globals'
import { failingSnippet } from '../../src/remediate/snippet.js'

const WORKFLOW = `name: CI
on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: npm run lint
  build:
    name: Build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - name: Unit tests
        run: npm test
        env:
          CI: true
`

describe('failingSnippet', () => {
  it('shows the failing step of the failed job', () => {
    expect(failingSnippet(WORKFLOW, 'Build', 'Unit tests')).toBe('      - name: Unit tests\n        run: npm test\n        env:\n          CI: true')
  })

  it('numbers the lines as in the file when asked, for a model to write a diff against', () => {
    expect(failingSnippet(WORKFLOW, 'Build', 'Unit tests', { numbered: true })).toBe(
      '13|       - name: Unit tests\n14|         run: npm test\n15|         env:\n16|           CI: true'
    )
    expect(WORKFLOW.split('\n')[12]).toBe('      - name: Unit tests')
  })

  it('falls back to the whole job when the step is unknown', () => {
    const snippet = failingSnippet(WORKFLOW, 'Build', 'Set up job')
    expect(snippet).toContain('name: Build')
    expect(snippet).toContain('npm test')
    expect(snippet).not.toContain('npm run lint')
  })

  it('is null when the job cannot be found or the file is not a workflow', () => {
    expect(failingSnippet(WORKFLOW, 'deploy', null)).toBeNull()
    expect(failingSnippet('::: not yaml', 'Build', null)).toBeNull()
  })
})
