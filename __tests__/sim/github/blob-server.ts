// The second loopback server, standing in for the storage hosts GitHub redirects log, artifact and
// repository archive downloads to. Links are unguessable, expire (GitHub: "This link expires after 1 minute") and may
// be one-shot; every request is recorded with whether an Authorization header reached it.
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import type { BlobRequestRecord, LogSource } from './types.ts'

interface Link {
  kind: BlobRequestRecord['kind']
  id: number
  content: LogSource
  contentType: string
  expiresAt: number
  oneShot: boolean
  used: boolean
}

export interface BlobServerOptions {
  ttlMs: number
  oneShot: boolean
}

export class BlobServer {
  readonly requests: BlobRequestRecord[] = []
  private readonly links = new Map<string, Link>()
  private readonly server: Server
  private readonly options: BlobServerOptions
  private base = ''

  private constructor(options: BlobServerOptions) {
    this.options = options
    this.server = createServer((req, res) => {
      this.serve(req, res).catch(() => res.destroy())
    })
  }

  static async start(options: BlobServerOptions): Promise<BlobServer> {
    const blobs = new BlobServer(options)
    await new Promise<void>((resolve) => blobs.server.listen(0, '127.0.0.1', resolve))
    blobs.base = `http://127.0.0.1:${(blobs.server.address() as AddressInfo).port}`
    return blobs
  }

  get url(): string {
    return this.base
  }

  /** A fresh download URL for `content`, valid for the configured lifetime. */
  link(kind: Link['kind'], id: number, content: LogSource, contentType: string): string {
    const key = randomBytes(16).toString('hex')
    this.links.set(key, {
      kind,
      id,
      content,
      contentType,
      expiresAt: Date.now() + this.options.ttlMs,
      oneShot: this.options.oneShot,
      used: false
    })
    // The query imitates a signed storage URL; only the key in the path matters.
    return `${this.base}/${kind}s/${key}?sig=${randomBytes(8).toString('hex')}&se=${this.options.ttlMs}`
  }

  close(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.base).pathname
    const key = path.split('/').pop() ?? ''
    const link = this.links.get(key)
    const record: BlobRequestRecord = {
      path,
      kind: link?.kind ?? (path.startsWith('/artifacts/') ? 'artifact' : path.startsWith('/zipballs/') ? 'zipball' : 'job-log'),
      id: link?.id ?? 0,
      status: 200,
      authorizationSeen: req.headers.authorization !== undefined
    }
    this.requests.push(record)
    const expired = !link || Date.now() > link.expiresAt || (link.oneShot && link.used)
    if (req.method !== 'GET' || expired) {
      // Azure blob storage refuses a stale signed URL with 403 AuthenticationFailed.
      record.status = link ? 403 : 404
      res.writeHead(record.status, { 'content-type': 'application/xml' })
      res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${link ? 'AuthenticationFailed' : 'BlobNotFound'}</Code></Error>`)
      return
    }
    link.used = true
    const { content } = link
    if (typeof content === 'object' && !Buffer.isBuffer(content)) {
      const { size } = await stat(content.file)
      res.writeHead(200, { 'content-type': link.contentType, 'content-length': String(size) })
      await pipeline(createReadStream(content.file), res)
      return
    }
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    res.writeHead(200, { 'content-type': link.contentType, 'content-length': String(bytes.length) })
    res.end(bytes)
  }
}
