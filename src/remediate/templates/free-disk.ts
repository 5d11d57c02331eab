/**
 * The step `free-disk` inserts on GitHub-hosted Ubuntu runners: a fixed `run:` text rather than a
 * third-party action, so there is no code to pin and review beyond these lines, and the safety
 * gate can recognise it exactly. Each removal is one line, left out when the job's own workflow
 * text mentions that toolchain. Sizes are from runner-image measurements quoted in public
 * workflows (Android SDK ~9 GB, .NET ~1.6 GB, e.g. a "maximize-runner-disk" action listing
 * `du` sizes; all removals together up to ~31 GB per the jlumbroso/free-disk-space family of
 * actions, e.g. BRAINSia/free-disk-space README). The Android and .NET removals are the same two
 * lines open-telemetry/opentelemetry-java-instrumentation runs (.github/scripts/gha-free-disk-space.sh).
 */
export interface DiskPart {
  id: 'android' | 'dotnet' | 'haskell' | 'codeql' | 'docker-images'
  label: string
  line: string
  /** The job's workflow text mentioning this means a step may need it: keep it. */
  usedWhen: RegExp
}

export const FREE_DISK_PARTS: readonly DiskPart[] = [
  { id: 'android', label: 'the Android SDK (~9 GB)', line: 'sudo rm -rf /usr/local/lib/android', usedWhen: /android/i },
  { id: 'dotnet', label: '.NET (~1.6 GB)', line: 'sudo rm -rf /usr/share/dotnet', usedWhen: /dotnet|nuget|\.csproj|\.sln\b|\.net\b/i },
  { id: 'haskell', label: 'GHC and ghcup (Haskell)', line: 'sudo rm -rf /opt/ghc /usr/local/.ghcup', usedWhen: /haskell|\bghc|cabal|\bstack\s/i },
  { id: 'codeql', label: 'the cached CodeQL bundle', line: 'sudo rm -rf /opt/hostedtoolcache/CodeQL', usedWhen: /codeql/i },
  { id: 'docker-images', label: 'Docker images no container uses', line: 'docker image prune --all --force', usedWhen: /$^/ }
]

export const FREE_DISK_STEP_NAME = 'Free disk space (ci-monitor)'
const REPORT_LINE = 'df -h /'

/** The `run:` text for the chosen parts, one command per line, ending with a disk report. */
export function freeDiskRun(parts: readonly DiskPart[]): string {
  return [...parts.map((part) => part.line), REPORT_LINE].join('\n') + '\n'
}

/** True for a step (as data) that is exactly a catalog free-disk step: the name and a run text of catalog lines in catalog order. */
export function isFreeDiskStep(step: unknown): boolean {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) return false
  const entries = Object.entries(step)
  const record = step as Record<string, unknown>
  if (entries.length !== 2 || record['name'] !== FREE_DISK_STEP_NAME || typeof record['run'] !== 'string') return false
  const lines = record['run'].replace(/\n$/, '').split('\n')
  if (lines.pop() !== REPORT_LINE) return false
  let next = 0
  for (const line of lines) {
    const index = FREE_DISK_PARTS.findIndex((part, i) => i >= next && part.line === line)
    if (index === -1) return false
    next = index + 1
  }
  return true
}

/** Lines the gate does not count as deleting files when they come from this template. */
export const FREE_DISK_LINES: ReadonlySet<string> = new Set(FREE_DISK_PARTS.map((part) => part.line))
