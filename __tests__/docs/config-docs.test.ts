import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderConfigDocs } from '../../scripts/config-docs.ts'

const root = join(import.meta.dirname, '..', '..')

describe('configuration docs', () => {
  it('README table and docs/config.schema.json are generated from the current schema', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const expected = renderConfigDocs(readme)
    expect(readme).toBe(expected.readme)
    expect(readFileSync(join(root, 'docs/config.schema.json'), 'utf8')).toBe(expected.schema)
  })
})
