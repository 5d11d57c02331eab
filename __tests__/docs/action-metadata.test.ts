import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseInputs } from '../../src/context/inputs.js'

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

  it('documents every output in the README', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description.length).toBeGreaterThan(5)
      expect(readme).toContain(`| \`${name}\` |`)
    }
  })
})
