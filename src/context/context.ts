import { readFileSync } from 'node:fs'
import { parseRepository, type Repo } from '../github/client.js'
import { ConfigurationError } from './errors.js'
import { parseInputs, type InputReader, type Inputs } from './inputs.js'

/** Everything the run needs from its environment, read once at the start. */
export interface Context {
  inputs: Inputs
  repo: Repo
  eventName: string
  /** The event payload: untrusted fields inside (branch names, titles, messages). */
  payload: unknown
  apiUrl: string
  serverUrl: string
  /** GITHUB_WORKFLOW_REF of the monitor's own workflow, to recognise its own runs. */
  workflowRef: string
  /** GITHUB_ACTOR: who started this run of ci-monitor (checked before a dispatched approval counts). */
  actor: string
}

export function readContext(env: NodeJS.ProcessEnv, readInput: InputReader): Context {
  const inputs = parseInputs(readInput)
  const repository = env.GITHUB_REPOSITORY ?? ''
  if (repository === '') throw new ConfigurationError('GITHUB_REPOSITORY is not set: run ci-monitor inside GitHub Actions (or set it).')
  let repo: Repo
  try {
    repo = parseRepository(repository)
  } catch (error) {
    throw new ConfigurationError(error instanceof Error ? error.message : String(error))
  }
  if (inputs.githubToken === '') {
    throw new ConfigurationError("Input 'github-token' is empty: pass ${{ github.token }} or a token with actions:read and contents:write.")
  }
  return {
    inputs,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: readPayload(env.GITHUB_EVENT_PATH),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    workflowRef: env.GITHUB_WORKFLOW_REF ?? '',
    actor: env.GITHUB_ACTOR ?? ''
  }
}

function readPayload(path: string | undefined): unknown {
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ConfigurationError(`Cannot read the event payload at GITHUB_EVENT_PATH: ${error instanceof Error ? error.message : String(error)}`)
  }
}
