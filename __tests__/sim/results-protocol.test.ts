/**
 * The results service simulator at the wire: Twirp routing and errors, runtime-token checks,
 * run scoping enforced by the service (not only by the client), and the blob store's SAS checks
 * and Azure block semantics — what a misbehaving or hostile client would meet.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { startResultsSim, type ResultsSim } from './results/index.ts'

const RUN = 'run-a'
const JOB = 'job-a1'
const SERVICE = 'twirp/github.actions.results.api.v1.ArtifactService'
const ids = (run: string, job: string) => ({ workflow_run_backend_id: run, workflow_job_run_backend_id: job })

interface Answer {
  status: number
  body: Record<string, unknown>
}

async function twirp(sim: ResultsSim, method: string, body: unknown, token: string | null = sim.runtimeToken(RUN, JOB), init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(new URL(`${SERVICE}/${method}`, sim.url), {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) }
  })
  const text = await response.text()
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } }
}

function blockUrl(uploadUrl: string, blockId: string): URL {
  const url = new URL(uploadUrl)
  url.searchParams.set('comp', 'block')
  url.searchParams.set('blockid', blockId)
  return url
}

function blockListUrl(uploadUrl: string): URL {
  const url = new URL(uploadUrl)
  url.searchParams.set('comp', 'blocklist')
  return url
}

const blockId = (n: number): string => Buffer.from(`block-${String(n).padStart(6, '0')}`).toString('base64')
const blockList = (...entries: string[]): string => `<?xml version="1.0" encoding="utf-8"?><BlockList>${entries.join('')}</BlockList>`

/** Creates an artifact and commits `parts` as its blocks, as the storage client would. */
async function upload(sim: ResultsSim, name: string, parts: string[], contentType = 'application/zip'): Promise<string> {
  const created = await twirp(sim, 'CreateArtifact', { ...ids(RUN, JOB), name, version: 7, mime_type: contentType })
  expect(created).toMatchObject({ status: 200, body: { ok: true } })
  const uploadUrl = created.body.signed_upload_url as string
  for (const [n, part] of parts.entries()) {
    expect((await fetch(blockUrl(uploadUrl, blockId(n)), { method: 'PUT', body: part })).status).toBe(201)
  }
  const commit = await fetch(blockListUrl(uploadUrl), {
    method: 'PUT',
    headers: { 'x-ms-blob-content-type': contentType },
    body: blockList(...parts.map((_, n) => `<Latest>${blockId(n)}</Latest>`))
  })
  expect(commit.status).toBe(201)
  return uploadUrl
}

async function storageError(response: Response): Promise<{ status: number; code: string | null; xmlCode: string | undefined }> {
  const xml = await response.text()
  return { status: response.status, code: response.headers.get('x-ms-error-code'), xmlCode: /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] }
}

