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
import { buildSweepSummary } from './notify/sweep-summary.js'
import { analyzeRun, type RunDeps, type RunReport } from './pipeline/analyze-run.js'
import { answerApproval } from './pipeline/approvals/answer.js'
import { sweepApprovals } from './pipeline/approvals/sweep.js'
import { sweepFigures } from './pipeline/figures/sweep.js'
import type { HandlerDeps, JobResult } from './pipeline/proposals/job-result.js'
import type { DecisionOutput } from './pipeline/outputs.js'
import { noteRecovery } from './pipeline/recovery.js'
import { actOnPlan, analyzeOnly, type AnalyzeOnlyReport } from './pipeline/split.js'
import { artifactPlanStore } from './github/plan-artifact.js'
import { tmpdir } from 'node:os'
import { verifyFix } from './pipeline/verify/verify-fix.js'

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
      setDecision('skip')
      return
    }
    const octokit = createOctokit(ctx.inputs.githubToken, { baseUrl: ctx.apiUrl, log })
    if (ctx.inputs.mode === 'analyze' && job.kind !== 'analyze-run') {
      core.notice(`mode 'analyze' only analyses failed runs; '${job.kind}' is left to the job with mode 'act' or 'all'.`)
      setDecision('skip')
      return
    }
    switch (job.kind) {
      case 'note-recovery': {
        const sentence = await noteRecovery({ octokit, repo: ctx.repo, stateBranch: ctx.inputs.stateBranch, runId: job.runId, attempt: job.attempt, now: new Date(), dryRun: ctx.inputs.dryRun, log })
        core.notice(sentence)
        setDecision('skip')
        return
      }
      case 'analyze-run': {
        const store = artifactPlanStore(env.RUNNER_TEMP || tmpdir())
        const config = await core.group('Configuration', () => loadConfig(octokit, ctx, log))
        const deps = runDeps(ctx, config, octokit, log)
        if (ctx.inputs.mode === 'analyze') {
          const analysed = await core.group(`Analyse run ${job.runId}`, () => analyzeOnly(ctx, job.runId, job.source, deps, store))
          await publishAnalysis(analysed, env, log)
          return
        }
        const report =
          ctx.inputs.mode === 'act'
            ? await core.group(`Act on the analysis of run ${job.runId}`, () => actOnPlan(ctx, config, job.runId, deps, store))
            : await core.group(`Analyse run ${job.runId}`, () => analyzeRun(ctx, config, job.runId, job.source, deps))
        await publish(report, env, log)
        return
      }
      case 'verify-fix': {
        const config = await core.group('Configuration', () => loadConfig(octokit, ctx, log))
        const result = await core.group(`Verify the fix tested by run ${job.runId}`, () =>
          verifyFix({ ...handlerDeps(ctx, octokit, log), runId: job.runId, slack: slackTarget(ctx, config) })
        )
        reportJob(result)
        return
      }
      case 'approval': {
        const config = await core.group('Configuration', () => loadConfig(octokit, ctx, log))
        const eventKey = job.commentId !== null ? `comment-${job.commentId}` : `dispatch-${env.GITHUB_RUN_ID ?? 'unknown'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`
        const result = await core.group(`Answer approval request #${job.number}`, () =>
          answerApproval({
            ...handlerDeps(ctx, octokit, log),
            number: job.number,
            decision: job.decision,
            actor: job.actor,
            commentId: job.commentId,
            eventKey,
            slack: approvalsSlackTarget(ctx, config)
          })
        )
        reportJob(result)
        return
      }
      case 'sweep': {
        const config = await core.group('Configuration', () => loadConfig(octokit, ctx, log))
        const approvals = await core.group('Expire unanswered approval requests', () =>
          sweepApprovals({ ...handlerDeps(ctx, octokit, log), timeoutHours: config.approval_timeout_hours, slack: approvalsSlackTarget(ctx, config) })
        )
        // Reported before the figures run: a failure there must not hide what was expired.
        reportJob(approvals)
        const figures = await core.group('Figures and dashboard', () =>
          sweepFigures({ octokit, repo: ctx.repo, stateBranch: ctx.inputs.stateBranch, serverUrl: ctx.serverUrl, now: () => new Date(), dryRun: ctx.inputs.dryRun, log })
        )
        core.notice(figures.sentence)
        await writeSummary(buildSweepSummary({ repository: `${ctx.repo.owner}/${ctx.repo.repo}`, sentences: [approvals.sentence, figures.sentence], recent: figures.recent }), env, log)
        return
      }
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
    approvals: { slack: approvalsSlackTarget(ctx, config), timeoutHours: config.approval_timeout_hours },
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

/** Approval requests and answers go to `slack_channels.approvals` only: no channel, no message. */
function approvalsSlackTarget(ctx: Context, config: Config): { token: string; channel: string; apiUrl: string } | null {
  const channel = config.slack_channels.approvals ?? ''
  if (ctx.inputs.slackBotToken === '' || channel === '') return null
  return { token: ctx.inputs.slackBotToken, channel, apiUrl: ctx.inputs.slackApiUrl }
}

/**
 * What the verify, approval and sweep handlers share. Changes to pull requests and requests are
 * made with the fix token when there is one (the identity that opened them), else github-token.
 */
function handlerDeps(ctx: Context, octokit: Octokit, log: Logger): Omit<HandlerDeps, 'slack'> {
  const fixOctokit = ctx.inputs.fixToken ? createOctokit(ctx.inputs.fixToken, { baseUrl: ctx.apiUrl, log }) : null
  return {
    octokit,
    writer: fixOctokit ?? octokit,
    repo: ctx.repo,
    stateBranch: ctx.inputs.stateBranch,
    sendSlack: sendSlackMessage,
    now: () => new Date(),
    dryRun: ctx.inputs.dryRun,
    log
  }
}

/** The `decision` output: only a value of DECISION_OUTPUTS compiles here. */
function setDecision(value: DecisionOutput): void {
  core.setOutput('decision', value)
}

function reportJob(result: JobResult): void {
  core.notice(result.sentence)
  setDecision(result.outcome)
  core.setOutput('pr-url', result.url ?? '')
}

async function publishAnalysis(report: AnalyzeOnlyReport, env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  core.setOutput('owner', report.primary?.owner ?? '')
  core.setOutput('category', report.primary?.category ?? '')
  core.setOutput('confidence', report.primary ? report.primary.confidence.toFixed(2) : '')
  core.setOutput('fingerprint', report.primary?.fingerprint ?? '')
  setDecision(report.primary ? 'analyzed' : 'skip')
  core.setOutput('pr-url', '')
  await writeSummary(report.summary, env, log)
}

async function writeSummary(summary: string, env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(summary, true).write()
  } else {
    log.info('GITHUB_STEP_SUMMARY is not set: the job summary is not written.')
  }
}

async function publish(report: RunReport, env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  const primary = report.primary
  core.setOutput('owner', primary?.diagnosis.owner ?? '')
  core.setOutput('category', primary?.diagnosis.category ?? '')
  core.setOutput('confidence', primary ? primary.diagnosis.confidence.toFixed(2) : '')
  core.setOutput('fingerprint', primary?.triage.fingerprint ?? '')
  setDecision(primary?.decision.action ?? 'skip')
  core.setOutput('pr-url', report.jobs.find((job) => job.prUrl)?.prUrl ?? '')
  emitAnnotations(report.annotations, { error: core.error, warning: core.warning, notice: core.notice })
  await writeSummary(report.summary, env, log)
}
