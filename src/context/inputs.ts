import { DEFAULT_RUN_TOKEN_BUDGET } from '../classify/llm/budget.js'
import { ConfigurationError } from './errors.js'

/** The action's inputs, read once and typed. Names match action.yml. */
export interface Inputs {
  githubToken: string
  runId: number | null
  configPath: string
  llmApiKey: string
  llmBaseUrl: string
  llmModel: string
  /** Seconds one LLM request may take before it counts as failed. */
  llmTimeoutSeconds: number
  /** Tokens the LLM may use in one run, over all jobs. */
  llmTokenBudget: number
  slackBotToken: string
  slackChannel: string
  slackApiUrl: string
  fixToken: string
  stateBranch: string
  dryRun: boolean
  /** all: one job does everything; analyze: read-only job, writes the plan artifact; act: reads it and acts. */
  mode: Mode
  /** approval-id + approval-decision: a maintainer's answer to an approval request, via workflow_dispatch. */
  approval: { number: number; decision: 'approve' | 'reject' } | null
}

export const MODES = ['all', 'analyze', 'act'] as const
export type Mode = (typeof MODES)[number]

export const DEFAULT_LLM_BASE_URL = 'https://openrouter.ai/api/v1'
export const DEFAULT_LLM_MODEL = 'openai/gpt-4o'
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/'
export const DEFAULT_CONFIG_PATH = '.github/ci-monitor.yml'
export const DEFAULT_STATE_BRANCH = 'ci-monitor-state'

/** Reads one input the way the runner passes it: INPUT_<NAME upper-cased, spaces to _>. */
export type InputReader = (name: string) => string

export function envInputReader(env: NodeJS.ProcessEnv): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

const BRANCH_NAME = /^(?!\/|.*(?:\/\.|\/\/|\.\.|@\{|\\))[A-Za-z0-9._/-]{1,100}(?<![./])$/

export function parseInputs(read: InputReader): Inputs {
  const runIdText = read('run-id')
  let runId: number | null = null
  if (runIdText !== '') {
    if (!/^[1-9]\d{0,18}$/.test(runIdText)) {
      throw new ConfigurationError(`Invalid input 'run-id': '${runIdText.slice(0, 40)}' is not a workflow run id (a positive integer).`)
    }
    runId = Number(runIdText)
  }
  const dryRunText = read('dry-run').toLowerCase()
  if (!['', 'true', 'false'].includes(dryRunText)) {
    throw new ConfigurationError(`Invalid input 'dry-run': expected 'true' or 'false', got '${dryRunText.slice(0, 20)}'.`)
  }
  const stateBranch = read('state-branch') || DEFAULT_STATE_BRANCH
  if (!BRANCH_NAME.test(stateBranch)) {
    throw new ConfigurationError(`Invalid input 'state-branch': '${stateBranch.slice(0, 100)}' is not a valid branch name.`)
  }
  const configPath = read('config-path') || DEFAULT_CONFIG_PATH
  if (configPath.startsWith('/') || configPath.split('/').includes('..')) {
    throw new ConfigurationError(`Invalid input 'config-path': '${configPath.slice(0, 100)}' must be a path inside the repository.`)
  }
  return {
    githubToken: read('github-token'),
    runId,
    configPath,
    llmApiKey: read('llm-api-key'),
    llmBaseUrl: httpUrl(read, 'llm-base-url', DEFAULT_LLM_BASE_URL),
    llmModel: read('llm-model') || DEFAULT_LLM_MODEL,
    llmTimeoutSeconds: positiveInteger(read, 'llm-timeout-seconds', 60, 600),
    llmTokenBudget: positiveInteger(read, 'llm-token-budget', DEFAULT_RUN_TOKEN_BUDGET, 10_000_000),
    slackBotToken: read('slack-bot-token'),
    slackChannel: read('slack-channel'),
    slackApiUrl: httpUrl(read, 'slack-api-url', DEFAULT_SLACK_API_URL),
    fixToken: read('fix-token'),
    stateBranch,
    dryRun: dryRunText === 'true',
    mode: parseMode(read('mode').toLowerCase()),
    approval: parseApproval(read)
  }
}

function parseMode(text: string): Mode {
  if (text === '') return 'all'
  if ((MODES as readonly string[]).includes(text)) return text as Mode
  throw new ConfigurationError(`Invalid input 'mode': expected ${MODES.join(', ')}; got '${text.slice(0, 20)}'.`)
}

function parseApproval(read: InputReader): Inputs['approval'] {
  const id = read('approval-id')
  const decision = read('approval-decision').toLowerCase()
  if (id === '' && decision === '') return null
  if (!/^[1-9]\d{0,9}$/.test(id)) {
    throw new ConfigurationError(`Invalid input 'approval-id': '${id.slice(0, 20)}' is not the number of an approval request (issue or pull request).`)
  }
  if (decision !== 'approve' && decision !== 'reject') {
    throw new ConfigurationError(`Invalid input 'approval-decision': expected 'approve' or 'reject', got '${decision.slice(0, 20)}'.`)
  }
  return { number: Number(id), decision }
}

function positiveInteger(read: InputReader, name: string, fallback: number, max: number): number {
  const text = read(name)
  if (text === '') return fallback
  if (!/^[1-9]\d{0,8}$/.test(text) || Number(text) > max) {
    throw new ConfigurationError(`Invalid input '${name}': expected a whole number from 1 to ${max}, got '${text.slice(0, 20)}'.`)
  }
  return Number(text)
}

function httpUrl(read: InputReader, name: string, fallback: string): string {
  const value = read(name) || fallback
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigurationError(`Invalid input '${name}': '${value.slice(0, 100)}' is not a URL.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(`Invalid input '${name}': only http(s) URLs are supported.`)
  }
  return value
}

/** Every credential among the inputs, so the caller can mask them before anything is logged. */
export function secretInputs(inputs: Inputs): string[] {
  return [inputs.githubToken, inputs.fixToken, inputs.llmApiKey, inputs.slackBotToken].filter((s) => s !== '')
}
