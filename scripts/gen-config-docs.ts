// Writes docs/config.schema.json and the README's configuration table from the one zod schema.
// Run: node --import ./scripts/register-ts.mjs scripts/gen-config-docs.ts  (a test checks both are current)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderConfigDocs } from './config-docs.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const docs = renderConfigDocs(readFileSync(join(root, 'README.md'), 'utf8'))
writeFileSync(join(root, 'docs/config.schema.json'), docs.schema)
writeFileSync(join(root, 'README.md'), docs.readme)
console.log('wrote docs/config.schema.json and the README configuration table')
