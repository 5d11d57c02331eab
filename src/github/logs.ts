import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from './client.js'
import { downloadFromStorage } from './storage.js'

export interface LogDownload {
  /** The log bytes as they arrive; ends early (without throwing) if the transfer breaks. */
  chunks: AsyncIterable<Uint8Array>
  /** Filled in while streaming: whether the transfer broke before the end. */
  outcome: { interrupted: boolean; bytes: number }
}

/**
 * Streams a job's log from the storage host (see downloadFromStorage). Returns null when the log
 * is gone (expired or deleted).
 */
export async function downloadJobLog(octokit: Octokit, repo: Repo, jobId: number, log: Logger): Promise<LogDownload | null> {
  const download = await downloadFromStorage(octokit, 'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', { ...repo, job_id: jobId }, `job ${jobId}'s log`, log)
  if (download.kind === 'gone') return null
  if (download.kind === 'inline') return fromText(typeof download.data === 'string' ? download.data : JSON.stringify(download.data))
  return fromBody(download.response.body!, log, jobId)
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
