/**
 * Test reports from a workflow run's artifacts: list them, pick the ones likely to hold JUnit/TRX
 * files, download each zip into memory (bounded) and parse the report entries.
 *
 * Why not @actions/artifact's downloadArtifact: it streams the zip through unzip-stream's
 * Extract straight into a directory, with the paths the zip names and no cap on entries, bytes or
 * ratio; it also builds its own Octokit (no retry/throttling, base URL fixed at import). An
 * artifact from a fork's run is attacker-made, so here the REST API is called with the pipeline's
 * Octokit, the storage-host redirect is followed without the Authorization header (as logs.ts does
 * for job logs), and the zip is read in memory by ../reports/zip.ts: nothing touches the disk.
 */
import type { Logger } from '../log/logger.js'
import { ARTIFACT_LIMITS, collectReports, isReportFileName, readZip, ZipError, type ArtifactLimits, type TestReport } from '../reports/index.js'
import { cleanLine } from '../reports/text.js'
import type { Octokit, Repo } from './client.js'
import { downloadBytes, TooLarge } from './storage.js'

export interface SkippedArtifact {
  id: number
  /** Cleaned artifact name (display only). */
  name: string
  reason: string
}

export interface TestReportDownload {
  /** One per artifact that held test reports, in the order they were read. */
  reports: TestReport[]
  /** Artifacts looked at and not used, with why (for the record). */
  skipped: SkippedArtifact[]
  /** Why the artifacts could not be listed at all (no `actions: read`, API error), else null. */
  unavailable: string | null
}

interface ListedArtifact {
  id: number
  name: string
  size_in_bytes: number
  expired: boolean
}

/** Names that suggest test results (`test-results`, `junit`, `surefire-reports`, `pytest-report` …). */
const REPORT_NAME = /test|junit|xunit|nunit|trx|surefire|failsafe|jest|vitest|mocha|spec|result|report/i
/** Artifacts GitHub's own actions make that never hold test reports: Pages sites, Docker build records. */
const NEVER_REPORTS = /^github-pages$|\.dockerbuild$/i
const NAME_CHARS = 200

export async function downloadTestReports(
  octokit: Octokit,
  repo: Repo,
  runId: number,
  log: Logger,
  limits: ArtifactLimits = ARTIFACT_LIMITS
): Promise<TestReportDownload> {
  const result: TestReportDownload = { reports: [], skipped: [], unavailable: null }
  let listed: ListedArtifact[]
  try {
    listed = await listArtifacts(octokit, repo, runId, limits.maxListed)
  } catch (error) {
    result.unavailable = `listing the run's artifacts failed: ${describe(error)}`
    log.warning(`Test reports: ${result.unavailable}`)
    return result
  }
  const skip = (artifact: ListedArtifact, reason: string): void => {
    result.skipped.push({ id: artifact.id, name: cleanLine(artifact.name, NAME_CHARS, {}), reason })
  }

  const named: ListedArtifact[] = []
  const unnamed: ListedArtifact[] = []
  for (const artifact of listed) {
    if (artifact.expired) skip(artifact, 'expired')
    else if (NEVER_REPORTS.test(artifact.name)) skip(artifact, 'not a test-report artifact (Pages site or Docker build record)')
    else if (artifact.size_in_bytes > limits.maxArtifactBytes) skip(artifact, `${artifact.size_in_bytes} bytes, above the ${limits.maxArtifactBytes}-byte limit`)
    else if (REPORT_NAME.test(artifact.name)) named.push(artifact)
    else if (artifact.size_in_bytes > limits.maxUnnamedArtifactBytes) skip(artifact, 'its name does not suggest test reports and it is too large to look into')
    else unnamed.push(artifact)
  }

  let downloads = 0
  let downloadedBytes = 0
  let inflatedBytes = 0
  for (const artifact of [...named, ...unnamed]) {
    if (downloads >= limits.maxDownloads) {
      skip(artifact, `not downloaded: ${limits.maxDownloads} artifacts were read already`)
      continue
    }
    if (downloadedBytes + artifact.size_in_bytes > limits.maxDownloadBytes || inflatedBytes >= limits.maxInflatedBytes) {
      skip(artifact, 'not downloaded: the per-run byte budget is spent')
      continue
    }
    downloads += 1
    let zip: Uint8Array | null
    try {
      zip = await downloadZip(octokit, repo, artifact.id, limits.maxArtifactBytes, log)
    } catch (error) {
      skip(artifact, error instanceof TooLarge ? error.message : `download failed: ${describe(error)}`)
      continue
    }
    if (zip === null) {
      skip(artifact, 'gone (expired or deleted)')
      continue
    }
    downloadedBytes += zip.byteLength
    const used = readArtifact(artifact, zip, limits, limits.maxInflatedBytes - inflatedBytes)
    inflatedBytes += used.inflated
    if (typeof used.outcome === 'string') skip(artifact, used.outcome)
    else result.reports.push(used.outcome)
  }

  const failing = result.reports.reduce((sum, r) => sum + r.totals.failures + r.totals.errors, 0)
  const tests = result.reports.reduce((sum, r) => sum + r.totals.tests, 0)
  log.info(`Test reports: ${result.reports.length} artifact(s) with reports (${tests} tests, ${failing} failing), ${result.skipped.length} skipped.`)
  return result
}

