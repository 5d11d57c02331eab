/**
 * The results service simulator driven by the real @actions/artifact client in this process:
 * what one job uploads, another job of the same run lists and downloads intact; another run sees
 * nothing; injected failures take the client down its own retry and error paths.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DefaultArtifactClient } from '@actions/artifact'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readZip, startResultsSim, type BackendIds, type ResultsSim } from './results/index.ts'

const RUN = 'c4d7c21f-ba3f-4ddc-a8c8-6f2f626f8422'
const ANALYZE_JOB: BackendIds = { runBackendId: RUN, jobBackendId: '760803a1-f890-4d25-9a6e-a3fc01a0c7cf' }
const ACT_JOB: BackendIds = { runBackendId: RUN, jobBackendId: '0b8c1c36-52b5-4a43-9f52-5d2f8e1ac0d7' }
const OTHER_RUN_JOB: BackendIds = { runBackendId: '7a3e0e4d-3f55-4a0e-b7a4-8c3c1b2f9e10', jobBackendId: '5e0c7d6a-9d1b-4a8e-8f3c-2b1d0e9f7a6c' }

/** Above the client's 8 MiB block size, and incompressible, so the zip spans two blocks. */
const LARGE_FILE_BYTES = 9 * 1024 * 1024

const FILES: Record<string, Buffer> = {
  'decision.json': Buffer.from(JSON.stringify({ action: 'open-pr', fingerprint: 'f00d', reasons: ['workflow syntax'] })),
  'notes/summary.md': Buffer.from('# Résumé ✓\n\nThe decision, for the act job.\n'),
  'notes/payload.bin': randomBytes(LARGE_FILE_BYTES)
}

let workDir: string
let sourceDir: string

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'results-sim-'))
  sourceDir = path.join(workDir, 'decision')
  for (const [name, content] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(sourceDir, name)), { recursive: true })
    await writeFile(path.join(sourceDir, name), content)
  }
})

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true })
})

const sourceFiles = (): string[] => Object.keys(FILES).map((name) => path.join(sourceDir, name))

interface JobOutcome<T> {
  value: T | undefined
  error: unknown
  /** What @actions/core wrote to stdout meanwhile (info lines, retry notices). */
  log: string
}

/**
 * Runs `fn` as the given job would: the runner's variables in process.env (the client reads them
 * on every call) and stdout captured, both restored afterwards.
 */
async function inJob<T>(sim: ResultsSim, ids: BackendIds, fn: (client: DefaultArtifactClient) => Promise<T>): Promise<JobOutcome<T>> {
  const vars: Record<string, string> = { ...sim.env(ids.runBackendId, ids.jobBackendId), GITHUB_SERVER_URL: 'https://github.com' }
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]))
  const write = process.stdout.write
  const chunks: string[] = []
  Object.assign(process.env, vars)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk))
    return true
  }) as typeof process.stdout.write
  try {
    return { value: await fn(new DefaultArtifactClient()), error: undefined, log: chunks.join('') }
  } catch (error) {
    return { value: undefined, error, log: chunks.join('') }
  } finally {
    process.stdout.write = write
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

async function readTree(dir: string): Promise<Record<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files: Record<string, Buffer> = {}
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name)
    files[path.relative(dir, full).split(path.sep).join('/')] = await readFile(full)
  }
  return files
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** Files by path → digest: jest compares 9 MiB buffers byte by byte, which takes many seconds. */
const digests = (files: Map<string, Buffer> | Record<string, Buffer>): Record<string, string> =>
  Object.fromEntries([...(files instanceof Map ? files : Object.entries(files))].map(([name, bytes]) => [name, sha256(bytes)]))

