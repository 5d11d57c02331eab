import type { Logger } from '../log/logger.js'
import { httpStatus, type Octokit } from './client.js'

/** What a download endpoint gave: nothing (gone), the bytes inline, or the storage host's answer. */
export type StorageDownload = { kind: 'gone' } | { kind: 'inline'; data: unknown } | { kind: 'response'; response: Response }

const ATTEMPTS = 3

/**
 * Logs and artifacts are served by a storage host the API redirects to with a short-lived link
 * (one minute). We follow the 302 ourselves, WITHOUT the Authorization header (the token must
 * not reach another host), and when the storage host fails we ask the API for a fresh link
 * rather than retrying a stale one. 404/410 from the API mean the file is gone.
 */
export async function downloadFromStorage(
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
  label: string,
  log: Logger
): Promise<StorageDownload> {
  let lastError = ''
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let location: string | undefined
    try {
      const response = await octokit.request(route, { ...params, request: { redirect: 'manual' } })
      location = typeof response.headers.location === 'string' ? response.headers.location : undefined
      // Some servers answer with the content itself instead of redirecting.
      if (!location && response.data !== undefined && response.data !== '') return { kind: 'inline', data: response.data }
    } catch (error) {
      const status = httpStatus(error)
      if (status === 404 || status === 410) return { kind: 'gone' }
      throw error
    }
    if (!location) throw new Error(`GitHub gave no download location for ${label}.`)
    const url = new URL(location)
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      throw new Error(`Refusing to download ${label} over ${url.protocol}`)
    }
    try {
      const response = await fetch(url, { redirect: 'error' })
      if (response.ok && response.body) return { kind: 'response', response }
      lastError = `HTTP ${response.status}`
      await response.body?.cancel()
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    log.warning(`Downloading ${label} failed (${lastError}); attempt ${attempt} of ${ATTEMPTS}.`)
    if (attempt < ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, 500 * attempt * attempt))
  }
  throw new Error(`Could not download ${label}: ${lastError}`)
}

/** A download refused because it is larger than the caller accepts. */
export class TooLarge extends Error {}

/**
 * A whole download in memory, at most `maxBytes` (TooLarge beyond, the transfer stopped); null
 * when it is gone.
 */
export async function downloadBytes(
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
  label: string,
  maxBytes: number,
  log: Logger
): Promise<Uint8Array | null> {
  const download = await downloadFromStorage(octokit, route, params, label, log)
  if (download.kind === 'gone') return null
  if (download.kind === 'inline') {
    if (!(download.data instanceof ArrayBuffer)) throw new Error(`${label} came back as ${typeof download.data}, not bytes`)
    if (download.data.byteLength > maxBytes) throw new TooLarge(`${label} is larger than ${maxBytes} bytes`)
    return new Uint8Array(download.data)
  }
  const { response } = download
  return readCapped(response.body!, Number(response.headers.get('content-length') ?? NaN), maxBytes, label)
}

/** The body's bytes, refusing (and stopping the transfer) past `maxBytes`, whatever Content-Length claimed. */
async function readCapped(body: ReadableStream<Uint8Array>, declared: number, maxBytes: number, label: string): Promise<Uint8Array> {
  const reader = body.getReader()
  try {
    if (declared > maxBytes) throw new TooLarge(`${label} is ${declared} bytes, above the ${maxBytes}-byte limit`)
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) throw new TooLarge(`${label} is larger than ${maxBytes} bytes`)
      chunks.push(value)
    }
    return Buffer.concat(chunks, total)
  } finally {
    await reader.cancel().catch(() => undefined)
  }
}
