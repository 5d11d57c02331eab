// The storage account behind the results service: the subset of the Azure Blob REST API that
// @azure/storage-blob's BlockBlobClient.uploadStream and @actions/artifact's download send —
// Put Block (`PUT ?comp=block&blockid=…`), Put Block List (`PUT ?comp=blocklist`, XML body) and
// Get Blob (plain `GET`) — on its own loopback port, holding bytes in memory. Every request must
// carry a valid SAS issued by the results service; errors are Azure's XML `<Error><Code>` answers.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenLoopback, type Loopback } from '../slack-openai-loopback.ts'
import { applyTransportFault, type BlobOperation, type FaultQueue } from './faults.ts'
import { checkSas, signBlobUrl, type SasPermission } from './sas.ts'

/** The storage service version the simulated account answers with. */
const STORAGE_VERSION = '2026-04-06'
/** Far above the 8 MiB blocks @actions/artifact stages; only guards the test process. */
const MAX_REQUEST_BYTES = 64 * 1024 * 1024
const MAX_BLOCK_ID_BYTES = 64

export interface BlobRequest {
  operation: BlobOperation | 'unsupported'
  method: string
  /** URL path only: the query holds the signature. */
  path: string
  status: number
  /** Azure's `x-ms-error-code` when the answer was an error. */
  errorCode: string | null
  /** Whether an Authorization header reached storage (neither client should send one). */
  authorizationSeen: boolean
  bodyBytes: number
}

export interface CommittedBlob {
  bytes: Buffer
  contentType: string
  etag: string
  lastModified: Date
}

interface StoredBlob {
  uncommitted: Map<string, Buffer>
  /** Blocks of the committed blob, which a later block list may reference as `<Committed>`. */
  committedBlocks: Map<string, Buffer>
  committed: CommittedBlob | null
  /** Azure requires every block id of a blob to have the same length. */
  blockIdLength: number | null
}

type BlockListEntry = { kind: 'Latest' | 'Committed' | 'Uncommitted'; id: string }

class StorageError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.status = status
    this.code = code
  }
}

const DEFAULT_ERRORS: Record<number, [code: string, message: string]> = {
  403: ['AuthenticationFailed', 'Server failed to authenticate the request.'],
  404: ['BlobNotFound', 'The specified blob does not exist.'],
  409: ['OperationNotAllowedInCurrentState', 'The operation is not allowed in the current state.'],
  500: ['InternalError', 'Server encountered an internal error. Please try again after some time.'],
  503: ['ServerBusy', 'The server is currently unable to receive requests. Please retry your request.']
}

export class BlobStore {
  readonly requests: BlobRequest[] = []
  private readonly blobs = new Map<string, StoredBlob>()
  private readonly key: Buffer
  private readonly faults: FaultQueue
  private readonly violations: string[]
  private loopback: Loopback | null = null

  private constructor(key: Buffer, faults: FaultQueue, violations: string[]) {
    this.key = key
    this.faults = faults
    this.violations = violations
  }

  /** `violations` is shared with the results service: protocol deviations land there. */
  static async start(key: Buffer, faults: FaultQueue, violations: string[]): Promise<BlobStore> {
    const store = new BlobStore(key, faults, violations)
    store.loopback = await listenLoopback((req, res) => store.serve(req, res))
    return store
  }

  get origin(): string {
    if (!this.loopback) throw new Error('blob store is not listening')
    return this.loopback.origin
  }

  /** A URL to stage blocks and commit them to `path` (Azure permissions create + write). */
  uploadUrl(path: string, expiresAt: Date): string {
    return this.signedUrl(path, ['c', 'w'], expiresAt)
  }

  /** A URL to read `path`; `contentDisposition` becomes the answer's Content-Disposition. */
  downloadUrl(path: string, expiresAt: Date, contentDisposition: string): string {
    return this.signedUrl(path, ['r'], expiresAt, contentDisposition)
  }

  committed(path: string): CommittedBlob | null {
    return this.blobs.get(path)?.committed ?? null
  }

  delete(path: string): void {
    this.blobs.delete(path)
  }

  async close(): Promise<void> {
    await this.loopback?.close()
  }

