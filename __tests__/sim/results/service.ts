// The ArtifactService's behaviour, apart from HTTP: artifacts keyed by workflow run, visible to
// every job of that run and to nothing else. The caller is whoever the runtime token names; a
// request about another run is refused, so a token can never reach another run's artifacts.
import { createHash, randomBytes } from 'node:crypto'
import type { CommittedBlob } from './blob-store.ts'
import type { TwirpMethod } from './faults.ts'
import type { RequestOf } from './messages.ts'
import type { BackendIds } from './runtime-token.ts'
import { TwirpError } from './twirp.ts'

/** What the service needs from the storage account. */
export interface BlobAccess {
  uploadUrl(path: string, expiresAt: Date): string
  downloadUrl(path: string, expiresAt: Date, contentDisposition: string): string
  committed(path: string): CommittedBlob | null
  delete(path: string): void
}

export interface ServiceOptions {
  /** Lifetime of the URL CreateArtifact hands out. */
  uploadUrlTtlMs: number
  /** Lifetime of the URL GetSignedArtifactURL hands out. */
  downloadUrlTtlMs: number
  /** database_id of the first artifact; later ones count up from it. */
  firstArtifactId: number
}

/** An artifact as the simulator holds it, for tests to inspect. */
export interface SimArtifact {
  /** database_id: also the artifact's id in the REST API. */
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  /** mime_type given to CreateArtifact (application/zip unless the upload skipped the archive). */
  mimeType: string | null
  /** Client protocol version given to CreateArtifact. */
  version: number
  createdAt: Date
  expiresAt: Date | null
  finalized: boolean
  /** The bytes committed to the blob store; null until the client commits its block list. */
  bytes: Buffer | null
  /** Size and digest the client declared in FinalizeArtifact; null before. */
  size: number | null
  hash: string | null
}

interface ArtifactRecord {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  mimeType: string | null
  version: number
  createdAt: Date
  expiresAt: Date | null
  blobPath: string
  finalized: boolean
  size: number | null
  hash: string | null
}

type Handlers = { [M in TwirpMethod]: (caller: BackendIds, request: RequestOf<M>) => unknown }

const ZIP_MIME_TYPE = 'application/zip'

export class ArtifactService {
  private readonly records = new Map<number, ArtifactRecord>()
  private readonly blobs: BlobAccess
  private readonly violations: string[]
  private readonly options: ServiceOptions
  private nextId: number

  constructor(blobs: BlobAccess, violations: string[], options: ServiceOptions) {
    this.blobs = blobs
    this.violations = violations
    this.options = options
    this.nextId = options.firstArtifactId
  }

  /** Runs one method for `caller`; throws TwirpError for the service's error answers. */
  handle<M extends TwirpMethod>(method: M, caller: BackendIds, request: RequestOf<M>): unknown {
    const handler = this.handlers[method] as (caller: BackendIds, request: RequestOf<M>) => unknown
    return handler(caller, request)
  }

  get artifacts(): SimArtifact[] {
    return [...this.records.values()].map((record) => ({
      id: record.id,
      name: record.name,
      runBackendId: record.runBackendId,
      jobBackendId: record.jobBackendId,
      mimeType: record.mimeType,
      version: record.version,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      finalized: record.finalized,
      bytes: this.blobs.committed(record.blobPath)?.bytes ?? null,
      size: record.size,
      hash: record.hash
    }))
  }