describe('results service simulator, at the wire', () => {
  let sim: ResultsSim
  beforeEach(async () => {
    sim = await startResultsSim()
  })
  afterEach(async () => {
    await sim.close()
  })

  it('mints runtime tokens whose scp claim names the run and job, as the client decodes them', () => {
    const [, payload] = sim.runtimeToken(RUN, JOB).split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp: string; exp: number }
    expect(claims.scp.split(' ')).toContain(`Actions.Results:${RUN}:${JOB}`)
    expect(claims.exp * 1000).toBeGreaterThan(Date.now())
    expect(sim.env(RUN, JOB)).toEqual({ ACTIONS_RUNTIME_TOKEN: expect.any(String), ACTIONS_RESULTS_URL: sim.url })
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('refuses a missing, forged or expired runtime token with 401 unauthenticated', async () => {
    const other = await startResultsSim()
    try {
      const list = ids(RUN, JOB)
      expect(await twirp(sim, 'ListArtifacts', list, null)).toEqual({ status: 401, body: { code: 'unauthenticated', msg: 'missing bearer token' } })
      expect(await twirp(sim, 'ListArtifacts', list, other.runtimeToken(RUN, JOB))).toEqual({ status: 401, body: { code: 'unauthenticated', msg: 'token signature is invalid' } })
      expect(await twirp(sim, 'ListArtifacts', list, sim.runtimeToken(RUN, JOB, { ttlSeconds: -60 }))).toEqual({ status: 401, body: { code: 'unauthenticated', msg: 'token has expired' } })
      expect(sim.calls.map((c) => c.caller)).toEqual([null, null, null])
    } finally {
      await other.close()
    }
  })

  it('scopes every method to the token’s run, whatever the request body names', async () => {
    await upload(sim, 'decision', ['{"action":"skip"}'])
    expect(await twirp(sim, 'FinalizeArtifact', { ...ids(RUN, JOB), name: 'decision', size: '17' })).toMatchObject({ status: 200 })
    const intruder = sim.runtimeToken('run-b', 'job-b1')
    for (const [method, body] of [
      ['ListArtifacts', ids(RUN, JOB)],
      ['GetSignedArtifactURL', { ...ids(RUN, JOB), name: 'decision' }],
      ['DeleteArtifact', { ...ids(RUN, JOB), name: 'decision' }],
      ['CreateArtifact', { ...ids(RUN, 'job-b1'), name: 'decision' }]
    ] as const) {
      expect(await twirp(sim, method, body, intruder)).toMatchObject({ status: 403, body: { code: 'permission_denied' } })
    }
    // Another job of the same run reads the artifact but cannot create artifacts for this job.
    const sibling = sim.runtimeToken(RUN, 'job-a2')
    expect(await twirp(sim, 'GetSignedArtifactURL', { ...ids(RUN, JOB), name: 'decision' }, sibling)).toMatchObject({ status: 200 })
    expect(await twirp(sim, 'CreateArtifact', { ...ids(RUN, JOB), name: 'x' }, sibling)).toMatchObject({ status: 403, body: { code: 'permission_denied' } })
    expect(sim.artifacts).toMatchObject([{ name: 'decision', finalized: true }])
  })

  it('answers routing and decoding errors the Twirp way', async () => {
    expect(await twirp(sim, 'ListArtifacts', '', undefined, { method: 'GET', body: null })).toMatchObject({ status: 404, body: { code: 'bad_route' } })
    expect(await twirp(sim, 'UploadEverything', {})).toMatchObject({ status: 404, body: { code: 'bad_route', msg: expect.stringContaining('no handler for path') } })
    expect(await twirp(sim, 'ListArtifacts', ids(RUN, JOB), undefined, { headers: { 'content-type': 'text/plain' } })).toMatchObject({
      status: 404,
      body: { code: 'bad_route', msg: 'unexpected Content-Type: "text/plain"' }
    })
    expect(await twirp(sim, 'ListArtifacts', '{"workflow_run_backend_id":')).toMatchObject({ status: 400, body: { code: 'malformed' } })
    expect(await twirp(sim, 'CreateArtifact', { ...ids(RUN, JOB), name: 5 })).toMatchObject({ status: 400, body: { code: 'malformed' } })
    expect(await twirp(sim, 'CreateArtifact', ids(RUN, JOB))).toEqual({ status: 400, body: { code: 'invalid_argument', msg: 'name is required' } })
  })

  it('answers a request with a field the API does not have, and reports it as a violation', async () => {
    expect(await twirp(sim, 'ListArtifacts', { ...ids(RUN, JOB), workflowRunBackendId: RUN })).toEqual({ status: 200, body: { artifacts: [] } })
    expect(sim.violations).toEqual(['ListArtifacts: unknown field "workflowRunBackendId"'])
  })

  it('commits staged blocks in block-list order and serves them back through a signed download URL', async () => {
    const created = await twirp(sim, 'CreateArtifact', { ...ids(RUN, JOB), name: 'report', version: 7, mime_type: 'application/zip' })
    const uploadUrl = created.body.signed_upload_url as string
    for (const [n, part] of ['then second', 'first ', 'left out'].entries()) {
      expect((await fetch(blockUrl(uploadUrl, blockId(n)), { method: 'PUT', body: part })).status).toBe(201)
    }
    const commit = await fetch(blockListUrl(uploadUrl), {
      method: 'PUT',
      headers: { 'x-ms-blob-content-type': 'application/zip' },
      body: blockList(`<Latest>${blockId(1)}</Latest>`, `<Uncommitted>${blockId(0)}</Uncommitted>`)
    })
    expect(commit.status).toBe(201)
    expect(commit.headers.get('etag')).toMatch(/^"0x[0-9A-F]+"$/)
    const bytes = Buffer.from('first then second')
    const finalized = await twirp(sim, 'FinalizeArtifact', {
      ...ids(RUN, JOB),
      name: 'report',
      size: String(bytes.length),
      hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    })
    expect(finalized).toEqual({ status: 200, body: { ok: true, artifact_id: String(sim.artifacts[0].id) } })
    expect(sim.violations).toEqual([])

    const listed = await twirp(sim, 'ListArtifacts', { ...ids(RUN, 'job-a2'), name_filter: 'report' }, sim.runtimeToken(RUN, 'job-a2'))
    expect(listed.body.artifacts).toEqual([
      {
        ...ids(RUN, JOB),
        database_id: String(sim.artifacts[0].id),
        name: 'report',
        size: String(bytes.length),
        created_at: sim.artifacts[0].createdAt.toISOString(),
        digest: sim.artifacts[0].hash
      }
    ])
    const signed = await twirp(sim, 'GetSignedArtifactURL', { ...ids(RUN, JOB), name: 'report' })
    const url = signed.body.signed_url as string
    expect(new URL(url).origin).toBe(sim.blobUrl)
    const download = await fetch(url)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/zip')
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="report.zip"; filename*=UTF-8''report.zip`)
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes)
  })

  it('records a declared size or digest that does not match the committed bytes', async () => {
    await upload(sim, 'report', ['12345'])
    expect(await twirp(sim, 'FinalizeArtifact', { ...ids(RUN, JOB), name: 'report', size: '4', hash: 'sha256:00' })).toMatchObject({ status: 200 })
    expect(sim.violations).toEqual([
      'FinalizeArtifact "report": size 4 declared, 5 bytes committed',
      `FinalizeArtifact "report": hash sha256:00 declared, committed bytes are sha256:${createHash('sha256').update('12345').digest('hex')}`
    ])
  })

  it('refuses to finalize an artifact that is unknown or has no committed content', async () => {
    expect(await twirp(sim, 'FinalizeArtifact', { ...ids(RUN, JOB), name: 'nothing', size: '1' })).toMatchObject({ status: 404, body: { code: 'not_found' } })
    const created = await twirp(sim, 'CreateArtifact', { ...ids(RUN, JOB), name: 'empty', version: 7 })
    await fetch(blockUrl(created.body.signed_upload_url as string, blockId(0)), { method: 'PUT', body: 'staged, never committed' })
    expect(await twirp(sim, 'FinalizeArtifact', { ...ids(RUN, JOB), name: 'empty', size: '23' })).toMatchObject({
      status: 412,
      body: { code: 'failed_precondition', msg: 'no content has been uploaded for this artifact' }
    })
  })

  it('checks every storage request’s signature, permissions and expiry', async () => {
    const uploadUrl = await upload(sim, 'report', ['abc'])
    const tampered = new URL(uploadUrl)
    tampered.searchParams.set('se', new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString())
    expect(await storageError(await fetch(blockUrl(tampered.href, blockId(9)), { method: 'PUT', body: 'x' }))).toEqual({
      status: 403,
      code: 'AuthenticationFailed',
      xmlCode: 'AuthenticationFailed'
    })
    // An upload URL does not read; a download URL does not write.
    expect(await storageError(await fetch(uploadUrl))).toMatchObject({ status: 403, code: 'AuthorizationPermissionMismatch' })
    await twirp(sim, 'FinalizeArtifact', { ...ids(RUN, JOB), name: 'report', size: '3' })
    const downloadUrl = (await twirp(sim, 'GetSignedArtifactURL', { ...ids(RUN, JOB), name: 'report' })).body.signed_url as string
    expect(await storageError(await fetch(blockUrl(downloadUrl, blockId(9)), { method: 'PUT', body: 'x' }))).toMatchObject({ status: 403, code: 'AuthorizationPermissionMismatch' })

    const shortLived = await startResultsSim({ downloadUrlTtlMs: 1 })
    try {
      await upload(shortLived, 'report', ['abc'])
      await twirp(shortLived, 'FinalizeArtifact', { ...ids(RUN, JOB), name: 'report', size: '3' })
      const expiring = (await twirp(shortLived, 'GetSignedArtifactURL', { ...ids(RUN, JOB), name: 'report' })).body.signed_url as string
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(await storageError(await fetch(expiring))).toMatchObject({ status: 403, code: 'AuthenticationFailed' })
    } finally {
      await shortLived.close()
    }
  })

  it('answers malformed block operations as Azure does', async () => {
    const created = await twirp(sim, 'CreateArtifact', { ...ids(RUN, JOB), name: 'report', version: 7 })
    const uploadUrl = created.body.signed_upload_url as string
    expect(await storageError(await fetch(blockUrl(uploadUrl, 'not base64!'), { method: 'PUT', body: 'x' }))).toMatchObject({ status: 400, code: 'InvalidQueryParameterValue' })
    expect((await fetch(blockUrl(uploadUrl, blockId(0)), { method: 'PUT', body: 'x' })).status).toBe(201)
    expect(await storageError(await fetch(blockUrl(uploadUrl, Buffer.from('short').toString('base64')), { method: 'PUT', body: 'x' }))).toMatchObject({
      status: 400,
      code: 'InvalidBlobOrBlock'
    })
    const commit = (body: string) => fetch(blockListUrl(uploadUrl), { method: 'PUT', body })
    expect(await storageError(await commit(blockList(`<Latest>${blockId(1)}</Latest>`)))).toMatchObject({ status: 400, code: 'InvalidBlockList' })
    expect(await storageError(await commit('<BlockList><Latest>x</Latest><Evil/></BlockList>'))).toMatchObject({ status: 400, code: 'InvalidXmlDocument' })
    // Put Blob (a single PUT without comp) is not what the client sends: refused and reported.
    expect(await storageError(await fetch(uploadUrl, { method: 'PUT', body: 'whole blob' }))).toMatchObject({ status: 405, code: 'UnsupportedHttpVerb' })
    expect(sim.violations).toEqual([expect.stringContaining('blob store: unsupported request PUT')])
    expect(sim.artifacts).toMatchObject([{ finalized: false, bytes: null }])
  })

  it('deletes an artifact with its blob', async () => {
    await upload(sim, 'report', ['abc'])
    await twirp(sim, 'FinalizeArtifact', { ...ids(RUN, JOB), name: 'report', size: '3' })
    const downloadUrl = (await twirp(sim, 'GetSignedArtifactURL', { ...ids(RUN, JOB), name: 'report' })).body.signed_url as string
    expect(await twirp(sim, 'DeleteArtifact', { ...ids(RUN, JOB), name: 'report' })).toEqual({ status: 200, body: { ok: true, artifact_id: '1000' } })
    expect(sim.artifacts).toEqual([])
    expect(await storageError(await fetch(downloadUrl))).toMatchObject({ status: 404, code: 'BlobNotFound' })
    expect(await twirp(sim, 'GetSignedArtifactURL', { ...ids(RUN, JOB), name: 'report' })).toMatchObject({ status: 404, body: { code: 'not_found' } })
  })

  it('injects proxy pages, delays and status errors, then answers normally again', async () => {
    sim.failNext('ListArtifacts', { kind: 'intermediary', status: 502 })
    sim.failNext('ListArtifacts', { kind: 'status', status: 429, message: 'slow down' })
    sim.failNext('*', { kind: 'delay', ms: 150 })
    const page = await twirp(sim, 'ListArtifacts', ids(RUN, JOB))
    expect(page.status).toBe(502)
    expect(page.body.text).toContain('<html>')
    expect(await twirp(sim, 'ListArtifacts', ids(RUN, JOB))).toEqual({ status: 429, body: { code: 'resource_exhausted', msg: 'slow down' } })
    const started = Date.now()
    expect(await twirp(sim, 'ListArtifacts', ids(RUN, JOB))).toEqual({ status: 200, body: { artifacts: [] } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(await twirp(sim, 'ListArtifacts', ids(RUN, JOB))).toEqual({ status: 200, body: { artifacts: [] } })
    expect(sim.calls.map((c) => c.status)).toEqual([502, 429, 200, 200])
  })
})
