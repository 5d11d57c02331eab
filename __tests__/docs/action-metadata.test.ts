import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseInputs } from '../../src/context/inputs.js'
import { DECISION_OUTPUTS } from '../../src/pipeline/outputs.js'

const root = join(import.meta.dirname, '..', '..')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const readme = readFileSync(join(root, 'README.md'), 'utf8')

describe('action.yml', () => {
  it('runs the bundled dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the code reads, each documented here and in the README', () => {
    const read: string[] = []
    parseInputs((name) => {
      read.push(name)
      return ''
    })
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort())
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length).toBeGreaterThan(10)
      expect(readme).toContain(`| \`${name}\` |`)
    }
  })

  it('declares the same defaults the code falls back to outside the runner', () => {
    const fromActionYml = parseInputs((name) => (name === 'github-token' ? 't' : (action.inputs[name]?.default ?? '')))
    const fromCode = parseInputs((name) => (name === 'github-token' ? 't' : ''))
    expect(fromActionYml).toEqual(fromCode)
  })

  it('lists every value the decision output can take, in action.yml and in the README, and no other', () => {
    const word = (value: string) => new RegExp(`(?:^|[^\\w-])${value}(?![\\w-])`)
    const described = action.outputs['decision']!.description
    for (const value of DECISION_OUTPUTS) expect({ value, listed: word(value).test(described) }).toEqual({ value, listed: true })
    const row = readme.split('\n').find((line) => line.startsWith('| `decision` |'))!
    const listed = [...row.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1]!).filter((value) => value !== 'decision' && value !== 'analyze')
    expect([...new Set(listed)].sort()).toEqual([...DECISION_OUTPUTS].sort())
  })

  it('documents every output in the README', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description.length).toBeGreaterThan(5)
      expect(readme).toContain(`| \`${name}\` |`)
    }
  })
})
