#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/classify/categories.ts
const CATEGORIES = {
    network: { owner: 'DEVOPS', transient: true, title: 'Network failure' },
    registry_or_download: { owner: 'DEVOPS', transient: true, title: 'Registry or download failure' },
    rate_limit: { owner: 'DEVOPS', transient: true, title: 'Rate limited' },
    runner_resource: { owner: 'DEVOPS', transient: false, title: 'Runner resources (disk, memory, lost runner)' },
    job_timeout: { owner: 'DEVOPS', transient: false, title: 'Job or step timeout' },
    workflow_config: { owner: 'DEVOPS', transient: false, title: 'Workflow configuration' },
    permissions_or_credentials: { owner: 'DEVOPS', transient: false, title: 'Permissions or credentials' },
    toolchain_setup: { owner: 'DEVOPS', transient: false, title: 'Toolchain setup' },
    service_dependency: { owner: 'DEVOPS', transient: true, title: 'Service dependency unavailable' },
    test_failure: { owner: 'DEVELOPER', transient: false, title: 'Test failure' },
    build_error: { owner: 'DEVELOPER', transient: false, title: 'Build error' },
    lint_or_format: { owner: 'DEVELOPER', transient: false, title: 'Lint or format' },
    dependency_conflict: { owner: 'DEVELOPER', transient: false, title: 'Dependency conflict' },
    code_quality_gate: { owner: 'DEVELOPER', transient: false, title: 'Code quality gate' },
    other: { owner: 'DEVELOPER', transient: false, title: 'Other' }
};
const CATEGORY_NAMES = Object.keys(CATEGORIES);
function isCategory(value) {
    return Object.hasOwn(CATEGORIES, value);
}
function defaultOwner(category) {
    return CATEGORIES[category].owner;
}

;// CONCATENATED MODULE: ./src/classify/decide.ts
/**
 * From rule matches to one verdict. Precedence, in order:
 *  1. a dominant signature (disk full, runner lost, job timeout, retired action): it explains
 *     every error after it;
 *  2. the earliest line naming a cause (strength 3) in the failing step, then anywhere: the first
 *     real error beats the errors it causes downstream and the echoes of itself;
 *  3. a tool's failure summary (strength 2), then a bare failure marker (strength 1), with
 *     honest, low confidence.
 */

const MAX_EVIDENCE = 5;
const SUMMARY_LINE = 200;
function decide(hits, failingRange) {
    const winner = pickWinner(hits, failingRange);
    if (!winner)
        return null;
    const { rule } = winner.hit;
    const sameCategory = hits.filter((h) => h.hit.rule.category === rule.category);
    const evidence = [winner.line, ...sameCategory.filter((h) => h !== winner).map((h) => h.line)]
        .slice(0, MAX_EVIDENCE)
        .sort((a, b) => a.n - b.n);
    const diagnosis = {
        owner: rule.owner ?? defaultOwner(rule.category),
        category: rule.category,
        confidence: confidenceOf(winner, hits, failingRange),
        transient: rule.transient ?? CATEGORIES[rule.category].transient,
        summary: fillSummary(rule.summary, winner),
        ruleId: rule.id,
        engine: 'rules',
        evidence,
        fix: fixOf(winner)
    };
    return { diagnosis, dominant: rule.dominant === true };
}
function pickWinner(hits, failingRange) {
    const inStep = (h) => !failingRange || (h.line.n >= failingRange.start && h.line.n <= failingRange.end);
    const earliest = (list) => list.reduce((a, h) => (!a || h.line.n < a.line.n ? h : a), null);
    const dominant = hits.filter((h) => h.hit.rule.dominant);
    if (dominant.length > 0)
        return earliest(dominant.filter(inStep)) ?? earliest(dominant);
    for (const strength of [3, 2, 1]) {
        const level = hits.filter((h) => h.hit.rule.strength === strength);
        const found = earliest(level.filter(inStep)) ?? earliest(level);
        if (found)
            return refined(found, hits);
    }
    return null;
}
/** Lines right under an error detail it ("cannot access X" / "bad class file … wrong version"). */
const DETAIL_SPAN = 6;
/** A more specific rule on the detail lines of the winning error names the cause better. */
function refined(winner, hits) {
    let best = winner;
    for (const h of hits) {
        if (h.line.n <= winner.line.n || h.line.n > winner.line.n + DETAIL_SPAN)
            continue;
        if (h.hit.rule.strength >= winner.hit.rule.strength && (h.hit.rule.priority ?? 0) > (best.hit.rule.priority ?? 0))
            best = h;
    }
    return best;
}
/**
 * The rule's own confidence, lowered when the verdict is contested (another cause of a different
 * owner is named too) or found outside the failing step, raised a little when corroborated.
 */
