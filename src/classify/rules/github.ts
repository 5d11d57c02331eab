/**
 * Messages of the GitHub Actions runner and service: timeouts, lost runners, actions that cannot
 * be resolved or were retired, token permissions, workflow syntax, service containers.
 */
import type { Rule } from './types.js'

// owner/repo as GitHub allows them; an optional sub-path for actions in a sub-directory.
const ACTION = String.raw`(?<action>[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100})(?:\/[A-Za-z0-9._\/-]{1,200})?`
// A ref ends with a letter or digit: a trailing dot or slash is the sentence, not the ref.
const REF = String.raw`(?<ref>[A-Za-z0-9](?:[A-Za-z0-9._\/-]{0,98}[A-Za-z0-9])?)`

export const GITHUB_RULES: readonly Rule[] = [
  {
    id: 'github.job-timeout',
    category: 'job_timeout',
    patterns: [/The job running on runner .{1,200} has exceeded the maximum execution time of (?<minutes>\d{1,5}) minutes/],
    strength: 3,
    dominant: true,
    confidence: 0.95,
    summary: 'The job hit its time limit of {minutes} minutes and was cancelled.',
    fix: 'raise-timeout',
    examples: ['The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 360 minutes.'],
    source: 'actions/runner message; quoted in lowlighter/metrics#731, darobin/notion-backup#21'
  },
  {
    id: 'github.step-timeout',
    category: 'job_timeout',
    patterns: [/^The action (?:'[^']{1,200}' )?has timed out(?: after (?<minutes>\d{1,5}) minutes?)?\.?$/],
    strength: 3,
    dominant: true,
    confidence: 0.9,
    summary: 'A step hit its timeout-minutes limit and was cancelled.',
    fix: 'raise-timeout',
    examples: ['The action has timed out.', "The action 'Run tests' has timed out after 10 minutes."],
    source: 'actions/runner (StepsRunner: step timeout-minutes reached)'
  },
  {
    id: 'github.runner-lost',
    category: 'runner_resource',
    patterns: [/The (?:self-hosted|hosted) runner:? .{0,200}lost communication with the server/],
    strength: 3,
    dominant: true,
    confidence: 0.9,
    summary: 'The runner lost communication with GitHub (often starved of CPU or memory by the job).',
    examples: [
      'The hosted runner: GitHub Actions 8 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.',
      'The self-hosted runner: xxx lost communication with the server. Verify the machine is running and has a healthy network connection.'
    ],
    source: 'actions/runner-images#9823, actions/runner#2040'
  },
  {
    id: 'github.runner-shutdown',
    category: 'runner_resource',
    patterns: [/The runner has received a shutdown signal/],
    strength: 3,
    dominant: true,
    transient: true,
    confidence: 0.85,
    summary: 'The runner was shut down while the job ran; a re-run on another runner usually passes.',
    examples: ['The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.'],
    source: 'actions/runner#2427'
  },
  {
    id: 'github.hosted-runner-error',
    category: 'runner_resource',
    patterns: [/The hosted runner encountered an error while running your job/],
    strength: 3,
    dominant: true,
    transient: true,
    confidence: 0.85,
    summary: 'The hosted runner failed while running the job; a re-run usually passes.',
    examples: ['The hosted runner encountered an error while running your job. (Error Type: Disconnect).'],
    source: 'GitHub hosted runner annotation'
  },
  {
    id: 'github.deprecated-action-auto-failed',
    category: 'workflow_config',
    patterns: [new RegExp(String.raw`automatically failed because it uses a deprecated version of \x60${ACTION}: ${REF}\x60`)],
    strength: 3,
    dominant: true,
    confidence: 0.97,
    summary: 'GitHub refused to run the job because it uses the retired {action}@{ref}.',
    fix: 'upgrade-action',
    examples: [
      'Error: This request has been automatically failed because it uses a deprecated version of `actions/upload-artifact: v3`. Learn more: https://github.blog/changelog/2024-04-16-deprecation-notice-v3-of-the-artifact-actions/'
    ],
    source: 'github.blog changelog 2024-04-16 (artifact actions v3); cschlaffner/PROTzilla2#566'
  },
  {
    id: 'github.missing-download-info',
    category: 'workflow_config',
    patterns: [new RegExp(String.raw`Missing download info for ${ACTION}@${REF}`)],
    strength: 3,
    dominant: true,
    confidence: 0.9,
    summary: 'The runner could not download {action}@{ref}: that version is no longer served.',
    fix: 'upgrade-action',
    examples: ['Error: Missing download info for actions/upload-artifact@v3'],
    source: 'actions/upload-pages-artifact#115, saveourtool/benedikt#28'
  },
  {
    id: 'github.action-not-resolved',
    category: 'workflow_config',
    patterns: [
      /Unable to resolve action[ .:`']{1,3}.{0,200}(?:repository not found|unable to find version|Repository not found)/i,
      /^(?:Error: )?An action could not be found at the URI/
    ],
    strength: 3,
    dominant: true,
    confidence: 0.9,
    summary: 'A `uses:` reference points to an action or version that does not exist: {line}',
    examples: [
      'Error: Unable to resolve action. Repository not found: Azure/trusted-signing-action',
      'Unable to resolve action `actions/checkout@v9`, unable to find version `v9`',
      'Error: An action could not be found at the URI \'https://api.github.com/repos/foo/bar/tarball/abc\''
    ],
    source: 'Azure/artifact-signing-action#110; actions/runner ActionManager'
  },
  {
    id: 'github.local-action-missing',
    category: 'workflow_config',
    patterns: [/Can't find 'action\.yml', 'action\.yaml' or 'Dockerfile' (?:under|for action) '[^']{1,500}'/],
    strength: 3,
    dominant: true,
    confidence: 0.92,
    summary: 'A local action is used before the repository is checked out (action.yml not found).',
    examples: [
      "Error: Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under '/home/runner/work/App/App/.github/actions/composite/notify'. Did you forget to run actions/checkout before running your local action?"
    ],
    source: 'Expensify/App#32321; actions/runner ActionManifestManager'
  },
  {
    id: 'github.invalid-workflow',
    category: 'workflow_config',
    patterns: [
      /Invalid workflow file/,
      /The workflow is not valid\./,
      /Unrecognized named-value: '[\w-]{1,50}'/,
      /Unexpected value '[^']{1,100}'/,
      /Required property is missing: \w+/
    ],
    strength: 3,
    dominant: true,
    confidence: 0.9,
    summary: 'The workflow file is invalid: {line}',
    examples: [
      'Invalid workflow file: .github/workflows/ci.yml#L12',
      "The workflow is not valid. .github/workflows/ci.yml (Line: 12, Col: 9): Unrecognized named-value: 'secret'."
    ],
    source: 'GitHub workflow validation messages (docs: troubleshooting workflows)'
  },
  {
    id: 'github.node-runtime-deprecated',
    category: 'workflow_config',
    patterns: [
      new RegExp(String.raw`Node\.js (?:12|16|20) actions are deprecated\. Please update the following actions to use Node\.js \d+: ${ACTION}@${REF}`),
      new RegExp(String.raw`Node\.js (?:12|16|20) actions are deprecated\..{0,200}Please update the following actions to use Node\.js \d+: ${ACTION}@${REF}`)
    ],
    // A warning: it names an outdated action but rarely fails the job by itself.
    strength: 1,
    confidence: 0.35,
    summary: '{action}@{ref} runs on a deprecated Node.js runtime.',
    fix: 'upgrade-action',
    examples: [
      'Node.js 12 actions are deprecated. Please update the following actions to use Node.js 16: actions/checkout@v2, actions/setup-node@v2. For more information see: https://github.blog/changelog/2022-09-22-github-actions-all-actions-will-begin-running-on-node16-instead-of-node12/.',
      'Node.js 16 actions are deprecated. Please update the following actions to use Node.js 20: aws-actions/aws-cloudformation-github-deploy@v1. For more information see: https://github.blog/changelog/2023-09-22-github-actions-transitioning-from-node-16-to-node-20/.'
    ],
    source: 'haniffalab/webatlas-app#44, aws-actions/aws-cloudformation-github-deploy#125'
  },
  {
    id: 'github.resource-not-accessible',
    category: 'permissions_or_credentials',
    patterns: [/Resource not accessible by (?:integration|personal access token)/],
    strength: 3,
    confidence: 0.9,
    summary: 'The token lacks a permission the step needs (Resource not accessible by integration).',
    fix: 'add-permission',
    examples: ['Error: HttpError: Resource not accessible by integration', 'RequestError [HttpError]: Resource not accessible by integration'],
    source: 'octokit/request.js#668, TimonVS/pr-labeler-action#38'
  },
  {
    id: 'github.workflows-permission',
    category: 'permissions_or_credentials',
    patterns: [/refusing to allow a (?:GitHub App|Personal Access Token|OAuth App) to create or update workflow/],
    strength: 3,
    confidence: 0.92,
    summary: 'The token cannot push changes to workflow files (needs the workflows permission).',
    examples: ["! [remote rejected] fix -> fix (refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission)"],
    source: 'octokit/rest.js#368; GitHub push protection message'
  },
  {
    id: 'github.push-denied',
    category: 'permissions_or_credentials',
    patterns: [/Permission to [\w.-]{1,100}\/[\w.-]{1,100}(?:\.git)? denied to [\w[\]-]{1,100}/, /Bad credentials/, /Requires authentication/],
    strength: 3,
    confidence: 0.88,
    summary: 'Git or the API rejected the credentials: {line}',
    examples: ['remote: Permission to octo/repo.git denied to github-actions[bot].', 'HttpError: Bad credentials'],
    source: 'GitHub git and REST error messages'
  },
  {
    id: 'github.service-unhealthy',
    category: 'service_dependency',
    patterns: [/Failed to initialize, (?<service>[\w.-]{1,100}) service is unhealthy/],
    strength: 3,
    dominant: true,
    transient: false,
    confidence: 0.88,
    summary: 'The {service} service container never became healthy, so the job could not start.',
    examples: ['Failed to initialize, postgres service is unhealthy.'],
    source: 'niclin/rails-github-actions-example#7'
  },
  {
    id: 'github.api-rate-limit',
    category: 'rate_limit',
    patterns: [/API rate limit exceeded for/, /You have exceeded a secondary rate limit/, /rate limit exceeded/i],
    strength: 3,
    confidence: 0.9,
    summary: 'The GitHub API rate limit was exceeded.',
    examples: [
      'Error: API rate limit exceeded for installation ID 1234.',
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    ],
    source: 'GitHub REST docs: rate limits'
  },
  {
    id: 'git.no-tags',
    category: 'workflow_config',
    patterns: [/^fatal: No (?:tags can describe|names found, cannot describe anything)/],
    strength: 3,
    confidence: 0.8,
    summary: '`git describe` found no tag: the checkout is too shallow to see tags (fetch-depth).',
    examples: ["fatal: No tags can describe '60a189413d732eccd0158591618422c7cad1aed7'.", 'fatal: No names found, cannot describe anything.'],
    source: 'git describe; actions/checkout fetch-depth defaults to 1'
  },
  {
    id: 'git.unsafe-repository',
    category: 'toolchain_setup',
    patterns: [/fatal: (?:unsafe repository \('[^']{1,500}' is owned by someone else\)|detected dubious ownership in repository)/],
    strength: 3,
    confidence: 0.88,
    summary: "git refuses the workspace as owned by another user (safe.directory), a runner/container setup problem.",
    examples: ["fatal: unsafe repository ('/github/workspace' is owned by someone else)", "fatal: detected dubious ownership in repository at '/__w/repo/repo'"],
    source: 'git 2.35.2 safe.directory; actions/checkout#760'
  },
  {
    id: 'github.action-input-missing',
    category: 'workflow_config',
    patterns: [/Input required and not supplied: [\w-]{1,100}/, /Unexpected input\(s\) '[^']{1,200}', valid inputs are/],
    strength: 3,
    confidence: 0.88,
    summary: 'A step is missing a required input or gets one it does not know: {line}',
    examples: ['Error: Input required and not supplied: token', "Warning: Unexpected input(s) 'node_version', valid inputs are ['node-version', 'cache']"],
    source: '@actions/core getInput({ required: true }); runner input validation'
  },
  {
    id: 'git.auth-failed',
    category: 'permissions_or_credentials',
    patterns: [
      /could not read Username for '[^']{1,200}': (?:terminal prompts disabled|No such device or address)/,
      /remote: Support for password authentication was removed/,
      /remote: Repository not found\./,
      /fatal: Authentication failed for '[^']{1,300}'/,
      /The requested URL returned error: 40[13]\b/
    ],
    strength: 3,
    confidence: 0.85,
    summary: 'git could not authenticate (the token cannot see or write the repository): {line}',
    examples: [
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      'remote: Repository not found.',
      "fatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 403"
    ],
    source: 'git over HTTPS with a missing or under-privileged token'
  },
  {
    id: 'git.push-rejected',
    category: 'workflow_config',
    patterns: [/! \[rejected\] .{1,200}\((?:fetch first|non-fast-forward)\)/, /error: failed to push some refs to/],
    strength: 2,
    transient: true,
    confidence: 0.6,
    summary: 'A push from the workflow was rejected because the branch moved: {line}',
    examples: [' ! [rejected]        main -> main (fetch first)', "error: failed to push some refs to 'https://github.com/o/r'"],
    source: 'git push'
  },
  {
    id: 'runner.exit-code',
    category: 'other',
    patterns: [/^Process completed with exit code (?<code>\d{1,3})\.?$/, /^The process '[^']{1,300}' failed with exit code (?<code>\d{1,3})$/],
    strength: 1,
    confidence: 0.2,
    summary: 'A step exited with code {code}; the log shows no recognised cause.',
    examples: ['Process completed with exit code 1.', "The process '/usr/bin/git' failed with exit code 128"],
    source: 'actions/runner step result messages'
  }
]
