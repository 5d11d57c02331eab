import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { ConfigurationError } from './errors.js'

/**
 * The one schema of `.github/ci-monitor.yml`: it validates the file, gives the TypeScript type
 * and, through `configJsonSchema()`, the documentation (docs/config.schema.json, README table).
 */
const repoGlob = z
  .string()
  .regex(/^[A-Za-z0-9_.*-]+\/[A-Za-z0-9_.*-]+$/, 'expected owner/name (globs * allowed)')

const pathGlob = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be a path glob inside the repository')

const slackChannel = z.string().regex(/^[#A-Za-z0-9_-]{1,80}$/, 'expected a Slack channel name or id')

export const configSchema = z
  .strictObject({
    risk_threshold: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(5)
      .describe('Highest risk score (0-10) of a fix ci-monitor may open as a pull request without approval.'),
    protected_repositories: z
      .array(repoGlob)
      .default([])
      .describe('Repositories (owner/name, * globs) where every fix needs approval.'),
    slack_channels: z
      .strictObject({
        alerts: slackChannel.optional().describe('Channel for failure notifications (default: the slack-channel input).'),
        approvals: slackChannel.optional().describe('Channel for approval requests.'),
        critical: slackChannel.optional().describe('Channel for incidents (many runs failing the same way).')
      })
      .default({})
      .describe('Slack channels by purpose.'),
    approval_timeout_hours: z
      .number()
      .positive()
      .max(24 * 30)
      .default(24)
      .describe('Hours after which an unanswered approval request expires.'),
    polling_interval_minutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(15)
      .describe('Interval of the scheduled sweep mode (later).'),
    repositories: z.array(repoGlob).default([]).describe('Repositories the scheduled sweep mode watches (later).'),
    allowed_paths: z
      .array(pathGlob)
      .min(1)
      .default(['.github/workflows/**'])
      .describe('Globs of the files a fix may change. Nothing outside them is ever edited.'),
    reruns_per_fingerprint_per_day: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(3)
      .describe(
        'Most automatic re-runs of one failure fingerprint in 24 hours (each run is re-run at most once, only its first attempt); 0 turns automatic re-runs off. Beyond it the failure is reported instead.'
      ),
    incident: z
      .strictObject({
        runs: z.number().int().min(2).max(100).default(5).describe('Distinct runs failing with one fingerprint that make an incident.'),
        window_minutes: z
          .number()
          .int()
          .min(5)
          .max(7 * 24 * 60)
          .default(60)
          .describe('The window those runs must fall in, in minutes.')
      })
      .default({ runs: 5, window_minutes: 60 })
      .describe(
        'When one transient failure hits this many runs in the window, re-runs stop and one incident is raised instead: an issue labelled ci-monitor:incident and a message to slack_channels.critical (else the alerts channel), updated by later occurrences.'
      ),
    delete_corrupt_caches: z
      .boolean()
      .default(true)
      .describe(
        'Delete the cache entry an actions/cache restore failed to unpack (the exact key named in the log, only if the repository lists it; at most one per run), then re-run within the budget. Needs actions: write.'
      )
  })
  .describe('ci-monitor configuration, read from the default branch only.')

export type Config = z.infer<typeof configSchema>

export const DEFAULT_CONFIG: Config = configSchema.parse({})

/** Parses and validates the config file's text; a mistake names the file, the field and the reason. */
export function parseConfig(text: string, path: string): Config {
  let raw: unknown
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ConfigurationError(`Invalid configuration in ${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${reason}).`)
  }
  if (raw === null || raw === undefined) return DEFAULT_CONFIG
  const result = configSchema.safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)'
      return `${field}: ${issue.message}`
    })
    throw new ConfigurationError(`Invalid configuration in ${path}: ${problems.join('; ')}.`)
  }
  return result.data
}

export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input' }) as Record<string, unknown>
}
