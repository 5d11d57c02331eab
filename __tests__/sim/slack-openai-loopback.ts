/**
 * The bits the Slack and OpenAI simulators share: a loopback HTTP server on an ephemeral port
 * and a size-capped body reader. Independent of src/ on purpose.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface Loopback {
  /** http://127.0.0.1:<port> */
  origin: string
  close(): Promise<void>
}

export async function listenLoopback(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<Loopback> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      // A simulator bug must fail loudly in the test, not hang the client.
      if (!res.headersSent) res.writeHead(599, { 'content-type': 'text/plain' })
      res.end(`simulator error: ${error instanceof Error ? error.stack : String(error)}`)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive and deliberately stalled sockets would otherwise hold close() open.
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > maxBytes) throw new BodyTooLarge(`body over ${maxBytes} bytes`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}

/** Waits `ms`, or less if the client hangs up first, so no timer outlives the test. */
export function delayUnlessGone(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    res.once('close', done)
    function done() {
      clearTimeout(timer)
      res.off('close', done)
      resolve()
    }
  })
}