async function listArtifacts(octokit: Octokit, repo: Repo, runId: number, max: number): Promise<ListedArtifact[]> {
  const listed: ListedArtifact[] = []
  const pages = octokit.paginate.iterator(octokit.rest.actions.listWorkflowRunArtifacts, { ...repo, run_id: runId, per_page: 100 })
  for await (const page of pages) {
    for (const a of page.data) {
      if (listed.length >= max) return listed
      listed.push({ id: a.id, name: a.name, size_in_bytes: a.size_in_bytes, expired: a.expired })
    }
  }
  return listed
}

/** The reports inside one downloaded zip, or why there are none; and how many bytes were inflated. */
function readArtifact(artifact: ListedArtifact, zip: Uint8Array, limits: ArtifactLimits, inflateBudget: number): { outcome: TestReport | string; inflated: number } {
  let read
  try {
    read = readZip(zip, isReportFileName, { ...limits.zip, maxTotalBytes: Math.min(limits.zip.maxTotalBytes, inflateBudget) })
  } catch (error) {
    if (error instanceof ZipError) return { outcome: `not a readable zip: ${error.message}`, inflated: 0 }
    throw error
  }
  const inflated = read.entries.reduce((sum, entry) => sum + entry.bytes.byteLength, 0)
  const problems = read.skipped.map((s) => `${cleanLine(s.name, NAME_CHARS, {})}: ${s.reason}`)
  // Any report-named entry left unread (a cap, a bomb, a link) means "no failures" proves nothing.
  const collected = collectReports(artifact.name, read.entries, limits.report, { problems, truncated: read.truncated || read.skipped.length > 0 })
  if (collected.report) return { outcome: collected.report, inflated }
  const looked = read.entries.length + read.skipped.length
  const why = [
    `no test reports inside (${looked} .xml/.trx file(s)`,
    collected.otherFiles > 0 ? `, ${collected.otherFiles} other XML` : '',
    collected.rejectedFiles + read.skipped.length > 0 ? `, ${collected.rejectedFiles + read.skipped.length} refused` : '',
    ')',
    problems[0] ? `; first problem: ${problems[0]}` : ''
  ].join('')
  return { outcome: why, inflated }
}

/** The artifact's zip, at most `maxBytes`, from the storage host; null when it is gone (404/410). */
function downloadZip(octokit: Octokit, repo: Repo, artifactId: number, maxBytes: number, log: Logger): Promise<Uint8Array | null> {
  return downloadBytes(
    octokit,
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    { ...repo, artifact_id: artifactId, archive_format: 'zip' },
    `artifact ${artifactId}`,
    maxBytes,
    log
  )
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
