import type { Octokit, Repo } from '../github/client.js'
import { readFile } from '../github/contents.js'
import { archivePath, monthOf, parseArchive } from '../state/archive.js'
import { runRecordPath } from '../state/records.js'

/**
 * A run record's text on the state branch: at its path, else, once the sweep has folded its month,
 * from that month's archive. `analysedAt` says which month (a fingerprint occurrence's `at` is its
 * record's `analysed_at`); without it only the path is read.
 */
export async function readRunRecord(octokit: Octokit, repo: Repo, branch: string, run: { id: number; attempt: number }, analysedAt: string | null): Promise<string | null> {
  const path = runRecordPath(run.id, run.attempt)
  const text = await readFile(octokit, repo, path, branch)
  if (text !== null || analysedAt === null || Number.isNaN(Date.parse(analysedAt))) return text
  return readArchived(octokit, repo, branch, path, monthOf(analysedAt))
}

/** The document folded from `path` into the archive of `month`, as the file it was; null if it is not there. */
export async function readArchived(octokit: Octokit, repo: Repo, branch: string, path: string, month: string): Promise<string | null> {
  // Parts end at the first one missing; a month rarely has more than one.
  for (let part = 1; ; part++) {
    const text = await readFile(octokit, repo, archivePath(month, part), branch)
    if (text === null) return null
    const line = parseArchive(text).lines.find((l) => l.path === path)
    if (line) return line.original
  }
}
