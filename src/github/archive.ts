/**
 * A whole branch in one request: GitHub's zipball of a commit (a redirect to a storage host,
 * followed without the token), read in memory with the zip reader the test reports use. GitHub
 * puts every path under one top folder, `<owner>-<repo>-<short sha>/`; it is stripped, so paths
 * are relative to the branch root as in a clone.
 */
import type { Logger } from '../log/logger.js'
import { readZip, ZipError } from '../reports/zip.js'
import type { ZipLimits } from '../reports/limits.js'
import type { Octokit, Repo } from './client.js'
import { downloadBytes, TooLarge } from './storage.js'

export interface ArchiveLimits {
  /** Zip bytes downloaded; a larger archive is refused with an error. */
  maxArchiveBytes: number
  zip: ZipLimits
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxArchiveBytes: 64 * 1024 * 1024,
  zip: {
    maxEntries: 200_000,
    // Larger than any document ci-monitor writes (state/load.ts MAX_DOCUMENT_BYTES).
    maxEntryBytes: 8 * 1024 * 1024,
    maxTotalBytes: 1024 * 1024 * 1024,
    // JSON written by one program repeats itself: far more compressible than test reports.
    maxRatio: 1000,
    ratioFloorBytes: 1024 * 1024
  }
}

export interface ArchiveFile {
  /** Relative to the branch root, `/`-separated. */
  path: string
  text: string
}

export interface BranchArchive {
  files: ArchiveFile[]
  /** Entries wanted but not read, and why (paths relative to the branch root). */
  problems: { path: string; problem: string }[]
}

/**
 * The text files of `ref` (a commit id, so the content is exactly that commit's) whose path
 * `wanted` accepts; null when the ref does not exist.
 */
export async function downloadBranchArchive(
  octokit: Octokit,
  repo: Repo,
  ref: string,
  wanted: (path: string) => boolean,
  log: Logger,
  limits: ArchiveLimits = ARCHIVE_LIMITS
): Promise<BranchArchive | null> {
  let zip: Uint8Array | null
  try {
    zip = await downloadBytes(octokit, 'GET /repos/{owner}/{repo}/zipball/{ref}', { ...repo, ref }, `the archive of ${ref.slice(0, 12)}`, limits.maxArchiveBytes, log)
  } catch (error) {
    if (error instanceof TooLarge) {
      throw new Error(`${error.message}: too large to read in one go. Move old records off the state branch (git history keeps them) or raise the limit.`)
    }
    throw error
  }
  if (zip === null) return null
  return readBranchZip(zip, wanted, limits.zip)
}

/** The files of a zipball (pure): the top folder stripped, entries outside it reported. */
export function readBranchZip(zip: Uint8Array, wanted: (path: string) => boolean, limits: ZipLimits): BranchArchive {
  const relative = (name: string): string | null => {
    const slash = name.indexOf('/')
    return slash > 0 && slash < name.length - 1 ? name.slice(slash + 1) : null
  }
  let read
  try {
    read = readZip(zip, (name) => {
      const path = relative(name)
      return path === null || wanted(path)
    }, limits)
  } catch (error) {
    if (error instanceof ZipError) throw new Error(`The branch archive is not a readable zip: ${error.message}`)
    throw error
  }
  const top = read.entries.find((entry) => relative(entry.name) !== null)?.name.split('/')[0]
  const files: ArchiveFile[] = []
  const problems: BranchArchive['problems'] = []
  const decoder = new TextDecoder('utf-8')
  for (const entry of read.entries) {
    const path = relative(entry.name)
    if (path === null || entry.name.split('/')[0] !== top) {
      problems.push({ path: entry.name, problem: 'outside the archive\'s top folder: not read' })
      continue
    }
    files.push({ path, text: decoder.decode(entry.bytes) })
  }
  for (const skipped of read.skipped) problems.push({ path: relative(skipped.name) ?? skipped.name, problem: skipped.reason })
  return { files, problems }
}
