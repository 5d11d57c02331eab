// Failures tests inject in place of real answers, for the results service (Twirp methods) and the
// blob store (Azure operations) alike, to drive the clients' retry and error paths.
import type { IncomingMessage, ServerResponse } from 'node:http'

export const TWIRP_METHODS = ['CreateArtifact', 'FinalizeArtifact', 'ListArtifacts', 'GetSignedArtifactURL', 'DeleteArtifact'] as const
export type TwirpMethod = (typeof TWIRP_METHODS)[number]

export const BLOB_OPERATIONS = ['PutBlock', 'PutBlockList', 'GetBlob'] as const
export type BlobOperation = (typeof BLOB_OPERATIONS)[number]

/** What a fault targets: one Twirp method, one blob operation, or `'*'` for any request. */
export type FaultTarget = TwirpMethod | BlobOperation | '*'

export type ResultsFault =
  /**
   * The service's own error answer with this HTTP status: Twirp JSON `{ code, msg }` for Twirp
   * methods (the code follows the status: 500 internal, 503 unavailable, 429 resource_exhausted …),
   * Azure XML `<Error><Code>` for blob operations (500 InternalError, 503 ServerBusy …).
   */
  | { kind: 'status'; status: number; message?: string }
  /** An HTML error page from a proxy in front of the service (a load balancer's 502), not JSON or XML. */
  | { kind: 'intermediary'; status: number }
  /** The connection is dropped before any answer (the client sees ECONNRESET). */
  | { kind: 'reset' }
  /** The normal answer, but only after `ms`. */
  | { kind: 'delay'; ms: number }

interface Pending {
  target: FaultTarget
  remaining: number
  fault: ResultsFault
}

export class FaultQueue {
  private readonly pending: Pending[] = []

  add(target: FaultTarget, fault: ResultsFault, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`times must be a positive integer, got ${times}`)
    this.pending.push({ target, remaining: times, fault })
  }

  /** The fault to answer this request with, if one is queued for it (first in, first out). */
  take(operation: TwirpMethod | BlobOperation): ResultsFault | null {
    const index = this.pending.findIndex((p) => p.target === operation || p.target === '*')
    if (index < 0) return null
    const entry = this.pending[index]
    if (--entry.remaining === 0) this.pending.splice(index, 1)
    return entry.fault
  }
}

/**
 * Carries out a fault other than the service's own error answer (which each server renders in
 * its own format). Returns the status to record (-1 for a dropped connection), or null when the
 * normal answer should follow (after a delay).
 */
export async function applyTransportFault(req: IncomingMessage, res: ServerResponse, fault: Exclude<ResultsFault, { kind: 'status' }>): Promise<number | null> {
  switch (fault.kind) {
    case 'delay':
      await delayUnlessClosed(res, fault.ms)
      return null
    case 'reset':
      req.socket.destroy()
      return -1
    case 'intermediary': {
      const page = `<html><head><title>${fault.status}</title></head><body><h1>${fault.status}</h1><p>Error from intermediary.</p></body></html>`
      res.writeHead(fault.status, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(page)) })
      res.end(page)
      return fault.status
    }
  }
}

/** Waits `ms`, or less if the client hangs up first, so no timer outlives a test. */
function delayUnlessClosed(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    res.once('close', done)
    function done(): void {
      clearTimeout(timer)
      res.off('close', done)
      resolve()
    }
  })
}