function confidenceOf(winner, hits, failingRange) {
    const { rule } = winner.hit;
    let confidence = rule.confidence;
    const owner = rule.owner ?? defaultOwner(rule.category);
    const rivals = hits.filter((h) => h.hit.rule.strength >= rule.strength && h.hit.rule.category !== rule.category);
    if (!rule.dominant && rivals.some((h) => (h.hit.rule.owner ?? defaultOwner(h.hit.rule.category)) !== owner))
        confidence -= 0.15;
    else if (rivals.length > 0)
        confidence -= 0.05;
    if (failingRange && (winner.line.n < failingRange.start || winner.line.n > failingRange.end))
        confidence -= 0.1;
    if (hits.filter((h) => h.hit.rule.category === rule.category).length >= 2)
        confidence += 0.03;
    return Math.round(Math.min(0.98, Math.max(0.05, confidence)) * 100) / 100;
}
function fillSummary(template, winner) {
    const line = winner.line.text.trim();
    const shown = line.length > SUMMARY_LINE ? `${line.slice(0, SUMMARY_LINE - 1)}…` : line;
    return template
        .replace(/\{(\w+)\}/g, (_, name) => (name === 'line' ? shown : (winner.hit.groups[name] ?? '')))
        .replace(/\s{2,}/g, ' ')
        .trim();
}
const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const ACTION_REF = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,98}[A-Za-z0-9])?$/;
/** Fix parameters come from untrusted text: only values of a strict shape are passed on. */
function fixOf(winner) {
    const { rule, groups } = winner.hit;
    if (rule.fix === 'upgrade-action') {
        const action = groups['action'];
        if (!action || !ACTION_NAME.test(action) || action.includes('..'))
            return null;
        const ref = groups['ref'] && ACTION_REF.test(groups['ref']) && !groups['ref'].includes('..') ? groups['ref'] : null;
        return {
            kind: 'upgrade-action',
            action,
            fromRef: ref,
            description: `Upgrade ${action}${ref ? ` from ${ref}` : ''} to a currently supported version.`
        };
    }
    if (rule.fix === 'raise-timeout') {
        const minutes = groups['minutes'] ? Number.parseInt(groups['minutes'], 10) : NaN;
        const observed = Number.isInteger(minutes) && minutes > 0 && minutes <= 100_000 ? minutes : null;
        return {
            kind: 'raise-timeout',
            observedMinutes: observed,
            description: observed
                ? `The job stopped at its ${observed}-minute limit: raise timeout-minutes or make it faster.`
                : 'A step stopped at its timeout-minutes limit: raise it or make the step faster.'
        };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/classify/rules/docker.ts
const DOCKER_RULES = [
    {
        id: 'docker.pull-rate-limit',
        category: 'rate_limit',
        patterns: [/toomanyrequests: (?:You have reached your (?:unauthenticated )?pull rate limit|Too Many Requests)/, /\btoomanyrequests\b/, /429 Too Many Requests/],
        strength: 3,
        priority: 2,
        confidence: 0.92,
        summary: 'The container registry rate-limited image pulls: {line}',
        examples: [
            'Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
            'redpanda Error toomanyrequests: You have reached your pull rate limit.'
        ],
        source: 'Docker Hub rate limit response (deephaven/deephaven-core#5901)'
    },
    {
        id: 'docker.registry-error',
        category: 'registry_or_download',
        patterns: [
            /failed to copy: httpReadSeeker: failed open/,
            /error pulling image configuration: /,
            /failed to (?:fetch|resolve) (?:anonymous token|oauth token|source metadata).{0,300}(?:5\d\d|timeout|EOF)/,
            /received unexpected HTTP status: 5\d\d/,
            /unexpected status (?:code|from GET request to) .{0,200}5\d\d/,
            /Error response from daemon: Get "https:\/\/[^"]{1,300}": (?:net\/http|dial tcp|EOF|context deadline)/
        ],
        strength: 3,
        priority: 1,
        confidence: 0.85,
        summary: 'The container registry failed to serve an image: {line}',
        examples: [
            '#6 ERROR: failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:df9b93 (application/vnd.docker.image.rootfs.diff.tar.gzip) from remote: not found',
            'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)'
        ],
        source: 'containerd/BuildKit fetch errors; dockerd registry client'
    },
    {
        id: 'docker.image-missing',
        category: 'registry_or_download',
        patterns: [/manifest (?:for \S{1,300} )?(?:not found|unknown)/, /failed to resolve source metadata for \S{1,300}: .{0,100}not found/],
        strength: 3,
        transient: false,
        confidence: 0.75,
        summary: 'An image or tag the job pulls does not exist: {line}',
        examples: ['Error response from daemon: manifest for node:99 not found: manifest unknown: manifest unknown'],
        source: 'Docker registry API errors'
    },
    {
        id: 'docker.auth',
        category: 'permissions_or_credentials',
        patterns: [
            /pull access denied for \S{1,300}, repository does not exist or may require 'docker login'/,
            /unauthorized: (?:authentication required|incorrect username or password)/,
            /denied: (?:requested access to the resource is denied|permission_denied)/,
            /Error: Cannot perform an interactive login from a non TTY device/,
            /Username and password required/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'The container registry refused the credentials: {line}',
        examples: [
            "Error response from daemon: pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
            'Error: Cannot perform an interactive login from a non TTY device'
        ],
        source: 'dockerd and docker/login-action messages'
    },
    {
        id: 'docker.build-step-failed',
        category: 'build_error',
        patterns: [/failed to solve: process "[^"]{1,1000}" did not complete successfully: exit code: \d+/, /^ERROR: failed to solve: .{1,500}/, /The command '[^']{1,500}' returned a non-zero code: \d+/],
        strength: 2,
        confidence: 0.6,
        summary: 'A Dockerfile step failed: {line}',
        examples: ['ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1', "The command '/bin/sh -c make' returned a non-zero code: 2"],
        source: 'BuildKit and classic builder'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/dotnet.ts
const DOTNET_RULES = [
    {
        id: 'nuget.package-missing',
        category: 'dependency_conflict',
        patterns: [/error NU1(?:101|102|103|107|605|608): .{1,500}/],
        strength: 3,
        confidence: 0.85,
        summary: 'A NuGet package or version cannot be resolved: {line}',
        examples: ["/home/runner/work/app/App.csproj : error NU1101: Unable to find package Foo.Bar. No packages exist with this id in source(s): nuget.org"],
        source: 'NuGet error codes NU1101–NU1608'
    },
    {
        id: 'nuget.source-unreachable',
        category: 'registry_or_download',
        patterns: [/error NU1301: Unable to load the service index for source/, /error NU1(?:301|302): .{1,500}/],
        strength: 3,
        priority: 1,
        confidence: 0.8,
        summary: 'A NuGet feed could not be reached: {line}',
        examples: ['error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.'],
        source: 'NuGet error code NU1301'
    },
    {
        id: 'dotnet.sdk',
        category: 'toolchain_setup',
        patterns: [/error NETSDK1045: The current \.NET SDK does not support targeting/, /A compatible \.NET SDK was not found/, /error NETSDK1\d{3}: .{0,200}(?:SDK|runtime)/],
        strength: 3,
        confidence: 0.85,
        summary: 'The .NET SDK on the runner does not fit the project: {line}',
        examples: ['error NETSDK1045: The current .NET SDK does not support targeting .NET 9.0.  Either target .NET 8.0 or lower, or use a version of the .NET SDK that supports .NET 9.0.'],
        source: 'dotnet SDK resolver errors'
    },
    {
        id: 'dotnet.compile-error',
        category: 'build_error',
        patterns: [/\berror (?:CS|FS|BC)\d{4}: (?<message>.{1,500})/],
        strength: 3,
        confidence: 0.88,
        summary: 'The .NET code does not compile: {message}',
        examples: ["/home/runner/work/app/Program.cs(10,13): error CS0103: The name 'foo' does not exist in the current context [/home/runner/work/app/App.csproj]"],
        source: 'Roslyn and F# compiler diagnostics'
    },
    {
        id: 'dotnet.test-failed',
        category: 'test_failure',
        patterns: [/^\s*Failed \S{1,300} \[\d+(?:\.\d+)? m?s\]$/, /^\s*(?:Assert\.\w+\(\) Failure|Expected: .{1,200}$)/, /^Failed!\s+- Failed:\s+[1-9]\d*, Passed:/],
        strength: 3,
        confidence: 0.85,
        summary: 'A .NET test failed: {line}',
        examples: ['  Failed App.Tests.CalculatorTests.Adds [12 ms]', 'Failed!  - Failed:     1, Passed:    20, Skipped:     0, Total:    21, Duration: 1 s - App.Tests.dll (net8.0)'],
        source: 'dotnet test console logger'
    },
    {
        id: 'dotnet.format',
        category: 'lint_or_format',
        patterns: [/error WHITESPACE: Fix whitespace formatting/, /error IMPORTS: Fix imports ordering/, /: error IDE\d{4}: /],
        strength: 3,
        confidence: 0.85,
        summary: 'dotnet format found style problems: {line}',
        examples: ['/home/runner/work/app/Program.cs(3,1): error WHITESPACE: Fix whitespace formatting. Replace 2 characters with \'\\s\'. [/home/runner/work/app/App.csproj]'],
        source: 'dotnet format --verify-no-changes'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/generic.ts
const GENERIC_RULES = [
    {
        id: 'generic.exception',
        category: 'other',
        patterns: [/^(?:Exception in thread "[^"]{1,100}" )?(?:[a-z_]\w*\.){1,10}[A-Z]\w{0,100}(?:Exception|Error): .{1,500}/, /^(?:[A-Z]\w{0,100}(?:Exception|Error)): .{1,500}/, /^Traceback \(most recent call last\):$/],
        strength: 1,
        confidence: 0.3,
        summary: 'The job failed with an unhandled error: {line}',
        examples: ['java.lang.IllegalArgumentException: java.nio.file.NoSuchFileException: ../data/astor_399.log', "NameError: name 'Github' is not defined", 'Traceback (most recent call last):'],
        source: 'JVM and Python exception formats'
    },
    {
        id: 'generic.error-line',
        category: 'other',
        patterns: [/^(?:Error|ERROR|error|FATAL|fatal|Fatal)(?:\[\w{1,20}\])?:\s*\S.{0,500}/, /^\[ERROR\]\s+\S.{0,500}/],
        strength: 1,
        confidence: 0.25,
        summary: 'The job failed: {line}',
        examples: ['Error: something went wrong', 'fatal: ref HEAD is not a symbolic ref', '[ERROR] Failed to execute goal x'],
        source: 'common CLI error prefixes'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/github.ts
// owner/repo as GitHub allows them; an optional sub-path for actions in a sub-directory.
const ACTION = String.raw `(?<action>[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100})(?:\/[A-Za-z0-9._\/-]{1,200})?`;
// A ref ends with a letter or digit: a trailing dot or slash is the sentence, not the ref.
const REF = String.raw `(?<ref>[A-Za-z0-9](?:[A-Za-z0-9._\/-]{0,98}[A-Za-z0-9])?)`;
const GITHUB_RULES = [
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
        patterns: [new RegExp(String.raw `automatically failed because it uses a deprecated version of \x60${ACTION}: ${REF}\x60`)],
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
        patterns: [new RegExp(String.raw `Missing download info for ${ACTION}@${REF}`)],
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
            new RegExp(String.raw `Node\.js (?:12|16|20) actions are deprecated\. Please update the following actions to use Node\.js \d+: ${ACTION}@${REF}`),
            new RegExp(String.raw `Node\.js (?:12|16|20) actions are deprecated\..{0,200}Please update the following actions to use Node\.js \d+: ${ACTION}@${REF}`)
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
];

;// CONCATENATED MODULE: ./src/classify/rules/go.ts
const GO_RULES = [
    {
        id: 'go.module-download-network',
        category: 'network',
        patterns: [/@v[\w.+-]{1,100}: Get "https?:\/\/[^"]{1,2000}": (?:dial tcp|read tcp|net\/http|EOF|unexpected EOF|context deadline exceeded|.{0,200}(?:timeout|connection reset|connection refused))/],
        strength: 3,
        priority: 2,
        confidence: 0.88,
        summary: 'Downloading a Go module failed on the network: {line}',
        examples: [
            'internal/backend/remote-state/oss/backend.go:19:2: github.com/aliyun/alibaba-cloud-sdk-go@v1.61.1501: Get "https://storage.googleapis.com/proxy-golang-org-prod/x.zip": read tcp 10.1.1.16:59014->142.250.68.80:443: read: connection reset by peer',
            'go: github.com/x/y@v1.2.3: Get "https://proxy.golang.org/github.com/x/y/@v/v1.2.3.mod": dial tcp 142.250.68.81:443: i/o timeout'
        ],
        source: 'go command module fetch errors'
    },
    {
        id: 'go.mod-out-of-date',
        category: 'dependency_conflict',
        patterns: [
            /missing go\.sum entry for module providing package/,
            /go: updates to go\.(?:mod|sum) needed/,
            /go\.(?:mod|sum)(?:\/go\.(?:mod|sum))? (?:is|are) not (?:up[- ]to[- ]date|tidy)/,
            /[Rr]un '?go mod tidy'?/,
            /verifying (?:module|\S+): checksum mismatch/
        ],
        strength: 3,
        confidence: 0.88,
        summary: 'go.mod/go.sum do not match the code (go mod tidy needed): {line}',
        examples: [
            "ERROR: go.mod/go.sum are not up-to-date. Run 'go mod tidy' and then commit the updated files.",
            'main.go:5:2: missing go.sum entry for module providing package github.com/x/y (imported by app); to add:',
            'go: updates to go.mod needed; to update it:'
        ],
        source: 'go command; the common "go mod tidy && git diff --exit-code" CI check'
    },
    {
        id: 'go.toolchain',
        category: 'toolchain_setup',
        patterns: [/go: go\.mod requires go >= [\d.]+ \(running go [\d.]+/, /note: module requires Go [\d.]+/],
        strength: 3,
        confidence: 0.85,
        summary: 'The Go version set up for the job is older than go.mod requires: {line}',
        examples: ['go: go.mod requires go >= 1.22 (running go 1.21.5; GOTOOLCHAIN=local)', 'note: module requires Go 1.21'],
        source: 'go command toolchain checks'
    },
    {
        id: 'go.lint',
        category: 'lint_or_format',
        patterns: [
            /^\S{1,500}\.go:\d+:\d+: .{1,500} \((?:SA|S|ST|QF|U)\d{4}\)$/,
            /^\S{1,500}\.go:\d+:\d+: missing cases in switch of type/,
            /^\S{1,500}\.go:\d+(?::\d+)?: .{1,500} \((?:errcheck|govet|gosimple|staticcheck|unused|ineffassign|typecheck|gofmt|goimports|revive|gocritic|misspell|godot|gosec|unparam|dupl|lll|nakedret|prealloc|exhaustive|stylecheck|whitespace|wsl|nolintlint|errorlint|bodyclose|noctx)\)$/,
            /File is not `(?:gofmt|goimports|gofumpt)`-ed/,
            /^make(?:\[\d+\])?: \*\*\* \[[^\]]{0,100}(?:lint|vet|staticcheck|fmt|format|exhaustive|style|tidy)[^\]]{0,40}\] Error \d+/
        ],
        strength: 3,
        priority: 1,
        confidence: 0.85,
        summary: 'Static analysis failed: {line}',
        examples: [
            'internal/states/instance_object_test.go:63:3: the goroutine calls T.Fatalf, which must be called in the same goroutine as the test (SA2002)',
            'internal/lang/functions.go:176:17: func (*Scope).experimentalFunction is unused (U1000)',
            '/home/runner/work/terraform/terraform/internal/command/views/json/change.go:85:2: missing cases in switch of type plans.ResourceInstanceChangeActionReason: ResourceInstanceReplaceByTriggers',
            'main.go:12:2: Error return value of `f.Close` is not checked (errcheck)',
            'make: *** [Makefile:39: staticcheck] Error 1'
        ],
        source: 'staticcheck, exhaustive, golangci-lint output; make'
    },
    {
        id: 'go.compile-error',
        category: 'build_error',
        patterns: [
            /^\S{1,500}\.go:\d+:\d+: (?<message>(?:undefined: |cannot use |declared and not used|declared but not used|"[^"]{1,200}" imported and not used|too many arguments|not enough arguments|.{1,200} has no field or method|invalid operation|syntax error|missing return|non-name .{1,100} on left side|cannot assign|undeclared name|.{1,100} redeclared|mismatched types|cannot convert|.{1,100} is not a type|missing argument|too many return values|not enough return values|assignment mismatch|cannot find package|no required module provides package|could not import|use of .{1,100} not allowed|expected ).{0,500})/,
            /^FAIL\s+\S{1,300} \[(?:build|setup) failed\]/
        ],
        strength: 3,
        confidence: 0.88,
        summary: 'The Go code does not compile: {line}',
        examples: [
            'internal/command/cliconfig/credentials_test.go:88:9: undefined: os',
            './commands.go:395:20: undefined: command.TfversionCommand',
            'FAIL\tgithub.com/hashicorp/terraform/internal/command/cliconfig [build failed]'
        ],
        source: 'Go compiler (gc) diagnostics; go test'
    },
    {
        id: 'go.test-failed',
        category: 'test_failure',
        patterns: [/^\s*--- FAIL: \S{1,300}/, /^\s+(?:\S{0,200}_test|testing)\.go:\d+: .{1,500}/, /^panic: .{1,500}/],
        // With -v, tests log as they run; a log line right before `--- PASS`/`--- SKIP` is not a failure.
        unlessNext: /^\s*--- (?:PASS|SKIP):/,
        strength: 3,
        confidence: 0.88,
        summary: 'A Go test failed: {line}',
        examples: [
            '--- FAIL: TestCloud_configWithEnvVars (0.00s)',
            '        testing.go:192: missing API token',
            '    providers_tamper_test.go:76: unexpected init error: exit status 1',
            'panic: runtime error: invalid memory address or nil pointer dereference [recovered]'
        ],
        source: 'go test (testing package) output'
    },
    {
        id: 'go.test-summary',
        category: 'test_failure',
        patterns: [/^FAIL\s+\S{1,300}\s+[\d.]+s$/, /^FAIL$/],
        strength: 2,
        confidence: 0.65,
        summary: 'Go tests failed: {line}',
        examples: ['FAIL\tgithub.com/hashicorp/terraform/internal/cloud\t0.574s', 'FAIL'],
        source: 'go test package summary'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/javascript.ts
const JAVASCRIPT_RULES = [
    // --- installs ----------------------------------------------------------------------------
    {
        id: 'npm.lockfile-out-of-sync',
        category: 'dependency_conflict',
        patterns: [
            /`npm ci` can only install packages when your package\.json and package-lock\.json (?:\(or npm-shrinkwrap\.json\) |or npm-shrinkwrap\.json )?are in sync/,
            /^npm (?:ERR!|error) Missing: \S+ from lock file/,
            /Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`/,
            /The lockfile would have been modified by this install, which is explicitly forbidden/,
            /ERR_PNPM_OUTDATED_LOCKFILE/,
            /Cannot install with "frozen-lockfile" because pnpm-lock\.yaml is not up to date/,
            /ERR_PNPM_LOCKFILE_CONFIG_MISMATCH/
        ],
        strength: 3,
        confidence: 0.9,
        summary: 'The lockfile does not match package.json: {line}',
        examples: [
            'npm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
            'npm error `npm ci` can only install packages when your package.json and package-lock.json (or npm-shrinkwrap.json) are in sync.',
            'error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.',
            '➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.',
            ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json'
        ],
        source: 'npm ci (lib/commands/ci.js), yarn v1 and berry (YN0028), pnpm error codes'
    },
    {
        id: 'npm.dependency-resolution',
        category: 'dependency_conflict',
        patterns: [
            /^npm (?:ERR!|error) code ERESOLVE/,
            /ERESOLVE unable to resolve dependency tree/,
            /Conflicting peer dependency: /,
            /ERR_PNPM_PEER_DEP_ISSUES/,
            /ERR_PNPM_NO_MATCHING_VERSION/,
            /No matching version found for \S+@\S+/,
            /^npm (?:ERR!|error) code ETARGET/,
            /^npm (?:ERR!|error) 404 (?:Not Found - GET|'\S+@\S+' is not in this registry)/,
            /^error Couldn't find (?:package|any versions for) "[^"]{1,200}"/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'The dependencies cannot be resolved: {line}',
        examples: [
            'npm ERR! code ERESOLVE',
            'npm ERR! ERESOLVE unable to resolve dependency tree',
            ' ERR_PNPM_NO_MATCHING_VERSION  No matching version found for left-pad@9.9.9',
            "npm ERR! 404 Not Found - GET https://registry.npmjs.org/no-such-pkg - Not found",
            'error Couldn\'t find package "no-such-pkg@^1.0.0" required by "app@1.0.0" on the "npm" registry.'
        ],
        source: 'npm arborist ERESOLVE, npm-pick-manifest ETARGET, pnpm and yarn resolution errors'
    },
    {
        id: 'npm.registry-error',
        category: 'registry_or_download',
        patterns: [
            /^npm (?:ERR!|error) code E(?:5\d\d|429)\b/,
            /^npm (?:ERR!|error) (?:5\d\d|429) [\w ]{1,40} - GET https?:\/\//,
            /ERR_PNPM_(?:META_)?FETCH_(?:5\d\d|FAIL)/,
            /^npm (?:ERR!|error) code EINTEGRITY/,
            /integrity checksum failed when using sha\d+/,
            /Request failed \\?"5\d\d [\w ]{1,40}/
        ],
        strength: 3,
        priority: 1,
        confidence: 0.85,
        summary: 'The package registry failed to serve a package: {line}',
        examples: [
            'npm ERR! code E503',
            'npm ERR! 503 Service Unavailable - GET https://registry.npmjs.org/react',
            ' ERR_PNPM_META_FETCH_FAIL  GET https://registry.npmjs.org/react: request to https://registry.npmjs.org/react failed, reason: socket hang up',
            'error An unexpected error occurred: "https://registry.yarnpkg.com/react/-/react-18.2.0.tgz: Request failed \\"502 Bad Gateway\\"".'
        ],
        source: 'npm-registry-fetch errors, pnpm fetch errors, yarn request errors'
    },
    {
        id: 'node.engine-mismatch',
        category: 'toolchain_setup',
        patterns: [
            /The engine "node" is incompatible with this module\. Expected version "[^"]{1,50}"\. Got "[^"]{1,50}"/,
            /^npm (?:ERR!|error) code EBADENGINE/,
            /ERR_PNPM_UNSUPPORTED_ENGINE/,
            /Unable to find Node version '[^']{1,50}' for platform/,
            /Dependencies lock file is not found in .{1,300}Supported file patterns/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'The Node.js set up for the job does not fit the project: {line}',
        examples: [
            'error @vitejs/plugin-react@4.3.1: The engine "node" is incompatible with this module. Expected version "^14.18.0 || >=16.0.0". Got "12.22.12"',
            "Unable to find Node version '23.99' for platform linux and architecture x64.",
            'Error: Dependencies lock file is not found in /home/runner/work/app/app. Supported file patterns: package-lock.json,npm-shrinkwrap.json,yarn.lock'
        ],
        source: 'yarn engine check, npm EBADENGINE, actions/setup-node error messages'
    },
    // --- tests -------------------------------------------------------------------------------
    {
        id: 'jest.failed-test',
        category: 'test_failure',
        patterns: [/^\s*● (?!Console\b)(?!Test suite failed to run).{1,300} › .{1,300}/, /^\s*● (?!Console\b)(?!Test suite failed to run)[\w$.-]{1,100}(?: .{1,200})?$/],
        strength: 3,
        confidence: 0.88,
        summary: 'A test failed: {line}',
        examples: ['  ● Calculator › adds two numbers', '● sum returns 3'],
        source: 'Jest default reporter'
    },
    {
        id: 'jest.suite-failed-to-run',
        category: 'build_error',
        patterns: [/● Test suite failed to run/],
        strength: 3,
        confidence: 0.75,
        summary: 'A test file could not be loaded (syntax, type or import error).',
        examples: ['  ● Test suite failed to run'],
        source: 'Jest default reporter'
    },
    {
        id: 'js.assertion',
        category: 'test_failure',
        patterns: [
            /AssertionError(?: \[ERR_ASSERTION\])?: /,
            /^\s*expect\(received\)\.\w+\(/,
            /^\s*(?:FAIL|×|✕|✗|❯)\s+\S{1,300}\.(?:test|spec)\.[cm]?[jt]sx?\b/,
            /^\s+\d+\) .{1,300}:$/,
            /^\s*not ok \d+ - /
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'A test failed: {line}',
        examples: [
            "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
            'AssertionError: expected 1 to deeply equal 2',
            '    expect(received).toBe(expected) // Object.is equality',
            ' FAIL  src/sum.test.ts > sum > adds',
            ' ❯ src/sum.test.ts (3 tests | 1 failed) 12ms',
            'not ok 1 - should add'
        ],
        source: 'node:assert, Jest, Vitest, Mocha, TAP reporters'
    },
    {
        id: 'js.test-summary',
        category: 'test_failure',
        patterns: [/^Tests:\s+\d+ failed/, /^Test Suites:\s+\d+ failed/, /^\s*Test Files\s+\d+ failed/, /^\s*\d+ failing$/, /^# fail\s+[1-9]/],
        strength: 2,
        confidence: 0.7,
        summary: 'Tests failed: {line}',
        examples: ['Tests:       1 failed, 12 passed, 13 total', ' Test Files  1 failed | 4 passed (5)', '  2 failing'],
        source: 'Jest, Vitest, Mocha, node:test summaries'
    },
    {
        id: 'jest.coverage-threshold',
        category: 'code_quality_gate',
        patterns: [/coverage threshold for \w+ \([\d.]+%\) not met/, /ERROR: Coverage for \w+ \([\d.]+%\) does not meet (?:global )?threshold/],
        strength: 3,
        priority: 1,
        confidence: 0.9,
        summary: 'Test coverage is below the required threshold: {line}',
        examples: ['Jest: "global" coverage threshold for lines (80%) not met: 74.5%', 'ERROR: Coverage for lines (71.2%) does not meet global threshold (80%)'],
        source: 'Jest coverageThreshold; nyc check-coverage'
    },
    // --- lint, types, build ------------------------------------------------------------------
    {
        id: 'tsc.error',
        category: 'build_error',
        patterns: [/^\S{1,500}\.(?:[cm]?tsx?|vue)\(\d+,\d+\): error TS\d+: (?<message>.{1,500})/, /^\S{1,500}\.[cm]?tsx?:\d+:\d+ - error TS\d+: (?<message>.{1,500})/, /\berror TS\d{4}: (?<message>.{1,500})/],
        strength: 3,
        confidence: 0.88,
        summary: 'TypeScript does not compile: {message}',
        examples: [
            "src/index.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
            "src/index.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'."
        ],
        source: 'tsc diagnostics (plain and --pretty)'
    },
    {
        id: 'eslint.error',
        category: 'lint_or_format',
        patterns: [
            /^\s+\d+:\d+\s+error\s+.{1,300}\s{2,}[@\w/-]{2,100}$/,
            /✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/,
            /^\S{1,500}: line \d+, col \d+, Error - /,
            /ESLint found too many warnings/
        ],
        strength: 3,
        confidence: 0.88,
        summary: 'Lint errors: {line}',
        examples: ["  3:7  error  'x' is assigned a value but never used  no-unused-vars", '✖ 2 problems (2 errors, 0 warnings)'],
        source: 'ESLint stylish and compact formatters'
    },
    {
        id: 'prettier.check',
        category: 'lint_or_format',
        patterns: [/\[warn\] Code style issues (?:found in|were found in) (?:the above file|\d+ files?)/, /Forgot to run Prettier\?/, /^\[warn\] \S{1,500}\.\w{1,10}$/],
        strength: 3,
        confidence: 0.88,
        summary: 'Files are not formatted with Prettier: {line}',
        examples: ['[warn] Code style issues found in 2 files. Run Prettier with --write to fix.', '[warn] src/index.ts', 'Code style issues found in the above file. Forgot to run Prettier?'],
        source: 'prettier --check output'
    },
    {
        id: 'js.bundler-error',
        category: 'build_error',
        patterns: [
            /Module not found: (?:Error: )?Can't resolve '[^']{1,300}'/,
            /^ERROR in \S{1,500}/,
            /\[vite\]: Rollup failed to resolve import/,
            /Could not resolve "[^"]{1,300}"/,
            /^(?:Error: )?Cannot find module '[^']{1,300}'/,
            /Build failed with \d+ errors?:/,
            /SyntaxError: (?:Unexpected token|Cannot use import statement outside a module|Unexpected identifier)/
        ],
        strength: 3,
        confidence: 0.8,
        summary: 'The build failed: {line}',
        examples: [
            "Module not found: Error: Can't resolve './missing' in '/home/runner/work/app/src'",
            "[vite]: Rollup failed to resolve import \"lodash\" from \"src/main.ts\".",
            "Error: Cannot find module 'left-pad'",
            "SyntaxError: Unexpected token '}'"
        ],
        source: 'webpack, Vite/Rollup, esbuild, Node module resolution'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/jvm.ts
const JVM_RULES = [
    // --- dependency resolution -------------------------------------------------------------
    {
        id: 'maven.transfer-network',
        category: 'network',
        patterns: [/Could not transfer artifact .{1,500}(?:Connection reset|Connection timed out|Read timed out|connect timed out|Unknown host|Network is unreachable|Connection refused)/],
        strength: 3,
        priority: 2,
        confidence: 0.85,
        summary: 'Maven could not download a dependency because the connection failed: {line}',
        examples: [
            'Error:  Failed to execute goal org.apache.maven.plugins:maven-dependency-plugin:2.8:unpack (default) on project maestro-webapi: Plugin could not be resolved: Could not transfer artifact org.apache.maven.doxia:doxia-core:pom:1.0 from/to central (https://repo.maven.apache.org/maven2): transfer failed for https://repo.maven.apache.org/maven2/x.pom: Connection reset -> [Help 1]'
        ],
        source: 'Maven resolver (INTO-CPS-Association/maestro#311)'
    },
    {
        id: 'maven.transfer-failed',
        category: 'registry_or_download',
        patterns: [
            /Could not transfer artifact .{1,500}from\/to /,
            /Transfer failed for https?:\/\/\S+ (?:5\d\d|4(?:03|29))\b/,
            /Failed to read artifact descriptor for .{1,300}: (?:Could not transfer|.*\b5\d\d\b)/,
            /Could not (?:GET|HEAD) '[^']{1,500}'\. Received status code (?:5\d\d|403|429)/,
            /Access denied to:(?: https?:\/\/\S+)?/,
            /ReasonPhrase: ?(?:Forbidden|Service Unavailable|Bad Gateway|Gateway Time-?out)/
        ],
        strength: 3,
        priority: 1,
        confidence: 0.85,
        summary: 'The artifact repository failed to serve a dependency: {line}',
        examples: [
            '[ERROR] Failed to execute goal on project buildtools: Could not resolve dependencies for project org.apache.pulsar:buildtools:jar:2.6.0-SNAPSHOT: Could not transfer artifact org.apache-extras.beanshell:bsh:jar:2.0b6 from/to central (https://repo.maven.apache.org/maven2): Transfer failed for https://repo.maven.apache.org/maven2/bsh-2.0b6.jar 503 between bytes timeout -> [Help 1]',
            "> Could not GET 'https://repo.maven.apache.org/maven2/x/y/1.0/y-1.0.pom'. Received status code 502 from server: Bad Gateway",
            'artifact org.apache.maven.plugins:maven-enforcer-plugin:pom:3.0.0-M1 from/to central (https://repo.maven.apache.org/maven2): Access denied to: https://repo.maven.apache.org/maven2/x.pom , ReasonPhrase:Forbidden.'
        ],
        source: 'Maven resolver messages (apache/pulsar#6231, travis-ci/travis-ci#10055); Gradle dependency resolution'
    },
    {
        id: 'maven.artifact-not-found',
        category: 'dependency_conflict',
        patterns: [
            /Could not find artifact \S+ in \S+/,
            /Could not find (?!a version)[\w.-]{1,200}:[\w.-]{1,200}:[\w.+-]{1,100}\.?$/,
            /The POM for \S+ is missing, no dependency information available/,
            /Non-resolvable (?:parent POM|import POM)/,
            /Could not resolve all (?:files|dependencies|artifacts) for configuration/
        ],
        strength: 2,
        confidence: 0.65,
        summary: 'A declared dependency cannot be found in the configured repositories: {line}',
        examples: [
            '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.x:app:jar:1.0: Could not find artifact com.x:lib:jar:9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]',
            '   > Could not find com.example:missing-lib:1.2.3.',
            "> Could not resolve all files for configuration ':app:compileClasspath'."
        ],
        source: 'Maven resolver; Gradle dependency resolution'
    },
    {
        id: 'maven.plugin-resolution',
        category: 'registry_or_download',
        patterns: [/Plugin \S+ or one of its dependencies could not be resolved: .{0,400}(?:5\d\d|Service Unavailable|Forbidden|Access denied)/],
        strength: 3,
        priority: 2,
        confidence: 0.85,
        summary: 'A Maven plugin could not be downloaded from its repository: {line}',
        examples: [
            '[ERROR] Plugin fr.inria.gforge.spoon:spoon-maven-plugin:3.5-SNAPSHOT or one of its dependencies could not be resolved: Failed to read artifact descriptor for fr.inria.gforge.spoon:spoon-maven-plugin:jar:3.5-SNAPSHOT: Could not transfer artifact x from/to ow2 (https://repository.ow2.org/nexus/): Transfer failed for https://repository.ow2.org/x.pom 503 Service Unavailable -> [Help 1]'
        ],
        source: 'Maven PluginResolutionException'
    },
    {
        id: 'maven.plugin-unresolved',
        category: 'registry_or_download',
        patterns: [/Plugin \S+ or one of its dependencies could not be resolved/],
        strength: 2,
        confidence: 0.6,
        summary: 'A Maven plugin could not be resolved: {line}',
        examples: ['[ERROR] Plugin org.apache.maven.plugins:maven-enforcer-plugin:3.0.0-M1 or one of its dependencies could not be resolved: Failed to read artifact descriptor for org.apache.maven.plugins:maven-enforcer-plugin:jar:3.0.0-M1'],
        source: 'Maven PluginResolutionException (travis-ci/travis-ci#10055)'
    },
    {
        id: 'jvm.class-version',
        category: 'dependency_conflict',
        patterns: [/class file has wrong version \d+\.\d+, should be \d+\.\d+/, /bad class file: .{1,300}\.(?:jar|class)/],
        strength: 3,
        priority: 1,
        confidence: 0.8,
        summary: 'A dependency was built for a newer Java than the build uses: {line}',
        examples: ['[ERROR]     class file has wrong version 55.0, should be 52.0', 'bad class file: /home/runner/.m2/repository/org/eclipse/jdt/ecj/3.29.0/ecj-3.29.0.jar(org/eclipse/jdt/internal/compiler/tool/EclipseCompiler.class)'],
        source: 'javac "bad class file" diagnostic (google/auto Dependabot bump in the corpus)'
    },
    {
        id: 'jvm.unsupported-java',
        category: 'toolchain_setup',
        patterns: [
            /invalid (?:target|source) release:? ?\d+|release version \d+ not supported/,
            /UnsupportedClassVersionError: .{1,300}compiled by a more recent version of the Java Runtime/,
            /Unsupported class file major version \d+/,
            /Detected JDK [Vv]ersion: .{1,60} is not in the allowed range/,
            /requires at least Java \d+|Dependency requires at least JVM runtime version \d+/
        ],
        strength: 3,
        confidence: 0.8,
        summary: 'The build runs on a JDK version it does not support: {line}',
        examples: [
            '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile (default-compile) on project x: Fatal error compiling: invalid target release: 17 -> [Help 1]',
            'error: release version 21 not supported',
            'java.lang.UnsupportedClassVersionError: com/x/Main has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0'
        ],
        source: 'javac, JVM and maven-enforcer RequireJavaVersion messages'
    },
    {
        id: 'maven.dependency-convergence',
        category: 'dependency_conflict',
        patterns: [/Dependency convergence error for/, /Rule \d+: org\.apache\.maven\.(?:plugins\.)?enforcer\.rules?\.\w*(?:Banned|Convergence|UpperBound)\w* failed/, /Found Banned Dependency/],
        strength: 3,
        confidence: 0.8,
        summary: 'The dependency tree breaks an enforcer rule: {line}',
        examples: ['[WARNING] Dependency convergence error for com.google.guava:guava:31.1-jre paths to dependency are:', 'Found Banned Dependency: commons-logging:commons-logging:jar:1.2'],
        source: 'maven-enforcer-plugin rules'
    },
    // --- compilation -------------------------------------------------------------------------
    {
        id: 'javac.error',
        category: 'build_error',
        patterns: [/^(?:\[ERROR\] )?\S{1,500}\.(?:java|kt|scala|groovy):\[\d+,\d+\] (?!\(\w+\) \w+:)(?<message>.{1,500})/, /^\S{1,500}\.java:\d+: error: (?<message>.{1,500})/],
        strength: 3,
        confidence: 0.88,
        summary: 'The code does not compile: {message}',
        examples: [
            '[ERROR] /builds/workspace/astor/src/main/java/fr/inria/astor/FlacocoFaultLocalization.java:[71,65] cannot find symbol',
            '[ERROR] /builds/workspace/Guava/guava/src/com/google/common/collect/ImmutableMap.java:[155,27] error: incompatible types: ImmutableMapEntry[] cannot be converted to ImmutableMapEntry<K,V>',
            'src/main/java/com/x/App.java:12: error: cannot find symbol'
        ],
        source: 'javac via maven-compiler-plugin; javac'
    },
    {
        id: 'kotlin.error',
        category: 'build_error',
        patterns: [/^e: (?:file:\/\/)?\S{1,500}\.kts?:? ?(?:\(\d+, ?\d+\):?|:\d+:\d+) (?<message>.{1,500})/],
        strength: 3,
        confidence: 0.88,
        summary: 'The Kotlin code does not compile: {message}',
        examples: ['e: /home/runner/work/app/src/main/kotlin/App.kt: (12, 5): Unresolved reference: foo', 'e: file:///home/runner/work/app/src/main/kotlin/App.kt:12:5 Unresolved reference: foo'],
        source: 'kotlinc diagnostics through Gradle'
    },
    {
        id: 'java.animal-sniffer',
        category: 'build_error',
        patterns: [/\.java:\d+: Undefined reference: /, /Failed to execute goal org\.codehaus\.mojo:animal-sniffer-maven-plugin/],
        strength: 3,
        confidence: 0.8,
        summary: 'The code calls an API missing from the target JDK signature: {line}',
        examples: ['[ERROR] /builds/workspace/Commons-codec/src/main/java/org/apache/commons/codec/binary/Hex.java:348: Undefined reference: java.nio.ByteBuffer java.nio.ByteBuffer.position(int)'],
        source: 'animal-sniffer-maven-plugin check goal'
    },
    {
        id: 'maven.compilation-failure',
        category: 'build_error',
        patterns: [/Failed to execute goal org\.apache\.maven\.plugins:maven-compiler-plugin:\S+:(?:test)?[cC]ompile .{0,200}Compilation failure/, /^COMPILATION ERROR\s*:?$/],
        strength: 2,
        confidence: 0.7,
        summary: 'Compilation failed: {line}',
        examples: ['[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.0:compile (default-compile) on project assertj-core: Compilation failure: Compilation failure:'],
        source: 'maven-compiler-plugin'
    },
    {
        id: 'gradle.compile-task-failed',
        category: 'build_error',
        patterns: [/Execution failed for task '[^']{0,200}:compile\w*'/, /^> Task \S*:compile\w+ FAILED$/, /^Compilation failed; see the compiler error output for details\.?$/],
        strength: 2,
        confidence: 0.7,
        summary: 'Compilation failed: {line}',
        examples: ["Execution failed for task ':app:compileJava'.", '> Task :core:compileKotlin FAILED'],
        source: 'Gradle task failure output'
    },
    {
        id: 'javadoc.error',
        category: 'lint_or_format',
        patterns: [/Failed to execute goal org\.apache\.maven\.plugins:maven-javadoc-plugin/, /^\S{1,500}\.java:\d+: error: (?:bad use of|unknown tag|@param name not found|malformed HTML|reference not found)/],
        strength: 3,
        priority: 1,
        confidence: 0.75,
        summary: 'Javadoc generation failed: {line}',
        examples: ['src/main/java/com/x/A.java:10: error: unknown tag: foo', '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-javadoc-plugin:3.4.1:jar (attach-javadocs) on project x: MavenReportException: Error while generating Javadoc:'],
        source: 'javadoc doclint; maven-javadoc-plugin'
    },
    // --- tests ------------------------------------------------------------------------------
    {
        id: 'junit.test-failed',
        category: 'test_failure',
        patterns: [
            /^(?:\[ERROR\] )?\S{1,300}(?:\.|#|  )\S{1,200}\s+Time elapsed: [\d.,]+ (?:s|sec)\s+<<< (?:FAILURE|ERROR)!/,
            /^(?:\S{1,300}) > .{1,300} FAILED$/,
            /^(?:\[ERROR\]   )?\w[\w.$]{0,300}:\d+(?:->\S+)? (?:expected|Expected|Assertion)/,
            /(?:org\.opentest4j\.|junit\.framework\.|org\.junit\.)(?:\w+\.)?(?:AssertionFailedError|ComparisonFailure|AssertionError)\b/,
            /^java\.lang\.AssertionError\b/,
            /expected:? ?<.{0,200}> but was:? ?<.{0,200}>/
        ],
        strength: 3,
        confidence: 0.88,
        summary: 'A test failed: {line}',
        examples: [
            '[ERROR] org.apache.commons.lang3.time.DurationUtilsTest.testOfConsumer  Time elapsed: 0.003 s  <<< FAILURE!',
            'LogDifferTest > testGithubParsing() FAILED',
            'org.opentest4j.AssertionFailedError: expected: <true> but was: <false>',
            '[ERROR]   DurationUtilsTest.testOfConsumer:84->lambda$testOfConsumer$1:84 expected: <true> but was: <false>'
        ],
        source: 'Surefire and Gradle test output; JUnit 4/5 assertion errors'
    },
    {
        id: 'junit.summary',
        category: 'test_failure',
        patterns: [
            /There are test failures/,
            /Tests run: \d+, Failures: (?:[1-9]\d*, Errors: \d+|\d+, Errors: [1-9])/,
            /There were failing tests\. See the report at/,
            /Execution failed for task '[^']{0,200}:test\w*'/,
            /^> Task \S*:test\w* FAILED$/,
            /^\d+ tests completed, \d+ failed/,
            /Failed to execute goal org\.apache\.maven\.plugins:maven-(?:surefire|failsafe)-plugin/
        ],
        strength: 2,
        confidence: 0.7,
        summary: 'Tests failed: {line}',
        examples: [
            '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.0.0-M6:test (default-test) on project commons-lang3: There are test failures.',
            '[ERROR] Tests run: 10, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.036 s <<< FAILURE! - in org.apache.commons.lang3.time.DurationUtilsTest',
            '> There were failing tests. See the report at: file:///home/runner/work/x/build/reports/tests/test/index.html'
        ],
        source: 'maven-surefire-plugin; Gradle test task'
    },
    // --- quality gates and style --------------------------------------------------------------
    {
        id: 'jvm.checkstyle',
        category: 'lint_or_format',
        patterns: [
            /You have \d+ Checkstyle violations?/,
            /Failed during checkstyle (?:execution|configuration)/,
            /Execution failed for task '[^']{0,200}:(?:checkstyle|spotless|ktlint|detekt|pmd|spotbugs)\w*'/,
            /^> Task \S*:(?:checkstyle|spotless|ktlint|detekt|pmd)\w* FAILED$/,
            /^\[(?:ERROR|WARN)\] \S{1,500}\.java:(?:\[\d+(?:,\d+)?\]|\d+(?::\d+)?:?) \(\w+\) \w+:/,
            /The following files had format violations:/,
            /Run '[^']{0,100}spotlessApply' to fix (?:these|all) violations/,
            /Failed to execute goal com\.diffplug\.spotless:spotless-maven-plugin/,
            /Failed to execute goal (?:org\.apache\.maven\.plugins:maven-checkstyle-plugin|net\.revelc\.code\.formatter)/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'Style checks failed: {line}',
        examples: [
            "Execution failed for task ':cidiff:checkstyleMain'.",
            '[ERROR] src/main/java/com/x/Foo.java:[12,3] (javadoc) JavadocMethod: Missing a Javadoc comment.',
            '[ERROR] You have 3 Checkstyle violations.',
            'The following files had format violations:'
        ],
        source: 'maven-checkstyle-plugin, Gradle checkstyle/spotless tasks'
    },
    {
        id: 'jvm.quality-gate',
        category: 'code_quality_gate',
        patterns: [
            /Coverage checks have not been met/,
            /Rule violated for \w+ \S+: \w+ covered ratio is [\d.]+, but expected minimum is [\d.]+/,
            /Failed to execute goal org\.revapi:revapi-maven-plugin/,
            /API problems found/,
            /Failed to execute goal org\.owasp:dependency-check-maven/,
            /One or more dependencies were identified with (?:known )?vulnerabilities/,
            /Too many files with unapproved license/,
            /There (?:is|are) \d+ (?:SpotBugs|PMD) violations?|BugInstance size is [1-9]/
        ],
        strength: 3,
        confidence: 0.82,
        summary: 'A quality gate failed: {line}',
        examples: [
            '[WARNING] Rule violated for bundle app: lines covered ratio is 0.50, but expected minimum is 0.80',
            '[ERROR] Failed to execute goal org.jacoco:jacoco-maven-plugin:0.8.7:check (check) on project x: Coverage checks have not been met. See log for details.',
            '[ERROR] One or more dependencies were identified with vulnerabilities that have a CVSS score greater than or equal to 7.0:'
        ],
        source: 'jacoco check, revapi, OWASP dependency-check, apache-rat, spotbugs'
    },
    {
        id: 'gradle.wrapper-or-version',
        category: 'toolchain_setup',
        patterns: [/Minimum supported Gradle version is \d/, /Gradle \d[\d.]* requires Java \d+ or later/, /Could not determine java version from '[^']{1,50}'/],
        strength: 3,
        confidence: 0.8,
        summary: 'The Gradle and Java versions do not fit together: {line}',
        examples: ['Minimum supported Gradle version is 7.5. Current version is 6.9.', "Could not determine java version from '17.0.2'."],
        source: 'Android Gradle plugin and Gradle launcher messages'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/network.ts
const NETWORK_RULES = [
    {
        id: 'network.local-service-refused',
        category: 'service_dependency',
        patterns: [
            /(?:127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):\d{2,5}\b.{0,80}(?:Connection refused|ECONNREFUSED|connection refused)/,
            /(?:ECONNREFUSED|Connection refused|connection refused).{0,40}(?:127\.0\.0\.1|localhost|\[::1\]):\d{2,5}/,
            /could not connect to server: Connection refused/,
            /Can't connect to (?:local )?MySQL server on/,
            /Error 111 connecting to (?:localhost|127\.0\.0\.1):\d{2,5}/
        ],
        strength: 3,
        priority: 1,
        confidence: 0.75,
        summary: 'A service the job needs (database, cache) was not accepting connections: {line}',
        examples: [
            'Error: connect ECONNREFUSED 127.0.0.1:5432',
            'psycopg2.OperationalError: could not connect to server: Connection refused',
            "ERROR 2002 (HY000): Can't connect to MySQL server on '127.0.0.1' (115)",
            'redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.'
        ],
        source: 'Node net errors (ECONNREFUSED); libpq; MySQL client; redis-py'
    },
    {
        id: 'network.git-http-5xx',
        category: 'network',
        patterns: [
            /unable to access '[^']{1,500}': The requested URL returned error: 5\d\d/,
            /^remote: Internal Server Error/,
            /TransportException: .{1,300}: 5\d\d \w/,
            /\b(?:RPC failed; HTTP 5\d\d|error: RPC failed; curl \d+)/
        ],
        strength: 3,
        confidence: 0.88,
        summary: 'The git server answered with an error while fetching: {line}',
        examples: [
            "Error: fatal: unable to access 'https://github.com/seek-oss/aec/': The requested URL returned error: 500",
            "stderr: fatal: unable to access 'https://github.com/KTH/spork.git/': The requested URL returned error: 503",
            'org.eclipse.jgit.api.errors.TransportException: https://github.com/mayurkadampro/Tic-Tac-Toe.git: 503 Service Unavailable',
            'error: RPC failed; curl 56 GnuTLS recv error (-9): A TLS packet with unexpected length was received.'
        ],
        source: 'git http transport; JGit TransportException; actions/checkout#505'
    },
    {
        id: 'network.dns',
        category: 'network',
        patterns: [
            /Could not resolve host:? \S+/,
            /Temporary failure in name resolution/,
            /getaddrinfo (?:ENOTFOUND|EAI_AGAIN)/,
            /\bEAI_AGAIN\b/,
            /dial tcp: lookup \S+.{0,60}(?:no such host|i\/o timeout|server misbehaving)/,
            /Name or service not known/,
            /nodename nor servname provided/,
            /Temporary failure resolving '[^']{1,200}'/,
            /UnknownHostException/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'A host name could not be resolved (DNS): {line}',
        examples: [
            "fatal: unable to access 'https://github.com/o/r/': Could not resolve host: github.com",
            'npm ERR! request to https://registry.npmjs.org/x failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org',
            'dial tcp: lookup proxy.golang.org on 127.0.0.53:53: server misbehaving',
            "W: Failed to fetch http://azure.archive.ubuntu.com/ubuntu/dists/jammy/InRelease  Temporary failure resolving 'azure.archive.ubuntu.com'"
        ],
        source: 'curl/git, Node dns errors, Go net package, apt'
    },
    {
        id: 'network.connection',
        category: 'network',
        patterns: [
            /\bECONNRESET\b/,
            /\bETIMEDOUT\b/,
            /\bESOCKETTIMEDOUT\b/,
            /socket hang up/,
            /[Cc]onnection reset by peer/,
            /read: connection reset/,
            /[Cc]onnection timed out/,
            /\bi\/o timeout\b/,
            /TLS handshake timeout/,
            /net\/http: request canceled(?: while waiting for connection)?/,
            /[Nn]etwork is unreachable/,
            /Read timed out/,
            /SSL_ERROR_SYSCALL/,
            /[Tt]he remote end hung up unexpectedly/,
            /early EOF/,
            /Failed to connect to \S+ port \d+/,
            /NewConnectionError|ConnectTimeoutError|ReadTimeoutError|RemoteDisconnected/,
            /\bConnection reset\b/,
            /There appears to be trouble with your network connection/
        ],
        strength: 3,
        confidence: 0.8,
        summary: 'A network connection failed: {line}',
        examples: [
            'fatal: unable to access \'https://github.com/o/r/\': Failed to connect to github.com port 443: Connection timed out',
            'npm ERR! code ECONNRESET',
            'net/http: TLS handshake timeout',
            "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 101] Network is unreachable')'",
            'fatal: the remote end hung up unexpectedly'
        ],
        source: 'Node, Go net/http, urllib3/pip, curl/git error strings'
    },
    {
        id: 'network.http-5xx',
        category: 'network',
        patterns: [/\b(?:502 Bad Gateway|503 Service (?:Unavailable|Temporarily Unavailable)|504 Gateway Time-?out)\b/, /upstream connect error or disconnect\/reset before headers/],
        strength: 2,
        confidence: 0.6,
        summary: 'A remote service answered with a server error: {line}',
        examples: ['Error: 503 Service Unavailable', '503 - upstream connect error or disconnect/reset before headers. reset reason: connection failure'],
        source: 'HTTP status lines; Envoy upstream error'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/python.ts
const PYTHON_RULES = [
    {
        id: 'python.version-unavailable',
        category: 'toolchain_setup',
        patterns: [
            /Version [\w.*-]{1,30} with arch \w+ not found/,
            /The version '[^']{1,30}' with architecture '\w+' was not found for/,
            /Could not find (?:a )?(?:Python|PyPy) version (?:that satisfies|matching)/
        ],
        strength: 3,
        dominant: true,
        confidence: 0.9,
        summary: 'The requested Python version is not available on this runner image: {line}',
        examples: [
            'Error: Version 3.9.6 with arch x64 not found',
            "Error: The version '3.7' with architecture 'x64' was not found for Ubuntu 24.04."
        ],
        source: 'actions/setup-python (actions/setup-python#552, #962)'
    },
    {
        id: 'pip.resolution',
        category: 'dependency_conflict',
        patterns: [
            /ERROR: Could not find a version that satisfies the requirement/,
            /ERROR: No matching distribution found for/,
            /ResolutionImpossible/,
            /ERROR: Cannot install .{1,300} because these package versions have conflicting dependencies/,
            /THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE/,
            /Because .{1,300} version solving failed\./,
            /× No solution found when resolving dependencies/,
            /SolverProblemError/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'The Python dependencies cannot be resolved: {line}',
        examples: [
            'ERROR: Could not find a version that satisfies the requirement nosuchpkg==9.9 (from versions: none)',
            'ERROR: No matching distribution found for nosuchpkg==9.9',
            'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts',
            '  × No solution found when resolving dependencies:'
        ],
        source: 'pip resolver, poetry solver, uv resolver'
    },
    {
        id: 'python.lockfile-out-of-sync',
        category: 'dependency_conflict',
        patterns: [
            /pyproject\.toml changed significantly since poetry\.lock was last generated/,
            /poetry\.lock is not consistent with pyproject\.toml/,
            /The lockfile at `uv\.lock` needs to be updated, but `--locked` was provided/,
            /Pipfile\.lock \(\w+\) out of date/
        ],
        strength: 3,
        confidence: 0.9,
        summary: 'The lock file does not match the project definition: {line}',
        examples: [
            'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.',
            'error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.'
        ],
        source: 'poetry install, uv sync --locked, pipenv'
    },
    {
        id: 'pip.registry-error',
        category: 'registry_or_download',
        patterns: [/HTTP error 5\d\d while getting https?:\/\//, /Could not fetch URL https?:\/\/\S+: .{0,200}(?:5\d\d|Service Unavailable)/],
        strength: 3,
        priority: 1,
        confidence: 0.8,
        summary: 'The package index failed to serve a package: {line}',
        examples: ['ERROR: HTTP error 503 while getting https://files.pythonhosted.org/packages/x/y.whl'],
        source: 'pip network errors'
    },
    {
        id: 'pytest.failed',
        category: 'test_failure',
        patterns: [
            /^FAILED \S{1,300}::\S{1,300}/,
            /^E {2,}\S.{0,500}/,
            /^_{3,} \S.{0,300} _{3,}$/,
            /^(?:FAIL|ERROR): test\w* \([\w.]{1,300}\)/,
            /^\S{1,300}\.py:\d+: (?:AssertionError|assert )/
        ],
        strength: 3,
        confidence: 0.88,
        summary: 'A test failed: {line}',
        examples: [
            'FAILED tests/test_math.py::test_add - assert 3 == 4',
            'E       assert 3 == 4',
            '________________________________ test_add ________________________________',
            'FAIL: test_add (tests.test_math.MathTest)'
        ],
        source: 'pytest terminal reporter; unittest'
    },
    {
        id: 'pytest.summary',
        category: 'test_failure',
        patterns: [/^=+ (?:\d+ passed, )?\d+ failed\b.{0,200}=+$/, /^=+ short test summary info =+$/, /^FAILED \(failures=\d+(?:, errors=\d+)?\)$/],
        strength: 2,
        confidence: 0.7,
        summary: 'Tests failed: {line}',
        examples: ['=================== 1 failed, 10 passed in 0.52s ===================', '=========================== short test summary info ============================', 'FAILED (failures=1)'],
        source: 'pytest and unittest summaries'
    },
    {
        id: 'pytest.collection-error',
        category: 'build_error',
        patterns: [/^ERROR collecting \S{1,300}/, /ImportError while importing test module/, /^E\s+ModuleNotFoundError: No module named/],
        strength: 3,
        priority: 1,
        confidence: 0.8,
        summary: 'Tests could not be collected (import or syntax error): {line}',
        examples: ['ERROR collecting tests/test_app.py', "E   ModuleNotFoundError: No module named 'requests'"],
        source: 'pytest collection errors'
    },
    {
        id: 'python.import-or-syntax',
        category: 'build_error',
        patterns: [/^(?:ModuleNotFoundError|ImportError): (?:No module named|cannot import name) .{1,300}/, /^\s*SyntaxError: .{1,300}/, /^IndentationError: .{1,300}/],
        strength: 3,
        confidence: 0.75,
        summary: 'Python code cannot be imported: {line}',
        examples: ["ModuleNotFoundError: No module named 'yaml'", "ImportError: cannot import name 'x' from 'y' (/src/y.py)", 'SyntaxError: invalid syntax'],
        source: 'CPython import system and parser'
    },
    {
        id: 'python.lint',
        category: 'lint_or_format',
        patterns: [
            /^\S{1,500}\.pyi?:\d+:\d+: [A-Z]{1,4}\d{2,4}\b/,
            /^would reformat \S{1,500}/,
            /^Oh no! 💥 💔 💥/,
            /^ERROR: \S{1,500} Imports are incorrectly sorted/,
            /^Your code has been rated at -?[\d.]+\/10/,
            /^Found \d+ errors?\.(?: \[\*\] \d+ fixable)?/,
            /^\d+ files? would be reformatted/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'Lint or format check failed: {line}',
        examples: [
            './app/main.py:10:80: E501 line too long (88 > 79 characters)',
            'app/main.py:1:8: F401 [*] `os` imported but unused',
            'would reformat app/main.py',
            'ERROR: /home/runner/work/app/app/main.py Imports are incorrectly sorted and/or formatted.',
            'Found 3 errors.'
        ],
        source: 'flake8, ruff, black, isort, pylint output formats'
    },
    {
        id: 'mypy.error',
        category: 'build_error',
        patterns: [/^\S{1,500}\.pyi?:\d+(?::\d+)?: error: .{1,500}/, /^Found \d+ errors? in \d+ files? \(checked \d+ source files?\)/],
        strength: 3,
        confidence: 0.8,
        summary: 'Type checking failed: {line}',
        examples: ['app/main.py:12: error: Incompatible return value type (got "str", expected "int")  [return-value]', 'Found 2 errors in 1 file (checked 10 source files)'],
        source: 'mypy output'
    },
    {
        id: 'python.coverage-gate',
        category: 'code_quality_gate',
        patterns: [/FAIL Required test coverage of [\d.]+% not reached/, /Coverage failure: total of [\d.]+ is less than fail-under=[\d.]+/],
        strength: 3,
        priority: 1,
        confidence: 0.9,
        summary: 'Test coverage is below the required threshold: {line}',
        examples: ['FAIL Required test coverage of 80% not reached. Total coverage: 71.43%', 'Coverage failure: total of 71 is less than fail-under=80'],
        source: 'pytest-cov --cov-fail-under; coverage report --fail-under'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/resources.ts
const RESOURCE_RULES = [
    {
        id: 'resources.disk-full',
        category: 'runner_resource',
        patterns: [
            /No space left on device/i,
            /\bENOSPC\b/,
            /There is not enough space on the disk/,
            /Not enough space on the disk/,
            /You are running out of disk space/
        ],
        strength: 3,
        dominant: true,
        priority: 2,
        confidence: 0.95,
        summary: 'The runner ran out of disk space: {line}',
        examples: [
            '[ERROR] No space left on device',
            'bash: line 169: pom.bak9.xml: No space left on device',
            'Error: ENOSPC: no space left on device, write',
            'System.IO.IOException: There is not enough space on the disk.',
            'You are running out of disk space. The runner will stop working when the machine runs out of disk space. Free space left: 48 MB'
        ],
        source: 'POSIX ENOSPC (strerror); Windows ERROR_DISK_FULL; GitHub hosted-runner annotation; Maven/Jenkins corpus logs'
    },
    {
        id: 'resources.out-of-memory',
        category: 'runner_resource',
        patterns: [
            /JavaScript heap out of memory/,
            /Reached heap limit Allocation failed/,
            /java\.lang\.OutOfMemoryError/,
            /^(?:\w+\.)*MemoryError\b/,
            /Cannot allocate memory/,
            /std::bad_alloc/,
            /fatal error: runtime: out of memory/,
            /\bOOMKilled\b/,
            /Killed signal terminated program/,
            /The runner has run out of memory/,
            /There is insufficient memory for the Java Runtime Environment to continue/
        ],
        strength: 3,
        dominant: true,
        priority: 2,
        confidence: 0.88,
        summary: 'The build ran out of memory: {line}',
        examples: [
            'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
            'java.lang.OutOfMemoryError: Java heap space',
            'MemoryError',
            'fatal error: runtime: out of memory',
            'g++: fatal error: Killed signal terminated program cc1plus'
        ],
        source: 'V8 OOM message (dept/easy-genomics#160); JVM OutOfMemoryError; Go runtime; GCC when the kernel OOM-kills cc1'
    },
    {
        id: 'resources.killed',
        category: 'runner_resource',
        patterns: [
            /(?:^|: |line \d+: +\d+ +)Killed(?: {2,}\S.{0,300})?$/,
            /\bsignal: killed\b/,
            /exit(?:ed with)? code:? 137\b/,
            /\bError 137\b/,
            /Gradle build daemon disappeared unexpectedly/
        ],
        strength: 2,
        confidence: 0.6,
        summary: 'A process was killed (SIGKILL, usually the out-of-memory killer): {line}',
        examples: [
            'Killed',
            '/home/runner/work/_temp/abc.sh: line 1:  2345 Killed                  npm run build',
            'signal: killed',
            'Process completed with exit code 137.',
            'Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)'
        ],
        source: 'Linux OOM killer (SIGKILL, exit status 137)'
    },
    {
        id: 'ci.timeout-other-systems',
        category: 'job_timeout',
        patterns: [
            /The job exceeded the maximum time limit for jobs, and has been terminated/,
            /No output has been received in the last \d+m\d+s/,
            /Too long with no output \(exceeded [\dhms]{2,20}\)/,
            /Build timed out \(after \d+ minutes\)\. Marking the build as (?:failed|aborted)/
        ],
        strength: 3,
        dominant: true,
        confidence: 0.9,
        summary: 'The CI system stopped the job at its time limit: {line}',
        examples: [
            'The job exceeded the maximum time limit for jobs, and has been terminated.',
            'No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.',
            'Too long with no output (exceeded 10m0s): context deadline exceeded',
            'Build timed out (after 120 minutes). Marking the build as aborted.'
        ],
        source: 'Travis CI, CircleCI and the Jenkins build-timeout plugin'
    },
    {
        id: 'resources.agent-lost',
        category: 'runner_resource',
        patterns: [
            /hudson\.remoting\.Channel\$OrderlyShutdown/,
            /hudson\.remoting\.ChannelClosedException/,
            /Agent went offline during the build/,
            /Cannot contact [\w.-]{1,100}: java\.lang\.InterruptedException/,
            /Remote call on [\w.-]{1,100} failed/
        ],
        strength: 3,
        dominant: true,
        transient: true,
        confidence: 0.88,
        summary: 'The build agent disconnected during the build: {line}',
        examples: ['FATAL: hudson.remoting.Channel$OrderlyShutdown: Command Close created at', 'Agent went offline during the build'],
        source: 'Jenkins remoting (hudson.remoting.Channel); Jenkins agent logs in the corpus'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/rust.ts
const RUST_RULES = [
    {
        id: 'cargo.lockfile',
        category: 'dependency_conflict',
        patterns: [
            /the lock file \S{1,300} needs to be updated but --(?:locked|frozen) was passed/,
            /failed to select a version for the requirement `[^`]{1,200}`/,
            /no matching package named `[^`]{1,200}` found/
        ],
        strength: 3,
        confidence: 0.88,
        summary: 'Cargo cannot resolve the dependencies from the lock file: {line}',
        examples: [
            'error: the lock file /home/runner/work/app/Cargo.lock needs to be updated but --locked was passed to prevent this',
            'error: failed to select a version for the requirement `serde = "^9.0"`'
        ],
        source: 'cargo resolver errors'
    },
    {
        id: 'cargo.download',
        category: 'registry_or_download',
        patterns: [/failed to download (?:from|replaced source)/, /spurious network error \(\d+ tries? remaining\)/, /failed to get `[^`]{1,200}` as a dependency of package/],
        strength: 3,
        priority: 1,
        confidence: 0.8,
        summary: 'Cargo could not download a crate: {line}',
        examples: ['warning: spurious network error (2 tries remaining): [35] SSL connect error', 'error: failed to download from `https://static.crates.io/crates/serde/1.0.0/download`'],
        source: 'cargo network errors'
    },
    {
        id: 'rust.clippy-or-fmt',
        category: 'lint_or_format',
        patterns: [/rust-clippy\/master\/index\.html#/, /`-D clippy::[\w-]{1,100}` implied by `-D warnings`/, /^Diff in \S{1,500} at line \d+:/, /could not compile `[^`]{1,200}` \(\w+\) due to \d+ previous errors?; \d+ warnings? emitted.*clippy/],
        strength: 3,
        priority: 1,
        confidence: 0.85,
        summary: 'Clippy or rustfmt found problems: {line}',
        examples: ['  = note: `-D clippy::needless-return` implied by `-D warnings`', 'Diff in /home/runner/work/app/src/main.rs at line 3:'],
        source: 'clippy lint notes; cargo fmt --check'
    },
    {
        id: 'rustc.error',
        category: 'build_error',
        patterns: [/^error\[E\d{4}\]: (?<message>.{1,500})/, /^error: could not compile `[^`]{1,200}`/],
        strength: 3,
        confidence: 0.85,
        summary: 'The Rust code does not compile: {line}',
        examples: ['error[E0425]: cannot find value `x` in this scope', 'error: could not compile `app` (lib) due to 1 previous error'],
        source: 'rustc diagnostics'
    },
    {
        id: 'cargo.test-failed',
        category: 'test_failure',
        patterns: [/^test \S{1,300} \.\.\. FAILED$/, /^thread '[^']{1,300}' panicked at /, /^test result: FAILED\./, /^error: test failed, to rerun pass/],
        strength: 3,
        confidence: 0.85,
        summary: 'A Rust test failed: {line}',
        examples: ['test tests::adds ... FAILED', "thread 'tests::adds' panicked at src/lib.rs:10:9:", 'test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s'],
        source: 'libtest output'
    },
    {
        id: 'rust.toolchain',
        category: 'toolchain_setup',
        patterns: [/error: toolchain '[^']{1,100}' is not installed/, /package `[^`]{1,200}` cannot be built because it requires rustc [\d.]+ or newer/],
        strength: 3,
        confidence: 0.85,
        summary: 'The Rust toolchain set up for the job does not fit the project: {line}',
        examples: ["error: toolchain '1.99-x86_64-unknown-linux-gnu' is not installed", 'error: package `clap v4.5.0` cannot be built because it requires rustc 1.74 or newer, while the currently active rustc version is 1.70.0'],
        source: 'rustup and cargo rust-version checks'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/system.ts
const SYSTEM_RULES = [
    {
        id: 'apt.fetch-failed',
        category: 'registry_or_download',
        patterns: [/^E: Failed to fetch \S{1,500}/, /Hash Sum mismatch/, /^E: Unable to fetch some archives/, /^E: Release file for \S{1,300} is not valid yet/],
        strength: 3,
        confidence: 0.85,
        summary: 'apt could not download packages from the mirror: {line}',
        examples: ['E: Failed to fetch http://azure.archive.ubuntu.com/ubuntu/pool/main/x/x.deb  404  Not Found [IP: 52.147.219.192 80]', 'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?'],
        source: 'apt-get error messages'
    },
    {
        id: 'apt.package-missing',
        category: 'toolchain_setup',
        patterns: [/^E: (?:Unable to locate package|Package '[^']{1,200}' has no installation candidate)/, /^E: Couldn't find any package by (?:glob|regex)/],
        strength: 3,
        confidence: 0.8,
        summary: 'apt cannot find a package the job installs: {line}',
        examples: ['E: Unable to locate package libfoo-dev', "E: Package 'python2' has no installation candidate"],
        source: 'apt-get error messages'
    },
    {
        id: 'apt.lock',
        category: 'runner_resource',
        patterns: [/^E: Could not get lock \/var\/lib\/(?:dpkg|apt)/],
        strength: 3,
        transient: true,
        confidence: 0.8,
        summary: 'Another apt process held the package lock on the runner: {line}',
        examples: ['E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (unattended-upgr)'],
        source: 'apt-get error messages'
    },
    {
        id: 'toolchain.environment',
        category: 'toolchain_setup',
        patterns: [
            /error: externally-managed-environment/,
            /Cannot connect to the Docker daemon at /,
            /Failed to install the following Android SDK packages as some licences have not been accepted/,
            /Unable to locate executable file: \S{1,100}\. Please verify either the file path exists/
        ],
        strength: 3,
        confidence: 0.82,
        summary: 'The runner environment lacks or refuses something the job needs: {line}',
        examples: [
            'error: externally-managed-environment',
            'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
            "Error: Unable to locate executable file: pnpm. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable."
        ],
        source: 'pip PEP 668 error; docker CLI; Android sdkmanager; @actions/io which()'
    },
    {
        id: 'credentials.cloud-or-signing',
        category: 'permissions_or_credentials',
        patterns: [
            /Credentials could not be loaded, please check your action inputs/,
            /Could not load credentials from any providers/,
            /gpg: no valid OpenPGP data found/,
            /^npm (?:ERR!|error) code E40[13]\b/,
            /^npm (?:ERR!|error) 40[13] [\w ]{1,40} - (?:PUT|GET) https?:\/\//,
            /HTTPError: 403 Forbidden from https:\/\/upload\.pypi\.org/,
            /denied: (?:installation not allowed to \w+|permission_denied: \S{1,200})/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'A credential the job uses is missing, expired or lacks access: {line}',
        examples: [
            'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
            'gpg: no valid OpenPGP data found.',
            'npm ERR! code E401',
            'ERROR: denied: installation not allowed to Create organization package'
        ],
        source: 'aws-actions/configure-aws-credentials, gpg, npm publish, twine, GHCR'
    },
    {
        id: 'lint.pre-commit',
        category: 'lint_or_format',
        patterns: [/^- files were modified by this hook$/, /^\S.{0,100}\.{3,}\(no files to check\)Skipped$|^\S.{0,200}\.{3,}Failed$/],
        strength: 3,
        confidence: 0.85,
        summary: 'A pre-commit hook failed or rewrote files: {line}',
        examples: ['- files were modified by this hook', 'black....................................................................Failed'],
        source: 'pre-commit run output'
    },
    {
        id: 'c.compile-error',
        category: 'build_error',
        patterns: [
            /^\S{1,500}\.(?:c|cc|cpp|cxx|h|hh|hpp|m|mm|swift):\d+:\d+: (?:fatal )?error: (?<message>.{1,500})/,
            /undefined reference to `[^']{1,300}'/,
            /collect2: error: ld returned \d+ exit status/,
            /^CMake Error at \S{1,300}:\d+/,
            /^\*\* BUILD FAILED \*\*$/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'The native code does not compile or link: {line}',
        examples: [
            "src/main.c:12:5: error: 'count' undeclared (first use in this function)",
            "/usr/bin/ld: main.o: in function `main': main.c:(.text+0x1a): undefined reference to `compute'",
            'collect2: error: ld returned 1 exit status',
            'CMake Error at CMakeLists.txt:12 (find_package):'
        ],
        source: 'GCC/Clang diagnostics, GNU ld, CMake, xcodebuild'
    },
    {
        id: 'docker.dockerfile-missing',
        category: 'workflow_config',
        patterns: [/failed to (?:read|solve: failed to read) dockerfile: open \S{0,300}: no such file or directory/],
        strength: 3,
        confidence: 0.85,
        summary: 'The Dockerfile the workflow builds is not where it points: {line}',
        examples: ['ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory'],
        source: 'BuildKit'
    },
    {
        id: 'shell.command-not-found',
        category: 'toolchain_setup',
        patterns: [/^(?:\S{1,300}: )?(?:line \d+: )?[\w.+-]{1,100}: command not found$/, /^\S{1,300}: \d+: [\w.+-]{1,100}: not found$/],
        // Without `set -e` a script carries on after this, so it is a cause only when nothing else is.
        strength: 2,
        confidence: 0.65,
        summary: 'A command the job runs is not installed: {line}',
        examples: ['/home/runner/work/_temp/abc.sh: line 1: yarn: command not found', '/bin/sh: 1: make: not found'],
        source: 'bash and dash'
    },
    {
        id: 'service.codecov',
        category: 'service_dependency',
        patterns: [
            /Codecov: Failed to properly upload/,
            /There was an error running the uploader/,
            /Error uploading to \S{0,100}codecov\.io/,
            /Unable to locate build via Github Actions API/
        ],
        strength: 3,
        confidence: 0.82,
        summary: 'Uploading coverage to Codecov failed: {line}',
        examples: [
            "[2022-10-18T18:08:10.081Z] ['error'] There was an error running the uploader: Error uploading to [https://codecov.io:](https://codecov.io/) Error: There was an error fetching the storage URL during POST: 503",
            "Error: Codecov: Failed to properly upload: The process '/home/runner/work/_actions/codecov/codecov-action/v3/dist/codecov' failed with exit code 255"
        ],
        source: 'codecov uploader and codecov-action (crate/crate-python#451)'
    },
    {
        id: 'service.piped-html-script',
        category: 'service_dependency',
        patterns: [/^\/dev\/fd\/\d+: line \d+: (?:syntax error near unexpected token `<'|html: No such file or directory|<!DOCTYPE)/],
        strength: 3,
        confidence: 0.7,
        summary: 'A script piped from the network was an HTML error page: {line}',
        examples: ['/dev/fd/63: line 1: html: No such file or directory', "/dev/fd/63: line 2: syntax error near unexpected token `<'"],
        source: 'bash <(curl …) fed an HTML error page (codecov/codecov-bash#146)'
    },
    {
        id: 'tests.other-frameworks',
        category: 'test_failure',
        patterns: [
            /^FAILURES!$/,
            /^Tests: \d+, Assertions: \d+, (?:Errors: \d+, )?Failures: [1-9]/,
            /^There (?:was|were) \d+ failures?:$/,
            /^rspec \.\/\S{1,300}:\d+ # /,
            /^\d+ examples?, [1-9]\d* failures?/,
            /^\s+\d+ failed$/,
            /^\s+\[[\w-]{1,40}\] › \S{1,300}:\d+:\d+ › /,
            /^\*\* TEST FAILED \*\*$/
        ],
        strength: 3,
        confidence: 0.85,
        summary: 'Tests failed: {line}',
        examples: ['FAILURES!', 'Tests: 10, Assertions: 20, Failures: 1.', 'rspec ./spec/models/user_spec.rb:12 # User validates email', '3 examples, 1 failure', '  1 failed', '    [chromium] › tests/login.spec.ts:3:1 › logs in'],
        source: 'PHPUnit, RSpec, Playwright and xcodebuild reporters'
    },
    {
        id: 'lint.other-tools',
        category: 'lint_or_format',
        patterns: [/^\d+ files? inspected, [1-9]\d* offenses? detected/, /^Error: \S{1,300}:\d+:\d+: .{1,300} \(\w+\)$/, /^##\[error\]\S{1,300}:\d+:\d+: \w{1,40}: /],
        strength: 3,
        confidence: 0.8,
        summary: 'Lint errors: {line}',
        examples: ['12 files inspected, 3 offenses detected, 2 offenses autocorrectable'],
        source: 'RuboCop and similar linters'
    },
    {
        id: 'make.target-failed',
        category: 'other',
        patterns: [/^make(?:\[\d+\])?: \*\*\* \[[^\]]{1,300}\] Error \d+/],
        strength: 1,
        confidence: 0.25,
        summary: 'A make target failed: {line}',
        examples: ['make: *** [Makefile:27: test] Error 1'],
        source: 'GNU make'
    }
];

;// CONCATENATED MODULE: ./src/classify/rules/index.ts
/** The rule catalog: every family of signatures, most specific families first. */












const RULES = [
    ...GITHUB_RULES,
    ...RESOURCE_RULES,
    ...DOCKER_RULES,
    ...JVM_RULES,
    ...JAVASCRIPT_RULES,
    ...PYTHON_RULES,
    ...GO_RULES,
    ...RUST_RULES,
    ...DOTNET_RULES,
    ...SYSTEM_RULES,
    ...NETWORK_RULES,
    ...GENERIC_RULES
];

;// CONCATENATED MODULE: ./src/classify/match.ts
/** Which rule, if any, names a log line. */

/**
 * The best rule for a line: the highest priority, then the strongest, then the first in the
 * catalog. Lines are normalised and capped by triage, so every pattern runs on bounded input.
 */
function matchLine(text, rules = RULES) {
    let best = null;
    for (const rule of rules) {
        if (best && rank(rule) <= rank(best.rule))
            continue;
        for (const pattern of rule.patterns) {
            const m = pattern.exec(text);
            if (m) {
                best = { rule, groups: definedGroups(m) };
                break;
            }
        }
    }
    return best;
}
/** Lines that follow a match and can take it back (`unlessNext`). */
const LOOKAHEAD = 2;
/**
 * Rules for consecutive lines of a log (sorted by line number, possibly with gaps): a match is
 * dropped when a following line vetoes it, e.g. a Go test's log line followed by `--- PASS`.
 */
function matchLines(lines, rules = RULES) {
    return lines.map((line, i) => {
        const hit = matchLine(line.text, rules);
        const veto = hit?.rule.unlessNext;
        if (!hit || !veto)
            return hit;
        for (let j = i + 1; j <= i + LOOKAHEAD && j < lines.length; j++) {
            if (lines[j].n - line.n > LOOKAHEAD)
                break;
            if (veto.test(lines[j].text))
                return null;
        }
        return hit;
    });
}
function rank(rule) {
    return (rule.priority ?? 0) * 10 + rule.strength;
}
function definedGroups(m) {
    const groups = {};
    for (const [name, value] of Object.entries(m.groups ?? {}))
        if (value !== undefined)
            groups[name] = value;
    return groups;
}

;// CONCATENATED MODULE: ./src/classify/index.ts
/**
 * Rule-based classification of a triaged job log: who should act (DEVOPS or DEVELOPER), which
 * category, how sure, and the lines that prove it. Pure and deterministic.
 */


function classify(triage, context = {}) {
    if (context.runConclusion === 'startup_failure') {
        return {
            owner: 'DEVOPS',
            category: 'workflow_config',
            confidence: 0.8,
            transient: false,
            summary: 'The workflow could not start: the workflow file is invalid or refers to something that does not exist.',
            ruleId: 'context.startup-failure',
            engine: 'rules',
            evidence: [],
            fix: null
        };
    }
    const hits = [];
    const matches = matchLines(triage.excerpt.lines);
    triage.excerpt.lines.forEach((line, i) => {
        const hit = matches[i];
        if (hit)
            hits.push({ line, hit });
    });
    const decided = decide(hits, triage.failingStep?.range ?? null);
    if (decided?.dominant)
        return decided.diagnosis;
    if (context.jobConclusion === 'timed_out')
        return timedOut(triage);
    return decided?.diagnosis ?? unknown(triage);
}
/** The API says the job timed out even if the log (cut short) does not. */
function timedOut(triage) {
    return {
        owner: 'DEVOPS',
        category: 'job_timeout',
        confidence: 0.85,
        transient: false,
        summary: 'The job was stopped at its time limit.',
        ruleId: 'context.timed-out',
        engine: 'rules',
        evidence: triage.excerpt.lines.slice(-3),
        fix: { kind: 'raise-timeout', observedMinutes: null, description: 'The job stopped at its time limit: raise timeout-minutes or make it faster.' }
    };
}
/** Nothing known matched: say so, with low confidence, and point at what the log ends with. */
function unknown(triage) {
    const lines = triage.excerpt.lines;
    const telling = lines.find((l) => /\b(?:error|fail|fatal|exception)/i.test(l.text)) ?? lines[lines.length - 1];
    return {
        owner: 'DEVELOPER',
        category: 'other',
        confidence: 0.1,
        transient: false,
        summary: telling ? `No known failure signature; the most telling line is: ${clipText(telling.text.trim())}` : 'No known failure signature in the log.',
        ruleId: null,
        engine: 'rules',
        evidence: telling ? [telling] : [],
        fix: null
    };
}
function clipText(text) {
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/triage/fingerprint.ts
/**
 * A short id of "this failure": the same when a re-run differs only in numbers, hashes, temp
 * paths, timestamps, ports or ids; different when the cause or the job differs. It keys fix PR
 * branches, Slack threads and the LLM memo, so it must stay stable across versions of this code
 * unless the change is deliberate.
 */

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const TEMP_PATH = /(?:\/tmp|\/var\/folders|\/private\/var\/folders|\/home\/runner\/work\/_temp|[a-z]:\\users\\[^\\\s]{1,100}\\appdata\\local\\temp|\/github\/home)(?:[/\\][^\s'"`)\]]{0,300})?/g;
const HEX = /\b(?:0x)?(?=[0-9a-f]{0,200}\d)[0-9a-f]{7,}\b/g;
const TIMESTAMP = /\b\d{4}-\d\d-\d\d[t ]\d\d:\d\d:\d\d(?:[.,]\d+)?z?\b/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
/** One line as it enters the fingerprint. */
function stableText(text) {
    return text
        .toLowerCase()
        .replace(UUID, '<id>')
        .replace(TEMP_PATH, '<tmp>')
        .replace(TIMESTAMP, '<time>')
        .replace(HEX, '<hex>')
        .replace(NUMBER, '0')
        .replace(/\s+/g, ' ')
        .trim();
}
/** 16 lowercase hex characters of SHA-256 over the parts. */
function fingerprintOf(parts) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for (const part of parts)
        hash.update(part).update('\n');
    return hash.digest('hex').slice(0, 16);
}

;// CONCATENATED MODULE: ./src/triage/signals.ts

/** Boilerplate printed after every failure of a tool: never the cause. */
const NOISE = [
    /^\[ERROR\]\s*(?:-> \[Help \d+\]|To see the full stack trace|Re-run Maven using|For more information about the errors|\[Help \d+\] https?:|After correcting the problems|mvn <goals>|$)/,
    /^\[ERROR\]\s*$/,
    /^(?:\* Try:|> Run with --(?:stacktrace|info|debug|scan)|\* Get more help at|> Get more help at)/,
    /^npm (?:ERR!|error) (?:A complete log of this run can be found in|This is probably not a problem with npm|Log files were not written)/,
    /^info Visit https:\/\/yarnpkg\.com\/en\/docs\/cli\//,
    /^ERROR: Step .{1,200} failed: .{1,300} does not exist\.$/,
    /^\S{1,300}\/archive does not exist\.$/,
    /^Build step '[^']{1,200}' marked build as failure$/,
    /^Finished: (?:FAILURE|ABORTED)$/,
    /^Error: Maven compile original project unsuccessful!$/,
    /^(?:BUILD FAILED in \S+|BUILD FAILURE|FAILURE: Build failed with an exception\.)$/,
    /^\d+ actionable tasks?: /,
    /^Warning: Debugging artifacts are unavailable/
];
const GENERIC_FAILURE = /\b(?:error|fail(?:ed|ure)?|fatal|exception|panic|denied|abort(?:ed)?)\b/i;
/** Score of one line, given the rule (if any) that names it. */
function lineSignal(text, marker, hit) {
    if (text === '')
        return { score: 0, noise: false };
    if (NOISE.some((p) => p.test(text)))
        return { score: 0, noise: true };
    if (hit) {
        const base = hit.rule.strength === 3 ? 6 : hit.rule.strength === 2 ? 3.5 : 1.2;
        return { score: base + (hit.rule.dominant ? 1 : 0), noise: false };
    }
    if (marker === 'error')
        return { score: 2.5, noise: false };
    if (marker === 'warning')
        return { score: 0.5, noise: false };
    if (marker === 'command' || marker === 'debug')
        return { score: 0, noise: true };
    return { score: GENERIC_FAILURE.test(text) ? 0.8 : 0, noise: false };
}
/** Does this line continue the error above it (stack frame, indented detail, caret marker)? */
function continuesError(text) {
    return /^\s/.test(text) || /^(?:Caused by:|Also:|\.\.\. \d+ more|\[ERROR\] {2,}|E {2,}|>\s|\||-{3,}|[~^]+$|Suppressed:)/.test(text);
}
/**
 * The same message printed again (Maven repeats every compiler error in its summary, runners
 * repeat the last error line, a loop prints one error per file): its key drops prefixes,
 * decoration and numbers.
 */
function echoKey(text) {
    return stableText(text.replace(/^\s*(?:\[(?:ERROR|WARN(?:ING)?|INFO)\]|(?:##\[error\]|Error|ERROR|error|FATAL|fatal):?)\s*/, '').replace(/\s*-> \[Help \d+\]$/, ''));
}

;// CONCATENATED MODULE: ./src/triage/excerpt.ts
/**
 * Picks the few lines that state the cause. Every kept line has a score; lines that score high
 * seed a region, which grows over the lines that continue it (stack frames, indented details).
 * Regions are ranked (score, then position: the first real error beats its echoes) and taken
 * while they fit the budget and still say something comparable to the best one.
 */

const SEED = 2;
const WEAK_SEED = 1;
/** Lines before a region that introduce it ("Run …", "> Task … FAILED", "remote: …"). */
const LEAD_IN = 2;
/** Lines after the last seed of a region that may continue it. */
const MAX_CONTINUATION = 10;
/** Plain lines after a region that finish its sentence ("The list of available versions is …"). */
const TRAILER = 1;
/** A region longer than this keeps its head, so one flood of errors cannot fill the budget. */
const REGION_CAP = 24;
/** Regions scoring below this share of the best one are left out. */
const KEEP_RATIO = 0.5;
/** Indices into `lines` (sorted by line number) of the excerpt, in log order. */
function selectExcerpt(lines, budget) {
    let seeds = lines.map((l, i) => (l.score >= SEED ? i : -1)).filter((i) => i >= 0);
    if (seeds.length === 0)
        seeds = lines.map((l, i) => (l.score >= WEAK_SEED ? i : -1)).filter((i) => i >= 0);
    if (seeds.length === 0)
        return [];
    const regions = mergeRegions(seeds.map((i) => grow(lines, i)), lines);
    regions.sort((a, b) => b.score - a.score || a.first - b.first);
    const floor = regions[0].score * KEEP_RATIO;
    const chosen = [];
    let chars = 0;
    for (const region of regions) {
        if (region.score < floor || chosen.length >= budget.maxLines)
            break;
        const end = Math.min(region.last, region.first + REGION_CAP - 1);
        for (let i = region.first; i <= end && chosen.length < budget.maxLines; i++) {
            const length = Math.min(lines[i].text.length, budget.lineChars) + 1;
            if (chars + length > budget.maxChars && chosen.length > 0)
                break;
            chars += length;
            chosen.push(i);
        }
    }
    return chosen.sort((a, b) => a - b);
}
function toRanges(lineNumbers) {
    const ranges = [];
    for (const n of lineNumbers) {
        const last = ranges[ranges.length - 1];
        if (last && n === last.end + 1)
            last.end = n;
        else
            ranges.push({ start: n, end: n });
    }
    return ranges;
}
/** A seed, the lines that lead into it, the lines that continue it. */
function grow(lines, seed) {
    const adjacent = (i, j) => lines[j] !== undefined && lines[i] !== undefined && lines[j].n === lines[i].n + 1;
    const context = (i) => !lines[i].quiet && !lines[i].noise && lines[i].text.trim() !== '';
    let first = seed;
    while (seed - first < LEAD_IN && adjacent(first - 1, first) && context(first - 1))
        first--;
    let last = seed;
    let since = 0;
    let score = lines[seed].score;
    for (let i = seed + 1; adjacent(i - 1, i) && since < MAX_CONTINUATION; i++) {
        const line = lines[i];
        if (line.score >= SEED) {
            last = i;
            since = 0;
            score = Math.max(score, line.score);
            continue;
        }
        if (line.quiet)
            break;
        // A blank line (Jest puts one under each failing test's title) or a line of boilerplate
        // inside a block does not end it when the block goes on right after.
        const next = lines[i + 1];
        const goesOn = adjacent(i, i + 1) && next.text.trim() !== '' && !next.quiet && (continuesError(next.text) || next.score >= WEAK_SEED);
        const inside = (line.text.trim() === '' || line.noise) && goesOn;
        if (!inside && (line.text.trim() === '' || line.noise || !(continuesError(line.text) || line.score >= WEAK_SEED)))
            break;
        last = i;
        since++;
    }
    for (let t = 0; t < TRAILER && adjacent(last, last + 1) && context(last + 1); t++)
        last++;
    return { first, last, score };
}
/** Overlapping or touching regions become one; many seeds together add a little weight. */
function mergeRegions(regions, lines) {
    const merged = [];
    const seedsIn = new Map();
    for (const region of [...regions].sort((a, b) => a.first - b.first)) {
        const last = merged[merged.length - 1];
        if (last && region.first <= last.last + 1 && lines[region.first].n <= lines[last.last].n + 1) {
            last.last = Math.max(last.last, region.last);
            last.score = Math.max(last.score, region.score);
            seedsIn.set(last, (seedsIn.get(last) ?? 1) + 1);
        }
        else {
            const copy = { ...region };
            merged.push(copy);
            seedsIn.set(copy, 1);
        }
    }
    for (const region of merged)
        region.score += 0.15 * Math.min(3, (seedsIn.get(region) ?? 1) - 1);
    return merged;
}

;// CONCATENATED MODULE: ./src/triage/line-blocks.ts
/**
 * Turns a stream of arbitrary chunks into blocks of whole lines, in bounded memory: a line is
 * never split across blocks, a line longer than the cap keeps its head and the rest is dropped
 * (so a 10 MB line without a newline costs at most the cap), and reading stops at the byte cap.
 * Small chunks (an HTTP download delivers 16–64 KB) are gathered into blocks of at least
 * MIN_BLOCK bytes, since each block has a fixed cost downstream.
 * Work is on bytes: LF never occurs inside a UTF-8 multi-byte sequence, so a block never cuts a
 * character, and decoding is left to the few lines that are looked at.
 */
const MIN_BLOCK = 256 * 1024;
class line_blocks_LineBlocks {
    /** Bytes consumed (after the byte cap, nothing more is consumed). */
    bytes = 0;
    /** True once the byte cap or a cut line dropped content. */
    truncated = false;
    /** True once the byte cap is reached: the caller stops reading. */
    done = false;
    maxLineBytes;
    maxBytes;
    /** Whole lines waiting for the block to fill up. */
    lines = [];
    linesLength = 0;
    /** The start of a line whose LF has not arrived yet. */
    partial = [];
    partialLength = 0;
    skippingRestOfLine = false;
    atStart = true;
    constructor(maxLineBytes, maxBytes) {
        this.maxLineBytes = maxLineBytes;
        this.maxBytes = maxBytes;
    }
    /** Adds a chunk; returns a block of complete lines (each ending with LF) once there is enough. */
    push(input) {
        let chunk = input;
        if (this.done || chunk.length === 0)
            return null;
        if (this.bytes + chunk.length > this.maxBytes) {
            // Only now is it known that the log goes on past the cap.
            chunk = chunk.subarray(0, this.maxBytes - this.bytes);
            this.truncated = true;
            this.done = true;
        }
        this.bytes += chunk.length;
        if (this.atStart) {
            this.atStart = false;
            // A UTF-8 byte-order mark is not content.
            if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)
                chunk = chunk.subarray(3);
        }
        let from = 0;
        if (this.skippingRestOfLine) {
            const newline = chunk.indexOf(10);
            if (newline < 0)
                return null;
            this.skippingRestOfLine = false;
            // Keep the LF: it ends the truncated line held in `partial`.
            from = newline;
        }
        const last = chunk.lastIndexOf(10);
        if (last < from) {
            this.hold(chunk.subarray(from));
            return null;
        }
        const complete = chunk.subarray(from, last + 1);
        const rest = chunk.subarray(last + 1);
        const waiting = this.linesLength + this.partialLength;
        let block = null;
        if (waiting + complete.length >= MIN_BLOCK) {
            // One copy at most: the waiting lines, the line this chunk completes, and the chunk's lines.
            block = waiting === 0 ? complete : Buffer.concat([...this.lines, ...this.partial, complete], waiting + complete.length);
            this.lines = [];
            this.linesLength = 0;
        }
        else {
            this.lines.push(...this.partial, copy(complete));
            this.linesLength = waiting + complete.length;
        }
        this.partial = [];
        this.partialLength = 0;
        this.hold(rest);
        return block;
    }
    /** What is left at the end of the stream, the last line included even without LF. */
    end() {
        this.lines.push(...this.partial);
        this.linesLength += this.partialLength;
        this.partial = [];
        this.partialLength = 0;
        return this.linesLength > 0 ? this.flushLines() : null;
    }
    flushLines() {
        const block = this.lines.length === 1 ? this.lines[0] : Buffer.concat(this.lines, this.linesLength);
        this.lines = [];
        this.linesLength = 0;
        return block;
    }
    hold(part) {
        if (part.length === 0)
            return;
        const room = this.maxLineBytes - this.partialLength;
        let kept = part;
        if (part.length > room) {
            kept = part.subarray(0, Math.max(0, room));
            this.skippingRestOfLine = true;
            this.truncated = true;
        }
        if (kept.length === 0)
            return;
        this.partial.push(copy(kept));
        this.partialLength += kept.length;
    }
}
/** Bytes kept past this call are copied: the caller may reuse its chunk buffer. */
function copy(bytes) {
    const out = new Uint8Array(bytes.length);
    out.set(bytes);
    return out;
}

;// CONCATENATED MODULE: ./src/triage/redact.ts
/**
 * Secrets are masked before any line leaves triage (excerpt, signature, evidence). The runner
 * masks only secrets it knows; transformed or unregistered credentials still reach the log.
 * Patterns follow gitleaks and the secretlint recommended preset (see
 * ../shared/research/security-anchors.md §4); every quantifier is bounded, so a capped line
 * cannot make them backtrack.
 */
const PATTERNS = [
    {
        family: 'private-key',
        pattern: /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,10000}?(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|$)/g,
        replace: '[redacted:private-key]'
    },
    { family: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, replace: '[redacted:github-token]' },
    { family: 'aws-access-key', pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g, replace: '[redacted:aws-access-key]' },
    { family: 'slack-webhook', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{8,300}/g, replace: '[redacted:slack-webhook]' },
    { family: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,250}|\bxapp-\d-[A-Za-z0-9-]{10,250}/g, replace: '[redacted:slack-token]' },
    { family: 'anthropic-key', pattern: /\bsk-ant-[a-z]{2,10}\d{2}-[A-Za-z0-9_-]{20,200}/g, replace: '[redacted:anthropic-key]' },
    { family: 'openai-key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}/g, replace: '[redacted:openai-key]' },
    { family: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, replace: '[redacted:npm-token]' },
    { family: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,100}/g, replace: '[redacted:gitlab-token]' },
    { family: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: '[redacted:google-api-key]' },
    { family: 'stripe-key', pattern: /\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,200}/g, replace: '[redacted:stripe-key]' },
    { family: 'pypi-token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,300}/g, replace: '[redacted:pypi-token]' },
    {
        family: 'jwt',
        pattern: /\beyJ[A-Za-z0-9_-]{6,4000}\.eyJ[A-Za-z0-9_-]{6,4000}\.[A-Za-z0-9_-]{0,4000}/g,
        replace: '[redacted:jwt]'
    },
    {
        family: 'url-credentials',
        pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)[^\s:@/]{1,200}:[^\s@/]{1,200}@/gi,
        replace: '$1[redacted:url-credentials]@'
    },
    {
        family: 'auth-header',
        pattern: /\b(Authorization:\s{0,5}(?:Bearer|Basic|token|Token|Bot)\s{1,5}|Bearer\s{1,5}|Basic\s{1,5})(?=[A-Za-z0-9._~+/=-]{0,500}[0-9=])[A-Za-z0-9._~+/=-]{8,2000}/g,
        replace: '$1[redacted:auth-header]'
    },
    {
        family: 'assignment',
        // KEY=value, KEY: value, "key": "value" where the key names a credential.
        pattern: /\b([A-Za-z0-9_.-]{0,40}?(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|sig)["']?\s{0,5}[:=]\s{0,5}["']?)(?!\*\*\*|\[redacted)[^\s"'&,;]{4,2000}/gi,
        replace: '$1[redacted:assignment]'
    }
];
/** Lines that are only base64 and long: the body of a key whose BEGIN line is not in view. */
const BASE64_BODY = /^\s{0,20}[A-Za-z0-9+/]{60,}={0,2}\s*$/;
function redact(text, counts) {
    let out = text;
    if (BASE64_BODY.test(out)) {
        bump(counts, 'base64-blob');
        return '[redacted:base64-blob]';
    }
    for (const { family, pattern, replace } of PATTERNS) {
        pattern.lastIndex = 0;
        if (!pattern.test(out))
            continue;
        pattern.lastIndex = 0;
        out = out.replace(pattern, (...args) => {
            bump(counts, family);
            const prefix = typeof args[1] === 'string' && replace.startsWith('$1') ? args[1] : '';
            return replace.startsWith('$1') ? prefix + replace.slice(2) : replace;
        });
    }
    return out;
}
/**
 * Cuts a (redacted) line to `max` characters for display, keeping its head and its tail: tools
 * often put the cause at the end of a long line ("… -> No space left on device"). When the source
 * line itself was cut before redaction, its tail may hold the head of a secret no pattern could
 * recognise: that fragment is masked.
 */
function clip(text, max, sourceWasCut = false) {
    let out = text;
    if (sourceWasCut) {
        const tailStart = Math.max(out.lastIndexOf(' '), out.lastIndexOf('\t')) + 1;
        if (out.length - tailStart >= 8)
            out = out.slice(0, tailStart) + '[cut]';
    }
    if (out.length <= max)
        return out;
    const tail = Math.floor((max - 3) * 0.4);
    return `${out.slice(0, max - 3 - tail)} … ${out.slice(out.length - tail)}`;
}
function bump(counts, family) {
    if (counts)
        counts[family] = (counts[family] ?? 0) + 1;
}

;// CONCATENATED MODULE: ./src/triage/segments.ts
const MAX_SEGMENTS = 2000;
const SETUP = 'Set up job';
class SegmentTracker {
    segments = [{ name: SETUP, start: 1, headerEnd: null, bookkeeping: true }];
    openHeader = null;
    /** Whether the log looked like a GitHub job log at all (a step header or the runner preamble). */
    isJobLog = false;
    group(line, title, cliStep) {
        if (!/^Run /.test(title))
            return;
        this.isJobLog = true;
        const segment = { name: cliStep ?? title.slice(0, 200), start: line, headerEnd: null, bookkeeping: false };
        this.openHeader = this.add(segment) ? segment : null;
    }
    runnerPreamble() {
        this.isJobLog = true;
    }
    endgroup(line) {
        if (this.openHeader) {
            this.openHeader.headerEnd = line;
            this.openHeader = null;
        }
    }
    postJob(line, title) {
        const current = this.segments[this.segments.length - 1];
        // Post steps and the job's end are one bookkeeping segment.
        if (current.bookkeeping && current.start !== 1)
            return;
        this.add({ name: title, start: line, headerEnd: null, bookkeeping: true });
        this.openHeader = null;
    }
    /** Past the cap (a log of thousands of steps), later steps fold into the last one kept. */
    add(segment) {
        if (this.segments.length >= MAX_SEGMENTS)
            return false;
        this.segments.push(segment);
        return true;
    }
}
function segmentIndexOf(segments, line) {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segments[mid].start <= line)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
function segmentRange(segments, index, totalLines) {
    const next = segments[index + 1];
    return { start: segments[index].start, end: next ? next.start - 1 : Math.max(totalLines, segments[index].start) };
}
/**
 * Which segment failed. `errorLines` are runner error markers; `fallbackLine` is where the
 * strongest cause line sits, used when nothing else tells. Logs that are not GitHub job logs
 * (Jenkins, a pasted excerpt) have no steps to name.
 */
function findFailingSegment(segments, steps, errorLines, fallbackLine, isJobLog) {
    const fromApi = steps && steps.length > 0 ? failingFromApi(segments, steps, errorLines) : null;
    if (fromApi)
        return fromApi;
    if (!isJobLog)
        return null;
    const marked = errorLines.map((line) => segmentIndexOf(segments, line)).filter((i) => i === 0 || !segments[i].bookkeeping);
    const index = marked.length > 0 ? marked[marked.length - 1] : fallbackLine !== null ? segmentIndexOf(segments, fallbackLine) : null;
    return index === null ? null : { index, name: segments[index].name, number: null };
}
function failingFromApi(segments, steps, errorLines) {
    const ordered = [...steps].sort((a, b) => a.number - b.number);
    const failed = ordered.find((s) => s.conclusion === 'failure' || s.conclusion === 'timed_out' || s.conclusion === 'cancelled');
    if (!failed)
        return null;
    if (failed.name === SETUP)
        return { index: 0, name: failed.name, number: failed.number };
    // Steps that print a `Run` header: everything but runner bookkeeping and skipped steps.
    const ran = ordered.filter((s) => s.name !== SETUP && s.name !== 'Complete job' && !/^Post /.test(s.name) && s.conclusion !== 'skipped');
    const logSteps = segments.map((s, i) => ({ s, i })).filter(({ s }) => !s.bookkeeping);
    const position = ran.indexOf(failed);
    if (ran.length === logSteps.length && position >= 0) {
        return { index: logSteps[position].i, name: failed.name, number: failed.number };
    }
    // Composite actions print nested `Run` headers, so counts can differ: keep the API's name and
    // place it on the last step with an error marker.
    const marked = errorLines.map((line) => segmentIndexOf(segments, line)).filter((i) => !segments[i].bookkeeping);
    const index = marked.length > 0 ? marked[marked.length - 1] : logSteps.length > 0 ? logSteps[logSteps.length - 1].i : 0;
    return { index, name: failed.name, number: failed.number };
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/triage/candidates.ts
/**
 * The bounded memory of triage: windows of raw log lines around keyword hits. A huge log can hold
 * hundreds of thousands of hits; the store keeps the most telling windows (highest keyword
 * weight, the earliest on ties, since the first real error beats its echoes) plus, always, the
 * most recent windows (the job stops right after the step that failed). Windows keep raw bytes:
 * only the survivors are decoded, once, at the end.
 */
const RECENT_WINDOWS = 8;
const MAX_RANKED_WINDOWS = 400;
const MAX_RANKED_LINES = 4000;
class CandidateStore {
    /** Ranked windows by weight bucket, each bucket in log order. */
    buckets = new Map();
    rankedWindows = 0;
    rankedLines = 0;
    recent = [];
    /** Would a window of this weight and size get in? Decided before copying its lines. */
    wouldAccept(weight, lines) {
        if (this.rankedWindows < MAX_RANKED_WINDOWS && this.rankedLines + lines <= MAX_RANKED_LINES)
            return true;
        return weight > this.lowestWeight();
    }
    addRanked(window) {
        if (!this.wouldAccept(window.weight, window.lines.length))
            return;
        const bucket = this.buckets.get(window.weight) ?? [];
        bucket.push(window);
        this.buckets.set(window.weight, bucket);
        this.rankedWindows++;
        this.rankedLines += window.lines.length;
        while (this.rankedWindows > MAX_RANKED_WINDOWS || this.rankedLines > MAX_RANKED_LINES) {
            const evicted = this.buckets.get(this.lowestWeight()).pop();
            this.rankedWindows--;
            this.rankedLines -= evicted.lines.length;
        }
    }
    /** Adds to the recent ring; returns the windows it pushed out, oldest first. */
    addRecent(window) {
        this.recent.push(window);
        return this.recent.length > RECENT_WINDOWS ? this.recent.splice(0, this.recent.length - RECENT_WINDOWS) : [];
    }
    /** Every kept window, in log order. */
    windows() {
        const all = [...this.recent];
        for (const bucket of this.buckets.values())
            all.push(...bucket);
        return all.sort((a, b) => a.start - b.start);
    }
    lowestWeight() {
        let lowest = Infinity;
        for (const [weight, bucket] of this.buckets)
            if (bucket.length > 0 && weight < lowest)
                lowest = weight;
        return lowest;
    }
}

;// CONCATENATED MODULE: ./src/triage/keywords.ts
/**
 * Words that make a log line worth a closer look. The scanner finds them in one pass over the raw
 * bytes (case-insensitive for ASCII), so every line of a large log is seen without decoding or a
 * regex per line. Weights only order lines while the log streams (so the bounded candidate store
 * keeps the most telling ones); the kept lines are rescored with the rule catalog at the end.
 *
 * Every rule in src/classify/rules must fire on a line holding one of these words: a test checks it.
 */
/** Kinds of structural lines the stream tracks besides their weight. */
const KIND_ERROR_MARKER = 1;
const KIND_GROUP = 2;
const KIND_ENDGROUP = 4;
const KIND_POST_JOB = 8;
const KIND_BINARY = 16;
const KIND_RUNNER = 32;
/** Very specific: runner, resource, network and registry messages, tool failure headers. */
const STRONG = [
    'no space left', 'out of memory', 'heap limit', 'oomkilled', 'cannot allocate memory',
    'toomanyrequests', 'too many requests', 'rate limit', 'not accessible by integration',
    'lost communication', 'shutdown signal', 'maximum execution time', 'has timed out',
    'deprecated version of', 'missing download info', 'unable to resolve action', "can't find 'action.y",
    'unhealthy', 'service unavailable', 'bad gateway', 'gateway time', 'internal server error',
    'connection reset', 'econnreset', 'etimedout', 'econnrefused', 'eai_again', 'enotfound',
    'socket hang up', 'could not resolve host', 'name resolution', 'not known', 'handshake',
    'i/o timeout', 'unreachable', 'segmentation fault', 'core dumped', 'unsafe repository',
    'dubious ownership', 'what went wrong', 'failed to execute goal', 'traceback', 'panic:', 'panicked',
    'error[e', 'npm err!', 'err_pnpm', 'eresolve', 'short test summary', 'build failed', 'build failure',
    'compilation failure', 'could not compile', 'would reformat', 'threshold',
    'vulnerabilit', 'lockfile', 'in sync', 'not up-to-date', 'not up to date', 'resolutionimpossible',
    'no matching distribution', 'could not transfer', 'could not resolve', 'failed to fetch',
    'unable to locate package', 'hash sum mismatch', 'is not defined', 'not a valid', 'invalid workflow',
    'unrecognized named-value', 'bad credentials', 'authentication failed', 'permission denied',
    'the operation was canceled', 'startup failure', 'exit code 137', 'exit code 143', 'disk space', 'went offline',
    'bad class file', 'wrong version', 'code style issues', 'changed significantly', 'to go.mod needed', 'requires go',
    'installation candidate', 'server misbehaving', 'dial tcp', 'line too long', 'not supplied', 'unexpected input',
    'could not read username', 'password authentication', 'repository not found', 'insufficient memory', 'disappeared',
    'maximum time limit', 'no output has been received', 'too long with no output', 'externally-managed', 'docker daemon',
    'licences have not been accepted', 'unable to locate', 'openpgp', 'modified by this hook', 'undefined reference',
    'collect2', 'cmake error', 'offenses detected', '....failed', 'failures!',
    '\u25cf', '\u2715', '\u2716', '\u00d7 '
];
/** Failure words that usually sit on the cause line. */
const MEDIUM = [
    'fatal', 'exception', 'failed', 'failure', 'cannot', 'could not', "couldn't", 'unable to', 'denied',
    'refused', 'timed out', 'timeout', 'not found', 'no such', 'invalid', 'conflict', 'exceeded', 'abort',
    'unauthorized', 'forbidden', 'undefined', 'exit code', 'exit status', 'deprecat', 'mismatch',
    'unexpected', 'syntax', 'incompatible', 'cannot find symbol', 'unresolved', 'killed', 'crash',
    'assert', 'expected', 'problems', 'violation', 'unused', 'missing', "can't", 'not installed', 'coverage',
    'refusing', 'rejected', 'non-zero', 'banned', 'minimum supported', 'not ok', '__ test', 'go.sum', 'clippy',
    'credentials', 'rspec ./', ' › '
];
/** Generic words: the line may be an echo or noise, but it is a candidate. */
const WEAK = ['error', 'fail', 'warning:', 'warn ', '[warn]', '.py:', 'diff in '];
const KEYWORDS = [
    ...STRONG.map((text) => ({ text, weight: 3 })),
    ...MEDIUM.map((text) => ({ text, weight: 2 })),
    ...WEAK.map((text) => ({ text, weight: 1 })),
    // Runner markers: the runner writes these itself, so they also carry structure.
    // No closing bracket: the scanner reports the first word that ends on a line, and 'error' ends there.
    { text: '##[error', weight: 2, kind: KIND_ERROR_MARKER },
    { text: '::error', weight: 2, kind: KIND_ERROR_MARKER },
    { text: '##[warning', weight: 1 },
    { text: '::warning', weight: 1 },
    { text: '##[group]', weight: 0, kind: KIND_GROUP },
    { text: '::group::', weight: 0, kind: KIND_GROUP },
    { text: '##[endgroup]', weight: 0, kind: KIND_ENDGROUP },
    { text: '::endgroup::', weight: 0, kind: KIND_ENDGROUP },
    { text: 'post job cleanup.', weight: 0, kind: KIND_POST_JOB },
    { text: 'cleaning up orphan processes', weight: 0, kind: KIND_POST_JOB },
    { text: 'current runner version', weight: 0, kind: KIND_RUNNER },
    { text: 'prepare workflow directory', weight: 0, kind: KIND_RUNNER }
];
/** Control bytes that never appear in text (TAB, LF, CR and ESC excluded). */
const BINARY_BYTES = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 127
];

;// CONCATENATED MODULE: ./src/triage/normalize.ts
/**
 * One raw log line → the text a person would read: runner timestamps, colour codes and other
 * escape sequences, runner markers and workflow commands, progress-bar overwrites, invisible
 * (bidi, zero-width, tag) and control characters removed. Every pattern here is linear: lines
 * are capped before they get here, and no pattern nests quantifiers.
 */
const GH_CLI_PREFIX = /^([^\t]{1,200})\t([^\t]{1,300})\t(?=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/;
const normalize_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ?/;
// CSI (colours, cursor), OSC (links, titles, clipboard) up to BEL/ST, DCS/SOS/PM/APC strings,
// character-set designations (ESC ( B) and two-byte escapes. A lone ESC is left to the
// control-character pass.
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]{1,3}[0-~]|[@-Z\\-_])/g;
const RUNNER_MARKER = /^##\[(error|warning|notice|debug|group|endgroup|command|section)\]/i;
const WORKFLOW_COMMAND = /^::([a-z][a-z-]{0,30})(?: ([^:]{0,2000}))?::/;
const WORKFLOW_COMMANDS = new Set([
    'error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'add-mask', 'stop-commands', 'set-output',
    'set-env', 'add-path', 'save-state', 'echo', 'add-matcher', 'remove-matcher'
]);
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/gu;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]+/g;
function normalizeLine(raw) {
    let text = raw;
    if (text.includes('\r'))
        text = lastVisibleSegment(text);
    let step = null;
    const cli = GH_CLI_PREFIX.exec(text);
    if (cli) {
        step = cli[2];
        text = text.slice(cli[0].length);
    }
    text = text.replace(normalize_TIMESTAMP, '');
    if (text.includes('\x1b'))
        text = text.replace(ESCAPES, '');
    let marker = null;
    const runner = RUNNER_MARKER.exec(text);
    if (runner) {
        marker = runner[1].toLowerCase();
        text = text.slice(runner[0].length);
    }
    else {
        // The runner trims leading whitespace before it looks for a workflow command.
        const trimmed = text.trimStart();
        if (trimmed.startsWith('::')) {
            const command = WORKFLOW_COMMAND.exec(trimmed);
            if (command && WORKFLOW_COMMANDS.has(command[1])) {
                ;
                ({ text, marker } = workflowCommand(command[1], command[2] ?? '', trimmed.slice(command[0].length)));
            }
        }
    }
    text = text.replace(INVISIBLE, '').replace(CONTROLS, '\ufffd').trimEnd();
    return { text, marker, step };
}
/** A progress bar rewrites its line with CR: what was shown last is what counts. */
function lastVisibleSegment(line) {
    const segments = line.split('\r');
    for (let i = segments.length - 1; i >= 0; i--)
        if (segments[i].trim() !== '')
            return segments[i];
    return '';
}
function workflowCommand(name, properties, message) {
    switch (name) {
        case 'error':
        case 'warning':
        case 'notice': {
            const location = annotationLocation(properties);
            return { text: location ? `${location}: ${message}` : message, marker: name };
        }
        case 'debug':
            return { text: message, marker: 'debug' };
        case 'group':
            return { text: message, marker: 'group' };
        case 'endgroup':
            return { text: '', marker: 'endgroup' };
        case 'add-mask':
            // The value is a secret the workflow asked the runner to hide.
            return { text: '[redacted:add-mask]', marker: 'command' };
        default:
            // stop-commands tokens, set-output values, state: nothing a reader needs, and nothing that
            // may be echoed back as a command.
            return { text: `[workflow command: ${name}]`, marker: 'command' };
    }
}
function annotationLocation(properties) {
    const fields = new Map();
    for (const pair of properties.split(',')) {
        const eq = pair.indexOf('=');
        if (eq > 0)
            fields.set(pair.slice(0, eq).trim(), decodeProperty(pair.slice(eq + 1).trim()));
    }
    const file = fields.get('file');
    if (!file)
        return null;
    const line = fields.get('line');
    const col = fields.get('col');
    return [file, line, line ? col : undefined].filter(Boolean).join(':');
}
function decodeProperty(value) {
    return value.replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%0D/gi, '').replace(/%0A/gi, ' ').replace(/%25/g, '%');
}

;// CONCATENATED MODULE: ./src/triage/scanner.ts
/**
 * One pass over raw log bytes that finds the lines holding a keyword (keywords.ts). It is an
 * Aho–Corasick automaton compiled to a flat transition table, ASCII letters folded to lowercase:
 * one table lookup per byte, no decoding, no regex, so cost stays linear whatever the input
 * (a 10 MB line, binary junk) and close to what grep does.
 */

function buildScanTables(keywords = KEYWORDS) {
    const children = [new Map()];
    const weight = [0];
    const kind = [0];
    const accepting = [false];
    const addPath = (bytes, w, k) => {
        let state = 0;
        for (const raw of bytes) {
            const byte = raw >= 65 && raw <= 90 ? raw + 32 : raw;
            let next = children[state].get(byte);
            if (next === undefined) {
                next = children.length;
                children.push(new Map());
                weight.push(0);
                kind.push(0);
                accepting.push(false);
                children[state].set(byte, next);
            }
            state = next;
        }
        accepting[state] = true;
        weight[state] = Math.max(weight[state], w);
        kind[state] |= k;
    };
    for (const keyword of keywords)
        addPath(Buffer.from(keyword.text, 'utf8'), keyword.weight, keyword.kind ?? 0);
    for (const byte of BINARY_BYTES)
        addPath([byte], 0, KIND_BINARY);
    // Breadth-first: failure links, then the full transition table; outputs inherit along failure links.
    const count = children.length;
    const next = new Int32Array(count * 256);
    const failure = new Int32Array(count);
    for (let b = 0; b < 256; b++)
        next[b] = children[0].get(b) ?? 0;
    const queue = [...children[0].values()];
    for (let head = 0; head < queue.length; head++) {
        const state = queue[head];
        const fallback = failure[state];
        if (accepting[fallback]) {
            accepting[state] = true;
            weight[state] = Math.max(weight[state], weight[fallback]);
            kind[state] |= kind[fallback];
        }
        for (let b = 0; b < 256; b++) {
            const child = children[state].get(b);
            if (child === undefined) {
                next[state * 256 + b] = next[fallback * 256 + b];
            }
            else {
                next[state * 256 + b] = child;
                failure[child] = next[fallback * 256 + b];
                queue.push(child);
            }
        }
    }
    // Uppercase ASCII behaves like lowercase.
    for (let s = 0; s < count; s++)
        for (let b = 65; b <= 90; b++)
            next[s * 256 + b] = next[s * 256 + b + 32];
    // Renumber so accepting states come last: the hot loop then needs one comparison per byte.
    const order = [];
    for (let s = 0; s < count; s++)
        if (!accepting[s])
            order.push(s);
    const acceptIndex = order.length;
    for (let s = 0; s < count; s++)
        if (accepting[s])
            order.push(s);
    const renumbered = new Int32Array(count);
    order.forEach((s, i) => (renumbered[s] = i));
    const delta = new Int32Array(count * 256);
    for (let s = 0; s < count; s++) {
        const row = renumbered[s] * 256;
        for (let b = 0; b < 256; b++)
            delta[row + b] = renumbered[next[s * 256 + b]] * 256;
    }
    const acceptWeight = new Uint8Array(count - acceptIndex);
    const acceptKind = new Uint8Array(count - acceptIndex);
    for (let i = acceptIndex; i < count; i++) {
        acceptWeight[i - acceptIndex] = weight[order[i]];
        acceptKind[i - acceptIndex] = kind[order[i]];
    }
    return { delta, acceptFrom: acceptIndex * 256, weight: acceptWeight, kind: acceptKind };
}
/** What one pass over a block found: its line count, its longest line, and the lines with a hit. */
class BlockScan {
    /** Lines in the block (a last line without LF counts). */
    lines = 0;
    /** Length in bytes of the longest line. */
    longest = 0;
    /** Hits, as parallel arrays reused between blocks to avoid garbage. */
    count = 0;
    /** Index of the line in the block (0-based). */
    line = new Int32Array(1024);
    start = new Int32Array(1024);
    end = new Int32Array(1024);
    weight = new Uint8Array(1024);
    kind = new Uint8Array(1024);
    push(line, start, end, weight, kind) {
        if (this.count === this.start.length)
            this.grow();
        const i = this.count++;
        this.line[i] = line;
        this.start[i] = start;
        this.end[i] = end;
        this.weight[i] = weight;
        this.kind[i] = kind;
    }
    grow() {
        const size = this.start.length * 2;
        const copy = (a, b) => (b.set(a), b);
        this.line = copy(this.line, new Int32Array(size));
        this.start = copy(this.start, new Int32Array(size));
        this.end = copy(this.end, new Int32Array(size));
        this.weight = copy(this.weight, new Uint8Array(size));
        this.kind = copy(this.kind, new Uint8Array(size));
    }
}
/**
 * One pass over `bytes` (complete lines, LF-separated): every line is counted, and a line holding
 * a keyword is a hit with the weight and kind of its first keyword. The rest of a hit line is not
 * scanned: the first word only orders candidates when a huge log overflows the store, and every
 * kept line is rescored in full later.
 */
function scanBlock(bytes, tables, into) {
    into.count = 0;
    scanLines(bytes, tables.delta, tables.acceptFrom, tables.weight, tables.kind, into);
}
/** A runner timestamp, `2024-01-02T03:04:05.1234567Z `, holds no keyword: lines skip it. */
const TIMESTAMP_BYTES = 29;
// The hot path of triage: kept monomorphic and free of property loads in the inner loop; line ends
// are found with the native byte search, the automaton runs one table lookup per byte.
function scanLines(bytes, delta, acceptFrom, weights, kinds, into) {
    const n = bytes.length;
    let line = 0;
    let longest = 0;
    let start = 0;
    while (start < n) {
        let end = bytes.indexOf(10, start);
        if (end < 0)
            end = n;
        const length = end - start;
        if (length > longest)
            longest = length;
        const stamped = length > TIMESTAMP_BYTES && bytes[start + 10] === 84 && bytes[start + 27] === 90 && bytes[start + 28] === 32 && bytes[start + 4] === 45;
        let i = stamped ? start + TIMESTAMP_BYTES : start;
        let state = 0;
        for (; i < end; i++) {
            state = delta[state | bytes[i]];
            if (state >= acceptFrom)
                break;
        }
        if (i < end)
            into.push(line, start, end, weights[(state - acceptFrom) >> 8], kinds[(state - acceptFrom) >> 8]);
        line++;
        start = end + 1;
    }
    into.lines = line;
    into.longest = longest;
}

;// CONCATENATED MODULE: ./src/triage/stream.ts
/**
 * The streaming pass over a job log: blocks of whole lines go through the keyword scanner, lines
 * are counted without being decoded, and only the raw bytes of the lines around hits are copied
 * into the bounded candidate store. Step headers and runner error markers are decoded on the
 * spot (they are few); everything else kept is decoded once, at the end.
 */






/** Lines kept before the first hit of a window and after its last. */
const BEFORE = 3;
const AFTER = 12;
/** Hits this close together share a window. */
const JOIN_GAP = 4;
const MAX_WINDOW_LINES = 48;
const MAX_ERROR_LINES = 500;
/** Lines kept from the end of what was read: context across blocks, the excerpt of last resort. */
const TAIL_LINES = 10;
const TABLES = buildScanTables();
class stream_LogStream {
    lines = 0;
    binaryLines = 0;
    lineCut = false;
    errorLines = [];
    store = new CandidateStore();
    segments = new SegmentTracker();
    maxLineBytes;
    scan = new BlockScan();
    tail = { start: 1, lines: [], cut: new Set() };
    /** Windows still owed context lines from the start of the next blocks. */
    owed = [];
    constructor(maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }
    push(bytes) {
        // A plain view: Buffer methods (subarray, slice) go through the species constructor, slowly.
        const block = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
        const firstLine = this.lines + 1;
        if (this.owed.length > 0)
            this.payOwed(block, firstLine);
        const scan = this.scan;
        scanBlock(block, TABLES, scan);
        // Invalid UTF-8 is rare: only then is every line checked.
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(block))
            this.binaryLines += countInvalidLines(block);
        if (scan.longest > this.maxLineBytes)
            this.lineCut = true;
        const drafts = [];
        for (let h = 0; h < scan.count; h++) {
            const line = firstLine + scan.line[h];
            const start = scan.start[h];
            const kind = scan.kind[h];
            // A line with invalid UTF-8 was counted above; count a control byte only on a valid line.
            if (kind & KIND_BINARY && (0,external_node_buffer_namespaceObject.isUtf8)(block.subarray(start, scan.end[h])))
                this.binaryLines++;
            if (kind & ~KIND_BINARY)
                this.structural(block, start, scan.end[h], line, kind);
            if (scan.weight[h] > 0)
                this.draft(drafts, block, start, line, scan.weight[h], firstLine);
        }
        this.lines += scan.lines;
        this.keepDrafts(block, firstLine, drafts);
        this.tail = this.tailOf(block, firstLine);
    }
    /** Every kept line once, decoded, in log order. */
    keptLines() {
        const byLine = new Map();
        for (const window of this.store.windows()) {
            window.lines.forEach((raw, i) => {
                const n = window.start + i;
                if (!byLine.has(n))
                    byLine.set(n, this.decodeStored(raw, n, window.cut.has(n)));
            });
        }
        return [...byLine.values()].sort((a, b) => a.n - b.n);
    }
    /** The last lines of the log, decoded. */
    lastLines() {
        return this.tail.lines.map((raw, i) => this.decodeStored(raw, this.tail.start + i, this.tail.cut.has(this.tail.start + i)));
    }
    structural(block, start, end, line, kind) {
        if (kind & KIND_RUNNER)
            this.segments.runnerPreamble();
        if (!(kind & (KIND_GROUP | KIND_ENDGROUP | KIND_POST_JOB | KIND_ERROR_MARKER)))
            return;
        const normal = normalizeLine(this.decode(block.subarray(start, end)));
        if (normal.marker === 'group')
            this.segments.group(line, normal.text, normal.step);
        else if (normal.marker === 'endgroup')
            this.segments.endgroup(line);
        else if (normal.marker === 'error' && this.errorLines.length < MAX_ERROR_LINES)
            this.errorLines.push(line);
        if (kind & KIND_POST_JOB && /^(?:Post job cleanup\.|Cleaning up orphan processes)/.test(normal.text)) {
            this.segments.postJob(line, normal.text);
        }
    }
    draft(drafts, block, start, line, weight, firstLine) {
        const last = drafts[drafts.length - 1];
        if (last && line - last.lastHitLine <= JOIN_GAP && line - last.beginLine < MAX_WINDOW_LINES) {
            last.lastHitLine = line;
            if (weight > last.weight)
                last.weight = weight;
            return;
        }
        // Walk back over the lines before the hit that are in this block; earlier ones are in the tail.
        const beginLine = Math.max(1, line - BEFORE);
        let beginOffset = start;
        for (let l = line; l > beginLine && l > firstLine; l--)
            beginOffset = block.lastIndexOf(10, beginOffset - 2) + 1;
        drafts.push({ beginLine, beginOffset, lastHitLine: line, weight });
    }
    /** The newest drafts always stay; older ones compete for the ranked store. */
    keepDrafts(block, firstLine, drafts) {
        const split = Math.max(0, drafts.length - RECENT_WINDOWS);
        for (let i = 0; i < split; i++) {
            const draft = drafts[i];
            if (this.store.wouldAccept(draft.weight, draft.lastHitLine + AFTER - draft.beginLine + 1)) {
                this.store.addRanked(this.copyWindow(block, firstLine, draft));
            }
        }
        for (let i = split; i < drafts.length; i++) {
            for (const pushedOut of this.store.addRecent(this.copyWindow(block, firstLine, drafts[i])))
                this.store.addRanked(pushedOut);
        }
    }
    copyWindow(block, firstLine, draft) {
        const window = { start: draft.beginLine, lines: [], cut: new Set(), weight: draft.weight };
        this.tail.lines.forEach((raw, i) => {
            const n = this.tail.start + i;
            if (n >= draft.beginLine && n < firstLine) {
                if (window.lines.length === 0)
                    window.start = n;
                window.lines.push(raw);
                if (this.tail.cut.has(n))
                    window.cut.add(n);
            }
        });
        let line = Math.max(draft.beginLine, firstLine);
        if (window.lines.length === 0)
            window.start = line;
        let offset = draft.beginOffset;
        const last = draft.lastHitLine + AFTER;
        while (line <= last && offset < block.length) {
            let end = block.indexOf(10, offset);
            if (end < 0)
                end = block.length;
            this.copyLine(window, block, offset, end, line);
            offset = end + 1;
            line++;
        }
        if (line <= last)
            this.owed.push({ window, lines: last - line + 1 });
        return window;
    }
    payOwed(block, firstLine) {
        const owed = this.owed;
        this.owed = [];
        for (const debt of owed) {
            let offset = 0;
            let paid = 0;
            for (; paid < debt.lines && offset < block.length; paid++) {
                let end = block.indexOf(10, offset);
                if (end < 0)
                    end = block.length;
                this.copyLine(debt.window, block, offset, end, firstLine + paid);
                offset = end + 1;
            }
            if (paid < debt.lines)
                this.owed.push({ window: debt.window, lines: debt.lines - paid });
        }
    }
    tailOf(block, firstLine) {
        const start = Math.max(firstLine, this.lines - TAIL_LINES + 1);
        const kept = { start, lines: [], cut: new Set() };
        // Lines of the previous tail still among the last ones (a block shorter than the tail).
        const carried = this.tail.lines.filter((_, i) => this.tail.start + i >= this.lines - TAIL_LINES + 1);
        if (carried.length > 0 && start === firstLine) {
            kept.start = firstLine - carried.length;
            kept.lines.push(...carried);
            for (const n of this.tail.cut)
                if (n >= kept.start)
                    kept.cut.add(n);
        }
        // Offsets of the block's last lines, found walking back from its end.
        const offsets = [];
        let end = block.length > 0 && block[block.length - 1] === 10 ? block.length - 1 : block.length;
        for (let line = this.lines; line >= start; line--) {
            const begin = block.lastIndexOf(10, end - 1) + 1;
            offsets.unshift(begin, end);
            end = begin - 1;
        }
        for (let i = 0, line = start; i < offsets.length; i += 2, line++)
            this.copyLine(kept, block, offsets[i], offsets[i + 1], line);
        return kept;
    }
    copyLine(into, block, start, end, n) {
        const capped = Math.min(end, start + this.maxLineBytes);
        into.lines.push(block.slice(start, capped));
        if (end > capped)
            into.cut.add(n);
    }
    decodeStored(raw, n, cut) {
        const normal = normalizeLine(this.decode(raw));
        return { n, text: normal.text, marker: normal.marker, cut };
    }
    decode(bytes) {
        const capped = bytes.length > this.maxLineBytes ? bytes.subarray(0, this.maxLineBytes) : bytes;
        return Buffer.from(capped.buffer, capped.byteOffset, capped.length).toString('utf8');
    }
}
/** Lines of a block that are not valid UTF-8 (only called when the block as a whole is not). */
function countInvalidLines(block) {
    let invalid = 0;
    for (let start = 0; start < block.length;) {
        let end = block.indexOf(10, start);
        if (end < 0)
            end = block.length;
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(block.subarray(start, end)))
            invalid++;
        start = end + 1;
    }
    return invalid;
}

;// CONCATENATED MODULE: ./src/triage/index.ts
/**
 * Triage: one job log in, the failing step, the lines that state the cause and a stable
 * fingerprint out. Pure: no clock, no environment; the log is read once, as a stream, in bounded
 * memory, and every line that leaves is normalised, redacted and clipped.
 */








const DEFAULTS = { maxExcerptLines: 60, maxLineLength: 8192, maxBytes: 512 * 1024 * 1024 };
/** About 4k tokens of excerpt. */
const MAX_EXCERPT_CHARS = 16_000;
const DISPLAY_LINE = 800;
const SIGNATURE_LINES = 3;
async function triageStream(source, options = {}) {
    const o = withDefaults(options);
    const blocks = new line_blocks_LineBlocks(o.maxLineLength, o.maxBytes);
    const stream = new stream_LogStream(o.maxLineLength);
    for await (const chunk of source) {
        const block = blocks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        if (block)
            stream.push(block);
        if (blocks.done)
            break;
    }
    return finish(stream, blocks, o);
}
function triageText(text, options = {}) {
    const o = withDefaults(options);
    const blocks = new LineBlocks(o.maxLineLength, o.maxBytes);
    const stream = new LogStream(o.maxLineLength);
    const block = blocks.push(Buffer.from(text, 'utf8'));
    if (block)
        stream.push(block);
    return finish(stream, blocks, o);
}
function withDefaults(options) {
    return {
        ...options,
        maxExcerptLines: positive(options.maxExcerptLines, DEFAULTS.maxExcerptLines),
        maxLineLength: positive(options.maxLineLength, DEFAULTS.maxLineLength),
        maxBytes: positive(options.maxBytes, DEFAULTS.maxBytes)
    };
}
function positive(value, fallback) {
    return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}
function finish(stream, blocks, o) {
    const tail = blocks.end();
    if (tail)
        stream.push(tail);
    const stored = stream.keptLines();
    const segments = stream.segments.segments;
    const hits = matchLines(stored);
    const signals = stored.map((l, i) => lineSignal(l.text, l.marker, hits[i] ?? null));
    const strongest = strongestLine(stored, signals);
    const failing = findFailingSegment(segments, o.steps, stream.errorLines, strongest, stream.segments.isJobLog);
    const failingIndex = failing?.index ?? null;
    const failingHasCause = hasCause(stored, signals, segments, failingIndex);
    const scored = stored.map((line, i) => {
        const place = stream.segments.isJobLog ? placeFactor(segments, line.n, failingIndex, failingHasCause) : 1;
        return { n: line.n, text: line.text, score: signals[i].score * place, quiet: place <= 0.15, noise: signals[i].noise };
    });
    demoteEchoes(scored);
    let picked = selectExcerpt(scored, { maxLines: o.maxExcerptLines, maxChars: MAX_EXCERPT_CHARS, lineChars: DISPLAY_LINE }).map((i) => ({ line: stored[i], score: scored[i].score }));
    if (picked.length === 0)
        picked = stream.lastLines().filter((l) => l.text !== '').slice(-Math.min(10, o.maxExcerptLines)).map((line) => ({ line, score: 0 }));
    const redactions = {};
    const excerptLines = picked.map(({ line }) => ({ n: line.n, text: clip(redact(line.text, redactions), DISPLAY_LINE, line.cut) }));
    const signature = signatureOf(picked, excerptLines);
    const totalLines = stream.lines;
    return {
        totalLines,
        totalBytes: blocks.bytes,
        truncated: blocks.truncated || stream.lineCut,
        binaryLines: stream.binaryLines,
        failingStep: failing ? { name: redact(failing.name), number: failing.number, range: segmentRange(segments, failing.index, totalLines) } : null,
        errorLines: [...stream.errorLines],
        excerpt: { ranges: toRanges(excerptLines.map((l) => l.n)), lines: excerptLines },
        signature,
        fingerprint: fingerprintOf(['ci-monitor/1', ...(o.identity ?? []).map(stableText), ...signature]),
        redactions
    };
}
/** Line number of the highest-scoring kept line, if any line scored at all. */
function strongestLine(stored, signals) {
    let best = -1;
    signals.forEach((s, i) => {
        if (s.score > 0 && (best < 0 || s.score > signals[best].score))
            best = i;
    });
    return best < 0 ? null : stored[best].n;
}
/**
 * Where a line sits changes what it means: a step's echoed script is not output, post-job
 * cleanup is not the build, and errors in steps that passed are less likely the cause.
 */
function placeFactor(segments, n, failing, failingHasCause) {
    const index = segmentIndexOf(segments, n);
    const segment = segments[index];
    if (n === segment.start && !segment.bookkeeping)
        return 0;
    if (segment.headerEnd !== null && n <= segment.headerEnd)
        return 0;
    if (failing === null || index === failing)
        return segment.bookkeeping && index !== 0 ? 0.15 : 1;
    if (segment.bookkeeping && index !== 0)
        return 0.15;
    return failingHasCause ? 0.45 : 0.9;
}
/** Does the failing step itself hold a line that names a cause? If not, look in earlier steps. */
function hasCause(stored, signals, segments, failing) {
    if (failing === null)
        return true;
    return stored.some((l, i) => signals[i].score >= 3.5 && segmentIndexOf(segments, l.n) === failing);
}
/** Repeats of an earlier message keep under a third of their score (no longer seeds): the first occurrence is the cause. */
function demoteEchoes(lines) {
    const seen = new Set();
    for (const line of lines) {
        if (line.score < 1)
            continue;
        const key = echoKey(line.text);
        if (key.length < 8)
            continue;
        if (seen.has(key))
            line.score *= 0.3;
        else
            seen.add(key);
    }
}
/** The strongest excerpt lines, made stable: what the fingerprint is computed from. */
function signatureOf(picked, lines) {
    const top = Math.max(0, ...picked.map((p) => p.score));
    const strongest = lines.filter((_, i) => top === 0 || picked[i].score >= top * 0.6);
    const out = [];
    for (const line of strongest) {
        const text = stableText(line.text);
        if (text !== '' && !out.includes(text))
            out.push(text);
        if (out.length === SIGNATURE_LINES)
            break;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/cli/analyze.ts
/**
 * `ci-monitor analyze PATH [--json]`: the diagnosis of a job log saved to a local file, streamed
 * through the same triage and classification the action runs.
 */





const CHUNK = 1024 * 1024;
async function analyzeCommand(args, io) {
    if (args.includes('-h') || args.includes('--help')) {
        io.stdout.write(USAGE);
        return 0;
    }
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
        io.stderr.write(`ci-monitor analyze: ${parsed} (usage: ci-monitor analyze PATH [--json])\n`);
        return USAGE_ERROR;
    }
    let handle = null;
    try {
        handle = await (0,promises_namespaceObject.open)(parsed.path, 'r');
        if ((await handle.stat()).isDirectory())
            throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        const triage = await triageStream(handle.createReadStream({ highWaterMark: CHUNK, autoClose: false }));
        const diagnosis = classify(triage);
        io.stdout.write(parsed.json ? `${JSON.stringify(toJson(triage, diagnosis))}\n` : report(parsed.path, triage, diagnosis));
        return 0;
    }
    catch (error) {
        io.stderr.write(`ci-monitor analyze: cannot read ${printable(parsed.path)}: ${reason(error)}\n`);
        return USAGE_ERROR;
    }
    finally {
        await handle?.close();
    }
}
function parseArgs(args) {
    let json = false;
    const paths = [];
    for (const arg of args) {
        if (arg === '--json')
            json = true;
        else if (arg === '--')
            continue;
        else if (arg.startsWith('-') && arg !== '-')
            return `unknown option '${printable(arg)}'`;
        else
            paths.push(arg);
    }
    if (paths.length === 0)
        return 'missing PATH';
    if (paths.length > 1)
        return 'expected one PATH';
    return { path: paths[0], json };
}
function reason(error) {
    const code = error.code;
    const messages = {
        ENOENT: 'no such file',
        EACCES: 'permission denied',
        EISDIR: 'is a directory',
        ENOTDIR: 'not a directory',
        ELOOP: 'too many symbolic links'
    };
    if (typeof code === 'string')
        return messages[code] ?? code;
    return printable(error instanceof Error ? error.message : String(error));
}
/** The machine-readable verdict; `excerpt.lines` are 1-based inclusive ranges of the input file. */
function toJson(triage, diagnosis) {
    return {
        owner: diagnosis.owner,
        category: diagnosis.category,
        confidence: diagnosis.confidence,
        transient: diagnosis.transient,
        summary: diagnosis.summary,
        fingerprint: triage.fingerprint,
        excerpt: { lines: triage.excerpt.ranges.map((r) => [r.start, r.end]) },
        fix: diagnosis.fix,
        engine: diagnosis.engine,
        ruleId: diagnosis.ruleId
    };
}
function report(path, triage, diagnosis) {
    const step = triage.failingStep;
    const rows = [
        ['Log', `${printable(path)} (${triage.totalLines} lines${triage.truncated ? ', truncated' : ''})`],
        ['Verdict', `${diagnosis.owner} · ${CATEGORIES[diagnosis.category].title} (${diagnosis.category}) · confidence ${diagnosis.confidence.toFixed(2)}`],
        ['Transient', diagnosis.transient ? 'yes: a re-run will likely pass' : 'no'],
        ['Summary', diagnosis.summary],
        ['Rule', `${diagnosis.ruleId ?? 'none matched'} (${diagnosis.engine})`]
    ];
    if (step)
        rows.push(['Step', `${step.name}${step.number !== null ? ` (#${step.number})` : ''}, lines ${step.range.start}-${step.range.end}`]);
    if (diagnosis.fix)
        rows.push(['Fix', `${diagnosis.fix.kind}: ${diagnosis.fix.description}`]);
    rows.push(['Fingerprint', triage.fingerprint]);
    const width = Math.max(...rows.map(([k]) => k.length));
    const out = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
    const numberWidth = String(triage.excerpt.lines.at(-1)?.n ?? 0).length;
    out.push('', triage.excerpt.lines.length > 0 ? 'Excerpt:' : 'Excerpt: (empty)');
    let previous = 0;
    for (const line of triage.excerpt.lines) {
        if (previous !== 0 && line.n !== previous + 1)
            out.push(`${' '.repeat(numberWidth)} ...`);
        out.push(`${String(line.n).padStart(numberWidth)} | ${line.text}`);
        previous = line.n;
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/run.ts
/** Command dispatch for `ci-monitor <command>`; every command writes to the given streams. */

/** Exit code for usage errors and unreadable input, as distinct from a failed analysis (1). */
const USAGE_ERROR = 2;
const USAGE = `Usage: ci-monitor <command>

Commands:
  analyze PATH [--json]   Diagnose a CI job log saved to a local file.

Options:
  -h, --help              Show this help.
`;
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    if (command === '-h' || command === '--help') {
        io.stdout.write(USAGE);
        return 0;
    }
    if (command === undefined) {
        io.stderr.write('ci-monitor: missing command (see --help)\n');
        return USAGE_ERROR;
    }
    if (command === 'analyze')
        return analyzeCommand(rest, io);
    io.stderr.write(`ci-monitor: unknown command '${printable(command)}' (see --help)\n`);
    return USAGE_ERROR;
}
/** Arguments are echoed in error messages: keep them to one plain line. */
function printable(text) {
    const plain = text.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
    return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain;
}

;// CONCATENATED MODULE: ./src/cli.ts
// The command-line entry: wiring only. The commands live in ./cli/.

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`ci-monitor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});

