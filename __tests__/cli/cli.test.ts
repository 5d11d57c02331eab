import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../src/cli/run.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/logs/', import.meta.url))

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } })
  return { code, stdout, stderr }
}

describe('ci-monitor analyze', () => {
  it('prints one JSON object with the verdict and 1-based excerpt ranges of the file', async () => {
    const { code, stdout, stderr } = await cli('analyze', join(FIXTURES, 'deprecated-artifact.log'), '--json')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout.trim().split('\n')).toHaveLength(1)
    const verdict = JSON.parse(stdout) as Record<string, unknown>
    expect(verdict).toMatchObject({
      owner: 'DEVOPS',
      category: 'workflow_config',
      transient: false,
      engine: 'rules',
      excerpt: { lines: [[3, 5]] },
      fix: { kind: 'upgrade-action', action: 'actions/upload-artifact', fromRef: 'v3' }
    })
    expect(verdict['fingerprint']).toMatch(/^[0-9a-f]{16}$/)
    expect(typeof verdict['confidence']).toBe('number')
    expect(String(verdict['summary'])).toContain('actions/upload-artifact')
  })

  it('prints a readable report with numbered excerpt lines', async () => {
    const { code, stdout } = await cli('analyze', join(FIXTURES, 'pytest-failure.log'))
    expect(code).toBe(0)
    expect(stdout).toContain('DEVELOPER')
    expect(stdout).toContain('Test failure (test_failure)')
    expect(stdout).toContain('Run pytest -q')
    expect(stdout).toMatch(/\n\s*\d+ \| FAILED tests\/test_cart\.py::test_total - assert 3 == 4\n/)
  })

  it('reports null as the fix when there is none', async () => {
    const { stdout } = await cli('analyze', '--json', join(FIXTURES, 'tsc-error.log'))
    expect(JSON.parse(stdout)).toMatchObject({ category: 'build_error', fix: null })
  })

  it('compares with a green run\'s log given by --green: the lines both printed are counted and ranked lower', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-monitor-cli-'))
    try {
      const noise = 'Error: connect ECONNREFUSED 127.0.0.1:5432'
      const head = ['##[group]Run npm test', 'npm test', '##[endgroup]', noise]
      const green = join(dir, 'green.log')
      const failed = join(dir, 'failed.log')
      writeFileSync(green, [...head, 'PASS src/sum.test.js', ''].join('\n'))
      writeFileSync(failed, [...head, 'FAIL src/sum.test.js', '  ● sum › adds two numbers', '##[error]Process completed with exit code 1.', ''].join('\n'))
      const alone = JSON.parse((await cli('analyze', failed, '--json')).stdout) as Record<string, unknown>
      const compared = JSON.parse((await cli('analyze', failed, '--json', '--green', green)).stdout) as Record<string, unknown>
      expect(alone).toMatchObject({ category: 'service_dependency' })
      expect(alone['comparedWithGreen']).toBeUndefined()
      expect(compared).toMatchObject({ category: 'test_failure', comparedWithGreen: { lines: 5, demoted: 1 }, fingerprint: alone['fingerprint'] })
      const missing = await cli('analyze', failed, `--green=${join(dir, 'nope.log')}`)
      expect(missing.code).toBe(2)
      expect(missing.stderr).toMatch(/^ci-monitor analyze: cannot read .*nope\.log: no such file\n$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails with one line on stderr and exit code 2 for a missing, unreadable or directory path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-monitor-cli-'))
    try {
      for (const path of [join(dir, 'missing.log'), dir]) {
        const { code, stdout, stderr } = await cli('analyze', path, '--json')
        expect(code).toBe(2)
        expect(stdout).toBe('')
        expect(stderr.trim().split('\n')).toHaveLength(1)
      }
      if (process.getuid?.() !== 0) {
        const locked = join(dir, 'locked.log')
        writeFileSync(locked, 'x', { mode: 0o000 })
        expect((await cli('analyze', locked)).code).toBe(2)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('treats usage mistakes the same way', async () => {
    for (const argv of [[], ['analyze'], ['analyze', 'a.log', 'b.log'], ['analyze', '--yaml', 'a.log'], ['analyze', 'a.log', '--green'], ['frobnicate']]) {
      const { code, stderr } = await cli(...argv)
      expect(code).toBe(2)
      expect(stderr.trim().split('\n')).toHaveLength(1)
    }
  })

  it('prints help on request', async () => {
    const { code, stdout } = await cli('--help')
    expect(code).toBe(0)
    expect(stdout).toContain('analyze PATH [--json] [--green GREEN_PATH]')
  })
})
