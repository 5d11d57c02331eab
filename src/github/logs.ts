import type { Logger } from '../log/logger.js'
import { httpStatus, type Octokit, type Repo } from './client.js'

export interface LogDownload {
  /** The log bytes as they arrive; ends early (without throwing) if the transfer breaks. */
  chunks: AsyncIterable<Uint8Array>
  /** Filled in while streaming: whether the transfer broke before the end. */
  outcome: { interrupted: boolean; bytes: number }
}

const ATTEMPTS = 3

/**
 * Streams a job's log. The API answers 302 to a short-lived blob URL on another host: we follow it
 * ourselves, without the Authorization header, and ask the API for a fresh URL if the blob host fails.
 * Returns null when the log is gone (expired or deleted: 404/410).
 */
export async function downloadJobLog(octokit: Octokit, repo: Repo, jobId: number, log: Logger): Promise<LogDownload | null> {
  let lastError = ''
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let location: string | undefined
    try {
      const response = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
        ...repo,
        job_id: jobId,
        request: { redirect: 'manual' }
      })
      location = typeof response.headers.location === 'string' ? response.headers.location : undefined
      if (!location && typeof response.data === 'string') {
        // Some servers answer with the text directly instead of redirecting.
        return fromText(response.data)
      }
    } catch (error) {
      const status = httpStatus(error)
      if (status === 404 || status === 410) return null
      throw error
    }
    if (!location) throw new Error(`GitHub gave no log location for job ${jobId}.`)
    const url = new URL(location)
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      throw new Error(`Refusing to download job ${jobId}'s log over ${url.protocol}`)
    }
    try {
      const blob = await fetch(url, { redirect: 'error' })
      if (blob.ok && blob.body) return fromBody(blob.body, log, jobId)
      lastError = `HTTP ${blob.status}`
      await blob.body?.cancel()
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    log.warning(`Downloading job ${jobId}'s log failed (${lastError}); attempt ${attempt} of ${ATTEMPTS}.`)
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt * attempt))
  }
  throw new Error(`Could not download job ${jobId}'s log: ${lastError}`)
}

function fromText(text: string): LogDownload {
  const bytes = new TextEncoder().encode(text)
  const outcome = { interrupted: false, bytes: bytes.length }
  return {
    outcome,
    chunks: (async function* () {
      yield bytes
    })()
  }
}

function fromBody(body: ReadableStream<Uint8Array>, log: Logger, jobId: number): LogDownload {
  const outcome = { interrupted: false, bytes: 0 }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const reader = body.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        outcome.bytes += value.byteLength
        yield value
      }
    } catch (error) {
      outcome.interrupted = true
      log.warning(`Job ${jobId}'s log transfer broke after ${outcome.bytes} bytes: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      // Stops the transfer when the consumer has read enough.
      await reader.cancel().catch(() => undefined)
    }
  }
  return { chunks: chunks(), outcome }
}
