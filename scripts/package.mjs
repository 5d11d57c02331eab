// Builds the committed bundles: dist/index.js (the action) and dist/cli.js (the command line),
// each self-contained, with @vercel/ncc. `npm run build`; a test checks dist/ is what this produces.
import { createRequire } from 'node:module'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
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

// Build beside the target and swap only on success: a failed build leaves the old dist/ in place.
await mkdir(dirname(dist), { recursive: true })
const staging = await mkdtemp(join(dirname(dist), '.dist-build-'))
try {
  await build(staging)
  await rm(dist, { recursive: true, force: true })
  await rename(staging, dist)
} catch (error) {
  await rm(staging, { recursive: true, force: true })
  // ncc's own stack trace prints a minified line of several hundred kilobytes; the message is what matters.
  console.error(`build failed: ${String(error?.message ?? error).slice(0, 4000)}`)
  process.exit(1)
}
console.log(`built ${entries.map((e) => 'dist/' + e.output).join(', ')}`)

async function build(out) {
  const licenses = new Map()
  for (const entry of entries) {
    const { code, assets } = await ncc(join(root, entry.source), { minify: false, sourceMap: false, license: 'licenses.txt', quiet: true })
    await writeFile(join(out, entry.output), code)
    for (const [name, asset] of Object.entries(assets)) {
      if (name === 'licenses.txt') {
        for (const block of String(asset.source).split('\n\n')) licenses.set(block, true)
      } else if (name !== 'package.json') {
        throw new Error(`${entry.source}: unexpected bundle asset ${name}; teach scripts/package.mjs where it goes`)
      }
    }
  }
  await writeFile(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n')
  await writeFile(join(out, 'licenses.txt'), [...licenses.keys()].join('\n\n'))
}
