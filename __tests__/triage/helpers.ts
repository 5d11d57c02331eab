// Test helpers for triage: chunked streams with deterministic, arbitrary boundaries.

/** Small deterministic PRNG (mulberry32), so a failing chunking can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Splits bytes into chunks of random sizes in [1, maxChunk] (boundaries land anywhere). */
export async function* chunked(bytes: Uint8Array, seed: number, maxChunk = 64): AsyncGenerator<Uint8Array> {
  const random = prng(seed)
  let offset = 0
  while (offset < bytes.length) {
    const size = 1 + Math.floor(random() * maxChunk)
    yield bytes.slice(offset, offset + size)
    offset += size
  }
}

export async function* fromChunks(chunks: readonly (Uint8Array | string)[]): AsyncGenerator<Uint8Array | string> {
  for (const chunk of chunks) yield chunk
}

/** A GitHub job log line with a runner timestamp. */
export function gh(text: string, second = 0): string {
  return `2024-05-06T09:14:${String(second % 60).padStart(2, '0')}.1234567Z ${text}`
}
