import type { RetryTool } from '../../classify/types.js'

/**
 * Network installers `add-retry` knows, and how each is retried. Where the tool has its own retry
 * setting that an environment variable reaches, that setting is raised: it changes no command
 * and works in any shell. The others get each install line wrapped in the catalog's retry
 * loop, a fixed POSIX `sh` form the safety gate recognises exactly.
 *
 * - npm: `fetch-retries` (default 2, backoff 10–60 s) via `npm_config_fetch_retries`; npm reads
 *   any `npm_config_*` variable, and the lower-case form wins inside scripts
 *   (docs.npmjs.com/cli/using-npm/config "Environment Variables"; the same setting to 5 in
 *   BabylonJS/BabylonNative#1725 for ECONNRESET/ETIMEDOUT).
 * - pip: `--retries` (default 5, spent within seconds) via `PIP_RETRIES`, as pip maps every
 *   option to `PIP_<NAME>` (pip.pypa.io "Configuration"); 10 retries back off over about four
 *   minutes (measured in apache/beam#7519).
 * - yarn, pnpm, poetry, apt-get, go mod download, Maven dependency goals, docker pull: the loop.
 *   Their settings are either version-specific (yarn 1 vs berry, pnpm's settings moved in v10+)
 *   or need the command line changed anyway (`apt-get -o Acquire::Retries=3`,
 *   `-Dmaven.wagon.http.retryHandler.count=3` only for the wagon transport).
 */
export interface Installer {
  tool: RetryTool
  /** The command's fixed start. */
  head: RegExp
  /** Extra condition on the arguments after the head. */
  args?: (tokens: string[]) => boolean
  env?: { name: string; value: number; why: string }
}

export const INSTALLERS: readonly Installer[] = [
  {
    tool: 'npm',
    head: /^npm\s+(?:ci|install|i)(?=\s|$)/,
    env: {
      name: 'npm_config_fetch_retries',
      value: 5,
      why: "npm's own fetch retries (default 2, with backoff between 10 and 60 seconds) are raised to 5 for this step"
    }
  },
  { tool: 'yarn', head: /^yarn(?:\s+install)?(?=\s|$)/, args: (tokens) => tokens.every((t) => t.startsWith('-')) },
  { tool: 'pnpm', head: /^pnpm\s+(?:install|i)(?=\s|$)/ },
  {
    tool: 'pip',
    head: /^(?:python3?\s+-m\s+)?pip3?\s+install(?=\s|$)/,
    env: { name: 'PIP_RETRIES', value: 10, why: "pip's own retries (default 5, used up within seconds) are raised to 10, which backs off over about four minutes" }
  },
  { tool: 'poetry', head: /^poetry\s+install(?=\s|$)/ },
  { tool: 'apt', head: /^(?:sudo\s+(?:-E\s+)?)?apt(?:-get)?(?:\s+-\S+)*\s+(?:update|install)(?=\s|$)/ },
  { tool: 'go', head: /^go\s+mod\s+download(?=\s|$)/ },
  {
    tool: 'maven',
    head: /^(?:mvn|\.\/mvnw)(?=\s|$)/,
    // Only pure dependency resolution: retrying a build or a test run would hide flaky tests.
    args: (tokens) => tokens.some((t) => /^dependency:[\w-]+$/.test(t)) && tokens.every((t) => t.startsWith('-') || /^dependency:[\w-]+$/.test(t))
  },
  { tool: 'docker', head: /^docker\s+(?:pull|image\s+pull|compose\s+pull)(?=\s|$)/ }
]

export const RETRY_ATTEMPTS = 3
const WAIT_SECONDS = 15

/**
 * The catalog retry loop around one command, on one line: up to three attempts, waiting 15 then
 * 30 seconds, and the last failure's exit status fails the step. POSIX `sh` (bash and dash run it
 * alike); a failing condition of `until` does not trip `set -e`. Plain-scalar safe: no `: `, no ` #`.
 */
export function retryLine(command: string): string {
  return (
    `ci_monitor_attempt=0; until ${command}; do ci_monitor_status=$?; ` +
    `ci_monitor_attempt=$((ci_monitor_attempt + 1)); if [ "$ci_monitor_attempt" -ge ${RETRY_ATTEMPTS} ]; then exit "$ci_monitor_status"; fi; ` +
    `echo "ci-monitor retry $((ci_monitor_attempt + 1)) of ${RETRY_ATTEMPTS} in $((ci_monitor_attempt * ${WAIT_SECONDS})) s"; ` +
    `sleep $((ci_monitor_attempt * ${WAIT_SECONDS})); done`
  )
}

/** A token: plain characters, or single/double-quoted text without expansions, escapes or comments. */
const TOKEN = /^(?:'[^'\\`$#]*'|"[^"\\`$#]*"|[\w./=@+,%~^-]|:(?!$))+$/

/** Splits arguments on spaces; null when any piece is not a plain token (pipes, `&&`, `$`, `#` …). */
function tokens(rest: string): string[] | null {
  const parts = rest.trim() === '' ? [] : rest.trim().split(/\s+/)
  // Quoted tokens with spaces are split too; re-joining them is not worth the ambiguity.
  return parts.every((part) => TOKEN.test(part)) ? parts : null
}

/** The installer a command line runs, when the whole line is that one install command and nothing else. */
export function installerOf(line: string): Installer | null {
  const command = line.trim()
  if (command === '' || command.includes('${{')) return null
  for (const installer of INSTALLERS) {
    const head = installer.head.exec(command)
    if (!head) continue
    const args = tokens(command.slice(head[0].length))
    if (args === null) return null
    if (installer.args && !installer.args(args)) return null
    return installer
  }
  return null
}

const [LOOP_PREFIX, LOOP_SUFFIX] = retryLine('\u0000').split('\u0000') as [string, string]

/** The command inside the catalog loop, when the line is that loop; else the line itself. */
function unwrapped(line: string): string {
  const trimmed = line.trim()
  return trimmed.startsWith(LOOP_PREFIX) && trimmed.endsWith(LOOP_SUFFIX) ? trimmed.slice(LOOP_PREFIX.length, -LOOP_SUFFIX.length) : trimmed
}

/** Does this line run a command of `tool`, bare or already inside the catalog loop (whether or not it is simple enough to wrap)? */
export function mentionsTool(line: string, tool: RetryTool): boolean {
  const installer = INSTALLERS.find((i) => i.tool === tool)!
  return installer.head.test(unwrapped(line))
}

/**
 * True when `after` is `before` with one or more lines, each a whole install command, put inside
 * the catalog retry loop at the same indentation, and every other line unchanged.
 */
export function isRetryWrap(before: string, after: string): boolean {
  const old = before.split('\n')
  const now = after.split('\n')
  if (old.length !== now.length) return false
  const differing = old.flatMap((line, i) => (line === now[i] ? [] : [i]))
  return differing.length > 0 && differing.every((i) => now[i] === wrapLine(old[i]!))
}

/** The line with its install command inside the retry loop, or null when it is not one whole install command. */
export function wrapLine(line: string): string | null {
  const indent = /^[ \t]*/.exec(line)![0]
  const command = line.slice(indent.length)
  return command === command.trimEnd() && installerOf(command) !== null ? indent + retryLine(command) : null
}

/** True when the run text already holds the catalog loop (the fix was applied before). */
export function hasRetryLoop(run: string): boolean {
  return run.includes('ci_monitor_attempt=0; until ')
}
