// Builds the committed bundles: dist/index.js (the action) and dist/cli.js (the command line),
// each self-contained, with @vercel/ncc. `npm run build`; a test checks dist/ is what this produces.
import { createRequire } from 'node:module'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = process.argv[2] ?? join(root, 'dist')

const entries = [
  { source: 'src/index.ts', output: 'index.js' },
  { source: 'src/cli.ts', output: 'cli.js' }
]

await rm(dist, { recursive: true, force: true })
await mkdir(dist, { recursive: true })
const licenses = new Map()
for (const entry of entries) {
  const { code, assets } = await ncc(join(root, entry.source), { minify: false, sourceMap: false, license: 'licenses.txt', quiet: true })
  await writeFile(join(dist, entry.output), code)
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'licenses.txt') {
      for (const block of String(asset.source).split('\n\n')) licenses.set(block, true)
    } else if (name !== 'package.json') {
      throw new Error(`${entry.source}: unexpected bundle asset ${name}; teach scripts/package.mjs where it goes`)
    }
  }
}
await writeFile(join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n')
await writeFile(join(dist, 'licenses.txt'), [...licenses.keys()].join('\n\n'))
console.log(`built ${entries.map((e) => 'dist/' + e.output).join(', ')}`)