  private readonly handlers: Handlers = {
    CreateArtifact: (caller, request) => {
      requireOwnJob(caller, request)
      const name = requireName(request.name)
      const sameName = this.inRun(caller.runBackendId).filter((r) => r.name === name)
      if (sameName.some((r) => r.finalized || r.jobBackendId !== caller.jobBackendId)) {
        // What GitHub answers: "Failed request: (409) Conflict: an artifact with this name already exists on the workflow run".
        throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run')
      }
      // A pending artifact of the same job is a retried upload: it starts again from scratch.
      for (const stale of sameName) this.remove(stale)
      const mimeType = request.mime_type ?? null
      const record: ArtifactRecord = {
        id: this.nextId++,
        name,
        runBackendId: caller.runBackendId,
        jobBackendId: caller.jobBackendId,
        mimeType,
        version: request.version,
        createdAt: new Date(),
        expiresAt: request.expires_at ? new Date(request.expires_at) : null,
        blobPath: `/actions-results/${randomBytes(16).toString('hex')}/${safePathSegment(fileName(name, mimeType))}`,
        finalized: false,
        size: null,
        hash: null
      }
      this.records.set(record.id, record)
      return { ok: true, signed_upload_url: this.blobs.uploadUrl(record.blobPath, this.expiry(this.options.uploadUrlTtlMs)) }
    },

    FinalizeArtifact: (caller, request) => {
      requireOwnJob(caller, request)
      const name = requireName(request.name)
      const record = this.inRun(caller.runBackendId).find((r) => r.name === name && r.jobBackendId === caller.jobBackendId)
      if (!record) throw new TwirpError('not_found', 'artifact not found')
      if (record.finalized) throw new TwirpError('failed_precondition', 'artifact is already finalized')
      const blob = this.blobs.committed(record.blobPath)
      if (!blob) throw new TwirpError('failed_precondition', 'no content has been uploaded for this artifact')
      // The service keeps what the client declares; a mismatch means the client lost bytes.
      if (request.size !== blob.bytes.length) {
        this.violations.push(`FinalizeArtifact "${name}": size ${request.size} declared, ${blob.bytes.length} bytes committed`)
      }
      const digest = `sha256:${createHash('sha256').update(blob.bytes).digest('hex')}`
      if (request.hash !== undefined && request.hash !== digest) {
        this.violations.push(`FinalizeArtifact "${name}": hash ${request.hash} declared, committed bytes are ${digest}`)
      }
      record.finalized = true
      record.size = request.size
      record.hash = request.hash ?? null
      return { ok: true, artifact_id: String(record.id) }
    },

    ListArtifacts: (caller, request) => {
      requireOwnRun(caller, request)
      const artifacts = this.visible(caller.runBackendId)
        .filter((r) => request.name_filter === undefined || r.name === request.name_filter)
        .filter((r) => request.id_filter === undefined || r.id === request.id_filter)
        .map((r) => ({
          workflow_run_backend_id: r.runBackendId,
          workflow_job_run_backend_id: r.jobBackendId,
          database_id: String(r.id),
          name: r.name,
          size: String(r.size ?? 0),
          created_at: r.createdAt.toISOString(),
          ...(r.hash ? { digest: r.hash } : {})
        }))
      return { artifacts }
    },

    GetSignedArtifactURL: (caller, request) => {
      const record = this.finalizedArtifact(caller, request)
      const file = fileName(record.name, record.mimeType)
      return { signed_url: this.blobs.downloadUrl(record.blobPath, this.expiry(this.options.downloadUrlTtlMs), contentDisposition(file)) }
    },

    DeleteArtifact: (caller, request) => {
      const record = this.finalizedArtifact(caller, request)
      this.remove(record)
      return { ok: true, artifact_id: String(record.id) }
    }
  }

  private inRun(runBackendId: string): ArtifactRecord[] {
    return [...this.records.values()].filter((r) => r.runBackendId === runBackendId)
  }

  /** Finalized, unexpired artifacts of a run, oldest first. */
  private visible(runBackendId: string): ArtifactRecord[] {
    const now = Date.now()
    return this.inRun(runBackendId)
      .filter((r) => r.finalized && (r.expiresAt === null || r.expiresAt.getTime() > now))
      .sort((a, b) => a.id - b.id)
  }

  /** The artifact a GetSignedArtifactURL or DeleteArtifact request names: any job of the caller's run. */
  private finalizedArtifact(caller: BackendIds, request: RequestOf<'GetSignedArtifactURL'>): ArtifactRecord {
    requireOwnRun(caller, request)
    const name = requireName(request.name)
    const record = this.visible(caller.runBackendId).find((r) => r.name === name && r.jobBackendId === request.workflow_job_run_backend_id)
    if (!record) throw new TwirpError('not_found', 'artifact not found')
    return record
  }

  private remove(record: ArtifactRecord): void {
    this.records.delete(record.id)
    this.blobs.delete(record.blobPath)
  }

  private expiry(ttlMs: number): Date {
    return new Date(Date.now() + ttlMs)
  }
}

type Addressed = { workflow_run_backend_id: string; workflow_job_run_backend_id: string }

function requireOwnRun(caller: BackendIds, request: Addressed): void {
  if (!request.workflow_run_backend_id) throw new TwirpError('invalid_argument', 'workflow_run_backend_id is required')
  if (request.workflow_run_backend_id !== caller.runBackendId) {
    throw new TwirpError('permission_denied', 'the token does not grant access to this workflow run')
  }
}

function requireOwnJob(caller: BackendIds, request: Addressed): void {
  requireOwnRun(caller, request)
  if (!request.workflow_job_run_backend_id) throw new TwirpError('invalid_argument', 'workflow_job_run_backend_id is required')
  if (request.workflow_job_run_backend_id !== caller.jobBackendId) {
    throw new TwirpError('permission_denied', 'the token does not grant access to this workflow job')
  }
}

function requireName(name: string): string {
  if (!name) throw new TwirpError('invalid_argument', 'name is required')
  return name
}

/** The file a download produces: `<name>.zip` for archives, the name itself for a single raw file. */
function fileName(name: string, mimeType: string | null): string {
  return mimeType === null || mimeType === ZIP_MIME_TYPE ? `${name}.zip` : name
}

function safePathSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_')
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function contentDisposition(file: string): string {
  const ascii = file.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`
}
