/**
 * Every cap on test-report input, in one place. Reports come from the pushed code's test run, so
 * each dimension an attacker controls (bytes, entries, nesting, test cases, text length) is bounded.
 */

export interface ReportLimits {
  /** A report file larger than this is not parsed (bytes). */
  maxFileBytes: number
  /** Deepest element nesting accepted; deeper documents are cut there. */
  maxDepth: number
  /** Attributes read per element; the rest are ignored. */
  maxAttributes: number
  /** Test cases counted per file before the rest of the file is skipped. */
  maxTestCases: number
  /** Failures kept per artifact (all are counted in the totals). */
  maxFailures: number
  /** Report files read per artifact. */
  maxFiles: number
  maxNameChars: number
  maxMessageChars: number
  maxDetailsChars: number
}

export const REPORT_LIMITS: ReportLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxDepth: 32,
  maxAttributes: 64,
  maxTestCases: 50_000,
  maxFailures: 50,
  maxFiles: 200,
  maxNameChars: 300,
  maxMessageChars: 1000,
  maxDetailsChars: 4000
}

export interface ZipLimits {
  /** Central-directory entries read; the rest of the archive is ignored. */
  maxEntries: number
  /** An entry that inflates to more than this is skipped (bytes). */
  maxEntryBytes: number
  /** Inflated bytes across all entries read from one archive. */
  maxTotalBytes: number
  /**
   * Inflated/compressed size above this marks a zip bomb. Real JUnit files compress 15–35:1
   * (measured on generated Surefire- and jest-junit-shaped reports); only identical lines reach 300:1.
   */
  maxRatio: number
  /** The ratio is judged only for entries larger than this: small files are bounded by the caps anyway. */
  ratioFloorBytes: number
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: REPORT_LIMITS.maxFileBytes,
  maxTotalBytes: 20 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024
}

export interface ArtifactLimits {
  /** Artifacts listed before the rest are ignored. */
  maxListed: number
  /** Artifacts downloaded per run. */
  maxDownloads: number
  /** An artifact whose zip is larger than this is not downloaded (bytes). */
  maxArtifactBytes: number
  /** An artifact whose name does not suggest test reports is looked into only when this small. */
  maxUnnamedArtifactBytes: number
  /** Zip bytes downloaded per run. */
  maxDownloadBytes: number
  /** Inflated bytes read per run, across artifacts. */
  maxInflatedBytes: number
  zip: ZipLimits
  report: ReportLimits
}

export const ARTIFACT_LIMITS: ArtifactLimits = {
  maxListed: 500,
  maxDownloads: 8,
  maxArtifactBytes: 25 * 1024 * 1024,
  maxUnnamedArtifactBytes: 2 * 1024 * 1024,
  maxDownloadBytes: 50 * 1024 * 1024,
  maxInflatedBytes: ZIP_LIMITS.maxTotalBytes,
  zip: ZIP_LIMITS,
  report: REPORT_LIMITS
}
