import * as core from '@actions/core'
import { parseConfig, DEFAULT_CONFIG, type Config } from './context/config.js'
import { readContext, type Context } from './context/context.js'
import { ConfigurationError, errorMessage } from './context/errors.js'
import { pickJob } from './context/event.js'
import { envInputReader, secretInputs } from './context/inputs.js'
import { createLlmClient, TokenBudget } from './classify/llm/index.js'
import { createOctokit, type Octokit } from './github/client.js'
import { getDefaultBranch, readFile } from './github/contents.js'
import { actionsLogger } from './log/actions-logger.js'
import type { Logger } from './log/logger.js'
import { emitAnnotations } from './notify/annotations.js'
import { newStopCommandsToken } from './notify/escape.js'
import { sendSlackMessage } from './notify/slack.js'
import { analyzeRun, type RunDeps, type RunReport } from './pipeline/analyze-run.js'
import { noteRecovery } from './pipeline/recovery.js'

/**
 * The action: read the context once, pick the job, run the pipeline, publish outputs. Mistakes in
 * the setup fail the step with one clear line; a diagnosed failure is a successful run of ours.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, log: Logger = actionsLogger): Promise<void> {
  try {
    const ctx = readContext(env, envInputReader(env))
    for (const secret of secretInputs(ctx.inputs)) core.setSecret(secret)
    const job = pickJob({
      eventName: ctx.eventName,
      payload: ctx.payload,
      runIdInput: ctx.inputs.runId,
      approvalInput: ctx.inputs.approval,
      actor: ctx.actor,
      ownWorkflowRef: ctx.workflowRef
    })
    if (job.kind === 'skip') {
      core.notice(job.reason)
      core.setOutput('decision', 'skip')
      return
    }
    const octokit = createOctokit(ctx.inputs.githubToken, { baseUrl: ctx.apiUrl, log })
    switch (job.kind) {
      case 'note-recovery': {
        const sentence = await noteRecovery({ octokit, repo: ctx.repo, stateBranch: ctx.inputs.stateBranch, runId: job.runId, attempt: job.attempt, now: new Date(), dryRun: ctx.inputs.dryRun, log })
        core.notice(sentence)
        core.setOutput('decision', 'skip')
        return
      }
      case 'analyze-run': {
        const config = await core.group('Configuration', () => loadConfig(octokit, ctx, log))
        const report = await core.group(`Analyse run ${job.runId}`, () => analyzeRun(ctx, config, job.runId, job.source, runDeps(ctx, config, octokit, log)))
        await publish(report, env, log)
        return
      }
      default:
        core.notice(`ci-monitor cannot handle '${job.kind}' yet.`)
        core.setOutput('decision', 'skip')
    }
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(error.message)
    } else {
      core.setFailed(`ci-monitor failed: ${errorMessage(error)}`)
      if (error instanceof Error && error.stack) core.debug(error.stack)
    }
  }
}

/** What the analysis needs from the outside world: clients, clock, output. */
function runDeps(ctx: Context, config: Config, octokit: Octokit, log: Logger): RunDeps {
  return {
    octokit,
    fixOctokit: ctx.inputs.fixToken ? createOctokit(ctx.inputs.fixToken, { baseUrl: ctx.apiUrl, log }) : null,
    log,
    now: () => new Date(),
    slack: slackTarget(ctx, config),
    llm: ctx.inputs.llmApiKey
      ? createLlmClient({ apiKey: ctx.inputs.llmApiKey, baseURL: ctx.inputs.llmBaseUrl, model: ctx.inputs.llmModel, timeoutMs: ctx.inputs.llmTimeoutSeconds * 1000 })
      : null,
    budget: new TokenBudget(ctx.inputs.llmTokenBudget),
    sendSlack: sendSlackMessage,
    print: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    stopToken: newStopCommandsToken()
  }
}

/** The config file from the default branch only: a pushed branch cannot change ci-monitor's policy. */
async function loadConfig(octokit: Octokit, ctx: Context, log: Logger): Promise<Config> {
  const defaultBranch = await getDefaultBranch(octokit, ctx.repo)
  const text = await readFile(octokit, ctx.repo, ctx.inputs.configPath, defaultBranch)
  if (text === null) {
    log.info(`No ${ctx.inputs.configPath} on ${defaultBranch}: using the defaults.`)
    return DEFAULT_CONFIG
  }
  const config = parseConfig(text, ctx.inputs.configPath)
  log.info(`Configuration read from ${ctx.inputs.configPath} on ${defaultBranch}.`)
  return config
}

function slackTarget(ctx: Context, config: Config): { token: string; channel: string; apiUrl: string } | null {
  const channel = config.slack_channels.alerts ?? ctx.inputs.slackChannel
  if (ctx.inputs.slackBotToken === '' || channel === '') return null
  return { token: ctx.inputs.slackBotToken, channel, apiUrl: ctx.inputs.slackApiUrl }
}

async function publish(report: RunReport, env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  const primary = report.primary
  core.setOutput('owner', primary?.diagnosis.owner ?? '')
  core.setOutput('category', primary?.diagnosis.category ?? '')
  core.setOutput('confidence', primary ? primary.diagnosis.confidence.toFixed(2) : '')
  core.setOutput('fingerprint', primary?.triage.fingerprint ?? '')
  core.setOutput('decision', primary?.decision.action ?? 'skip')
  core.setOutput('pr-url', report.jobs.find((job) => job.prUrl)?.prUrl ?? '')
  emitAnnotations(report.annotations, { error: core.error, warning: core.warning, notice: core.notice })
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(report.summary, true).write()
  } else {
    log.info('GITHUB_STEP_SUMMARY is not set: the job summary is not written.')
  }
}