  private signedUrl(path: string, permissions: SasPermission[], expiresAt: Date, contentDisposition?: string): string {
    return signBlobUrl(this.key, this.origin, { path, permissions, expiresAt, ...(contentDisposition ? { contentDisposition } : {}) })
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin)
    const method = req.method ?? 'GET'
    const operation = operationOf(method, url.searchParams)
    const record: BlobRequest = {
      operation,
      method,
      path: url.pathname,
      status: 0,
      errorCode: null,
      authorizationSeen: req.headers.authorization !== undefined,
      bodyBytes: 0
    }
    this.requests.push(record)
    try {
      const body = await readBody(req)
      record.bodyBytes = body.length
      const fault = operation === 'unsupported' ? null : this.faults.take(operation)
      if (fault?.kind === 'status') {
        const [code, message] = DEFAULT_ERRORS[fault.status] ?? DEFAULT_ERRORS[500]
        throw new StorageError(fault.status, code, fault.message ?? message)
      }
      if (fault) {
        const status = await applyTransportFault(req, res, fault)
        if (status !== null) {
          record.status = status
          return
        }
      }
      if (operation === 'unsupported') {
        this.violations.push(`blob store: unsupported request ${method} ${url.pathname}?${[...url.searchParams.keys()].join('&')}`)
        throw new StorageError(405, 'UnsupportedHttpVerb', "The resource doesn't support specified Http Verb.")
      }
      const sas = checkSas(this.key, url, operation === 'GetBlob' ? 'r' : 'w')
      if (!sas.ok) throw new StorageError(403, sas.code, sas.message)
      if (operation === 'PutBlock') this.putBlock(url, body, res, record)
      else if (operation === 'PutBlockList') this.putBlockList(url.pathname, req, body, res, record)
      else this.getBlob(url.pathname, sas.grant.contentDisposition, res, record)
    } catch (error) {
      if (!(error instanceof StorageError)) throw error
      this.sendError(res, record, error)
    }
  }

  private blob(path: string): StoredBlob {
    let blob = this.blobs.get(path)
    if (!blob) {
      blob = { uncommitted: new Map(), committedBlocks: new Map(), committed: null, blockIdLength: null }
      this.blobs.set(path, blob)
    }
    return blob
  }

  private putBlock(url: URL, body: Buffer, res: ServerResponse, record: BlobRequest): void {
    const blockId = url.searchParams.get('blockid') ?? ''
    if (!isBase64(blockId) || Buffer.from(blockId, 'base64').length > MAX_BLOCK_ID_BYTES) {
      throw new StorageError(400, 'InvalidQueryParameterValue', 'Value for one of the query parameters specified in the request URI is invalid.')
    }
    const blob = this.blob(url.pathname)
    if (blob.blockIdLength !== null && blob.blockIdLength !== blockId.length) {
      throw new StorageError(400, 'InvalidBlobOrBlock', 'The specified blob or block content is invalid.')
    }
    blob.blockIdLength = blockId.length
    blob.uncommitted.set(blockId, body)
    this.sendCreated(res, record, {})
  }

  private putBlockList(path: string, req: IncomingMessage, body: Buffer, res: ServerResponse, record: BlobRequest): void {
    const entries = parseBlockList(body.toString('utf8'))
    if (!entries) throw new StorageError(400, 'InvalidXmlDocument', 'XML specified is not syntactically valid.')
    const blob = this.blob(path)
    const blocks = new Map<string, Buffer>()
    const parts: Buffer[] = []
    for (const { kind, id } of entries) {
      const block =
        kind === 'Committed' ? blob.committedBlocks.get(id)
        : kind === 'Uncommitted' ? blob.uncommitted.get(id)
        : (blob.uncommitted.get(id) ?? blob.committedBlocks.get(id))
      if (!block) throw new StorageError(400, 'InvalidBlockList', 'The specified block list is invalid.')
      blocks.set(id, block)
      parts.push(block)
    }
    const contentType = req.headers['x-ms-blob-content-type']
    const committed: CommittedBlob = {
      bytes: Buffer.concat(parts),
      contentType: typeof contentType === 'string' && contentType ? contentType : 'application/octet-stream',
      etag: `"0x${randomUUID().replaceAll('-', '').slice(0, 15).toUpperCase()}"`,
      lastModified: new Date()
    }
    // Committing replaces the blob; uncommitted blocks left out of the list are discarded.
    blob.committed = committed
    blob.committedBlocks = blocks
    blob.uncommitted.clear()
    this.sendCreated(res, record, { etag: committed.etag, 'last-modified': committed.lastModified.toUTCString() })
  }

  private getBlob(path: string, contentDisposition: string | undefined, res: ServerResponse, record: BlobRequest): void {
    const blob = this.committed(path)
    if (!blob) throw new StorageError(404, 'BlobNotFound', 'The specified blob does not exist.')
    record.status = 200
    res.writeHead(200, {
      ...this.commonHeaders(),
      'content-type': blob.contentType,
      'content-length': String(blob.bytes.length),
      etag: blob.etag,
      'last-modified': blob.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      ...(contentDisposition ? { 'content-disposition': contentDisposition } : {})
    })
    res.end(blob.bytes)
  }

  private commonHeaders(): Record<string, string> {
    return { 'x-ms-request-id': randomUUID(), 'x-ms-version': STORAGE_VERSION, date: new Date().toUTCString() }
  }

  private sendCreated(res: ServerResponse, record: BlobRequest, headers: Record<string, string>): void {
    record.status = 201
    res.writeHead(201, { ...this.commonHeaders(), 'x-ms-request-server-encrypted': 'true', 'content-length': '0', ...headers })
    res.end()
  }

  private sendError(res: ServerResponse, record: BlobRequest, error: StorageError): void {
    record.status = error.status
    record.errorCode = error.code
    const headers = this.commonHeaders()
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>' +
      `<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}\nRequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`
    res.writeHead(error.status, {
      ...headers,
      'content-type': 'application/xml',
      'x-ms-error-code': error.code,
      'content-length': String(Buffer.byteLength(xml))
    })
    res.end(xml)
  }
}

function operationOf(method: string, params: URLSearchParams): BlobOperation | 'unsupported' {
  const comp = params.get('comp')
  if (method === 'PUT' && comp === 'block' && params.has('blockid')) return 'PutBlock'
  if (method === 'PUT' && comp === 'blocklist') return 'PutBlockList'
  if (method === 'GET' && comp === null) return 'GetBlob'
  return 'unsupported'
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_REQUEST_BYTES) throw new StorageError(413, 'RequestBodyTooLarge', 'The request body is too large and exceeds the maximum permissible limit.')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function isBase64(value: string): boolean {
  return value.length > 0 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)
}

/** `<BlockList>` of `<Latest>`, `<Committed>` and `<Uncommitted>` ids; null if anything else is in it. */
function parseBlockList(xml: string): BlockListEntry[] | null {
  const match = /^\s*(?:<\?xml[^>]*\?>)?\s*<BlockList>([\s\S]*)<\/BlockList>\s*$/.exec(xml)
  if (!match) return null
  const entries: BlockListEntry[] = []
  const rest = match[1].replace(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g, (_all, kind: BlockListEntry['kind'], id: string) => {
    entries.push({ kind, id: id.trim() })
    return ''
  })
  return rest.trim() === '' ? entries : null
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
