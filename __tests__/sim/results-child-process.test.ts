/**
 * The results service simulator reached from child processes configured only through the
 * environment `env()` returns — the way the bundled action will meet it under the runner: one
 * job's process uploads, another job's process of the same run downloads, another run's sees nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { readZip, startResultsSim, type ResultsSim } from './results/index.ts'

const execFileAsync = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '..', '..')
const RUN = '2f0c8f0e-6d7b-4c4e-9a57-0d2b7f3c1a11'

/** One artifact operation with @actions/artifact, chosen and parameterised by SIM_* variables. */
const CHILD_SCRIPT = `
import { DefaultArtifactClient } from '@actions/artifact'
const client = new DefaultArtifactClient()
const env = process.env
let result
if (env.SIM_OP === 'upload') {
  result = await client.uploadArtifact(env.SIM_NAME, JSON.parse(env.SIM_FILES), env.SIM_ROOT)
} else if (env.SIM_OP === 'download') {
  const { artifact } = await client.getArtifact(env.SIM_NAME)
  result = await client.downloadArtifact(artifact.id, { path: env.SIM_TARGET, expectedHash: artifact.digest })
} else {
  result = await client.listArtifacts()
}
console.log('RESULT ' + JSON.stringify(result))
`

const FILES: Record<string, string> = {
  'decision.json': JSON.stringify({ action: 'notify', fingerprint: 'b4d5eed' }),
  'evidence/excerpt.txt': 'error TS2322: Type \'string\' is not assignable to type \'number\'.\n'
}

describe('results service simulator from child processes', () => {
  let sim: ResultsSim
  let workDir: string
  let sourceDir: string

  beforeAll(async () => {
    sim = await startResultsSim()
    workDir = await mkdtemp(path.join(tmpdir(), 'results-sim-child-'))
    sourceDir = path.join(workDir, 'out')
    for (const [name, content] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(sourceDir, name)), { recursive: true })
      await writeFile(path.join(sourceDir, name), content)
    }
  })

  afterAll(async () => {
    await sim.close()
    await rm(workDir, { recursive: true, force: true })
  })

  /** Runs the script in a fresh Node process whose only configuration is its environment. */
  async function runJob(jobBackendId: string, vars: Record<string, string>, runBackendId = RUN): Promise<unknown> {
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: workDir, ...sim.env(runBackendId, jobBackendId), ...vars },
      timeout: 60_000
    })
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '))
    if (!line) throw new Error(`no result from the child process:\n${stdout}`)
    return JSON.parse(line.slice('RESULT '.length))
  }

  it('uploads in one job’s process and downloads identical files in another’s', async () => {
    const files = Object.keys(FILES).map((name) => path.join(sourceDir, name))
    const uploaded = await runJob('job-analyze', { SIM_OP: 'upload', SIM_NAME: 'ci-monitor-decision', SIM_FILES: JSON.stringify(files), SIM_ROOT: sourceDir })
    const [artifact] = sim.artifacts
    expect(uploaded).toMatchObject({ id: artifact.id, size: artifact.bytes!.length })
    expect(artifact).toMatchObject({ name: 'ci-monitor-decision', runBackendId: RUN, jobBackendId: 'job-analyze', finalized: true })
    expect(Object.fromEntries([...readZip(artifact.bytes!)].map(([name, bytes]) => [name, bytes.toString('utf8')]))).toEqual(FILES)

    const target = path.join(workDir, 'in')
    expect(await runJob('job-act', { SIM_OP: 'download', SIM_NAME: 'ci-monitor-decision', SIM_TARGET: target })).toEqual({ downloadPath: target, digestMismatch: false })
    for (const [name, content] of Object.entries(FILES)) expect(await readFile(path.join(target, name), 'utf8')).toBe(content)

    expect(sim.calls.map((c) => [c.method, c.caller?.jobBackendId])).toEqual([
      ['CreateArtifact', 'job-analyze'],
      ['FinalizeArtifact', 'job-analyze'],
      ['ListArtifacts', 'job-act'],
      ['ListArtifacts', 'job-act'],
      ['GetSignedArtifactURL', 'job-act']
    ])
    expect(sim.violations).toEqual([])

    // A process holding another run's token sees none of it.
    expect(await runJob('job-elsewhere', { SIM_OP: 'list' }, 'another-run')).toEqual({ artifacts: [] })
  })
})
