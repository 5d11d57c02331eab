// dist/ is generated and committed (like the check-dist workflow of GitHub's action template):
// this fails when the committed bundles are not what the current sources build.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)
const root = path.resolve(import.meta.dirname, '..')

describe('dist/', () => {
  it('is what `npm run build` makes from the current sources', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'ci-monitor-dist-'))
    try {
      await execFileAsync(process.execPath, [path.join(root, 'scripts/package.mjs'), out], { cwd: root, maxBuffer: 16 * 1024 * 1024 })
      const expected = (await readdir(out)).sort()
      expect((await readdir(path.join(root, 'dist'))).sort()).toEqual(expected)
      for (const file of expected) {
        const [built, committed] = await Promise.all([readFile(path.join(out, file), 'utf8'), readFile(path.join(root, 'dist', file), 'utf8')])
        // A mismatch here means: run `npm run build` and commit dist/.
        expect({ file, upToDate: built === committed }).toEqual({ file, upToDate: true })
      }
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  }, 180_000)
})
