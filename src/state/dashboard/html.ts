/** HTML text and links for the dashboard: untrusted text becomes inert text, links only GitHub's. */
import { capText, toSingleLine } from '../../notify/escape.js'

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** Untrusted text as one escaped line: controls, terminal escapes and bidi tricks gone, capped. */
export function untrustedText(text: string, maxChars: number): string {
  return escapeHtml(capText(toSingleLine(text), maxChars))
}

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/

export interface GitHubLinks {
  repository: string
  run(id: number, attempt: number): string
  pull(number: number): string
}

/**
 * Builds links from the repository name and numeric ids only, never from a URL stored in a
 * document: `https` on the server's origin, or no links at all when either is not well formed.
 */
export function githubLinks(repository: string | null, serverUrl = 'https://github.com'): GitHubLinks | null {
  if (repository === null || !REPOSITORY.test(repository) || /\/\.\.?$/.test(repository)) return null
  let origin: string
  try {
    const url = new URL(serverUrl)
    if (url.protocol !== 'https:' || url.username || url.password) return null
    origin = url.origin
  } catch {
    return null
  }
  const id = (n: number) => {
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error('ids in links are positive integers')
    return String(n)
  }
  const base = `${origin}/${repository}`
  return {
    repository,
    run: (runId, attempt) => `${base}/actions/runs/${id(runId)}${attempt > 1 ? `/attempts/${id(attempt)}` : ''}`,
    pull: (number) => `${base}/pull/${id(number)}`
  }
}