describe('results service simulator with @actions/artifact', () => {
  let sim: ResultsSim
  beforeEach(async () => {
    sim = await startResultsSim()
  })
  afterEach(async () => {
    await sim.close()
  })

  it('holds an uploaded directory as a finalized artifact whose bytes are a zip of those files', async () => {
    const upload = await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ci-monitor-decision', sourceFiles(), sourceDir))
    expect(upload.error).toBeUndefined()

    expect(sim.artifacts).toHaveLength(1)
    const [artifact] = sim.artifacts
    expect(artifact).toMatchObject({
      id: upload.value!.id,
      name: 'ci-monitor-decision',
      runBackendId: RUN,
      jobBackendId: ANALYZE_JOB.jobBackendId,
      mimeType: 'application/zip',
      finalized: true
    })
    const bytes = artifact.bytes!
    expect(digests(readZip(bytes))).toEqual(digests(FILES))
    // Size and digest the client declared are those of the bytes storage holds.
    expect(artifact.size).toBe(bytes.length)
    expect(artifact.hash).toBe(`sha256:${sha256(bytes)}`)
    expect(upload.value).toEqual({ id: artifact.id, size: bytes.length, digest: sha256(bytes) })
    // Staged in 8 MiB blocks, committed once; storage never saw the runtime token.
    const puts = sim.blobRequests.filter((r) => r.operation === 'PutBlock')
    expect(puts.length).toBeGreaterThanOrEqual(2)
    expect(sim.blobRequests.filter((r) => r.operation === 'PutBlockList')).toHaveLength(1)
    expect(sim.blobRequests.every((r) => !r.authorizationSeen)).toBe(true)
    expect(sim.calls.map((c) => [c.method, c.status])).toEqual([
      ['CreateArtifact', 200],
      ['FinalizeArtifact', 200]
    ])
    expect(sim.violations).toEqual([])
  })

  it('lets another job of the same run find the artifact and download identical files', async () => {
    const upload = await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ci-monitor-decision', sourceFiles(), sourceDir))
    expect(upload.error).toBeUndefined()
    const [artifact] = sim.artifacts
    const digest = `sha256:${sha256(artifact.bytes!)}`

    const listed = await inJob(sim, ACT_JOB, (client) => client.listArtifacts())
    expect(listed.value!.artifacts).toEqual([{ name: 'ci-monitor-decision', id: artifact.id, size: artifact.bytes!.length, createdAt: artifact.createdAt, digest }])

    const found = await inJob(sim, ACT_JOB, (client) => client.getArtifact('ci-monitor-decision'))
    expect(found.value!.artifact).toMatchObject({ id: artifact.id, digest })

    const target = path.join(workDir, 'downloaded')
    const download = await inJob(sim, ACT_JOB, (client) => client.downloadArtifact(artifact.id, { path: target, expectedHash: digest }))
    expect(download.error).toBeUndefined()
    expect(download.value).toEqual({ downloadPath: target, digestMismatch: false })
    expect(digests(await readTree(target))).toEqual(digests(FILES))
    const fetched = sim.blobRequests.filter((r) => r.operation === 'GetBlob')
    expect(fetched).toMatchObject([{ status: 200, authorizationSeen: false }])
    expect(sim.violations).toEqual([])
  })

  it('keeps a single file uploaded without an archive under its own name', async () => {
    const file = path.join(sourceDir, 'decision.json')
    const upload = await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ignored', [file], sourceDir, { skipArchive: true }))
    expect(upload.error).toBeUndefined()
    expect(sim.artifacts[0]).toMatchObject({ name: 'decision.json', mimeType: 'application/json', bytes: FILES['decision.json'] })

    const target = path.join(workDir, 'raw')
    const download = await inJob(sim, ACT_JOB, (client) => client.downloadArtifact(upload.value!.id!, { path: target }))
    expect(download.error).toBeUndefined()
    // Not a zip (Content-Type), so saved as is under the name from Content-Disposition.
    expect(await readTree(target)).toEqual({ 'decision.json': FILES['decision.json'] })
  })

  it('shows a token of another run none of this run’s artifacts', async () => {
    const upload = await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ci-monitor-decision', [path.join(sourceDir, 'decision.json')], sourceDir))
    const id = upload.value!.id!

    const listed = await inJob(sim, OTHER_RUN_JOB, (client) => client.listArtifacts())
    expect(listed.value!.artifacts).toEqual([])
    const found = await inJob(sim, OTHER_RUN_JOB, (client) => client.getArtifact('ci-monitor-decision'))
    expect(found.error).toMatchObject({ name: 'ArtifactNotFoundError' })
    const download = await inJob(sim, OTHER_RUN_JOB, (client) => client.downloadArtifact(id, { path: path.join(workDir, 'other-run') }))
    expect(download.error).toMatchObject({ name: 'ArtifactNotFoundError', message: expect.stringContaining(`No artifacts found for ID: ${id}`) })

    // Names are unique per run, not globally: the other run may use the same one.
    const own = await inJob(sim, OTHER_RUN_JOB, (client) => client.uploadArtifact('ci-monitor-decision', [path.join(sourceDir, 'decision.json')], sourceDir))
    expect(own.error).toBeUndefined()
    const ownList = await inJob(sim, OTHER_RUN_JOB, (client) => client.listArtifacts())
    expect(ownList.value!.artifacts.map((a) => a.id)).toEqual([own.value!.id])
  })

  it('refuses a second artifact of the same name in a run, as GitHub does, without retrying', async () => {
    const files = [path.join(sourceDir, 'decision.json')]
    expect((await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ci-monitor-decision', files, sourceDir))).error).toBeUndefined()
    const again = await inJob(sim, ACT_JOB, (client) => client.uploadArtifact('ci-monitor-decision', files, sourceDir))
    expect(String(again.error)).toContain(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run'
    )
    expect(sim.calls.filter((c) => c.method === 'CreateArtifact').map((c) => c.status)).toEqual([200, 409])
  })

  it('answers an injected 500 on CreateArtifact, which the client retries after its back-off', async () => {
    sim.failNext('CreateArtifact', { kind: 'status', status: 500 })
    const upload = await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ci-monitor-decision', [path.join(sourceDir, 'decision.json')], sourceDir))
    expect(upload.error).toBeUndefined()
    expect(upload.log).toContain('Attempt 1 of 5 failed with error: Failed request: (500) Internal Server Error: simulated internal error')
    expect(sim.calls.map((c) => [c.method, c.status])).toEqual([
      ['CreateArtifact', 500],
      ['CreateArtifact', 200],
      ['FinalizeArtifact', 200]
    ])
    expect(sim.artifacts).toMatchObject([{ name: 'ci-monitor-decision', finalized: true }])
  })

  it('answers an injected 500 on a block upload, which the storage client retries', async () => {
    sim.failNext('PutBlock', { kind: 'status', status: 500 })
    const upload = await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ci-monitor-decision', sourceFiles(), sourceDir))
    expect(upload.error).toBeUndefined()
    expect(sim.blobRequests.filter((r) => r.status === 500)).toMatchObject([{ operation: 'PutBlock', errorCode: 'InternalError' }])
    expect(digests(readZip(sim.artifacts[0].bytes!))).toEqual(digests(FILES))
    expect(sim.violations).toEqual([])
  })

  it('fails the upload with a clear error when storage refuses a block, and never finalizes it', async () => {
    sim.failNext('PutBlock', { kind: 'status', status: 403 })
    const upload = await inJob(sim, ANALYZE_JOB, (client) => client.uploadArtifact('ci-monitor-decision', [path.join(sourceDir, 'decision.json')], sourceDir))
    expect(upload.error).toMatchObject({ name: 'RestError', statusCode: 403, message: expect.stringContaining('Server failed to authenticate the request.') })
    expect(sim.blobRequests.map((r) => [r.operation, r.status])).toEqual([['PutBlock', 403]])
    expect(sim.calls.map((c) => c.method)).toEqual(['CreateArtifact'])
    // Created but never finalized: invisible to the rest of the run.
    expect(sim.artifacts).toMatchObject([{ finalized: false, bytes: null }])
    const listed = await inJob(sim, ACT_JOB, (client) => client.listArtifacts())
    expect(listed.value!.artifacts).toEqual([])
  })

  it('drops a connection, which the client reports as a network error without retrying', async () => {
    sim.failNext('ListArtifacts', { kind: 'reset' })
    const listed = await inJob(sim, ACT_JOB, (client) => client.listArtifacts())
    expect(String(listed.error)).toContain('Failed to ListArtifacts: Unable to make request: ECONNRESET')
    expect(sim.calls.map((c) => [c.method, c.status])).toEqual([['ListArtifacts', -1]])
  })
})
