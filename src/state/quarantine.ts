import { createHash } from 'node:crypto'

/**
 * Where a document ci-monitor cannot read is kept aside (`quarantine/<path>.<digest>.json`). Named
 * by its content: the same text is kept once however often it is met, and another text never
 * replaces it.
 */
export function quarantinePath(path: string, text: string): string {
  const digest = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12)
  return `quarantine/${path.replace(/\.json$/, '')}.${digest}.json`
}
