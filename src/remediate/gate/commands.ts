import { FREE_DISK_LINES } from '../templates/free-disk.js'
import { isRetryWrap } from '../templates/retry.js'
import { countBy, jobsOf, multisetChanges, splitId, stepsOf, valuesPerJob } from './data.js'
import type { JsonMap } from './data.js'
import { removedStepCount } from './structure.js'
import type { GateViolation } from './types.js'

/** Rules on the commands a workflow runs. */

/**
 * A fix does not rewrite the commands of existing steps: every `run:` text that disappears must
 * come back as exactly itself with whole install lines inside the catalog retry loop. A changed
 * `shell:` counts as a changed command. Runs of deleted steps are reported by removes-step.
 */
export function changedCommands(old: JsonMap, now: JsonMap): GateViolation[] {
  const runs = multisetChanges(valuesPerJob(old, 'run'), valuesPerJob(now, 'run'))
  const added = runs.added.map(splitId)
  const leftover = new Map<string, number>()
  for (const { job, value } of runs.removed.map(splitId)) {
    const wrap = added.findIndex((a) => a.job === job && typeof a.value === 'string' && typeof value === 'string' && isRetryWrap(value, a.value))
    if (wrap !== -1) added.splice(wrap, 1)
    else leftover.set(job, (leftover.get(job) ?? 0) + 1)
  }
  const rewritten = [...leftover].some(([job, count]) => count > removedStepCount(old, now, job))
  // A shell may only arrive with a new step.
  const shells = multisetChanges(valuesPerJob(old, 'shell'), valuesPerJob(now, 'shell'))
  const shellsAdded = countBy(shells.added.map(splitId), (s) => s.job)
  const shellChanged = shells.removed.length > 0 || [...shellsAdded].some(([job, count]) => count > addedStepCount(old, now, job))
  return rewritten || shellChanged
    ? [{ rule: 'changes-run', message: "The change rewrites the commands of an existing step, beyond putting an install command in ci-monitor's retry loop." }]
    : []
}

function addedStepCount(old: JsonMap, now: JsonMap, job: string): number {
  const before = jobsOf(old)[job]
  const after = jobsOf(now)[job]
  return after ? Math.max(0, stepsOf(after).length - (before ? stepsOf(before).length : 0)) : 0
}

/** Downloading code and running it in one go (a `curl | sh` installer, PowerShell's `iex (iwr …)`, base64-decoded scripts). */
const DOWNLOAD_EXEC: readonly RegExp[] = [
  /\b(?:curl|wget)\b[^\n|]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+\S+\s+)?(?:ba|z|k|da|fi)?sh\b/,
  /\b(?:curl|wget)\b[^\n|]*\|\s*(?:sudo\s+)?(?:python\d?(?:\.\d+)?|perl|ruby|node|php|pwsh|powershell)\b/,
  /(?:\b(?:ba|z|k|da)?sh|\bsource|(?:^|\s)\.)\s+<\(\s*(?:curl|wget)\b/,
  /\b(?:eval|exec)\s+["']?\$\(\s*(?:curl|wget)\b/,
  /\b(?:ba|z|k|da)?sh\s+-c\s+["']?\$\(\s*(?:curl|wget)\b/,
  /\b(?:iex|Invoke-Expression)\b[^\n]*\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString|DownloadFile|WebClient)\b/i,
  /\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n]*\|\s*(?:iex|Invoke-Expression)\b/i,
  /\bbase64\s+(?:-d|--decode|-D)\b/,
  /FromBase64String/i,
  /\b(?:curl|wget)\b[^\n]*(?:&&|;)\s*(?:sudo\s+)?(?:(?:ba|z|da)?sh\s+\S|chmod\s+\+?[0-7]*x)/
]

export function downloadAndExecute(addedLines: string[]): GateViolation[] {
  const hit = addedLines.some((line) => DOWNLOAD_EXEC.some((pattern) => pattern.test(line)))
  return hit
    ? [{ rule: 'download-exec', message: 'The change adds a command that downloads code and runs it, which ci-monitor never accepts in a fix.' }]
    : []
}

/** Patterns that tolerate failures or test less when they appear more often after a change. */
const WEAKENING: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\|\|\s*(?:true\b|:(?=\s|$|;|\))|exit\s+0\b|echo\b)/g, what: 'ignores a command failure (`|| true`)' },
  { pattern: /\bset\s+\+e\b/g, what: 'turns off stopping on errors (`set +e`)' },
  { pattern: /--passWithNoTests\b|--pass-with-no-tests\b/g, what: 'lets an empty test run pass' },
  { pattern: /-DskipTests\b|-Dmaven\.test\.skip=true\b|-DskipITs\b|\s-x\s+test\b|--exclude-task\s+test\b/g, what: 'skips tests' },
  { pattern: /\s-k\s+["']?not\s|--deselect\b|--ignore(?:-glob)?[= ]|\s-skip[= ]|\s--skip\s/g, what: 'deselects tests' },
  { pattern: /--exit-zero\b|--no-fail-on-error\b|--max-warnings[= ]-1\b/g, what: 'makes a checker pass on errors' },
  { pattern: /\brm\s+-[a-zA-Z]*[rR][a-zA-Z]*\b/g, what: 'deletes files' }
]

/** Patterns whose disappearance makes checks weaker. */
const STRICTNESS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bpytest\b[^\n]*\s(?:-x|--exitfirst)\b/g, what: "removes pytest's stop on first failure" },
  { pattern: /\bset\s+-[a-zA-Z]*e[a-zA-Z]*\b|\bset\s+-o\s+errexit\b/g, what: 'removes stopping on errors (`set -e`)' },
  { pattern: /--strict(?:-markers|-config)?(?![\w-])|-W\s*error\b|--bail\b/g, what: 'removes a strictness flag' }
]

const MAXFAIL = /--maxfail[= ](\d+)/g

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length
}

/** Lines of the catalog free-disk step are the one place a fix deletes files. */
function withoutTemplateLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => !FREE_DISK_LINES.has(line.trim()))
    .join('\n')
}

export function weakensChecks(before: string, after: string): GateViolation[] {
  const a = withoutTemplateLines(before)
  const b = withoutTemplateLines(after)
  const found = [
    ...WEAKENING.filter(({ pattern }) => count(b, pattern) > count(a, pattern)).map(({ what }) => what),
    ...STRICTNESS.filter(({ pattern }) => count(b, pattern) < count(a, pattern)).map(({ what }) => what)
  ]
  // Without --maxfail pytest runs every test, so only raising an existing limit tolerates more.
  const limitsBefore = [...a.matchAll(MAXFAIL)].map((m) => Number(m[1]))
  if (limitsBefore.length > 0 && [...b.matchAll(MAXFAIL)].some((m) => Number(m[1]) > Math.max(...limitsBefore))) {
    found.push('tolerates more test failures (`--maxfail`)')
  }
  return found.length > 0 ? [{ rule: 'weakens-checks', message: `The change ${found.join(', and ')}, which hides failures instead of fixing them.` }] : []
}
