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
function decide(hits, failingRange, context = { step: null, lines: [] }) {
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
        fix: fixOf(winner, context)
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
/** `owner/repo` of an action as a fix may name it (GitHub's owner and repository name rules). */
const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
/** A tag, branch or SHA as a fix may name it. Both shapes are also checked for `..` by their users. */
const ACTION_REF = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,98}[A-Za-z0-9])?$/;
/** Fix parameters come from untrusted text: only values of a strict shape are passed on. */
function fixOf(winner, context) {
    const { rule, groups } = winner.hit;
    const line = winner.line.text;
    const step = context.step;
    const spec = rule.fix;
    if (!spec)
        return null;
    if (typeof spec === 'object') {
        const tool = spec.tool === 'from-line' ? retryToolOf(line) : spec.tool;
        // A 404 from an apt mirror is a stale package index, not a blip a retry outlasts.
        if (!tool || (tool === 'apt' && /\s404\s/.test(line)))
            return null;
        return { kind: 'add-retry', tool, step, description: `Retry the ${tool} download that failed on a network or registry error.` };
    }
    switch (spec) {
        case 'upgrade-action': {
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
        case 'raise-timeout': {
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
        case 'node-heap':
            // The out-of-memory rule covers every runtime; only Node's heap has a setting to raise.
            if (!/JavaScript heap out of memory|Reached heap limit/.test(line))
                return null;
            return { kind: 'node-heap', step, description: 'Give Node.js a larger heap (NODE_OPTIONS=--max-old-space-size) for the step that ran out of it.' };
        case 'free-disk':
            return { kind: 'free-disk', step, description: 'Free disk space on the runner before the step that ran out of it.' };
        case 'move-toolchain-version': {
            const found = PYTHON_VERSION_ON_IMAGE.exec(line) ?? PYTHON_VERSION.exec(line);
            const version = found?.groups?.['version'];
            if (!version)
                return null;
            const image = found.groups?.['image'] ? `ubuntu-${found.groups['image']}` : null;
            return {
                kind: 'move-toolchain-version',
                tool: 'python',
                version,
                image,
                step,
                description: `Python ${version} is not available${image ? ` on ${image}` : ' on this runner image'}: pin an image that has it or move to a version it has.`
            };
        }
        case 'add-permission': {
            const accepted = context.lines.map((l) => ACCEPTED_PERMISSIONS.exec(l.text)?.groups?.['accepted']).find((value) => value !== undefined) ?? null;
            return { kind: 'add-permission', acceptedPermissions: accepted, step, description: "Grant the job's token the one permission the failing step needs." };
        }
    }
}
// setup-python's messages (actions/setup-python#552, #962).
const PYTHON_VERSION_ON_IMAGE = /The version '(?<version>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?)' with architecture '\w{1,10}' was not found for Ubuntu (?<image>\d{2}\.\d{2})\b/;
const PYTHON_VERSION = /Version (?<version>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?) with arch \w{1,10} not found/;
// The header some actions print with a 403 (e.g. octokit's error dump).
const ACCEPTED_PERMISSIONS = /x-accepted-github-permissions["']?\s*[:=]\s*["']?(?<accepted>[a-z_]{2,40}=(?:read|write|admin)(?:\s*[,;]\s*[a-z_]{2,40}=(?:read|write|admin)){0,9})/i;
/** Which installer printed a network error, for rules that cover several. */
function retryToolOf(line) {
    if (/^npm (?:ERR!|error) (?:code E(?:CONNRESET|TIMEDOUT|AI_AGAIN|CONNREFUSED|5\d\d)\b|network )/.test(line))
        return 'npm';
    if (/ERR_PNPM_(?:META_)?FETCH_/.test(line))
        return 'pnpm';
    if (/Request failed \\?"5\d\d/.test(line))
        return 'yarn';
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
        fix: { kind: 'add-retry', tool: 'docker' },
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
        fix: { kind: 'add-retry', tool: 'go' },
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
        fix: { kind: 'add-retry', tool: 'from-line' },
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
        fix: { kind: 'add-retry', tool: 'maven' },
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
        fix: { kind: 'add-retry', tool: 'from-line' },
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
        fix: 'move-toolchain-version',
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
        fix: { kind: 'add-retry', tool: 'pip' },
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
        fix: 'free-disk',
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
        fix: 'node-heap',
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
        fix: { kind: 'add-retry', tool: 'apt' },
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
    // Logs repeat lines (a summary echoes each error, a loop prints the same warning): each
    // distinct text is matched once.
    const seen = new Map();
    return lines.map((line, i) => {
        let hit = seen.get(line.text);
        if (hit === undefined)
            seen.set(line.text, (hit = matchLine(line.text, rules)));
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
    const all = [];
    const matches = matchLines(triage.excerpt.lines);
    triage.excerpt.lines.forEach((line, i) => {
        const hit = matches[i];
        if (hit)
            all.push({ line, hit });
    });
    // A signature the last green run printed as well is part of normal output: it decides only
    // when nothing new and specific matched (a new bare "Error: …" line does not outweigh it).
    const seenInGreen = new Set(triage.baseline?.seenInGreen ?? []);
    const fresh = all.filter(({ line }) => !seenInGreen.has(line.n));
    const hits = fresh.some(({ hit }) => hit.rule.category !== 'other') ? fresh : all;
    const decided = decide(hits, triage.failingStep?.range ?? null, { step: triage.failingStep?.name ?? null, lines: triage.excerpt.lines });
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

;// CONCATENATED MODULE: ./src/triage/line-blocks.ts
/**
 * Turns a stream of arbitrary chunks into blocks of whole lines, in bounded memory: a line is
 * never split across blocks, a line longer than the cap keeps its head and the rest is dropped
 * (so a 10 MB line without a newline costs at most the cap), and reading stops at the byte cap.
 * Small chunks (an HTTP download delivers 16–64 KB) are gathered into blocks of at least
 * MIN_BLOCK bytes, since each block has a fixed cost downstream; a large chunk is passed on as a
 * view, not copied, after the one line it completes.
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
    /**
     * Adds a chunk; returns the blocks of complete lines (each ending with LF) it made ready, in
     * order: none while lines gather, else at most two. A large chunk is not copied: the line it
     * completes goes out on its own (with the lines that waited), then a view of the chunk's lines.
     */
    push(input) {
        let chunk = input;
        if (this.done || chunk.length === 0)
            return [];
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
                return [];
            this.skippingRestOfLine = false;
            // Keep the LF: it ends the truncated line held in `partial`.
            from = newline;
        }
        const last = chunk.lastIndexOf(10);
        if (last < from) {
            this.hold(chunk.subarray(from));
            return [];
        }
        const complete = chunk.subarray(from, last + 1);
        const rest = chunk.subarray(last + 1);
        const waiting = this.linesLength + this.partialLength;
        const blocks = [];
        if (waiting + complete.length < MIN_BLOCK) {
            this.lines.push(...this.partial, copy(complete));
            this.linesLength = waiting + complete.length;
        }
        else if (waiting === 0) {
            blocks.push(complete);
        }
        else {
            const firstEnd = chunk.indexOf(10, from) + 1;
            blocks.push(Buffer.concat([...this.lines, ...this.partial, chunk.subarray(from, firstEnd)], waiting + firstEnd - from));
            if (firstEnd <= last)
                blocks.push(chunk.subarray(firstEnd, last + 1));
            this.lines = [];
            this.linesLength = 0;
        }
        this.partial = [];
        this.partialLength = 0;
        this.hold(rest);
        return blocks;
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
    // The prefix holds tabs; most lines have none, and the pattern is costly to fail.
    const cli = text.includes('\t') ? GH_CLI_PREFIX.exec(text) : null;
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

;// CONCATENATED MODULE: ./src/triage/scanner.ts
/**
 * One pass over raw log bytes that counts lines and finds the lines holding a keyword
 * (keywords.ts). It is an Aho–Corasick automaton compiled to a flat transition table, ASCII
 * letters folded to lowercase, LF a state of its own: one table lookup per byte, no decoding, no
 * regex, so cost stays linear whatever the input (a 10 MB line, binary junk). Runner timestamps
 * and the rest of a line after its first keyword are skipped, and four lanes run at once.
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
    // Renumber so accepting states come last, then add the line-end state after them: the hot
    // loop needs one comparison per byte to notice either. LF leads every state to the line end.
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
    const lineEnd = count * 256;
    const delta = new Int32Array((count + 1) * 256);
    for (let s = 0; s < count; s++) {
        const row = renumbered[s] * 256;
        for (let b = 0; b < 256; b++)
            delta[row + b] = renumbered[next[s * 256 + b]] * 256;
    }
    // After a line end the scan restarts from the root.
    delta.copyWithin(lineEnd, 0, 256);
    for (let row = 0; row <= lineEnd; row += 256)
        delta[row + 10] = lineEnd;
    const acceptWeight = new Uint8Array(count - acceptIndex);
    const acceptKind = new Uint8Array(count - acceptIndex);
    for (let i = acceptIndex; i < count; i++) {
        acceptWeight[i - acceptIndex] = weight[order[i]];
        acceptKind[i - acceptIndex] = kind[order[i]];
    }
    return { delta, acceptFrom: acceptIndex * 256, lineEnd, weight: acceptWeight, kind: acceptKind };
}
/** The tables for the keyword list: built once, shared by every scan. */
const KEYWORD_TABLES = buildScanTables();
/** What one pass over a block found: its line count, its longest line, and the lines with a hit. */
class BlockScan {
    /** Lines in the block (a last line without LF counts). */
    lines = 0;
    /** Length in bytes of the longest line. */
    longest = 0;
    /** Hits, as parallel arrays reused between blocks to avoid garbage. */
    count = 0;
    /** Index of the line in the block (0-based). */
    line;
    start;
    end;
    weight;
    kind;
    constructor(capacity = 1024) {
        this.line = new Int32Array(capacity);
        this.start = new Int32Array(capacity);
        this.end = new Int32Array(capacity);
        this.weight = new Uint8Array(capacity);
        this.kind = new Uint8Array(capacity);
    }
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
    /** Appends another scan's hits, its line indices moved down by `lineOffset`. */
    append(other, lineOffset) {
        const from = this.count;
        const count = other.count;
        while (this.start.length < from + count)
            this.grow();
        this.start.set(other.start.subarray(0, count), from);
        this.end.set(other.end.subarray(0, count), from);
        this.weight.set(other.weight.subarray(0, count), from);
        this.kind.set(other.kind.subarray(0, count), from);
        for (let i = 0; i < count; i++)
            this.line[from + i] = other.line[i] + lineOffset;
        this.count = from + count;
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
/** A run of whole lines of a block, scanned by one lane at a time; its line indices start at 0. */
class Segment extends BlockScan {
    /** Offset where the current line starts. */
    lineStart = 0;
    /** Offset just after the segment's last LF, or the block's end. */
    stop = 0;
    reset(from, stop) {
        this.lines = 0;
        this.longest = 0;
        this.count = 0;
        this.lineStart = from;
        this.stop = stop;
    }
}
const LANES = 4;
/** Segments are about this long: small enough that lanes finish together, large enough to be cheap. */
const SEGMENT_BYTES = 32 * 1024;
/** Reused from block to block; a segment's hit arrays start small (a huge block makes many). */
const segments = [];
const SEGMENT_CAPACITY = 64;
/**
 * One pass over `bytes` (complete lines, LF-separated): every line is counted, and a line holding
 * a keyword is a hit with the weight and kind of its first keyword. The rest of a hit line is not
 * scanned: the first word only orders candidates when a huge log overflows the store, and every
 * kept line is rescored in full later.
 *
 * Each automaton step waits for the previous one (the next state is a table lookup on the
 * current), so a single pass is bound by load latency, not by the CPU's width. The block is cut
 * at line ends into segments, and four lanes step through four segments at once: four
 * independent chains keep the CPU busy (about 1.5× the speed of one lane here). A lane that
 * finishes its segment takes the next one.
 */
function scanBlock(bytes, tables, into) {
    const n = bytes.length;
    const count = Math.max(1, Math.ceil(n / SEGMENT_BYTES));
    while (segments.length < count)
        segments.push(new Segment(SEGMENT_CAPACITY));
    let from = 0;
    for (let k = 0; k < count; k++) {
        const stop = k === count - 1 ? n : lineAfter(bytes, Math.max(from, Math.floor((n * (k + 1)) / count)));
        segments[k].reset(from, stop);
        from = stop;
    }
    const used = segments.slice(0, count);
    if (count < LANES)
        for (const segment of used)
            runLane(bytes, tables, segment, skipTimestamp(bytes, segment.lineStart, segment.stop), 0);
    else
        runLanes(bytes, tables, used);
    collect(used, n, into);
}
/** Offset just after the first LF at or after `at`, or the end. */
function lineAfter(bytes, at) {
    const lf = bytes.indexOf(10, at);
    return lf < 0 ? bytes.length : lf + 1;
}
// The hot path of triage: monomorphic, no property loads in the inner loop. It steps the four
// lanes until one of them reaches an event (a keyword or a line end) or the end of its segment.
// Lane k reads `bytes[b_k + i]`: one shared index lets the compiler drop most bounds checks, and
// an event moves only that lane's base.
function runLanes(bytes, t, queue) {
    const delta = t.delta;
    const events = t.acceptFrom;
    const lineEnd = t.lineEnd;
    let next = LANES;
    let g0 = queue[0];
    let g1 = queue[1];
    let g2 = queue[2];
    let g3 = queue[3];
    let i = 0;
    let b0 = skipTimestamp(bytes, g0.lineStart, g0.stop);
    let b1 = skipTimestamp(bytes, g1.lineStart, g1.stop);
    let b2 = skipTimestamp(bytes, g2.lineStart, g2.stop);
    let b3 = skipTimestamp(bytes, g3.lineStart, g3.stop);
    let e0 = g0.stop;
    let e1 = g1.stop;
    let e2 = g2.stop;
    let e3 = g3.stop;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (;;) {
        const steps = Math.min(e0 - b0, e1 - b1, e2 - b2, e3 - b3) - i;
        if (steps > 0) {
            const end = i + steps;
            do {
                s0 = delta[s0 | bytes[b0 + i]];
                s1 = delta[s1 | bytes[b1 + i]];
                s2 = delta[s2 | bytes[b2 + i]];
                s3 = delta[s3 | bytes[b3 + i]];
                i++;
            } while (i < end && s0 < events && s1 < events && s2 < events && s3 < events);
            if (s0 >= events)
                (b0 = (s0 === lineEnd ? endLine(bytes, g0, b0 + i) : onHit(bytes, t, g0, b0 + i, s0)) - i), (s0 = 0);
            if (s1 >= events)
                (b1 = (s1 === lineEnd ? endLine(bytes, g1, b1 + i) : onHit(bytes, t, g1, b1 + i, s1)) - i), (s1 = 0);
            if (s2 >= events)
                (b2 = (s2 === lineEnd ? endLine(bytes, g2, b2 + i) : onHit(bytes, t, g2, b2 + i, s2)) - i), (s2 = 0);
            if (s3 >= events)
                (b3 = (s3 === lineEnd ? endLine(bytes, g3, b3 + i) : onHit(bytes, t, g3, b3 + i, s3)) - i), (s3 = 0);
            continue;
        }
        // A lane reached the end of its segment: it takes the next one; with none left, the others
        // finish alone.
        if (b0 + i >= e0) {
            if (next === queue.length)
                break;
            g0 = queue[next++];
            (e0 = g0.stop), (b0 = skipTimestamp(bytes, g0.lineStart, e0) - i), (s0 = 0);
        }
        if (b1 + i >= e1) {
            if (next === queue.length)
                break;
            g1 = queue[next++];
            (e1 = g1.stop), (b1 = skipTimestamp(bytes, g1.lineStart, e1) - i), (s1 = 0);
        }
        if (b2 + i >= e2) {
            if (next === queue.length)
                break;
            g2 = queue[next++];
            (e2 = g2.stop), (b2 = skipTimestamp(bytes, g2.lineStart, e2) - i), (s2 = 0);
        }
        if (b3 + i >= e3) {
            if (next === queue.length)
                break;
            g3 = queue[next++];
            (e3 = g3.stop), (b3 = skipTimestamp(bytes, g3.lineStart, e3) - i), (s3 = 0);
        }
    }
    runLane(bytes, t, g0, b0 + i, s0);
    runLane(bytes, t, g1, b1 + i, s1);
    runLane(bytes, t, g2, b2 + i, s2);
    runLane(bytes, t, g3, b3 + i, s3);
}
/** One lane alone through the rest of a segment, from `p` in `state`. */
function runLane(bytes, t, segment, p, state) {
    const delta = t.delta;
    const events = t.acceptFrom;
    const stop = segment.stop;
    let s = state;
    let i = p;
    while (i < stop) {
        s = delta[s | bytes[i++]];
        if (s >= events)
            (i = s === t.lineEnd ? endLine(bytes, segment, i) : onHit(bytes, t, segment, i, s)), (s = 0);
    }
}
/** A line ended just before `p`: count it, and skip the next line's runner timestamp. */
function endLine(bytes, segment, p) {
    if (p - 1 - segment.lineStart > segment.longest)
        segment.longest = p - 1 - segment.lineStart;
    segment.lines++;
    segment.lineStart = p;
    return skipTimestamp(bytes, p, segment.stop);
}
// Buffer's search is memchr; a typed array's own indexOf is a plain loop.
const bufferIndexOf = Buffer.prototype.indexOf;
/** A keyword ended just before `p`: record the line as a hit and go on from the next line. */
function onHit(bytes, t, segment, p, state) {
    // The rest of a line is usually short, where a plain loop beats a native search's call; a long
    // rest goes to the native search.
    const stop = segment.stop;
    const near = Math.min(stop, p + 48);
    let lf = p;
    while (lf < near && bytes[lf] !== 10)
        lf++;
    if (lf === near && lf < stop) {
        lf = bufferIndexOf.call(bytes, 10, lf);
        if (lf < 0 || lf > stop)
            lf = stop;
    }
    const accept = (state - t.acceptFrom) >> 8;
    segment.push(segment.lines, segment.lineStart, lf, t.weight[accept], t.kind[accept]);
    // The line ends here: count it now rather than stepping onto its LF.
    return lf < stop ? endLine(bytes, segment, lf + 1) : stop;
}
/** The segments' hits in block order, their line indices made block-wide; a last line without LF counts. */
function collect(parts, n, into) {
    into.count = 0;
    let lines = 0;
    let longest = 0;
    for (const part of parts) {
        into.append(part, lines);
        lines += part.lines;
        if (part.longest > longest)
            longest = part.longest;
    }
    // Only the segment that reaches the block's end can hold a line without LF; any after it are empty.
    const open = parts.find((part) => part.lineStart < part.stop);
    if (open) {
        lines++;
        if (n - open.lineStart > longest)
            longest = n - open.lineStart;
    }
    into.lines = lines;
    into.longest = longest;
}
/**
 * A runner timestamp, `2024-01-02T03:04:05.1234567Z `, holds no keyword: a line starting with one
 * is scanned after it. Every byte is checked (an LF is below '0'), so a line end is never skipped.
 * Written out rather than looped: this runs once per line.
 */
const TIMESTAMP_BYTES = 29;
function skipTimestamp(b, p, stop) {
    const stamped = p + TIMESTAMP_BYTES < stop && b[p + 10] === 84 && b[p + 28] === 32 && b[p + 27] === 90 &&
        b[p + 4] === 45 && b[p + 7] === 45 && b[p + 13] === 58 && b[p + 16] === 58 && b[p + 19] === 46 &&
        digit(b[p]) && digit(b[p + 1]) && digit(b[p + 2]) && digit(b[p + 3]) && digit(b[p + 5]) && digit(b[p + 6]) &&
        digit(b[p + 8]) && digit(b[p + 9]) && digit(b[p + 11]) && digit(b[p + 12]) && digit(b[p + 14]) && digit(b[p + 15]) &&
        digit(b[p + 17]) && digit(b[p + 18]) && digit(b[p + 20]) && digit(b[p + 21]) && digit(b[p + 22]) && digit(b[p + 23]) &&
        digit(b[p + 24]) && digit(b[p + 25]) && digit(b[p + 26]);
    return stamped ? p + TIMESTAMP_BYTES : p;
}
function digit(byte) {
    return byte - 48 >>> 0 < 10;
}

;// CONCATENATED MODULE: ./src/triage/baseline.ts
/**
 * What the same job printed in its last green run, kept compactly so triage can tell the lines
 * that are new in the failing log from echoes of normal output (the LogSage / CiDiff idea). Only
 * the lines that can rank in triage are recorded: those the keyword scan flags. Each is reduced
 * to the template the fingerprint uses (numbers, hashes, temp paths, timestamps masked), and the
 * templates go into a Bloom filter of fixed size: memory stays at 512 KiB whatever the log's
 * size, membership costs four bit tests, and a false "seen" (under 1 in 10 000 up to 100 000
 * templates, 1 in 500 at the cap) only demotes a line, never hides it.
 */




const BITS = 1 << 22;
const PROBES = 4;
/** Past this many templates the false-positive rate would climb: recording stops. */
const MAX_TEMPLATES = 250_000;
async function buildBaseline(source, options = {}) {
    const builder = new BaselineBuilder(options);
    for await (const chunk of source)
        if (!builder.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))
            break;
    return builder.end();
}
function baselineFromText(text, options = {}) {
    const builder = new BaselineBuilder(options);
    builder.push(Buffer.from(text, 'utf8'));
    return builder.end();
}
/** Did the green log print a line with this (normalised) text's template? */
function inBaseline(baseline, text) {
    return probe(baseline.bits, stableText(text), false);
}
class BaselineBuilder {
    blocks;
    maxLineLength;
    scan = new BlockScan();
    bits = new Uint32Array(BITS / 32);
    lines = 0;
    templates = 0;
    saturated = false;
    constructor(options) {
        this.maxLineLength = positive(options.maxLineLength, 8192);
        this.blocks = new line_blocks_LineBlocks(this.maxLineLength, positive(options.maxBytes, 512 * 1024 * 1024));
    }
    /** Returns false once the byte cap is reached. */
    push(chunk) {
        for (const block of this.blocks.push(chunk))
            this.record(block);
        return !this.blocks.done;
    }
    end() {
        const tail = this.blocks.end();
        if (tail)
            this.record(tail);
        return { lines: this.lines, templates: this.templates, saturated: this.saturated, bits: this.bits };
    }
    record(block) {
        const scan = this.scan;
        scanBlock(block, KEYWORD_TABLES, scan);
        this.lines += scan.lines;
        for (let h = 0; h < scan.count && !this.saturated; h++) {
            if (scan.weight[h] === 0)
                continue;
            const end = Math.min(scan.end[h], scan.start[h] + this.maxLineLength);
            const text = normalizeLine(Buffer.from(block.buffer, block.byteOffset + scan.start[h], end - scan.start[h]).toString('utf8')).text;
            if (!probe(this.bits, stableText(text), true))
                this.templates++;
            if (this.templates >= MAX_TEMPLATES)
                this.saturated = true;
        }
    }
}
/** Tests (and with `add`, sets) the template's bits; returns whether all were already set. */
function probe(bits, template, add) {
    // Two independent 32-bit hashes (FNV-1a and a multiplicative variant) make the k probes.
    let h1 = 0x811c9dc5;
    let h2 = 0x9e3779b9;
    for (let i = 0; i < template.length; i++) {
        const c = template.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x85ebca6b) ^ (h2 >>> 13);
    }
    h2 |= 1;
    let seen = true;
    for (let k = 0; k < PROBES; k++) {
        const bit = (h1 + Math.imul(k, h2)) & (BITS - 1);
        const word = bit >>> 5;
        const mask = 1 << (bit & 31);
        if ((bits[word] & mask) === 0) {
            seen = false;
            if (!add)
                return false;
            bits[word] |= mask;
        }
    }
    return seen;
}
function positive(value, fallback) {
    return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
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
/**
 * Does this line continue the error above it: a stack frame, an indented detail, a caret marker,
 * a chained cause? Java prints `Caused by:` (Jenkins remoting `Caused:`/`Also:`), CPython's
 * traceback module joins chained exceptions with "During handling of the above exception, …" and
 * "The above exception was the direct cause of …", and a Go panic prints `[signal SIGSEGV: …]`
 * (runtime/signal_unix.go), `goroutine N [running]:`, then `function(args)` lines each above an
 * indented `file:line` (runtime/traceback.go). Node's fatal errors list native frames as
 * `%2d: 0x… symbol` (src/debug_utils.cc), so frame 10 onward loses its indent.
 */
function continuesError(text) {
    return /^\s/.test(text) || CONTINUATION.test(text) || GO_FRAME.test(text);
}
/** A frame of a stack trace: Java's `\tat …`, Python's `  File "…", line N`, `... N more`, a Go frame. */
function isStackFrame(text) {
    return /^\s+(?:at |File "|\.\.\. \d+ more)/.test(text) || GO_FRAME.test(text) || /^\s+\/\S+\.go:\d+/.test(text);
}
const CONTINUATION = /^(?:Caused by:|Caused:|Also:|Suppressed:|\.\.\. \d+ more|\[ERROR\] {2,}|E {2,}|>\s|\||-{3,}|[~^]+$|During handling of the above exception|The above exception was the direct cause|goroutine \d+ \[|created by |\[signal |\d+: 0x[0-9a-f]+ )/;
// The function part stops at the first "(": no overlapping repeats, so matching stays linear.
const GO_FRAME = /^[^\s(]{1,300}\(.{0,400}\)(?: \+0x[0-9a-f]+)?$/;
/**
 * The same message printed again (Maven repeats every compiler error in its summary, runners
 * repeat the last error line, a loop prints one error per file): its key drops prefixes,
 * decoration and numbers.
 */
function echoKey(text) {
    return stableText(text.replace(/^\s*(?:\[(?:ERROR|WARN(?:ING)?|INFO)\]|(?:##\[error\]|Error|ERROR|error|FATAL|fatal):?)\s*/, '').replace(/\s{0,20}-> \[Help \d{1,4}\]$/, ''));
}

;// CONCATENATED MODULE: ./src/triage/excerpt.ts
/**
 * Picks the lines that state the cause. Every kept line has a score; lines that score high seed
 * a block, which grows over the lines that belong to the same message: stack frames, indented
 * details, the rest of a tool's tagged error block (`[ERROR] …`). Blocks are ranked (score, then
 * position: the first real error beats its echoes) and taken while they still say something
 * comparable to the best one: first the head of each, then, budget permitting, the rest of each,
 * so a long stack trace is shown whole when there is room but never crowds out a second cause.
 */

const SEED = 2;
const WEAK_SEED = 1;
/** Lines before a block that introduce it ("Run …", "> Task … FAILED", "remote: …"). */
const LEAD_IN = 2;
/** Lines of a block's body before its first seed (a Docker build's context before its error). */
const MAX_LEAD_BODY = 12;
/** Lines after the last seed of a block that may continue it (a long stack trace). */
const MAX_CONTINUATION = 200;
/** Plain lines after a block that finish its sentence ("The list of available versions is …"). */
const TRAILER = 1;
/**
 * What every chosen block shows before any block shows more: an equal share of the budget, at
 * least a few lines (the error and its first details), at most a screenful.
 */
const MIN_HEAD = 6;
const MAX_HEAD = 24;
/** Blocks scoring below this share of the best one are left out. */
const KEEP_RATIO = 0.5;
/** Indices into `lines` (sorted by line number) of the excerpt, in log order. */
function selectExcerpt(lines, budget) {
    let seeds = lines.map((l, i) => (l.score >= SEED ? i : -1)).filter((i) => i >= 0);
    if (seeds.length === 0)
        seeds = lines.map((l, i) => (l.score >= WEAK_SEED ? i : -1)).filter((i) => i >= 0);
    if (seeds.length === 0)
        return [];
    const blocks = blocksOf(lines, seeds);
    blocks.sort((a, b) => b.score - a.score || a.first - b.first);
    const floor = blocks[0].score * KEEP_RATIO;
    const chosen = blocks.filter((b) => b.score >= floor);
    const taken = [];
    const next = chosen.map((b) => b.first);
    let chars = 0;
    // Takes lines of the block in rank `r` up to index `until`; false once the budget is spent.
    const take = (r, until) => {
        for (; next[r] <= until; next[r]++) {
            const length = Math.min(lines[next[r]].text.length, budget.lineChars) + 1;
            if (taken.length >= budget.maxLines || (chars + length > budget.maxChars && taken.length > 0))
                return false;
            chars += length;
            taken.push(next[r]);
        }
        return true;
    };
    const head = Math.max(MIN_HEAD, Math.min(MAX_HEAD, Math.floor(budget.maxLines / chosen.length)));
    let room = true;
    for (let r = 0; r < chosen.length && room; r++)
        room = take(r, Math.min(chosen[r].last, chosen[r].first + head - 1));
    for (let r = 0; r < chosen.length && room; r++)
        room = take(r, chosen[r].last);
    return taken.sort((a, b) => a - b);
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
/** A seed, the lines of its block around it, and the lines that lead into the block. */
function grow(lines, seed) {
    const adjacent = (i, j) => lines[j] !== undefined && lines[i] !== undefined && lines[j].n === lines[i].n + 1;
    const blank = (i) => lines[i].text.trim() === '';
    const tag = tagOf(lines[seed].text);
    // Context that introduces or ends a block: not a separator rule, and for a tagged block (Maven's
    // `[ERROR] …`) not a line of another level (`[INFO] Finished at: …`).
    const context = (i) => {
        const text = lines[i].text;
        if (lines[i].quiet || lines[i].noise || blank(i) || SEPARATOR.test(text))
            return false;
        return tag === null || !LEVEL_TAG.test(text) || text.startsWith(tag);
    };
    const tagged = (i) => tag !== null && lines[i].text.startsWith(tag);
    // Part of the message: continues it, names a failure itself, or carries the seed's tag.
    const body = (i) => !lines[i].quiet && !blank(i) && (continuesError(lines[i].text) || lines[i].score > 0 || tagged(i));
    // "To add an exception for this directory, call:" introduces the indented lines after it.
    const introduces = (i) => {
        if (!lines[i].text.trimEnd().endsWith(':') || lines[i].quiet || lines[i].noise)
            return false;
        const next = adjacent(i, i + 1) && blank(i + 1) ? i + 2 : i + 1;
        return adjacent(next - 1, next) && /^\s/.test(lines[next].text) && body(next);
    };
    // Back from the seed over the lines of the same block: tagged or failing lines, separators, the
    // frames of the trace a "Caused by:" continues, and the source excerpt some tools print above
    // their error (`  32 | >>> RUN apk add …` under a `Dockerfile:32` header). Not over other
    // indented lines: those belong to whatever line heads them (a usage text, a config dump).
    const before = (i) => {
        const text = lines[i].text;
        if (lines[i].noise || lines[i].quiet || blank(i))
            return false;
        return isStackFrame(text) || /^\s*\d+ +[|│]|^[\w./-]+:\d+$/.test(text) || (body(i) && !/^\s/.test(text));
    };
    let first = seed;
    while (seed - first < MAX_LEAD_BODY && adjacent(first - 1, first) && before(first - 1))
        first--;
    for (let k = 0; k < LEAD_IN && adjacent(first - 1, first) && context(first - 1); k++)
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
        const goesOn = adjacent(i, i + 1) && body(i + 1);
        if (body(i) || introduces(i) || ((blank(i) || line.noise) && goesOn)) {
            last = i;
            since++;
            continue;
        }
        break;
    }
    for (let t = 0; t < TRAILER && adjacent(last, last + 1) && context(last + 1); t++)
        last++;
    return { first, last, score };
}
/** A rule of dashes or equals signs, possibly behind a level tag: it separates, it says nothing. */
const SEPARATOR = /^(?:\[[A-Z]+\] ?)?[-=_*~#\s]{3,}$/;
const LEVEL_TAG = /^\[(?:INFO|WARNING|WARN|DEBUG|ERROR|FATAL)\]/;
/** The tag a tool puts on every line of an error block, e.g. Maven's `[ERROR]` or npm's `npm ERR!`. */
function tagOf(text) {
    return /^(?:\[(?:ERROR|FATAL)\]|npm ERR!|npm error)(?= |$)/.exec(text)?.[0] ?? null;
}
/**
 * The blocks of the seeds (in log order): a seed inside the block before it adds to that block
 * (growing it again would find the same lines, and a flood of errors would cost quadratic time);
 * overlapping or touching blocks become one. Many seeds together add a little weight.
 */
function blocksOf(lines, seeds) {
    const blocks = [];
    const seedsIn = [];
    for (const seed of seeds) {
        const last = blocks[blocks.length - 1];
        if (last && seed <= last.last) {
            seedsIn[blocks.length - 1]++;
            continue;
        }
        const block = grow(lines, seed);
        if (last && block.first <= last.last + 1 && lines[block.first].n <= lines[last.last].n + 1) {
            last.last = Math.max(last.last, block.last);
            last.score = Math.max(last.score, block.score);
            seedsIn[blocks.length - 1]++;
        }
        else {
            blocks.push(block);
            seedsIn.push(1);
        }
    }
    blocks.forEach((block, i) => (block.score += 0.15 * Math.min(3, seedsIn[i] - 1)));
    return blocks;
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

;// CONCATENATED MODULE: ./src/triage/stream.ts
/**
 * The streaming pass over a job log: blocks of whole lines go through the keyword scanner, lines
 * are counted without being decoded, and only the raw bytes of the lines around hits (and of the
 * stack trace or indented detail that follows them) are copied into the bounded candidate store.
 * Step headers and runner error markers are decoded on the spot (they are few); everything else
 * kept is decoded once, at the end.
 */







/** Lines kept before the first hit of a window and after its last. */
const BEFORE = 3;
const AFTER = 12;
/**
 * Past those, a window goes on while lines continue the block above them (stack frames,
 * indented details, "Caused by:"), up to this many more: a stack trace is one cause.
 */
const stream_CONTINUATION = 48;
/** Hits this close together share a window. */
const JOIN_GAP = 4;
const MAX_WINDOW_LINES = 48;
const MAX_ERROR_LINES = 500;
/** Lines kept from the end of what was read: context across blocks, the excerpt of last resort. */
const TAIL_LINES = 10;
/**
 * The windows drawn up over one block, as parallel arrays reused from block to block: a huge log
 * has a hundred thousand of them, and only the few that are kept become objects.
 */
class Drafts {
    count = 0;
    beginLine = new Int32Array(1024);
    firstHitLine = new Int32Array(1024);
    firstHitStart = new Int32Array(1024);
    lastHitLine = new Int32Array(1024);
    weight = new Uint8Array(1024);
    /** A hit joins the last window when close enough, else opens a new one. */
    hit(line, start, weight) {
        const last = this.count - 1;
        if (last >= 0 && line - this.lastHitLine[last] <= JOIN_GAP && line - this.beginLine[last] < MAX_WINDOW_LINES) {
            this.lastHitLine[last] = line;
            if (weight > this.weight[last])
                this.weight[last] = weight;
            return;
        }
        if (this.count === this.weight.length)
            this.grow();
        const i = this.count++;
        this.beginLine[i] = Math.max(1, line - BEFORE);
        this.firstHitLine[i] = line;
        this.firstHitStart[i] = start;
        this.lastHitLine[i] = line;
        this.weight[i] = weight;
    }
    get(i) {
        return { beginLine: this.beginLine[i], firstHitLine: this.firstHitLine[i], firstHitStart: this.firstHitStart[i], lastHitLine: this.lastHitLine[i], weight: this.weight[i] };
    }
    grow() {
        const size = this.weight.length * 2;
        const copy = (a, b) => (b.set(a), b);
        this.beginLine = copy(this.beginLine, new Int32Array(size));
        this.firstHitLine = copy(this.firstHitLine, new Int32Array(size));
        this.firstHitStart = copy(this.firstHitStart, new Int32Array(size));
        this.lastHitLine = copy(this.lastHitLine, new Int32Array(size));
        this.weight = copy(this.weight, new Uint8Array(size));
    }
}
class stream_LogStream {
    lines = 0;
    binaryLines = 0;
    lineCut = false;
    errorLines = [];
    store = new CandidateStore();
    segments = new SegmentTracker();
    maxLineBytes;
    scan = new BlockScan();
    drafts = new Drafts();
    tail = { start: 1, lines: [], cut: new Set() };
    owed = [];
    constructor(maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }
    push(bytes) {
        // A plain view: Buffer methods (subarray, slice) go through the species constructor, slowly.
        const block = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
        const firstLine = this.lines + 1;
        if (this.owed.length > 0)
            this.payOwed(block);
        const scan = this.scan;
        scanBlock(block, KEYWORD_TABLES, scan);
        // Invalid UTF-8 is rare: only then is every line checked.
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(block))
            this.binaryLines += countInvalidLines(block);
        if (scan.longest > this.maxLineBytes)
            this.lineCut = true;
        const drafts = this.drafts;
        drafts.count = 0;
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
                drafts.hit(line, start, scan.weight[h]);
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
        // The commonest structural lines need no decoding: a group's end, a group that is not a step
        // (`##[group]Operating System`), and error markers once enough are known.
        const content = skipTimestamp(block, start, end);
        if (kind & KIND_ENDGROUP && startsWith(block, content, end, ENDGROUP))
            return this.segments.endgroup(line);
        if (kind === KIND_GROUP && startsWith(block, content, end, GROUP) && !startsWith(block, content + GROUP.length, end, RUN) && block[content + GROUP.length] !== 0x1b)
            return;
        if (kind === KIND_ERROR_MARKER && this.errorLines.length >= MAX_ERROR_LINES)
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
    /** The newest drafts always stay; older ones compete for the ranked store. */
    keepDrafts(block, firstLine, drafts) {
        const split = Math.max(0, drafts.count - RECENT_WINDOWS);
        for (let i = 0; i < split; i++) {
            if (this.store.wouldAccept(drafts.weight[i], drafts.lastHitLine[i] + AFTER - drafts.beginLine[i] + 1)) {
                this.store.addRanked(this.copyWindow(block, firstLine, drafts.get(i)));
            }
        }
        for (let i = split; i < drafts.count; i++) {
            for (const pushedOut of this.store.addRecent(this.copyWindow(block, firstLine, drafts.get(i))))
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
        const line = Math.max(draft.beginLine, firstLine);
        if (window.lines.length === 0)
            window.start = line;
        // Walk back from the first hit to the window's first line in this block.
        let offset = draft.firstHitStart;
        for (let l = draft.firstHitLine; l > line; l--)
            offset = block.lastIndexOf(10, offset - 2) + 1;
        const debt = { window, fixed: draft.lastHitLine + AFTER - line + 1, continuation: stream_CONTINUATION };
        if (this.extend(debt, block, offset))
            this.owed.push(debt);
        return window;
    }
    payOwed(block) {
        const owed = this.owed;
        this.owed = [];
        for (const debt of owed)
            if (this.extend(debt, block, 0))
                this.owed.push(debt);
    }
    /**
     * Copies the lines a window is owed from `offset` on: the fixed ones, then those that continue
     * the block above. Returns true when the block ended before the debt was settled.
     */
    extend(debt, block, offset) {
        const starts = [];
        const ends = [];
        let at = offset;
        while (at < block.length) {
            let end = block.indexOf(10, at);
            if (end < 0)
                end = block.length;
            if (debt.fixed > 0)
                debt.fixed--;
            else if (debt.continuation > 0 && continuesError(normalizeLine(this.decode(block.subarray(at, end))).text))
                debt.continuation--;
            else {
                debt.continuation = 0;
                break;
            }
            starts.push(at);
            ends.push(end);
            at = end + 1;
        }
        this.copyLines(debt.window, block, starts, ends, debt.window.start + debt.window.lines.length);
        return at >= block.length && (debt.fixed > 0 || debt.continuation > 0);
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
        const starts = [];
        const ends = [];
        let end = block.length > 0 && block[block.length - 1] === 10 ? block.length - 1 : block.length;
        for (let line = this.lines; line >= start; line--) {
            const begin = block.lastIndexOf(10, end - 1) + 1;
            starts.unshift(begin);
            ends.unshift(end);
            end = begin - 1;
        }
        this.copyLines(kept, block, starts, ends, start);
        return kept;
    }
    /**
     * Copies lines out of the block (which the caller may reuse), each capped to the line limit:
     * one copy for the lot, unless a line is so long that the copy would keep far more than the caps.
     */
    copyLines(into, block, starts, ends, firstN) {
        if (starts.length === 0)
            return;
        const from = starts[0];
        const to = ends[ends.length - 1];
        const max = this.maxLineBytes;
        const shared = to - from <= starts.length * max ? block.slice(from, to) : null;
        for (let i = 0; i < starts.length; i++) {
            const start = starts[i];
            const end = ends[i];
            const capped = Math.min(end, start + max);
            into.lines.push(shared ? shared.subarray(start - from, capped - from) : block.slice(start, capped));
            if (end > capped)
                into.cut.add(firstN + i);
        }
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
const ENDGROUP = Buffer.from('##[endgroup]');
const GROUP = Buffer.from('##[group]');
const RUN = Buffer.from('Run ');
function startsWith(block, at, end, prefix) {
    if (end - at < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (block[at + i] !== prefix[i])
            return false;
    return true;
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
const KNOWN_FACTOR = 0.2;
async function triageStream(source, options = {}) {
    const o = withDefaults(options);
    const blocks = new line_blocks_LineBlocks(o.maxLineLength, o.maxBytes);
    const stream = new stream_LogStream(o.maxLineLength);
    for await (const chunk of source) {
        for (const block of blocks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))
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
    for (const block of blocks.push(Buffer.from(text, 'utf8')))
        stream.push(block);
    return finish(stream, blocks, o);
}
function withDefaults(options) {
    return {
        ...options,
        maxExcerptLines: triage_positive(options.maxExcerptLines, DEFAULTS.maxExcerptLines),
        maxLineLength: triage_positive(options.maxLineLength, DEFAULTS.maxLineLength),
        maxBytes: triage_positive(options.maxBytes, DEFAULTS.maxBytes)
    };
}
function triage_positive(value, fallback) {
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
    // The fingerprint must not depend on whether a green run was found: it is computed from the
    // excerpt triage picks without the baseline, which the excerpt shown may reorder.
    const unaided = o.baseline ? scored.map((line) => ({ ...line })) : scored;
    const demoted = o.baseline ? demoteKnown(scored, o.baseline) : 0;
    const pick = (lines) => {
        demoteEchoes(lines);
        const picked = selectExcerpt(lines, { maxLines: o.maxExcerptLines, maxChars: MAX_EXCERPT_CHARS, lineChars: DISPLAY_LINE }).map((i) => ({ line: stored[i], score: lines[i].score }));
        return picked.length > 0 ? picked : stream.lastLines().filter((l) => l.text !== '').slice(-Math.min(10, o.maxExcerptLines)).map((line) => ({ line, score: 0 }));
    };
    const picked = pick(scored);
    const redactions = {};
    const shown = new Map();
    const display = (line) => {
        let text = shown.get(line.n);
        if (text === undefined)
            shown.set(line.n, (text = clip(redact(line.text, redactions), DISPLAY_LINE, line.cut)));
        return text;
    };
    const excerptLines = picked.map(({ line }) => ({ n: line.n, text: display(line) }));
    const signature = signatureOf(unaided === scored ? picked : pick(unaided), display);
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
        redactions,
        baseline: o.baseline
            ? { lines: o.baseline.lines, templates: o.baseline.templates, demoted, seenInGreen: picked.filter(({ line }) => inBaseline(o.baseline, line.text)).map(({ line }) => line.n) }
            : null
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
/**
 * Lines the green run printed too keep a fifth of their score: a known signature seen in a green
 * run (7 → 1.4) ranks below a new line that names a cause or carries a runner error marker, and
 * still above a new line that merely holds a failure word. Returns how many lines it demoted.
 */
function demoteKnown(lines, baseline) {
    let demoted = 0;
    for (const line of lines) {
        if (line.score <= 0 || !inBaseline(baseline, line.text))
            continue;
        line.score *= KNOWN_FACTOR;
        demoted++;
    }
    return demoted;
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
/**
 * Lines that end almost every failed step ("Process completed with exit code 1."): they say that
 * something failed, not what. Two different failures must not share a fingerprint because both
 * end this way, so these never make the signature on their own.
 */
const GENERIC_ENDINGS = [
    /^(?:error: )?process completed with exit code 0\.?$/,
    /^(?:error: )?the process '[^']{1,200}' failed with exit code 0\.?$/,
    /^(?:error: )?the operation was canceled\.?$/,
    /^(?:error: )?exit code 0$/,
    /^(?:make(?:\[0\])?: \*\*\* \[[^\]]{1,200}\] error 0|error: command failed with exit code 0\.?|npm err! code elifecycle)$/
];
const isGeneric = (text) => GENERIC_ENDINGS.some((pattern) => pattern.test(text));
/** The strongest excerpt lines as shown (redacted, clipped), made stable: what the fingerprint is computed from. */
function signatureOf(picked, display) {
    const top = Math.max(0, ...picked.map((p) => p.score));
    const out = [];
    for (const { line, score } of picked) {
        if (top > 0 && score < top * 0.6)
            continue;
        const text = stableText(display(line));
        if (text !== '' && !isGeneric(text) && !out.includes(text))
            out.push(text);
        if (out.length === SIGNATURE_LINES)
            break;
    }
    if (out.length > 0)
        return out;
    // Only generic endings scored: what the step printed just before them tells failures apart.
    const context = [];
    for (const { line } of [...picked].reverse()) {
        const text = stableText(display(line));
        if (text !== '' && !isGeneric(text) && !context.includes(text))
            context.unshift(text);
        if (context.length === SIGNATURE_LINES)
            break;
    }
    if (context.length > 0)
        return context;
    return picked.map(({ line }) => stableText(display(line))).filter((text, i, all) => text !== '' && all.indexOf(text) === i).slice(0, SIGNATURE_LINES);
}

;// CONCATENATED MODULE: ./src/cli/analyze.ts
/**
 * `ci-monitor analyze PATH [--json] [--green GREEN_PATH]`: the diagnosis of a job log saved to a
 * local file, streamed through the same triage and classification the action runs. `--green`
 * names the same job's log from a successful run, the comparison the action makes with the last
 * green run.
 */





const CHUNK = 1024 * 1024;
async function analyzeCommand(args, io) {
    if (args.includes('-h') || args.includes('--help')) {
        io.stdout.write(USAGE);
        return 0;
    }
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
        io.stderr.write(`ci-monitor analyze: ${parsed} (usage: ci-monitor analyze PATH [--json] [--green GREEN_PATH])\n`);
        return USAGE_ERROR;
    }
    let baseline = null;
    if (parsed.green !== null) {
        const green = parsed.green;
        try {
            baseline = await withFile(green, (handle) => buildBaseline(handle.createReadStream({ highWaterMark: CHUNK, autoClose: false })));
        }
        catch (error) {
            io.stderr.write(`ci-monitor analyze: cannot read ${printable(green)}: ${reason(error)}\n`);
            return USAGE_ERROR;
        }
    }
    try {
        const triage = await withFile(parsed.path, (handle) => triageStream(handle.createReadStream({ highWaterMark: CHUNK, autoClose: false }), baseline ? { baseline } : {}));
        const diagnosis = classify(triage);
        io.stdout.write(parsed.json ? `${JSON.stringify(toJson(triage, diagnosis))}\n` : report(parsed.path, triage, diagnosis));
        return 0;
    }
    catch (error) {
        io.stderr.write(`ci-monitor analyze: cannot read ${printable(parsed.path)}: ${reason(error)}\n`);
        return USAGE_ERROR;
    }
}
/** Opens a file (not a directory) for `use`, and closes it whatever happens. */
async function withFile(path, use) {
    const handle = await (0,promises_namespaceObject.open)(path, 'r');
    try {
        if ((await handle.stat()).isDirectory())
            throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        return await use(handle);
    }
    finally {
        await handle.close();
    }
}
function parseArgs(args) {
    let json = false;
    let green = null;
    const paths = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--json')
            json = true;
        else if (arg === '--green' || arg.startsWith('--green=')) {
            if (green !== null)
                return '--green given twice';
            const value = arg === '--green' ? args[++i] : arg.slice('--green='.length);
            if (!value)
                return '--green needs a path';
            green = value;
        }
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
    return { path: paths[0], json, green };
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
        ruleId: diagnosis.ruleId,
        ...(triage.baseline ? { comparedWithGreen: { lines: triage.baseline.lines, demoted: triage.baseline.demoted } } : {})
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

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/util.js

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function util_assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            util_assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        util_assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function util_isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const util_allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (util_isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (util_isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function util_issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/core.js
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/memoizer.js

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack, resolve);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (spread && !desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = rawShape(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw, true) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack, false) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a new built-in kind becomes a compile error here
            kind;
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
/**
 * Whether one parse can re-enter this schema, i.e. its subtree contains a cycle.
 * Exported for `z.compile`, which refuses to compile such a schema: cycle
 * breaking is driven from here off state keyed on the parse context, and a
 * generated fast path has no context to key on.
 */
function isRecursiveSchema(inst) {
    // z.compile never parses, so nothing would ever resolve a lazy for it; it runs once and already treats a throw here as recursive
    return isRecursive(inst, new Set(), true) !== NONE;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const memoizer_open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        memoizer_open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set(), false);
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = memoizer_open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = memoizer_open.length > depth ? memoizer_open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/regexes.js

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function regexes_anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ regexes_anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const regexes_boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/checks.js
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ $constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ $constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ $constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ $constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ $constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ $constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ $constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(...prefixIssues(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ $constructor("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    hide(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
});
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/doc.js
class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ $constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ $constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ $constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ $constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ $constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ $constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ $constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ $constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ $constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ $constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ $constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ $constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ $constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ $constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ $constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ $constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ $constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ $constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ $constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ $constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ $constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ $constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ $constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ $constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes_boolean;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodBigInt = /*@__PURE__*/ $constructor("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = bigint;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ $constructor("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    util_assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = util_isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ $constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = cached(() => normalizeDef(def));
    const memo = globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = util_isObject;
    const jit = !globalConfig.jitless;
    const allowsEval = util_allowsEval;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
(/* unused pure expression or super */ null && (core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    util.defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    util.assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = util.rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = util.cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
})));
const $ZodIntersection = /*@__PURE__*/ $constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ $constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ $constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ $constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ $constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ $constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
})));
const $ZodReadonly = /*@__PURE__*/ $constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(util_issue(_iss));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/registries.js
var registries_a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(registries_a = globalThis).__zod_globalRegistry ?? (registries_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/api.js




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new $ZodCheckProperties({
        check: "properties",
        shape,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(util_issue(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(util_issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new $ZodCheck({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new $ZodCheck({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/to-json-schema.js


function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                util_assignProp(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function to_json_schema_initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function to_json_schema_processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            to_json_schema_processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
/** @deprecated Renamed to `processSchema`. An export alias declares no binding, so it is safe to keep. */

// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function to_json_schema_extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            util_assignProp(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function to_json_schema_finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") {
        // OpenAPI 3.0 schema objects should not include a $schema property
    }
    else {
        // Arbitrary string values are allowed but won't have a $schema property set
    }
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                util_assignProp(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) {
    }
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = to_json_schema_initializeContext({ ...params, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = to_json_schema_initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/json-schema-processors.js




const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(NUMBER_FORMAT_RANGES),
    bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const bigintProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "BigInt cannot be represented in JSON Schema");
};
const symbolProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Symbols cannot be represented in JSON Schema");
};
const nullProcessor = (_schema, ctx, json, _params) => {
    if (ctx.target === "openapi-3.0") {
        json.type = "string";
        json.nullable = true;
        json.enum = [null];
    }
    else {
        json.type = "null";
    }
};
const undefinedProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Undefined cannot be represented in JSON Schema");
};
const voidProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Void cannot be represented in JSON Schema");
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const anyProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const dateProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = getEnumValues(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) {
        // do nothing (an undefined literal was stripped)
    }
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const nanProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "NaN cannot be represented in JSON Schema");
};
const templateLiteralProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    const pattern = schema._zod.pattern;
    if (!pattern)
        throw new Error("Pattern not found in template literal");
    _json.type = "string";
    _json.pattern = pattern.source;
};
const fileProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    _json.type = "string";
    _json.format = "binary";
    _json.contentEncoding = "binary";
    const { minimum, maximum, mime } = aggregateChecks(schema);
    if (minimum !== undefined)
        _json.minLength = minimum;
    if (maximum !== undefined)
        _json.maxLength = maximum;
    if (!mime)
        return;
    // an empty intersection means the mime checks share no value, so nothing passes at runtime; `anyOf` must be non-empty, so the false schema is `not: {}`
    if (mime.length === 0)
        _json.not = {};
    else if (mime.length === 1)
        _json.contentMediaType = mime[0];
    // only contentMediaType differs, so the shared props stay at the root
    else
        _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
const successProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const functionProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Function types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
const mapProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Map cannot be represented in JSON Schema");
};
const setProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Set cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = to_json_schema_processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        util_assignProp(json.properties, key, to_json_schema_processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = to_json_schema_processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = to_json_schema_processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = to_json_schema_processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? to_json_schema_processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? number : integer).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            util_assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = to_json_schema_processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const promiseProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const lazyProcessor = (schema, ctx, _json, params) => {
    const innerType = schema._zod.innerType;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
// ==================== ALL PROCESSORS ====================
const allProcessors = {
    string: stringProcessor,
    number: numberProcessor,
    boolean: booleanProcessor,
    bigint: bigintProcessor,
    symbol: symbolProcessor,
    null: nullProcessor,
    undefined: undefinedProcessor,
    void: voidProcessor,
    never: neverProcessor,
    any: anyProcessor,
    unknown: unknownProcessor,
    date: dateProcessor,
    enum: enumProcessor,
    literal: literalProcessor,
    nan: nanProcessor,
    template_literal: templateLiteralProcessor,
    file: fileProcessor,
    success: successProcessor,
    custom: customProcessor,
    function: functionProcessor,
    transform: transformProcessor,
    map: mapProcessor,
    set: setProcessor,
    array: arrayProcessor,
    object: objectProcessor,
    union: unionProcessor,
    intersection: intersectionProcessor,
    tuple: tupleProcessor,
    record: recordProcessor,
    nullable: nullableProcessor,
    nonoptional: nonoptionalProcessor,
    default: defaultProcessor,
    prefault: prefaultProcessor,
    catch: catchProcessor,
    pipe: pipeProcessor,
    readonly: readonlyProcessor,
    promise: promiseProcessor,
    optional: optionalProcessor,
    lazy: lazyProcessor,
};
function toJSONSchema(input, params) {
    if ("_idmap" in input) {
        // Registry case
        const registry = input;
        const ctx = initializeContext({ ...params, processors: allProcessors });
        const defs = {};
        // First pass: process all schemas to build the seen map
        for (const entry of registry._idmap.entries()) {
            const [_, schema] = entry;
            processSchema(schema, ctx);
        }
        const schemas = {};
        const external = {
            registry,
            uri: params?.uri,
            defs,
        };
        // Update the context with external configuration
        ctx.external = external;
        // Second pass: emit each schema
        for (const entry of registry._idmap.entries()) {
            const [key, schema] = entry;
            extractDefs(ctx, schema);
            assignProp(schemas, key, finalize(ctx, schema));
        }
        if (Object.keys(defs).length > 0) {
            const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
            schemas.__shared = {
                [defsSegment]: defs,
            };
        }
        return { schemas };
    }
    // Single schema case
    const ctx = initializeContext({ ...params, processors: allProcessors });
    processSchema(input, ctx);
    extractDefs(ctx, input);
    return finalize(ctx, input);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/locales/en.js

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function en() {
    return {
        localeError: error(),
    };
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/errors.js


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer);
const $ZodRealError = $constructor("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode($ZodRealError);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode($ZodRealError);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync($ZodRealError);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync($ZodRealError);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode($ZodRealError);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode($ZodRealError);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync($ZodRealError);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync($ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/errors.js



/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const errors_initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodError = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodError", errors_initializer)));
const ZodRealError = /*@__PURE__*/ $constructor("ZodError", errors_initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/parse.js


const classic_parse_parse = /* @__PURE__ */ _parse(ZodRealError);
const classic_parse_parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const parse_safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const parse_safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);

// Codec functions
const parse_encode = /* @__PURE__ */ _encode(ZodRealError);
const parse_decode = /* @__PURE__ */ _decode(ZodRealError);
const parse_encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const parse_decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const parse_safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const parse_safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const parse_safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const parse_safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/schemas.js








// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!globalConfig.localeError)
        config(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!globalConfig.memoizer)
        config({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ $constructor("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(mergeDefs(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return clone(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return schemas_default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return schemas_catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return hide(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return classic_parse_parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await classic_parse_parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return parse_safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return parse_safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        own(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return parse_validateAsync(this, data, params);
    },
    encode: function _encode(data, params) {
        return parse_encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return parse_decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await parse_encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await parse_decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return parse_safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return parse_safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return parse_safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return parse_safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ $constructor("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ $constructor("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(api_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(schemas_ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(schemas_ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(schemas_ZodISODuration, params));
    },
});
function schemas_string(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ $constructor("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ $constructor("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const schemas_ZodISODate = /*@__PURE__*/ $constructor("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const schemas_ZodISOTime = /*@__PURE__*/ $constructor("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const schemas_ZodISODuration = /*@__PURE__*/ $constructor("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ $constructor("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_email(params) {
    return core._email(ZodEmail, params);
}
const ZodGUID = /*@__PURE__*/ $constructor("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_guid(params) {
    return core._guid(ZodGUID, params);
}
const ZodUUID = /*@__PURE__*/ $constructor("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_uuid(params) {
    return core._uuid(ZodUUID, params);
}
function uuidv4(params) {
    return core._uuidv4(ZodUUID, params);
}
// ZodUUIDv6
function uuidv6(params) {
    return core._uuidv6(ZodUUID, params);
}
// ZodUUIDv7
function uuidv7(params) {
    return core._uuidv7(ZodUUID, params);
}
const ZodURL = /*@__PURE__*/ $constructor("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function url(params) {
    return core._url(ZodURL, params);
}
function httpUrl(params) {
    return core._url(ZodURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodEmoji = /*@__PURE__*/ $constructor("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_emoji(params) {
    return core._emoji(ZodEmoji, params);
}
const ZodNanoID = /*@__PURE__*/ $constructor("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_nanoid(params) {
    return core._nanoid(ZodNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ $constructor("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
function schemas_cuid(params) {
    return core._cuid(ZodCUID, params);
}
const ZodCUID2 = /*@__PURE__*/ $constructor("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cuid2(params) {
    return core._cuid2(ZodCUID2, params);
}
const ZodULID = /*@__PURE__*/ $constructor("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ulid(params) {
    return core._ulid(ZodULID, params);
}
const ZodXID = /*@__PURE__*/ $constructor("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_xid(params) {
    return core._xid(ZodXID, params);
}
const ZodKSUID = /*@__PURE__*/ $constructor("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ksuid(params) {
    return core._ksuid(ZodKSUID, params);
}
const ZodIPv4 = /*@__PURE__*/ $constructor("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv4(params) {
    return core._ipv4(ZodIPv4, params);
}
const ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMAC", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodMAC.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_mac(params) {
    return core._mac(ZodMAC, params);
}
const ZodIPv6 = /*@__PURE__*/ $constructor("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv6(params) {
    return core._ipv6(ZodIPv6, params);
}
const ZodCIDRv4 = /*@__PURE__*/ $constructor("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv4(params) {
    return core._cidrv4(ZodCIDRv4, params);
}
const ZodCIDRv6 = /*@__PURE__*/ $constructor("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv6(params) {
    return core._cidrv6(ZodCIDRv6, params);
}
const ZodBase64 = /*@__PURE__*/ $constructor("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64(params) {
    return core._base64(ZodBase64, params);
}
const ZodBase64URL = /*@__PURE__*/ $constructor("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64url(params) {
    return core._base64url(ZodBase64URL, params);
}
const ZodE164 = /*@__PURE__*/ $constructor("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_e164(params) {
    return core._e164(ZodE164, params);
}
const ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_creditCard(params) {
    return core._creditCard(ZodCreditCard, params);
}
const ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_iban(params) {
    return core._iban(ZodIBAN, params);
}
const ZodJWT = /*@__PURE__*/ $constructor("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function jwt(params) {
    return core._jwt(ZodJWT, params);
}
const ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCustomStringFormat", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodCustomStringFormat.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodCustomStringFormat, format, fnOrRegex, _params);
}
function schemas_hostname(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hostname", regexes.hostname, _params);
}
function schemas_hex(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hex", regexes.hex, _params);
}
function schemas_currencyCode(_params) {
    return core._stringFormat(ZodCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodCustomStringFormat, format, regex, params);
}
const ZodNumber = /*@__PURE__*/ $constructor("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(schemas_int(params));
    },
    safe(params) {
        return this.check(schemas_int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function schemas_number(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ $constructor("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function schemas_int(params) {
    return _int(ZodNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ $constructor("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json, params);
});
function schemas_boolean(params) {
    return _boolean(ZodBoolean, params);
}
const ZodBigInt = /*@__PURE__*/ $constructor("ZodBigInt", (inst, def) => {
    $ZodBigInt.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => bigintProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => aggregateChecks(inst).minimum ?? null,
    maxValue: (inst) => aggregateChecks(inst).maximum ?? null,
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    positive(params) {
        return this.check(_gt(BigInt(0), params));
    },
    negative(params) {
        return this.check(_lt(BigInt(0), params));
    },
    nonpositive(params) {
        return this.check(_lte(BigInt(0), params));
    },
    nonnegative(params) {
        return this.check(_gte(BigInt(0), params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
}));
function schemas_bigint(params) {
    return core._bigint(ZodBigInt, params);
}
const ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodBigIntFormat, params);
}
const ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.symbolProcessor(inst, ctx, json, params);
})));
function symbol(params) {
    return core._symbol(ZodSymbol, params);
}
const ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.undefinedProcessor(inst, ctx, json, params);
})));
function schemas_undefined(params) {
    return core._undefined(ZodUndefined, params);
}

const ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nullProcessor(inst, ctx, json, params);
})));
function schemas_null(params) {
    return core._null(ZodNull, params);
}

const ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.anyProcessor(inst, ctx, json, params);
})));
function any() {
    return core._any(ZodAny);
}
const ZodUnknown = /*@__PURE__*/ $constructor("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
});
function schemas_unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ $constructor("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
});
function never(params) {
    return _never(ZodNever, params);
}
const ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.voidProcessor(inst, ctx, json, params);
})));
function schemas_void(params) {
    return core._void(ZodVoid, params);
}

const ZodDate = /*@__PURE__*/ $constructor("ZodDate", (inst, def) => {
    $ZodDate.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => dateProcessor(inst, ctx, json, params);
    inst.min = (value, params) => inst.check(_gte(value, params));
    inst.max = (value, params) => inst.check(_lte(value, params));
}, 
/*@__PURE__*/ derived({
    minDate: (inst) => {
        const { minimum } = aggregateChecks(inst);
        return minimum ? new Date(minimum) : null;
    },
    maxDate: (inst) => {
        const { maximum } = aggregateChecks(inst);
        return maximum ? new Date(maximum) : null;
    },
}, {}));
function schemas_date(params) {
    return core._date(ZodDate, params);
}
const ZodArray = /*@__PURE__*/ $constructor("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return _array(ZodArray, element, params);
}
// .keyof
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return schemas_enum(Object.keys(shape));
}
const ZodObject = /*@__PURE__*/ $constructor("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return schemas_enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(mergeDefs(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(mergeDefs(this._zod.def, { catchall: schemas_unknown() }));
    },
    loose() {
        return this.clone(mergeDefs(this._zod.def, { catchall: schemas_unknown() }));
    },
    strict() {
        return this.clone(mergeDefs(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(mergeDefs(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return extend(this, incoming);
    },
    safeExtend(incoming) {
        return safeExtend(this, incoming);
    },
    merge(other) {
        return merge(this, other);
    },
    pick(mask) {
        return pick(this, mask);
    },
    omit(mask) {
        return omit(this, mask);
    },
    partial(...args) {
        return partial(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return partial(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return required(ZodNonOptional, this, args[0]);
    },
});
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodObject(def);
}
// strictObject
function strictObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: never(),
        ...normalizeParams(params),
    });
}
// looseObject
function looseObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: schemas_unknown(),
        ...util.normalizeParams(params),
    });
}
const ZodUnion = /*@__PURE__*/ $constructor("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodXor", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodDiscriminatedUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodDiscriminatedUnion.init(inst, def);
})));
function discriminatedUnion(discriminator, options, params) {
    // const [options, params] = args;
    return new ZodDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
const ZodIntersection = /*@__PURE__*/ $constructor("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodTuple = /*@__PURE__*/ $constructor("ZodTuple", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTuple.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => tupleProcessor(inst, ctx, json, params);
}, {
    rest(rest) {
        return this.clone({
            ...this._zod.def,
            rest: rest,
        });
    },
    partial() {
        const def = this._zod.def;
        // a refinement was authored against the full arity; partialing would run it on a shorter array
        if (def.checks?.length)
            throw new Error(".partial() cannot be used on tuple schemas containing refinements");
        return this.clone({
            ...def,
            items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item })),
        });
    },
});
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof core.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodTuple({
        type: "tuple",
        items: items,
        rest,
        ...util.normalizeParams(params),
    });
}
const ZodRecord = /*@__PURE__*/ $constructor("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: schemas_string(),
            valueType: keyType,
            ...normalizeParams(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
    });
}
// type alksjf = core.output<core.$ZodRecordKey>;
function partialRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMap", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodMap.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.mapProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function map(keyType, valueType, params) {
    return new ZodMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSet", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodSet.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.setProcessor(inst, ctx, json, params);
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function set(valueType, params) {
    return new ZodSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ $constructor("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
});
function schemas_enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}

/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ $constructor("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...normalizeParams(params),
    });
}
const ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.fileProcessor(inst, ctx, json, params);
    inst.min = (size, params) => inst.check(core._minSize(size, params));
    inst.max = (size, params) => inst.check(core._maxSize(size, params));
    inst.mime = (types, params) => inst.check(core._mime(Array.isArray(types) ? types : [types], params));
})));
function file(params) {
    return core._file(ZodFile, params);
}
const ZodTransform = /*@__PURE__*/ $constructor("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(util_issue(issue, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(util_issue(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ $constructor("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ $constructor("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ $constructor("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
function schemas_nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodDefault = /*@__PURE__*/ $constructor("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function schemas_default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ $constructor("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ $constructor("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...normalizeParams(params),
    });
}
const ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.successProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function success(innerType) {
    return new ZodSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodCatch = /*@__PURE__*/ $constructor("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function schemas_catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : constantCatch(catchValue)),
    });
}

const ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nanProcessor(inst, ctx, json, params);
})));
function nan(params) {
    return core._nan(ZodNaN, params);
}
const ZodPipe = /*@__PURE__*/ $constructor("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCodec", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
function codec(in_, out, params) {
    return new ZodCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPreprocess", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodPreprocess.init(inst, def);
})));
const ZodReadonly = /*@__PURE__*/ $constructor("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.templateLiteralProcessor(inst, ctx, json, params);
})));
function templateLiteral(parts, params) {
    return new ZodTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.lazyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.getter();
})));
function lazy(getter) {
    return new ZodLazy({
        type: "lazy",
        getter: getter,
    });
}
const ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.promiseProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function promise(innerType) {
    return new ZodPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.functionProcessor(inst, ctx, json, params);
})));
function _function(params) {
    return new ZodFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(schemas_unknown())),
        output: params?.output ?? schemas_unknown(),
    });
}

const ZodCustom = /*@__PURE__*/ $constructor("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
// custom checks
function check(fn) {
    const ch = new core.$ZodCheck({
        check: "custom",
        // ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
function custom(fn, _params) {
    return core._custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}
// Re-export describe and meta from core
const schemas_describe = describe;
const schemas_meta = meta;
const ZodInstanceOf = /*@__PURE__*/ $constructor("ZodInstanceOf", (inst, def) => {
    ZodCustom.init(inst, def);
}, {
    properties(shape, params) {
        // asserts in place, so the narrowed output type is truthful without a wrapper
        return this.check(_properties(shape, params));
    },
});
function _instanceof(cls, params = {}) {
    const inst = new ZodInstanceOf({
        type: "custom",
        check: "custom",
        fn: (data) => data instanceof cls,
        abort: true,
        ...util.normalizeParams(params),
    });
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodCodec,
    Boolean: ZodBoolean,
    String: ZodString,
}, ...args);
function json(params) {
    const jsonSchema = lazy(() => {
        return union([schemas_string(params), schemas_number(), schemas_boolean(), schemas_null(), array(jsonSchema), record(schemas_string(), jsonSchema)]);
    });
    return jsonSchema;
}
// preprocess
function preprocess(fn, schema) {
    return new ZodPreprocess({
        type: "pipe",
        in: transform(fn),
        out: schema,
    });
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/iso.js



function iso_datetime(params) {
    return _isoDateTime(ZodISODateTime, params);
}
function iso_date(params) {
    return core._isoDate(ZodISODate, params);
}
function iso_time(params) {
    return core._isoTime(ZodISOTime, params);
}
function iso_duration(params) {
    return core._isoDuration(ZodISODuration, params);
}

;// CONCATENATED MODULE: ./src/notify/escape.ts
/**
 * Making untrusted text inert wherever ci-monitor shows it. Log lines, branch names, commit
 * messages, job names and LLM output come from whoever pushed: here they become plain text in
 * Markdown, in Slack mrkdwn and in the action's own stdout, never markup, mentions or commands.
 */

// ESC-introduced sequences: CSI (colours, cursor), OSC (hyperlinks, clipboard, titles) ended by
// BEL or ST (or by nothing: an unterminated OSC swallows the rest), DCS/SOS/PM/APC strings, and
// the two-character forms. 8-bit CSI (U+009B) is covered by the C1 strip that follows.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -/]*[0-~])?/g;
// Characters the runner, terminals or renderers treat as line breaks besides \n.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// C0 and C1 controls except tab and newline, DEL, lone surrogates.
const escape_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Bidi embeddings/overrides/isolates and marks, zero-width characters, BOM, Unicode tag
// characters: all can make displayed text differ from what a reader believes it says.
const INVISIBLES = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g;
/** Work on at most this many times the wanted length, so a 1 GB line costs no more than a short one. */
const PRE_CAP_FACTOR = 4;
const PRE_CAP_SLACK = 4096;
const ELLIPSIS = '…';
/**
 * Removes terminal escape sequences, control characters and invisible/bidi characters, and turns
 * every kind of line break into `\n`. Tabs and newlines stay.
 */
function stripUnsafe(text) {
    return text
        .replace(ESCAPE_SEQUENCE, '')
        .replace(LINE_BREAKS, '\n')
        .replace(escape_CONTROLS, '')
        .replace(INVISIBLES, '');
}
/** `stripUnsafe`, then every line break becomes a space: for text that must stay on one line. */
function escape_toSingleLine(text) {
    return stripUnsafe(text).replace(/\n+/g, ' ');
}
/**
 * Shortens text to at most `maxChars` UTF-16 units, ending with an ellipsis when cut, and never
 * splitting a surrogate pair.
 */
function escape_capText(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    if (maxChars <= 0)
        return '';
    let end = maxChars - ELLIPSIS.length;
    if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1)))
        end -= 1;
    return text.slice(0, Math.max(0, end)) + ELLIPSIS;
}
/** Cleans and caps in that order, bounding the cleaning work first. */
function clean(text, maxChars, singleLine) {
    const bounded = text.length > maxChars * PRE_CAP_FACTOR + PRE_CAP_SLACK ? text.slice(0, maxChars * PRE_CAP_FACTOR + PRE_CAP_SLACK) : text;
    return escape_capText(singleLine ? escape_toSingleLine(bounded) : stripUnsafe(bounded), maxChars);
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}
// ---------------------------------------------------------------------------------------------
// GitHub Markdown (job summary, PR bodies, issue comments)
// ASCII punctuation with a meaning in GitHub Markdown; CommonMark lets any of it be backslash-escaped.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~$]/g;
// `@user`, `@org/team`: a ZWSP entity after the `@` keeps the text and loses the ping.
const MARKDOWN_MENTION = /@(?=[A-Za-z0-9])/g;
/**
 * Untrusted text as one line of Markdown inline content: no HTML (comments, tags, entities),
 * no emphasis/links/images/tables, no `@` mentions, at most `maxChars` visible characters.
 * Safe inside table cells, headings and list items.
 */
function escapeMarkdownInline(text, maxChars = 300) {
    return clean(text, maxChars, true)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKDOWN_PUNCTUATION, '\\$&')
        .replace(MARKDOWN_MENTION, '@&#8203;');
}
const CODE_SPAN_CHARS = 300;
/**
 * One line of text as a Markdown code span whose delimiter is longer than any backtick run inside:
 * shown literally, no markup, no mentions. For names (paths, jobs, actions) inside sentences.
 */
function codeSpan(text) {
    const body = clean(text, CODE_SPAN_CHARS, true);
    const fence = '`'.repeat(longestBacktickRun([body]) + 1);
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/**
 * Lines as a fenced code block whose fence is longer than any backtick run inside, so nothing in
 * the lines can close it. Inside a fence GitHub renders no HTML and sends no mention
 * notifications; the lines are still cleaned of control and invisible characters.
 */
function markdownFence(lines, options = {}) {
    const maxLineChars = options.maxLineChars ?? 500;
    const body = lines.map((line) => clean(line, maxLineChars, true));
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
    return `${fence}${options.info ?? ''}\n${body.join('\n')}\n${fence}`;
}
function longestBacktickRun(lines) {
    let longest = 0;
    for (const line of lines) {
        for (const run of line.match(/`+/g) ?? [])
            longest = Math.max(longest, run.length);
    }
    return longest;
}
// ---------------------------------------------------------------------------------------------
// Slack mrkdwn
// Slack's broadcast words; with `<` escaped the `<!here>` forms are already inert, but a bare
// `@here` may still be parsed where text is not verbatim (top-level `text`, link_names).
const SLACK_BROADCAST = /@(here|channel|everyone)\b/gi;
const SLACK_ENTITY_MAX = '&amp;'.length;
/**
 * Untrusted text for a Slack mrkdwn field: `&`, `<`, `>` escaped (so `<!channel>`, `<@U1>`,
 * `<https://x|y>` stay literal), broadcast mentions broken, triple backticks broken (so the text
 * cannot open or close a code block), at most `maxChars` characters after escaping.
 */
function escapeSlack(text, maxChars, singleLine = false) {
    const cleaned = clean(text, maxChars, singleLine);
    const escaped = breakTripleBackticks(cleaned)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(SLACK_BROADCAST, '@\u2060$1');
    return capEscaped(escaped, maxChars);
}
/** Caps already-escaped Slack text without cutting an `&amp;`-style entity in half. */
function capEscaped(escaped, maxChars) {
    if (escaped.length <= maxChars)
        return escaped;
    let end = maxChars - ELLIPSIS.length;
    const amp = escaped.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp > end - SLACK_ENTITY_MAX) {
        const semi = escaped.indexOf(';', amp);
        if (semi === -1 || semi >= end)
            end = amp;
    }
    if (end > 0 && isHighSurrogate(escaped.charCodeAt(end - 1)))
        end -= 1;
    return escaped.slice(0, Math.max(0, end)) + ELLIPSIS;
}
/** Slack has no escape for backticks: a word joiner between them stops a run of three. */
function breakTripleBackticks(text) {
    return text.replace(/``(?=`)/g, '``\u2060');
}
/**
 * Lines as a Slack code block within `maxChars` (including the fences): each line cleaned,
 * escaped and capped; lines that do not fit are dropped from the end and counted.
 */
function slackCodeBlock(lines, maxChars, maxLineChars = 300) {
    const open = '```\n';
    const close = '\n```';
    const budget = maxChars - open.length - close.length;
    const kept = [];
    let used = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = escapeSlack(lines[i] ?? '', maxLineChars, true);
        const more = `… ${lines.length - i} more line${lines.length - i === 1 ? '' : 's'}`;
        const cost = line.length + (kept.length > 0 ? 1 : 0);
        // Keep room for the "… N more lines" note unless this is the last line.
        const reserve = i < lines.length - 1 ? more.length + 1 : 0;
        if (used + cost + reserve > budget) {
            kept.push(more);
            break;
        }
        kept.push(line);
        used += cost;
    }
    return `${open}${kept.join('\n')}${close}`;
}
/**
 * A URL fit for a link or button: http(s) only, no credentials, and percent-encoded where a
 * character would end a Slack `<url|label>` link (`|`) or a Markdown `[label](url)` link (`(`,
 * `)`). Returns null for anything else, so a hostile value drops the link instead of becoming one.
 */
function safeLinkUrl(url) {
    if (!url || url.length > 3000)
        return null;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return null;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return null;
    if (parsed.username || parsed.password)
        return null;
    const href = parsed.href.replace(/[|()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    return /[\s<>"]/.test(href) ? null : href;
}
// ---------------------------------------------------------------------------------------------
// Workflow commands (the action's own stdout)
/** A fresh random token for `::stop-commands::`, unguessable and unique per run. */
function newStopCommandsToken() {
    return `ci-monitor-${randomBytes(16).toString('hex')}`;
}
/**
 * Lines bracketed by `::stop-commands::<token>` … `::<token>::`, so the runner executes none of
 * the workflow commands (`::add-mask::`, `::error::`, `::stop-commands::`) they may hold. Each
 * line is cleaned and kept on one physical line (the runner also splits on `\r`), and the token
 * itself is removed from the lines so they cannot resume command processing early.
 */
function stopCommands(lines, token) {
    if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) {
        throw new Error('stop-commands token must be at least 16 letters, digits, "-" or "_"');
    }
    const body = lines.map((line) => removeAll(escape_toSingleLine(line), token));
    return [`::stop-commands::${token}`, ...body, `::${token}::`].join('\n');
}
/** Removes `needle` until none is left (a single pass could join two halves into a new one). */
function removeAll(text, needle) {
    let out = text;
    while (out.includes(needle))
        out = out.split(needle).join('');
    return out;
}
/**
 * Untrusted text for the data part of an annotation (`core.error(message)`): cleaned, capped.
 * `@actions/core` percent-encodes `\r`, `\n` and `%`, so newlines may stay; the other line
 * breaks the runner honours are already gone.
 */
function annotationText(text, maxChars) {
    return clean(text, maxChars, false);
}

;// CONCATENATED MODULE: ./src/state/records.ts
/**
 * What ci-monitor writes to its state branch. Every document carries `schema_version`, so later
 * versions can migrate older ones and refuse newer ones. Keys are snake_case, the JSON convention.
 */
const records_SCHEMA_VERSION = 1;
/** One file per run attempt: analysing the same attempt again replaces its record, never doubles it. */
function runRecordPath(runId, attempt) {
    return `runs/${runId}/attempt-${attempt}.json`;
}
function records_serialize(document) {
    return JSON.stringify(document, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/state/audit.ts
/**
 * The audit trail: one JSON line per thing ci-monitor decided or did, in monthly files
 * `audit/<YYYY>-<MM>.jsonl` on the state branch. Every line carries the SHA-256 of the line before
 * it (`prev`) and its own (`hash`), and the chain runs across months from a fixed genesis value,
 * so an edited, removed, inserted or reordered line is detectable. `audit/HEAD.json` names the tip
 * of the chain, so a trail cut short at its end is detectable too.
 *
 * Everything here is pure except `auditFileChanges`, which only calls the reader it is given.
 */




/** `prev` of the very first entry of the trail. */
const AUDIT_GENESIS = '0'.repeat(64);
const AUDIT_HEAD_PATH = 'audit/HEAD.json';
/** Details are capped so one hostile error message cannot bloat the trail. */
const MAX_DETAIL_CHARS = 1000;
const MONTH_FILE = /^audit\/(\d{4})-(0[1-9]|1[0-2])\.jsonl$/;
const sha256Hex = schemas_string().regex(/^[0-9a-f]{64}$/);
const actorSchema = strictObject({ token_login: schemas_string().nullable(), triggered_by: schemas_string().nullable() });
const entryFields = {
    at: iso_datetime(),
    kind: schemas_string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    actor: actorSchema,
    run_id: schemas_number().int().positive().nullable(),
    attempt: schemas_number().int().positive().nullable(),
    fingerprint: schemas_string().regex(/^[0-9a-f]{8,64}$/).nullable(),
    inputs_digest: sha256Hex.nullable(),
    outcome: schemas_string().min(1).max(100),
    detail: schemas_string().max(MAX_DETAIL_CHARS)
};
const entryInputSchema = strictObject(entryFields);
// Strict: a field added to a written line is an edit, even though the hash would not cover it.
const entrySchema = strictObject({ ...entryFields, seq: schemas_number().int().positive(), prev: sha256Hex, hash: sha256Hex });
const headSchema = strictObject({
    schema_version: literal(records_SCHEMA_VERSION),
    kind: literal('audit-head'),
    path: schemas_string().regex(MONTH_FILE),
    seq: schemas_number().int().positive(),
    hash: sha256Hex
});
/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace: one text per value,
 * whatever order the fields were built in (the RFC 8785 ordering; numbers as JSON.stringify writes them).
 */
function canonicalJson(value) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new Error('canonical JSON has no representation for a non-finite number');
        return JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (typeof value === 'object') {
        const record = value;
        const keys = Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort();
        return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    throw new Error(`canonical JSON has no representation for a ${typeof value}`);
}
function sha256(text) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/** The hash of an entry as written: everything but `hash` itself, chained to `prev`. */
function hashOf(entry) {
    const { hash: _hash, ...rest } = entry;
    return sha256(String(rest['prev']) + canonicalJson(rest));
}
/** The monthly file an entry appended at `at` belongs to (UTC). */
function auditPath(at) {
    return `audit/${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}.jsonl`;
}
function isAuditMonthPath(path) {
    return MONTH_FILE.test(path);
}
// ---------------------------------------------------------------------------------------------
// What goes in
const INPUT_FIELDS = {
    githubToken: 'secret',
    runId: 'value',
    configPath: 'value',
    llmApiKey: 'secret',
    llmBaseUrl: 'url',
    llmModel: 'value',
    llmTimeoutSeconds: 'value',
    llmTokenBudget: 'value',
    slackBotToken: 'secret',
    slackChannel: 'value',
    slackApiUrl: 'url',
    fixToken: 'secret',
    stateBranch: 'value',
    dryRun: 'value',
    approval: 'value',
    mode: 'value'
};
/**
 * SHA-256 of the effective configuration and inputs, without secrets: the same settings give the
 * same digest, so the trail shows when a decision was made under other settings. A secret input
 * is represented only by whether it was set (it changes what ci-monitor may do), and URLs lose any
 * credentials. Every input must be classified above: a new input does not compile until it is.
 */
function inputsDigest(config, inputs) {
    const effective = {};
    for (const key of Object.keys(INPUT_FIELDS)) {
        const value = inputs[key];
        const treatment = INPUT_FIELDS[key];
        if (treatment === 'secret')
            effective[`${key}_set`] = value !== '';
        else if (treatment === 'url')
            effective[key] = withoutCredentials(String(value));
        else
            effective[key] = value;
    }
    return sha256(canonicalJson({ config, inputs: effective }));
}
function withoutCredentials(url) {
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        return parsed.href;
    }
    catch {
        return url;
    }
}
/** Decisions that deliver a fix; any other decision on a failure that had one refused it. */
const FIX_DELIVERED = new Set(['open-pr', 'deliver-patch']);
/**
 * The entries one analysed run attempt adds: per job its analysis and the gate's verdict (and a
 * refusal when a fix was diagnosed but not delivered), then every effect (pull request, re-run,
 * Slack message, patch …) with its outcome.
 */
function auditEntriesForRun(record, context) {
    const base = { actor: context.actor, run_id: record.run.id, attempt: record.run.attempt, inputs_digest: context.inputsDigest };
    const entries = [];
    for (const job of record.jobs) {
        const { diagnosis } = job;
        entries.push({
            ...base,
            at: record.analysed_at,
            kind: 'analysis',
            fingerprint: job.fingerprint,
            outcome: `${diagnosis.owner}/${diagnosis.category}`,
            detail: `${job.name}: ${diagnosis.rule_id ? `rule ${diagnosis.rule_id}` : diagnosis.engine}, confidence ${diagnosis.confidence.toFixed(2)}`
        });
        entries.push({
            ...base,
            at: record.analysed_at,
            kind: 'gate-verdict',
            fingerprint: job.fingerprint,
            outcome: job.decision.action,
            detail: `${job.name}: ${job.decision.reasons.join(' ')}`
        });
        if (diagnosis.fix !== null && !FIX_DELIVERED.has(job.decision.action)) {
            entries.push({
                ...base,
                at: record.analysed_at,
                kind: 'refusal',
                fingerprint: job.fingerprint,
                outcome: `${diagnosis.fix}-not-applied`,
                detail: `${job.name}: the ${diagnosis.fix} fix was not applied; ${job.decision.action} instead.`
            });
        }
    }
    for (const effect of record.effects) {
        entries.push({
            ...base,
            at: effect.at,
            kind: effect.kind,
            fingerprint: null,
            outcome: effect.outcome,
            detail: effect.url ? `${effect.detail} ${effect.url}` : effect.detail
        });
    }
    return entries;
}
// ---------------------------------------------------------------------------------------------
// Appending
class AuditChainError extends (/* unused pure expression or super */ null && (Error)) {
}
/**
 * Appends entries to a monthly file's text, chained to its last line (or to `previousHash`, the
 * tip of the chain before this month, when the file is new). An entry the file already holds —
 * same kind, run, attempt, fingerprint, outcome and detail; time and actor aside — is skipped, so
 * calling this again on a fresh read after a lost race, or for a re-delivered event, never
 * appends twice. Throws `AuditChainError` when the existing text cannot be extended.
 */
function appendEntries(existingText, entries, previousHash = AUDIT_GENESIS) {
    if (!sha256Hex.safeParse(previousHash).success)
        throw new AuditChainError('previousHash must be a SHA-256 hex digest');
    const existing = existingText ?? '';
    const known = new Set();
    let tip = null;
    const lines = existing.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    for (const [index, line] of lines.entries()) {
        let raw;
        try {
            raw = JSON.parse(line);
        }
        catch {
            throw new AuditChainError(`line ${index + 1} is not valid JSON`);
        }
        const parsed = entrySchema.safeParse(raw);
        if (!parsed.success)
            throw new AuditChainError(`line ${index + 1} is not an audit entry`);
        known.add(idempotencyKey(parsed.data));
        tip = { seq: parsed.data.seq, hash: parsed.data.hash };
    }
    const appended = [];
    let duplicates = 0;
    for (const input of entries) {
        const normalised = normalise(input);
        const key = idempotencyKey(normalised);
        if (known.has(key)) {
            duplicates++;
            continue;
        }
        known.add(key);
        const unhashed = { ...normalised, seq: (tip?.seq ?? 0) + 1, prev: tip?.hash ?? previousHash };
        const entry = { ...unhashed, hash: hashOf(unhashed) };
        appended.push(entry);
        tip = { seq: entry.seq, hash: entry.hash };
    }
    if (appended.length === 0)
        return { text: existing, appended, duplicates, tip };
    const prefix = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
    return { text: prefix + appended.map((entry) => `${canonicalJson(entry)}\n`).join(''), appended, duplicates, tip };
}
function normalise(input) {
    const entry = { ...input, actor: { ...input.actor }, detail: capText(input.detail, MAX_DETAIL_CHARS) };
    const parsed = entryInputSchema.safeParse(entry);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AuditChainError(`not a valid audit entry (${issue?.path.join('.') || 'entry'}: ${issue?.message})`);
    }
    return entry;
}
function idempotencyKey(entry) {
    return canonicalJson([entry.kind, entry.run_id, entry.attempt, entry.fingerprint, entry.outcome, entry.detail]);
}
/**
 * The files to write to append entries to the trail, computed from the branch tip through `read`
 * (the state store's reader, called again after every lost race). The entries go to the newest
 * month, never an older one, so a writer whose clock lags cannot fork the chain at a month
 * boundary. When the trail does not match its HEAD it was changed outside ci-monitor: nothing is
 * appended (appending would bury the evidence) and `problem` says so.
 */
async function auditFileChanges(read, entries, now) {
    const none = (problem) => ({ changes: [], appended: 0, duplicates: 0, problem });
    if (entries.length === 0)
        return none(null);
    const refuse = (why) => none(`${why}: audit entries not appended. Run \`ci-monitor audit verify\` on a clone of the state branch.`);
    const headText = await read(AUDIT_HEAD_PATH);
    const head = headText === null ? null : parseHead(headText);
    if (head === 'invalid')
        return refuse(`${AUDIT_HEAD_PATH} is not readable`);
    const own = auditPath(now);
    const path = head && head.path > own ? head.path : own;
    const text = await read(path);
    let previousHash = AUDIT_GENESIS;
    let lastEntry;
    try {
        lastEntry = appendEntries(text, []).tip;
    }
    catch (error) {
        return refuse(`${path} ${error.message}`);
    }
    if (lastEntry === null) {
        if (head && head.path === path)
            return refuse(`${path} is missing or empty but ${AUDIT_HEAD_PATH} points into it`);
        if (head)
            previousHash = head.hash;
    }
    else if (!head || head.path !== path || head.seq !== lastEntry.seq || head.hash !== lastEntry.hash) {
        return refuse(`${AUDIT_HEAD_PATH} does not match the last entry of ${path}`);
    }
    else {
        // HEAD only vouches for the last line: an edit further up shows in the hashes.
        const intact = verify(text, firstPrev(text));
        if (!intact.ok)
            return refuse(`${path} line ${intact.line}: ${intact.reason}`);
    }
    let result;
    try {
        result = appendEntries(text, entries, previousHash);
    }
    catch (error) {
        return refuse(`${path}: ${error.message}`);
    }
    if (result.appended.length === 0 || result.tip === null)
        return { ...none(null), duplicates: result.duplicates };
    const newHead = { schema_version: SCHEMA_VERSION, kind: 'audit-head', path, seq: result.tip.seq, hash: result.tip.hash };
    return {
        changes: [
            { path, content: result.text },
            { path: AUDIT_HEAD_PATH, content: serialize(newHead) }
        ],
        appended: result.appended.length,
        duplicates: result.duplicates,
        problem: null
    };
}
/** The `prev` of a month file's first entry (already checked to be an entry). */
function firstPrev(text) {
    const end = text.indexOf('\n');
    return JSON.parse(end < 0 ? text : text.slice(0, end)).prev;
}
function parseHead(text) {
    try {
        const parsed = headSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : 'invalid';
    }
    catch {
        return 'invalid';
    }
}
/**
 * Checks one monthly file: every line an entry in the expected format, numbered 1, 2, 3 …, whose
 * hash matches its content and whose `prev` is the hash of the line before — for the first line,
 * `previousMonthLastHash` (the genesis value when this is the trail's first month).
 * Returns the first broken line and why.
 */
function verify(text, previousMonthLastHash = AUDIT_GENESIS) {
    const lines = text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    let expectedPrev = previousMonthLastHash;
    for (const [index, line] of lines.entries()) {
        const n = index + 1;
        const broken = (reason) => ({ ok: false, line: n, reason });
        if (line.trim() === '')
            return broken('empty line');
        let raw;
        try {
            raw = JSON.parse(line);
        }
        catch {
            return broken('not valid JSON');
        }
        const parsed = entrySchema.safeParse(raw);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return broken(`not an audit entry (${issue?.path.join('.') || 'entry'}: ${issue?.message})`);
        }
        const entry = parsed.data;
        if (entry.seq !== n)
            return broken(`seq is ${entry.seq} where ${n} was expected: a line was removed, inserted or moved`);
        if (hashOf(raw) !== entry.hash)
            return broken('the hash does not match the entry: it was changed after it was written');
        if (entry.prev !== expectedPrev) {
            return broken(n === 1
                ? 'prev is not the hash of the previous month\'s last entry: entries before this file were changed or removed'
                : `prev is not the hash of line ${n - 1}: line ${n - 1} was changed or replaced`);
        }
        expectedPrev = entry.hash;
    }
    const last = lines.length > 0 ? JSON.parse(lines.at(-1)) : null;
    return { ok: true, entries: lines.length, tip: last ? { seq: last.seq, hash: last.hash } : null };
}
/**
 * Checks the whole trail: the monthly files in order, each chained to the one before and the first
 * to the genesis value, and `audit/HEAD.json` naming the last entry (so a trail cut short at its
 * end, or a month removed, is caught as well as an edit in the middle).
 */
function verifyTrail(files, headText) {
    const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
    const checked = [];
    const fail = (path, line, reason) => ({
        ok: false,
        files: checked,
        entries: checked.reduce((sum, file) => sum + file.entries, 0),
        tip: null,
        failure: { path, line, reason }
    });
    let previous = AUDIT_GENESIS;
    let tip = null;
    for (const file of sorted) {
        if (!isAuditMonthPath(file.path))
            return fail(file.path, null, 'not a monthly audit file (audit/YYYY-MM.jsonl)');
        const verdict = verify(file.text, previous);
        if (!verdict.ok)
            return fail(file.path, verdict.line, verdict.reason);
        checked.push({ path: file.path, entries: verdict.entries });
        if (verdict.tip) {
            previous = verdict.tip.hash;
            tip = { path: file.path, ...verdict.tip };
        }
    }
    if (headText === null) {
        if (tip)
            return fail(AUDIT_HEAD_PATH, null, 'missing: the end of the trail cannot be checked');
    }
    else {
        const head = parseHead(headText);
        if (head === 'invalid')
            return fail(AUDIT_HEAD_PATH, null, 'not a valid audit head');
        if (!tip || head.path !== tip.path || head.seq !== tip.seq || head.hash !== tip.hash) {
            return fail(AUDIT_HEAD_PATH, null, tip
                ? `names entry ${head.seq} of ${head.path}, but the trail ends at entry ${tip.seq} of ${tip.path}: entries at the end were removed or added`
                : `names entry ${head.seq} of ${head.path}, but the trail has no entries`);
        }
    }
    return { ok: true, files: checked, entries: checked.reduce((sum, file) => sum + file.entries, 0), tip: tip?.hash ?? null, failure: null };
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/state/archive.ts
/**
 * `archive/YYYY-MM.jsonl`: the per-run documents of one old calendar month, folded into one file by
 * the scheduled sweep (see compaction.ts) so the state branch does not grow by a file per run for
 * ever. One line per document, sorted by path: `{"path": …, "document": …}`. Only documents laid out
 * exactly as ci-monitor writes them are folded, so `serialize(document)` is, byte for byte, the file
 * that was at `path`: any line can be put back. A month larger than `MAX_ARCHIVE_PART_BYTES`
 * continues in `archive/YYYY-MM.2.jsonl`, `.3` …, each part holding later paths than the one before.
 */

/** Half the largest document the readers accept (load.ts MAX_DOCUMENT_BYTES), so a part is always read. */
const MAX_ARCHIVE_PART_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
const PART_PATH = /^archive\/(\d{4}-(?:0[1-9]|1[0-2]))(?:\.([1-9]\d*))?\.jsonl$/;
/** The documents that are folded: one per run attempt, per failed run's recovery, per fix-branch run. */
const ARCHIVABLE = [/^runs\/\d+\/attempt-\d+\.json$/, /^recoveries\/\d+\.json$/, /^verifications\/\d+\/attempt-\d+\.json$/];
function isArchivable(path) {
    return ARCHIVABLE.some((pattern) => pattern.test(path));
}
/** `month` is `YYYY-MM`; part 1 has no number. */
function archivePath(month, part = 1) {
    return part === 1 ? `archive/${month}.jsonl` : `archive/${month}.${part}.jsonl`;
}
function parseArchivePath(path) {
    const match = PART_PATH.exec(path);
    if (!match)
        return null;
    const part = match[2] === undefined ? 1 : Number(match[2]);
    // `.1.jsonl` would be a second name for part 1.
    return part === 1 && match[2] !== undefined ? null : { month: match[1], part };
}
/** The UTC calendar month of a time, `YYYY-MM`. */
function monthOf(time) {
    return new Date(typeof time === 'string' ? Date.parse(time) : time).toISOString().slice(0, 7);
}
/** The line for a document that was at `path` with `text` (as ci-monitor writes it). */
function archiveLine(path, text) {
    return JSON.stringify({ path, document: JSON.parse(text) });
}
function parseArchive(text) {
    const result = { lines: [], problems: [] };
    const rows = text.split('\n');
    if (rows.at(-1) === '')
        rows.pop();
    for (const [index, row] of rows.entries()) {
        const problem = (problem) => result.problems.push({ line: index + 1, problem });
        let raw;
        try {
            raw = JSON.parse(row);
        }
        catch {
            problem('not valid JSON');
            continue;
        }
        const line = raw;
        if (typeof line !== 'object' || line === null || Array.isArray(line) || typeof line.path !== 'string' || !isObject(line.document)) {
            problem('not an archive line ({"path": …, "document": {…}})');
        }
        else if (!isArchivable(line.path)) {
            // An archive line never stands in for a live document such as a fingerprint or audit/HEAD.json.
            problem(`${JSON.stringify(line.path.slice(0, 200))} is not a path whose documents are archived`);
        }
        else {
            result.lines.push({ path: line.path, text: row, original: records_serialize(line.document) });
        }
    }
    return result;
}
/**
 * The month's lines (by path) as the texts of its parts, part 1 first: sorted by path, a new part
 * begun whenever the next line would take the current one past `maxBytes`.
 */
function renderArchive(lines, maxBytes = MAX_ARCHIVE_PART_BYTES) {
    const parts = [];
    let current = '';
    for (const path of [...lines.keys()].sort()) {
        const line = `${lines.get(path)}\n`;
        if (current !== '' && Buffer.byteLength(current) + Buffer.byteLength(line) > maxBytes) {
            parts.push(current);
            current = '';
        }
        current += line;
    }
    if (current !== '')
        parts.push(current);
    return parts;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/state/migrate.ts
/**
 * Schema versions of the state branch's documents, and the upgrades between them. A document is
 * upgraded step by step (n → n + 1) to the version this ci-monitor writes before it is validated,
 * and written back in that version the next time it is written. A newer document is refused:
 * guessing at fields this version does not know would lose them.
 *
 * Version 0 is a document without `schema_version` (and possibly without `kind`, which its path
 * implies): the layout before documents were stamped, which may also lack fields added since.
 * Fields added within a version are optional with a default in that version's schema instead.
 */

/** `UPGRADES[kind][n]` upgrades a document of that kind from version n to n + 1. */
const UPGRADES = {
    fingerprint: [
        (doc) => ({
            ...stamp(doc, 'fingerprint', 1),
            flaky: doc['flaky'] ?? [],
            pulls: doc['pulls'] ?? [],
            llm_memo: doc['llm_memo'] ?? null,
            reruns: doc['reruns'] ?? [],
            incident: doc['incident'] ?? null
        })
    ],
    'run-analysis': [
        (doc) => ({
            ...stamp(doc, 'run-analysis', 1),
            last_green: doc['last_green'] ?? null,
            jobs: Array.isArray(doc['jobs']) ? doc['jobs'].map((job) => (migrate_isObject(job) ? { llm: null, ...job } : job)) : doc['jobs']
        })
    ]
};
function stamp(doc, kind, version) {
    return { ...doc, kind: doc['kind'] ?? kind, schema_version: version };
}
/** Brings a parsed document of `kind` to `target` (the version this ci-monitor writes). Pure. */
function migrate(raw, kind, upgrades = UPGRADES, target = records_SCHEMA_VERSION) {
    if (!migrate_isObject(raw))
        return { ok: false, newer: false, problem: 'is not a JSON object' };
    const stated = raw['schema_version'];
    const from = stated === undefined ? 0 : stated;
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
        return { ok: false, newer: false, problem: `has schema_version ${JSON.stringify(stated)}, not a version number` };
    }
    if (from > target) {
        return { ok: false, newer: true, problem: `written by a newer ci-monitor (schema_version ${from} > ${target}); upgrade the action` };
    }
    let doc = raw;
    for (let version = from; version < target; version++) {
        const upgrade = upgrades[kind]?.[version];
        if (!upgrade)
            return { ok: false, newer: false, problem: `has schema_version ${version}, and ci-monitor has no upgrade of ${kind} documents from it` };
        doc = upgrade(doc);
    }
    return { ok: true, doc, from };
}
/** The kind a version-0 document has by where it is, for documents written before `kind` was. */
function kindByPath(path) {
    if (/^fingerprints\/[0-9a-f]{8,64}\.json$/.test(path))
        return 'fingerprint';
    if (/^runs\/\d+\/attempt-\d+\.json$/.test(path))
        return 'run-analysis';
    return null;
}
function migrate_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/state/fingerprints.ts



/**
 * One document per failure fingerprint on the state branch: where and when the failure was seen,
 * whether the same commit failed and then passed (flaky), the fix pull requests made for it, and
 * the LLM's memoised verdict so the same failure is never sent to a model twice. Writers merge by
 * key (run id + attempt), so concurrent runs and re-delivered events never double-count.
 */
const MAX_OCCURRENCES = 100;
const MAX_FLAKY = 50;
const MAX_PULLS = 20;
/** Re-runs kept for the daily budget: more than any sane budget spends in a day. */
const MAX_RERUNS = 50;
const occurrenceSchema = object({
    run_id: schemas_number().int(),
    attempt: schemas_number().int(),
    job: schemas_string(),
    head_sha: schemas_string(),
    branch: schemas_string(),
    at: schemas_string()
});
const flakySchema = object({
    run_id: schemas_number().int(),
    head_sha: schemas_string(),
    failed_attempt: schemas_number().int(),
    passed_attempt: schemas_number().int(),
    at: schemas_string()
});
const pullSchema = object({ number: schemas_number().int(), url: schemas_string() });
/** A re-run ci-monitor asked for: `attempt` is the failed attempt that was re-run. */
const rerunSchema = object({ run_id: schemas_number().int(), attempt: schemas_number().int(), at: schemas_string() });
/**
 * The incident raised for this failure: its issue (found again by label and marker, this is a
 * hint) and the Slack message later occurrences reply to in its thread.
 */
const incidentSchema = object({
    issue_number: schemas_number().int().positive(),
    issue_url: schemas_string(),
    opened_at: schemas_string(),
    slack_channel: schemas_string().nullable(),
    slack_ts: schemas_string().nullable()
});
const fingerprintDocSchema = object({
    schema_version: literal(records_SCHEMA_VERSION),
    kind: literal('fingerprint'),
    fingerprint: schemas_string().regex(/^[0-9a-f]{8,64}$/),
    owner: schemas_string(),
    category: schemas_string(),
    first_seen: schemas_string(),
    last_seen: schemas_string(),
    /** Every analysed occurrence, also those dropped from `occurrences` when it is full. */
    count: schemas_number().int().nonnegative(),
    occurrences: array(occurrenceSchema),
    flaky: array(flakySchema),
    pulls: array(pullSchema),
    /** The LLM module validates this itself when it reads it. */
    llm_memo: schemas_unknown().nullable(),
    // Appended later: documents written before these fields existed parse with the defaults.
    /** Re-runs of this failure, for the per-day budget. */
    reruns: array(rerunSchema).default([]),
    incident: incidentSchema.nullable().default(null)
});
function fingerprintPath(fingerprint) {
    if (!/^[0-9a-f]{8,64}$/.test(fingerprint))
        throw new Error('fingerprints are lower-case hex');
    return `fingerprints/${fingerprint}.json`;
}
/** Reads a document from the branch: an older one is upgraded, a newer one refused, a broken one reported, never guessed at. */
function parseFingerprintDoc(text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return { ok: false, newer: false, problem: 'not valid JSON' };
    }
    const migrated = migrate(raw, 'fingerprint');
    if (!migrated.ok)
        return migrated;
    const parsed = fingerprintDocSchema.safeParse(migrated.doc);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, newer: false, problem: `does not match the schema (${issue?.path.join('.') || 'document'}: ${issue?.message})` };
    }
    return { ok: true, doc: parsed.data, from: migrated.from };
}
function newFingerprintDoc(fingerprint, owner, category, at) {
    return {
        schema_version: SCHEMA_VERSION,
        kind: 'fingerprint',
        fingerprint,
        owner,
        category,
        first_seen: at,
        last_seen: at,
        count: 0,
        occurrences: [],
        flaky: [],
        pulls: [],
        llm_memo: null,
        reruns: [],
        incident: null
    };
}
/**
 * Adds an occurrence once: the same run attempt and job seen again changes nothing. `earlier` is
 * when the same occurrence was recorded before (the run attempt's previous record), so one that
 * has since aged out of the capped list is not counted a second time.
 */
function withOccurrence(doc, occurrence, verdict, earlier = null) {
    const known = doc.occurrences.some((o) => o.run_id === occurrence.run_id && o.attempt === occurrence.attempt && o.job === occurrence.job);
    if (known)
        return doc;
    const oldestKept = doc.occurrences.reduce((oldest, o) => (oldest === null || o.at < oldest ? o.at : oldest), null);
    if (earlier !== null && doc.occurrences.length >= MAX_OCCURRENCES && oldestKept !== null && earlier < oldestKept)
        return doc;
    const occurrences = [...doc.occurrences, occurrence].sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_OCCURRENCES);
    return {
        ...doc,
        ...verdict,
        count: doc.count + 1,
        occurrences,
        first_seen: occurrence.at < doc.first_seen ? occurrence.at : doc.first_seen,
        last_seen: occurrence.at > doc.last_seen ? occurrence.at : doc.last_seen
    };
}
/** Records that a commit that failed this way passed on a re-run of the same run. */
function withFlaky(doc, event) {
    const known = doc.flaky.some((f) => f.run_id === event.run_id && f.failed_attempt === event.failed_attempt);
    if (known)
        return doc;
    return { ...doc, flaky: [...doc.flaky, event].slice(-MAX_FLAKY) };
}
function withPull(doc, pull) {
    if (doc.pulls.some((p) => p.number === pull.number))
        return doc;
    return { ...doc, pulls: [...doc.pulls, pull].slice(-MAX_PULLS) };
}
function withMemo(doc, memo) {
    return { ...doc, llm_memo: memo };
}
/** Records a re-run once per run attempt, keeping the newest. */
function withRerun(doc, rerun) {
    if (doc.reruns.some((r) => r.run_id === rerun.run_id && r.attempt === rerun.attempt))
        return doc;
    const reruns = [...doc.reruns, rerun].sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_RERUNS);
    return { ...doc, reruns };
}
function withIncident(doc, incident) {
    return { ...doc, incident };
}

;// CONCATENATED MODULE: ./src/state/fix-pulls.ts


/**
 * `fix-pulls/<number>.json`: what became of a fix pull request ci-monitor opened. The run record
 * says when it was opened (a `pull-request` effect); whether people merged it or closed it
 * unmerged happens later, so the scheduled sweep looks the pull request up and writes this down.
 * The metrics read fix PRs merged and closed unmerged, and failures auto-fixed by a merge, from it.
 */
const fixPullDocSchema = object({
    schema_version: literal(records_SCHEMA_VERSION),
    kind: literal('fix-pull'),
    /** `owner/name`. */
    repository: schemas_string(),
    number: schemas_number().int().positive(),
    /** The failure the pull request fixes (its branch is named after it). */
    fingerprint: schemas_string().regex(/^[0-9a-f]{8,64}$/),
    opened_at: iso_datetime(),
    state: schemas_enum(['open', 'merged', 'closed']),
    /** Set exactly when `state` is `merged`. */
    merged_at: iso_datetime().nullable(),
    /** Set when `state` is `merged` or `closed`. */
    closed_at: iso_datetime().nullable(),
    /** When the sweep last looked. */
    observed_at: iso_datetime()
})
    .refine((doc) => (doc.state === 'merged') === (doc.merged_at !== null) && (doc.state === 'open') === (doc.closed_at === null), {
    message: 'state does not agree with merged_at and closed_at'
});
function fixPullPath(number) {
    if (!Number.isSafeInteger(number) || number <= 0)
        throw new Error('pull request numbers are positive integers');
    return `fix-pulls/${number}.json`;
}
/** The document for the sweep to write, from the pull request's API fields. */
function buildFixPullDoc(facts) {
    const state = facts.mergedAt !== null ? 'merged' : facts.closedAt !== null ? 'closed' : 'open';
    return fixPullDocSchema.parse({
        schema_version: SCHEMA_VERSION,
        kind: 'fix-pull',
        repository: facts.repository,
        number: facts.number,
        fingerprint: facts.fingerprint,
        opened_at: facts.openedAt,
        state,
        merged_at: facts.mergedAt,
        // GitHub sets closed_at on merge too; keep it so either can be read alone.
        closed_at: facts.closedAt ?? facts.mergedAt,
        observed_at: facts.observedAt.toISOString()
    });
}

;// CONCATENATED MODULE: ./src/state/recoveries.ts


/**
 * `recoveries/<run id>.json`: when a failed run ci-monitor analysed was followed by the next
 * successful run of the same workflow on the same branch. ci-monitor does not analyse successful
 * runs, so the scheduled sweep looks that success up through the API and writes this down; the
 * metrics turn it into time to recovery.
 *
 * One document per failed run. Several failed runs recovered by the same success (a red streak)
 * are one incident for the metrics: its recovery time runs from the earliest `failed_at`.
 */
const recoveryDocSchema = object({
    schema_version: literal(records_SCHEMA_VERSION),
    kind: literal('recovery'),
    /** `owner/name`. */
    repository: schemas_string(),
    /** The failed run ci-monitor analysed. */
    run_id: schemas_number().int().positive(),
    /** The run's workflow file, e.g. `.github/workflows/ci.yml` (from the API). */
    workflow_path: schemas_string().min(1),
    /** The run's head branch (untrusted text). */
    branch: schemas_string(),
    /** When the failed run completed: the run's `updated_at` from the API. */
    failed_at: iso_datetime(),
    /** When the next successful run of the same workflow on the same branch completed (`updated_at`). */
    recovered_at: iso_datetime(),
    /** That successful run: a later run, or a later attempt of the failed run itself (a re-run that passed). */
    recovered_by_run_id: schemas_number().int().positive()
})
    .refine((doc) => Date.parse(doc.recovered_at) >= Date.parse(doc.failed_at), {
    message: 'recovered_at is earlier than failed_at',
    path: ['recovered_at']
});
function recoveryPath(runId) {
    if (!Number.isSafeInteger(runId) || runId <= 0)
        throw new Error('run ids are positive integers');
    return `recoveries/${runId}.json`;
}
/** The document for the sweep to write (validated, so a wrong order of times is caught here). */
function buildRecoveryDoc(facts) {
    return recoveryDocSchema.parse({
        schema_version: SCHEMA_VERSION,
        kind: 'recovery',
        repository: facts.repository,
        run_id: facts.runId,
        workflow_path: facts.workflowPath,
        branch: facts.branch,
        failed_at: facts.failedAt.toISOString(),
        recovered_at: facts.recoveredAt.toISOString(),
        recovered_by_run_id: facts.recoveredByRunId
    });
}

;// CONCATENATED MODULE: ./src/state/run-analysis.ts
/**
 * Reading a `run-analysis` record (`RunRecord`) back from the state branch: the part the metrics
 * and the writer rely on, validated after older versions are upgraded.
 */



const fingerprint = schemas_string().regex(/^[0-9a-f]{8,64}$/);
const runAnalysisSchema = object({
    schema_version: literal(records_SCHEMA_VERSION),
    kind: literal('run-analysis'),
    repository: schemas_string(),
    run: object({
        id: schemas_number().int().positive(),
        attempt: schemas_number().int().positive(),
        workflow_path: schemas_string(),
        workflow_name: schemas_string(),
        head_branch: schemas_string()
    }),
    analysed_at: iso_datetime(),
    dry_run: schemas_boolean(),
    jobs: array(object({
        job_id: schemas_number().int(),
        name: schemas_string(),
        fingerprint,
        // Identifier-shaped: they become keys of the figures (never `__proto__`).
        diagnosis: object({ owner: schemas_string().regex(/^[A-Z][A-Z_]{0,31}$/), category: schemas_string().regex(/^[a-z][a-z0-9_]{0,63}$/), summary: schemas_string() }),
        // Records written before the LLM step existed have none: no model was asked.
        llm: record(schemas_string(), schemas_unknown()).nullable().default(null),
        decision: object({ action: schemas_string() })
    })),
    effects: array(object({ at: iso_datetime(), kind: schemas_string(), outcome: schemas_string() }))
});
/** A run record as read: older versions upgraded, newer ones refused, anything else reported. */
function parseRunAnalysis(raw) {
    const migrated = migrate(raw, 'run-analysis');
    if (!migrated.ok)
        return migrated;
    const parsed = runAnalysisSchema.safeParse(migrated.doc);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, newer: false, problem: `does not match the schema (${issue?.path.join('.') || 'document'}: ${issue?.message})` };
    }
    return { ok: true, doc: parsed.data, from: migrated.from };
}

;// CONCATENATED MODULE: ./src/state/load.ts
/**
 * Reads a local clone of the state branch for the metrics, the report and the audit check.
 * Every document is dispatched by its `kind` and validated; a document of a kind this version
 * does not read is skipped and counted (other features add kinds), and a broken, misplaced or
 * newer-schema one is a problem reported by path. Nothing read here is trusted further than that.
 * The lines of `archive/YYYY-MM.jsonl` (old months folded by the sweep) are read as the files they
 * were, so figures do not change when a month is folded.
 */












/** Larger files are not read: no document ci-monitor writes comes near this. */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
const load_fingerprint = schemas_string().regex(/^[0-9a-f]{8,64}$/);
/** The part of a `run-recovery` record (`RecoveryRecord`: a re-run attempt passed) the metrics read. */
const runRecoverySchema = object({
    schema_version: literal(records_SCHEMA_VERSION),
    kind: literal('run-recovery'),
    run: object({ id: schemas_number().int().positive(), attempt: schemas_number().int().positive() }),
    recorded_at: iso_datetime(),
    failed_attempts: array(schemas_number().int().positive()),
    flaky_fingerprints: array(load_fingerprint)
});
/** Kinds ci-monitor writes that are not metrics input: read past without a word. */
const OWN_OUTPUTS = new Set(['dashboard-data']);
/** Reads one `.json` document of the state branch (pure): dispatched by its kind and validated. */
function readDocument(path, text) {
    const problem = (problem) => ({ read: 'problem', problem });
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return problem('not valid JSON');
    }
    const header = raw;
    const version = header?.schema_version;
    // Version 0 documents may predate `kind`: where they are says what they are.
    const kind = typeof header?.kind === 'string' ? header.kind : version === undefined ? kindByPath(path) : null;
    if (kind === null || (version !== undefined && typeof version !== 'number'))
        return problem('has no kind or schema_version: not a ci-monitor document');
    if (typeof version === 'number' && version > records_SCHEMA_VERSION)
        return problem(`written by a newer ci-monitor (schema_version ${version} > ${records_SCHEMA_VERSION}); upgrade to read it`);
    const accept = (schema, expectedPath, wrap) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success)
            return problem(schemaProblem(parsed.error));
        if (expectedPath(parsed.data) !== path)
            return problem(`a ${kind} document that belongs at ${expectedPath(parsed.data)}: moved or copied by hand`);
        return { read: 'document', document: wrap(parsed.data) };
    };
    switch (kind) {
        case 'run-analysis': {
            const parsed = parseRunAnalysis(raw);
            if (!parsed.ok)
                return problem(parsed.problem);
            const expected = runRecordPath(parsed.doc.run.id, parsed.doc.run.attempt);
            if (expected !== path)
                return problem(`a run-analysis document that belongs at ${expected}: moved or copied by hand`);
            return { read: 'document', document: { kind, doc: parsed.doc } };
        }
        case 'run-recovery':
            return accept(runRecoverySchema, (doc) => runRecordPath(doc.run.id, doc.run.attempt), (doc) => ({ kind: 'run-recovery', doc }));
        case 'recovery':
            return accept(recoveryDocSchema, (doc) => recoveryPath(doc.run_id), (doc) => ({ kind: 'recovery', doc }));
        case 'fix-pull':
            return accept(fixPullDocSchema, (doc) => fixPullPath(doc.number), (doc) => ({ kind: 'fix-pull', doc }));
        case 'fingerprint': {
            const parsed = parseFingerprintDoc(text);
            if (!parsed.ok)
                return problem(parsed.problem);
            if (fingerprintPath(parsed.doc.fingerprint) !== path)
                return problem(`a fingerprint document that belongs at ${fingerprintPath(parsed.doc.fingerprint)}: moved or copied by hand`);
            return { read: 'document', document: { kind, doc: parsed.doc } };
        }
        default:
            return { read: 'other', kind };
    }
}
/**
 * Sorts the files of the state branch into documents (pure). The lines of `archive/` files are
 * read as the files they were folded from; a file at the same path on the branch (written again
 * after its month was folded) is the newer and is read instead.
 */
function parseStateFiles(files, unreadable = []) {
    const documents = { runs: [], runRecoveries: [], fingerprints: [], recoveries: [], fixPulls: [] };
    const summary = { used: {}, skipped: {}, quarantined: 0, problems: [...unreadable] };
    const audit = { files: [], head: null };
    const archived = archivedFiles(files, summary.problems);
    const problem = (path, text) => {
        const archive = archived.from.get(path);
        summary.problems.push({ path, problem: archive ? `${text} (archived in ${archive})` : text });
    };
    const used = (kind) => (summary.used[kind] = (summary.used[kind] ?? 0) + 1);
    for (const file of [...files, ...archived.files].sort((a, b) => a.path.localeCompare(b.path))) {
        const { path, text } = file;
        if (path.startsWith('quarantine/')) {
            summary.quarantined++;
            continue;
        }
        if (path.endsWith('.jsonl')) {
            if (isAuditMonthPath(path))
                audit.files.push({ path, text });
            else if (path.startsWith('audit/'))
                problem(path, 'not a monthly audit file (audit/YYYY-MM.jsonl)');
            else if (path.startsWith('archive/') && parseArchivePath(path) === null)
                problem(path, 'not a monthly archive file (archive/YYYY-MM.jsonl)');
            continue;
        }
        if (!path.endsWith('.json'))
            continue;
        if (path === AUDIT_HEAD_PATH) {
            audit.head = text;
            continue;
        }
        const read = readDocument(path, text);
        if (read.read === 'problem') {
            problem(path, read.problem);
        }
        else if (read.read === 'other') {
            if (!OWN_OUTPUTS.has(read.kind))
                summary.skipped[read.kind] = (summary.skipped[read.kind] ?? 0) + 1;
        }
        else {
            const { document } = read;
            if (document.kind === 'run-analysis')
                documents.runs.push(document.doc);
            else if (document.kind === 'run-recovery')
                documents.runRecoveries.push(document.doc);
            else if (document.kind === 'recovery')
                documents.recoveries.push(document.doc);
            else if (document.kind === 'fix-pull')
                documents.fixPulls.push(document.doc);
            else
                documents.fingerprints.push(document.doc);
            used(document.kind);
        }
    }
    return { documents, audit, summary };
}
/**
 * The documents folded into `archive/` files, as the files they were (those still on the branch
 * aside). Parts are read month by month: should a path be in two months, the later month's line
 * is the later write. Lines that are not archive lines are reported; the rest are read.
 */
function archivedFiles(files, problems) {
    const parts = files
        .map((file) => ({ file, at: parseArchivePath(file.path) }))
        .filter((part) => part.at !== null)
        .sort((a, b) => a.at.month.localeCompare(b.at.month) || a.at.part - b.at.part);
    const found = new Map();
    for (const { file } of parts) {
        const parsed = parseArchive(file.text);
        for (const { line, problem } of parsed.problems)
            problems.push({ path: file.path, problem: `line ${line}: ${problem}` });
        for (const line of parsed.lines)
            found.set(line.path, { text: line.original, archive: file.path });
    }
    const live = new Set(files.map((file) => file.path));
    const from = new Map();
    const virtual = [];
    for (const [path, { text, archive }] of found) {
        if (live.has(path))
            continue;
        virtual.push({ path, text });
        from.set(path, archive);
    }
    return { files: virtual, from };
}
function schemaProblem(error) {
    const issue = error.issues[0];
    return `does not match the schema (${issue?.path.join('.') || 'document'}: ${issue?.message})`;
}
/**
 * Reads the `.json` and `.jsonl` files of a local clone of the state branch (`.git` aside).
 * Symbolic links are not followed and oversized files are not read: both are reported instead.
 */
async function readStateDir(dir) {
    const files = [];
    const problems = [];
    const walk = async (relative) => {
        const entries = await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(dir, relative), { withFileTypes: true });
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
            if (relative === '' && entry.name === '.git')
                continue;
            if (entry.isSymbolicLink()) {
                problems.push({ path, problem: 'a symbolic link: not followed' });
            }
            else if (entry.isDirectory()) {
                await walk(path);
            }
            else if (entry.isFile() && /\.jsonl?$/.test(entry.name)) {
                const { size } = await (0,promises_namespaceObject.lstat)((0,external_node_path_namespaceObject.join)(dir, path));
                if (size > MAX_DOCUMENT_BYTES)
                    problems.push({ path, problem: `${size} bytes: larger than any ci-monitor document, not read` });
                else
                    files.push({ path, text: await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, path), 'utf8') });
            }
        }
    };
    await walk('');
    return { files, problems };
}
/** `readStateDir` then `parseStateFiles`. */
async function loadStateDir(dir) {
    const { files, problems } = await readStateDir(dir);
    return parseStateFiles(files, problems);
}

;// CONCATENATED MODULE: ./src/cli/options.ts
/** `--name VALUE` / `--name=VALUE` options of a command, each given at most once; no positionals. */

/** The options by name, or the mistake as one line. */
function parseOptions(args, names) {
    const options = new Map();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
        if (!match)
            return `unexpected argument '${printable(arg)}'`;
        const name = match[1];
        if (!names.includes(name))
            return `unknown option '--${printable(name)}'`;
        if (options.has(name))
            return `--${name} given twice`;
        const value = match[2] ?? args[++i];
        if (value === undefined || value === '')
            return `--${name} needs a value`;
        options.set(name, value);
    }
    return options;
}

;// CONCATENATED MODULE: ./src/cli/audit.ts
/**
 * `ci-monitor audit verify --state DIR`: checks the hash-chained audit trail of a local clone of
 * the state branch. Exit 0 when intact, 1 at the first broken line (named, with why), 2 for usage
 * mistakes and an unreadable directory.
 */




const SYNOPSIS = 'ci-monitor audit verify --state DIR';
async function auditCommand(args, io) {
    if (args.includes('-h') || args.includes('--help')) {
        io.stdout.write(USAGE);
        return 0;
    }
    const [subcommand, ...rest] = args;
    if (subcommand !== 'verify') {
        io.stderr.write(`ci-monitor audit: ${subcommand === undefined ? 'missing subcommand' : `unknown subcommand '${printable(subcommand)}'`} (usage: ${SYNOPSIS})\n`);
        return USAGE_ERROR;
    }
    const options = parseOptions(rest, ['state']);
    const state = typeof options === 'string' ? options : (options.get('state') ?? 'missing --state DIR (a local clone of the state branch)');
    if (typeof options === 'string' || !options.has('state')) {
        io.stderr.write(`ci-monitor audit verify: ${state} (usage: ${SYNOPSIS})\n`);
        return USAGE_ERROR;
    }
    let read;
    try {
        read = await readStateDir(state);
    }
    catch (error) {
        const code = error.code;
        io.stderr.write(`ci-monitor audit verify: cannot read ${printable(state)}: ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : printable(String(error))}\n`);
        return USAGE_ERROR;
    }
    // A file of the trail that could not be read (a symbolic link, an oversized file) is a failure.
    const unreadable = read.problems.find((p) => p.path.startsWith('audit/'));
    if (unreadable) {
        io.stdout.write(`${printable(unreadable.path)}: ${printable(unreadable.problem)}\nAudit trail NOT verified.\n`);
        return 1;
    }
    // Any other file under audit/ fails the check: the trail is the monthly files and HEAD only.
    const files = read.files.filter((f) => f.path.startsWith('audit/') && f.path !== AUDIT_HEAD_PATH);
    const verdict = verifyTrail(files, read.files.find((f) => f.path === AUDIT_HEAD_PATH)?.text ?? null);
    for (const file of verdict.files)
        io.stdout.write(`${file.path}  ${file.entries} entr${file.entries === 1 ? 'y' : 'ies'}  intact\n`);
    if (!verdict.ok && verdict.failure) {
        const { path, line, reason } = verdict.failure;
        io.stdout.write(`${printable(path)}${line !== null ? ` line ${line}` : ''}: ${reason}\nAudit trail BROKEN: do not trust entries from this point on.\n`);
        return 1;
    }
    if (verdict.entries === 0) {
        io.stdout.write('No audit trail yet (no audit/YYYY-MM.jsonl files).\n');
        return 0;
    }
    io.stdout.write(`Audit trail intact: ${verdict.entries} entries in ${verdict.files.length} file${verdict.files.length === 1 ? '' : 's'}, chained from genesis; tip ${verdict.tip}.\n`);
    return 0;
}

;// CONCATENATED MODULE: ./src/state/metrics-format.ts
/** 0..1 as a whole percentage, or a dash when there was nothing to measure. */
function formatShare(share) {
    return share === null ? '—' : `${Math.round(share * 100)}%`;
}
/** "45 s", "20 min", "3 h 20 min", "2 d 4 h"; a dash for no value. */
function formatDuration(seconds) {
    if (seconds === null)
        return '—';
    const s = Math.round(seconds);
    if (s < 60)
        return `${s} s`;
    // Round first, then pick the unit, so 3599 s reads "1 h", not "60 min".
    const minutes = Math.round(s / 60);
    if (minutes < 60)
        return `${minutes} min`;
    if (minutes < 24 * 60) {
        const h = Math.floor(minutes / 60);
        const m = minutes % 60;
        return m === 0 ? `${h} h` : `${h} h ${m} min`;
    }
    const hours = Math.round(s / 3600);
    const d = Math.floor(hours / 24);
    const h = hours % 24;
    return h === 0 ? `${d} d` : `${d} d ${h} h`;
}
function formatUsd(value) {
    return `$${value >= 1 ? value.toFixed(2) : value.toFixed(4)}`;
}
function formatCount(value) {
    return value.toLocaleString('en-US');
}
function plural(n, one, many = `${one}s`) {
    return `${formatCount(n)} ${n === 1 ? one : many}`;
}
/** The window's headline figures, in the order every view shows them. */
function headlineFigures(m) {
    const { failures, auto_fixed: fixed, flaky, reruns, fix_pulls: pulls, recovery, llm, notifications } = m;
    return [
        {
            key: 'failures',
            label: 'Failures',
            value: formatCount(failures.total),
            detail: `${formatCount(failures.by_owner['DEVOPS'] ?? 0)} DEVOPS · ${formatCount(failures.by_owner['DEVELOPER'] ?? 0)} DEVELOPER, in ${plural(failures.runs, 'run')}`,
            definition: 'Failed jobs ci-monitor analysed.'
        },
        {
            key: 'auto_fixed',
            label: 'Auto-fixed',
            value: formatShare(fixed.share),
            detail: `${formatCount(fixed.total)} of ${formatCount(failures.total)}: ${formatCount(fixed.by_rerun)} by re-run, ${formatCount(fixed.by_pull)} by fix PR`,
            definition: "Failures whose re-run by ci-monitor passed, or whose fingerprint's fix PR was merged after them."
        },
        {
            key: 'flaky',
            label: 'Flaky',
            value: formatShare(flaky.rate),
            detail: `${formatCount(flaky.total)} of ${formatCount(failures.total)} passed on a later attempt`,
            definition: 'Failures whose commit passed on a later attempt of the same run.'
        },
        {
            key: 'reruns',
            label: 'Re-run success',
            value: formatShare(reruns.success_rate),
            detail: `${formatCount(reruns.passed)} passed, ${formatCount(reruns.failed)} failed, ${formatCount(reruns.pending)} pending of ${formatCount(reruns.requested)}`,
            definition: "Re-runs ci-monitor requested whose next attempt passed, of those whose outcome is known."
        },
        {
            key: 'fix_pulls',
            label: 'Fix PRs',
            value: `${formatCount(pulls.opened)} opened`,
            detail: `${formatCount(pulls.merged)} merged, ${formatCount(pulls.closed_unmerged)} closed unmerged`,
            definition: 'Fix pull requests ci-monitor opened, and those merged or closed without a merge, in the window.'
        },
        {
            key: 'recovery',
            label: 'Time to recovery',
            value: formatDuration(recovery.median_seconds),
            detail: recovery.incidents === 0 ? 'no recoveries' : `median of ${plural(recovery.incidents, 'incident')}; mean ${formatDuration(recovery.mean_seconds)}`,
            definition: 'From the first failed run to the next success of the same workflow on the same branch.'
        },
        {
            key: 'llm',
            label: 'LLM',
            value: plural(llm.calls, 'call'),
            detail: `${plural(llm.tokens, 'token')}, ${formatUsd(llm.cost_usd)}; ${plural(llm.memo_hits, 'memo hit')}`,
            definition: 'Requests sent to the model, tokens used and their cost at list prices; memo hits reused an earlier verdict.'
        },
        {
            key: 'notifications',
            label: 'Slack messages',
            value: `${formatCount(notifications.sent)} sent`,
            detail: `${formatCount(notifications.failed)} failed, ${formatCount(notifications.suppressed_duplicates)} suppressed as duplicates`,
            definition: 'Messages posted; duplicates are failures of a run that shared a fingerprint already notified.'
        }
    ];
}

;// CONCATENATED MODULE: ./src/notify/figures.ts


function recentFiguresTable(metrics) {
    const asOf = metrics.generated_at.slice(0, 10);
    const rows = headlineFigures(metrics).map((figure) => `| ${escapeMarkdownInline(figure.label)} | ${escapeMarkdownInline(figure.value)} | ${escapeMarkdownInline(figure.detail)} |`);
    return [
        `#### Recent figures (last ${metrics.window.days} days, as of ${asOf})`,
        '',
        '| Figure | Value | Made of |',
        '| --- | --- | --- |',
        ...rows
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/state/dashboard/html.ts
/** HTML text and links for the dashboard: untrusted text becomes inert text, links only GitHub's. */

/** Escapes text for an HTML text node or a quoted attribute value. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
/** Untrusted text as one escaped line: controls, terminal escapes and bidi tricks gone, capped. */
function untrustedText(text, maxChars) {
    return escapeHtml(capText(toSingleLine(text), maxChars));
}
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/**
 * Builds links from the repository name and numeric ids only, never from a URL stored in a
 * document: `https` on the server's origin, or no links at all when either is not well formed.
 */
function githubLinks(repository, serverUrl = 'https://github.com') {
    if (repository === null || !REPOSITORY.test(repository) || /\/\.\.?$/.test(repository))
        return null;
    let origin;
    try {
        const url = new URL(serverUrl);
        if (url.protocol !== 'https:' || url.username || url.password)
            return null;
        origin = url.origin;
    }
    catch {
        return null;
    }
    const id = (n) => {
        if (!Number.isSafeInteger(n) || n <= 0)
            throw new Error('ids in links are positive integers');
        return String(n);
    };
    const base = `${origin}/${repository}`;
    return {
        repository,
        run: (runId, attempt) => `${base}/actions/runs/${id(runId)}${attempt > 1 ? `/attempts/${id(attempt)}` : ''}`,
        pull: (number) => `${base}/pull/${id(number)}`
    };
}

;// CONCATENATED MODULE: ./src/state/metrics.ts
/**
 * The figures the report, the dashboard and the job summary show, computed from the state
 * branch's documents. Pure and deterministic: the clock is an argument, and a document stamped
 * after it does not exist yet, so the figures "as of" a past moment can be recomputed exactly.
 *
 * Vocabulary used by every definition below:
 * - A **failure** is one failed job ci-monitor analysed: one entry of `jobs` in a `run-analysis`
 *   record. A job failing again on a re-run attempt is a second failure. It happens at the
 *   record's `analysed_at`.
 * - A **window** of N days is the N UTC calendar days ending with the day of `now`, from that
 *   first day's midnight up to `now`. An event is in it when its time is. The daily series has one
 *   point per day of the window, zeros where nothing happened, and its counts add up to the
 *   window's.
 */


const WINDOWS = [7, 30, 90];
/** Fingerprints listed in `top_fingerprints`. */
const TOP_FINGERPRINTS = 10;
const MAX_BRANCHES_PER_FINGERPRINT = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Decisions after which people are told (Slack, job summary); `rerun` and `skip` tell no one. */
const NOTIFYING_ACTIONS = new Set(['notify', 'open-pr', 'deliver-patch', 'await-approval']);
const SLACK_EFFECTS = new Set(['slack-message', 'incident-slack']);
const count = schemas_number().int().nonnegative();
/** A share from 0 to 1; null when there is nothing to divide by. */
const rate = schemas_number().min(0).max(1).nullable();
const seconds = schemas_number().nonnegative().nullable();
const timestamp = iso_datetime();
const dailySchema = object({
    /** The UTC day, `YYYY-MM-DD`. */
    date: schemas_string().regex(/^\d{4}-\d{2}-\d{2}$/),
    failures: count,
    by_owner: record(schemas_string(), count),
    /** Every category seen in the window, zero on days without it. */
    by_category: record(schemas_string(), count),
    /** Failures of this day that were auto-fixed (see `auto_fixed`), counted on the failure's day. */
    auto_fixed: count,
    /** Failures of this day that turned out flaky (see `flaky`). */
    flaky: count,
    /** Re-runs requested this day, and how those re-runs ended. */
    reruns_requested: count,
    reruns_passed: count,
    reruns_failed: count,
    /** Incidents that recovered this day, and their median recovery time. */
    recoveries: count,
    median_recovery_seconds: seconds,
    llm_calls: count,
    llm_tokens: count,
    llm_cost_usd: schemas_number().nonnegative(),
    notifications_sent: count
});
const metricsSchema = object({
    schema_version: literal(records_SCHEMA_VERSION),
    repository: schemas_string().nullable(),
    generated_at: timestamp,
    window: object({ days: union([literal(7), literal(30), literal(90)]), from: timestamp, to: timestamp }),
    failures: object({
        /** Failures in the window. */
        total: count,
        /** Distinct run attempts those failures belong to. */
        runs: count,
        /** Failures by diagnosed owner (`DEVOPS`, `DEVELOPER`; both always present). */
        by_owner: record(schemas_string(), count),
        /** Failures by diagnosed category, most frequent first. */
        by_category: record(schemas_string(), count),
        /** Failures by workflow file; the name is the one the latest failure ran under. */
        by_workflow: array(object({ workflow_path: schemas_string(), workflow_name: schemas_string(), count })),
        /** Failures by the run's head branch (untrusted text). */
        by_branch: array(object({ branch: schemas_string(), count }))
    }),
    /**
     * Failures ci-monitor fixed without a person fixing the code: **by re-run** when ci-monitor
     * re-ran the failed attempt and the very next attempt passed (a `run-recovery` record for
     * attempt n + 1); else **by pull request** when a fix pull request for the failure's
     * fingerprint was merged at or after the failure (a `fix-pull` document). `share` = total ÷
     * failures. A failure counts once, under re-run when both apply.
     */
    auto_fixed: object({ total: count, by_rerun: count, by_pull: count, share: rate }),
    /**
     * Failures whose commit then passed on a later attempt of the same run (a `run-recovery` record
     * lists the failed attempt): the same code failed and passed, so the failure was flaky, whoever
     * re-ran it. `rate` = flaky ÷ failures.
     */
    flaky: object({ total: count, rate }),
    /**
     * Fix pull requests: `opened` counts `pull-request` effects that created one (not updates) in
     * the window; `merged` and `closed_unmerged` count `fix-pull` documents merged, or closed
     * without a merge, in the window.
     */
    fix_pulls: object({ opened: count, merged: count, closed_unmerged: count }),
    /**
     * Re-runs ci-monitor requested in the window (`rerun` effects done). A re-run of attempt n
     * **passed** when attempt n + 1 passed (a `run-recovery` record), **failed** when attempt n + 1
     * failed again (a `run-analysis` record), and is **pending** until one of them exists.
     * `success_rate` = passed ÷ (passed + failed).
     */
    reruns: object({ requested: count, passed: count, failed: count, pending: count, success_rate: rate }),
    /**
     * Time to recovery, from `recovery` documents: an incident is the failed runs of one workflow on
     * one branch that the same successful run ended; it lasts from its first failed run's
     * completion to that success's completion and is in the window when it recovered in it.
     */
    recovery: object({ incidents: count, mean_seconds: seconds, median_seconds: seconds }),
    /**
     * The LLM step of the failures in the window: `calls` are requests sent (answered, or failed
     * after sending: every fallback but a spent budget), `memo_hits` verdicts reused without a
     * call, `tokens` and `cost_usd` what the provider reported and what it cost at list prices.
     */
    llm: object({ calls: count, memo_hits: count, tokens: count, cost_usd: schemas_number().nonnegative() }),
    /**
     * Slack messages (`slack-message` and `incident-slack` effects) `sent` (done or updated) and
     * `failed` in the window; `suppressed_duplicates` counts failures that called for a message but
     * shared their fingerprint with another failure of the same run, which got the one message.
     */
    notifications: object({ sent: count, failed: count, suppressed_duplicates: count }),
    /** The window's most frequent fingerprints, most failures first, then the most recent. */
    top_fingerprints: array(object({
        fingerprint: schemas_string(),
        /** Failures in the window, and the run attempts they were in. */
        count,
        runs: count,
        /** From the latest failure; `summary` is untrusted text. */
        owner: schemas_string(),
        category: schemas_string(),
        summary: schemas_string(),
        workflow_name: schemas_string(),
        /** Most recent first, at most five. */
        branches: array(schemas_string()),
        first_seen: timestamp,
        last_seen: timestamp,
        last_run: object({ id: schemas_number().int().positive(), attempt: schemas_number().int().positive() }),
        flaky: count,
        auto_fixed: count,
        /** Fix pull requests for it; state null until the sweep has looked. */
        pulls: array(object({ number: schemas_number().int().positive(), state: schemas_enum(['open', 'merged', 'closed']).nullable() })),
        /** Every occurrence ever, from its fingerprint document (null without one). */
        all_time: count.nullable()
    })),
    daily: array(dailySchema)
});
/** The figures for one window (see the definitions on `metricsSchema`). */
function computeMetrics(documents, options) {
    return metricsFromFacts(collectFacts(documents, options.now.getTime()), documents, options);
}
/** The figures for the 7-, 30- and 90-day windows, derived once. */
function computeAllWindows(documents, options) {
    const facts = collectFacts(documents, options.now.getTime());
    return WINDOWS.map((windowDays) => metricsFromFacts(facts, documents, { ...options, windowDays }));
}
function collectFacts(documents, now) {
    const asOf = (items, time) => items.filter((item) => Date.parse(time(item)) <= now);
    const runs = asOf(documents.runs, (r) => r.analysed_at);
    const runRecoveries = asOf(documents.runRecoveries, (r) => r.recorded_at);
    const pulls = asOf(documents.fixPulls, (p) => p.opened_at);
    const attemptKey = (id, attempt) => `${id}#${attempt}`;
    const analysed = new Set(runs.map((r) => attemptKey(r.run.id, r.run.attempt)));
    const passedAttempts = new Set(runRecoveries.map((r) => attemptKey(r.run.id, r.run.attempt)));
    const flakyAttempts = new Set(runRecoveries.flatMap((r) => r.failed_attempts.map((attempt) => attemptKey(r.run.id, attempt))));
    const mergedAt = (p) => (p.merged_at !== null && Date.parse(p.merged_at) <= now ? Date.parse(p.merged_at) : null);
    const merges = new Map();
    for (const pull of pulls) {
        const at = mergedAt(pull);
        if (at !== null)
            merges.set(pull.fingerprint, [...(merges.get(pull.fingerprint) ?? []), at]);
    }
    const facts = { failures: [], reruns: [], pullsOpened: [], pullsMerged: [], pullsClosedUnmerged: [], incidents: [], notifications: [], suppressed: [] };
    for (const run of runs) {
        const t = Date.parse(run.analysed_at);
        const { id, attempt } = run.run;
        const reran = run.effects.some((e) => e.kind === 'rerun' && e.outcome === 'done');
        const rerunPassed = reran && passedAttempts.has(attemptKey(id, attempt + 1));
        for (const job of run.jobs) {
            const fixedByPull = (merges.get(job.fingerprint) ?? []).some((at) => at >= t);
            facts.failures.push({
                t,
                run,
                job,
                flaky: flakyAttempts.has(attemptKey(id, attempt)),
                autoFixed: rerunPassed ? 'rerun' : fixedByPull ? 'pull' : null
            });
        }
        for (const effect of run.effects) {
            const at = Date.parse(effect.at);
            if (at > now)
                continue;
            if (effect.kind === 'rerun' && effect.outcome === 'done') {
                const outcome = rerunPassed ? 'passed' : analysed.has(attemptKey(id, attempt + 1)) ? 'failed' : 'pending';
                facts.reruns.push({ t: at, outcome });
            }
            else if (effect.kind === 'pull-request' && effect.outcome === 'done') {
                facts.pullsOpened.push(at);
            }
            else if (SLACK_EFFECTS.has(effect.kind) && ['done', 'updated', 'failed'].includes(effect.outcome)) {
                facts.notifications.push({ t: at, sent: effect.outcome !== 'failed' });
            }
        }
        const notified = run.jobs.filter((job) => NOTIFYING_ACTIONS.has(job.decision.action));
        const duplicates = notified.length - new Set(notified.map((job) => job.fingerprint)).size;
        if (duplicates > 0)
            facts.suppressed.push({ t, count: duplicates });
    }
    for (const pull of pulls) {
        const merged = mergedAt(pull);
        if (merged !== null)
            facts.pullsMerged.push(merged);
        else if (pull.state === 'closed' && pull.closed_at !== null && Date.parse(pull.closed_at) <= now)
            facts.pullsClosedUnmerged.push(Date.parse(pull.closed_at));
    }
    facts.incidents = recoveryIncidents(documents, now);
    return facts;
}
/** Failed runs ended by the same success on the same workflow and branch are one incident. */
function recoveryIncidents(documents, now) {
    const incidents = new Map();
    for (const doc of documents.recoveries) {
        const recovered = Date.parse(doc.recovered_at);
        if (recovered > now)
            continue;
        const key = JSON.stringify([doc.workflow_path, doc.branch, doc.recovered_by_run_id]);
        const known = incidents.get(key);
        const failed = Date.parse(doc.failed_at);
        incidents.set(key, known ? { failed: Math.min(known.failed, failed), recovered: Math.max(known.recovered, recovered) } : { failed, recovered });
    }
    return [...incidents.values()].map(({ failed, recovered }) => ({ t: recovered, seconds: (recovered - failed) / 1000 }));
}
function metricsFromFacts(facts, documents, options) {
    const now = options.now.getTime();
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    const from = today - (options.windowDays - 1) * DAY_MS;
    const inWindow = (t) => t >= from && t <= now;
    const failures = facts.failures.filter((f) => inWindow(f.t));
    const reruns = facts.reruns.filter((r) => inWindow(r.t));
    const incidents = facts.incidents.filter((i) => inWindow(i.t));
    const notifications = facts.notifications.filter((n) => inWindow(n.t));
    const llm = llmFigures(failures.map((f) => f.job));
    const categories = sortedCounts(failures.map((f) => f.job.diagnosis.category));
    const byCategory = Object.fromEntries(categories);
    const autoFixedByRerun = failures.filter((f) => f.autoFixed === 'rerun').length;
    const autoFixedByPull = failures.filter((f) => f.autoFixed === 'pull').length;
    const flaky = failures.filter((f) => f.flaky).length;
    const passed = reruns.filter((r) => r.outcome === 'passed').length;
    const failed = reruns.filter((r) => r.outcome === 'failed').length;
    const durations = incidents.map((i) => i.seconds);
    return {
        schema_version: records_SCHEMA_VERSION,
        repository: options.repository ?? null,
        generated_at: options.now.toISOString(),
        window: { days: options.windowDays, from: new Date(from).toISOString(), to: options.now.toISOString() },
        failures: {
            total: failures.length,
            runs: new Set(failures.map((f) => `${f.run.run.id}#${f.run.run.attempt}`)).size,
            by_owner: ownerCounts(failures),
            by_category: byCategory,
            by_workflow: byWorkflow(failures),
            by_branch: sortedCounts(failures.map((f) => f.run.run.head_branch)).map(([branch, n]) => ({ branch, count: n }))
        },
        auto_fixed: { total: autoFixedByRerun + autoFixedByPull, by_rerun: autoFixedByRerun, by_pull: autoFixedByPull, share: ratio(autoFixedByRerun + autoFixedByPull, failures.length) },
        flaky: { total: flaky, rate: ratio(flaky, failures.length) },
        fix_pulls: {
            opened: facts.pullsOpened.filter(inWindow).length,
            merged: facts.pullsMerged.filter(inWindow).length,
            closed_unmerged: facts.pullsClosedUnmerged.filter(inWindow).length
        },
        reruns: { requested: reruns.length, passed, failed, pending: reruns.length - passed - failed, success_rate: ratio(passed, passed + failed) },
        recovery: { incidents: incidents.length, mean_seconds: mean(durations), median_seconds: median(durations) },
        llm,
        notifications: {
            sent: notifications.filter((n) => n.sent).length,
            failed: notifications.filter((n) => !n.sent).length,
            suppressed_duplicates: facts.suppressed.filter((s) => inWindow(s.t)).reduce((sum, s) => sum + s.count, 0)
        },
        top_fingerprints: topFingerprints(failures, documents),
        daily: dailySeries(facts, from, options.windowDays, now, Object.keys(byCategory))
    };
}
function dailySeries(facts, from, days, now, categories) {
    const points = [];
    for (let i = 0; i < days; i++) {
        const start = from + i * DAY_MS;
        const inDay = (t) => t >= start && t < start + DAY_MS && t <= now;
        const failures = facts.failures.filter((f) => inDay(f.t));
        const reruns = facts.reruns.filter((r) => inDay(r.t));
        const recovered = facts.incidents.filter((incident) => inDay(incident.t)).map((incident) => incident.seconds);
        const llm = llmFigures(failures.map((f) => f.job));
        const byCategory = Object.fromEntries(categories.map((category) => [category, 0]));
        for (const f of failures)
            byCategory[f.job.diagnosis.category] = (byCategory[f.job.diagnosis.category] ?? 0) + 1;
        points.push({
            date: new Date(start).toISOString().slice(0, 10),
            failures: failures.length,
            by_owner: ownerCounts(failures),
            by_category: byCategory,
            auto_fixed: failures.filter((f) => f.autoFixed !== null).length,
            flaky: failures.filter((f) => f.flaky).length,
            reruns_requested: reruns.length,
            reruns_passed: reruns.filter((r) => r.outcome === 'passed').length,
            reruns_failed: reruns.filter((r) => r.outcome === 'failed').length,
            recoveries: recovered.length,
            median_recovery_seconds: median(recovered),
            llm_calls: llm.calls,
            llm_tokens: llm.tokens,
            llm_cost_usd: llm.cost_usd,
            notifications_sent: facts.notifications.filter((n) => n.sent && inDay(n.t)).length
        });
    }
    return points;
}
function llmFigures(jobs) {
    let calls = 0;
    let memoHits = 0;
    let tokens = 0;
    let cost = 0;
    for (const { llm } of jobs) {
        if (!llm)
            continue;
        const status = llm['status'];
        if (status === 'memo-hit')
            memoHits++;
        if (status === 'answered' || (status === 'fallback' && llm['reason'] !== 'budget-exhausted'))
            calls++;
        tokens += nonNegative(llm['tokens']);
        cost += nonNegative(llm['cost_usd']);
    }
    return { calls, memo_hits: memoHits, tokens: Math.round(tokens), cost_usd: Math.round(cost * 1e6) / 1e6 };
}
function nonNegative(value) {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
function ownerCounts(failures) {
    const counts = { DEVOPS: 0, DEVELOPER: 0 };
    for (const f of failures)
        counts[f.job.diagnosis.owner] = (counts[f.job.diagnosis.owner] ?? 0) + 1;
    return counts;
}
function byWorkflow(failures) {
    const latestName = new Map();
    for (const f of failures) {
        const known = latestName.get(f.run.run.workflow_path);
        if (!known || f.t >= known.t)
            latestName.set(f.run.run.workflow_path, { t: f.t, name: f.run.run.workflow_name });
    }
    return sortedCounts(failures.map((f) => f.run.run.workflow_path)).map(([path, n]) => ({
        workflow_path: path,
        workflow_name: latestName.get(path)?.name ?? '',
        count: n
    }));
}
function topFingerprints(failures, documents) {
    const groups = new Map();
    for (const f of failures)
        groups.set(f.job.fingerprint, [...(groups.get(f.job.fingerprint) ?? []), f]);
    const docs = new Map(documents.fingerprints.map((doc) => [doc.fingerprint, doc]));
    const pullStates = new Map(documents.fixPulls.map((pull) => [pull.number, pull.state]));
    const byRecency = (a, b) => b.t - a.t || b.run.run.id - a.run.run.id || b.run.run.attempt - a.run.run.attempt;
    const rows = [...groups.entries()].map(([fingerprint, group]) => {
        const recent = [...group].sort(byRecency);
        const latest = recent[0];
        const doc = docs.get(fingerprint);
        const pullNumbers = new Set([...(doc?.pulls.map((p) => p.number) ?? []), ...documents.fixPulls.filter((p) => p.fingerprint === fingerprint).map((p) => p.number)]);
        return {
            fingerprint,
            count: group.length,
            runs: new Set(group.map((f) => `${f.run.run.id}#${f.run.run.attempt}`)).size,
            owner: latest.job.diagnosis.owner,
            category: latest.job.diagnosis.category,
            summary: latest.job.diagnosis.summary,
            workflow_name: latest.run.run.workflow_name,
            branches: [...new Set(recent.map((f) => f.run.run.head_branch))].slice(0, MAX_BRANCHES_PER_FINGERPRINT),
            first_seen: new Date(recent.at(-1).t).toISOString(),
            last_seen: new Date(latest.t).toISOString(),
            last_run: { id: latest.run.run.id, attempt: latest.run.run.attempt },
            flaky: group.filter((f) => f.flaky).length,
            auto_fixed: group.filter((f) => f.autoFixed !== null).length,
            pulls: [...pullNumbers].sort((a, b) => a - b).map((number) => ({ number, state: pullStates.get(number) ?? null })),
            all_time: doc?.count ?? null
        };
    });
    return rows
        .sort((a, b) => b.count - a.count || b.last_seen.localeCompare(a.last_seen) || a.fingerprint.localeCompare(b.fingerprint))
        .slice(0, TOP_FINGERPRINTS);
}
/** Distinct values with their counts, most frequent first, then by value. */
function sortedCounts(values) {
    const counts = new Map();
    for (const value of values)
        counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
function ratio(part, whole) {
    return whole === 0 ? null : part / whole;
}
/** Whole seconds. */
function mean(values) {
    return values.length === 0 ? null : Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
}
function median(values) {
    if (values.length === 0)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return Math.round(sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
}
/** The figures read back from a dashboard's `data.json` (null if it is not one this version reads). */
function parseDashboardData(text) {
    try {
        const parsed = z.object({ kind: z.literal('dashboard-data'), windows: z.array(metricsSchema) }).safeParse(JSON.parse(text));
        return parsed.success ? parsed.data.windows : null;
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/cli/report.ts
/**
 * `ci-monitor report --state DIR [--window 7|30|90] [--format text|markdown|json] [--as-of TIME]`:
 * the dashboard's figures from a local clone of the state branch, as text for a terminal, Markdown
 * for an issue or a wiki, or JSON. Names from the branch (branches, workflows, summaries) are
 * untrusted: cleaned of terminal escapes for text, escaped for Markdown.
 */









const FORMATS = ['text', 'markdown', 'json'];
const report_SYNOPSIS = 'ci-monitor report --state DIR [--window 7|30|90] [--format text|markdown|json] [--as-of TIME]';
async function reportCommand(args, io) {
    if (args.includes('-h') || args.includes('--help')) {
        io.stdout.write(USAGE);
        return 0;
    }
    const parsed = parseReportArgs(args);
    if (typeof parsed === 'string') {
        io.stderr.write(`ci-monitor report: ${parsed} (usage: ${report_SYNOPSIS})\n`);
        return USAGE_ERROR;
    }
    let loaded;
    try {
        loaded = await loadStateDir(parsed.state);
    }
    catch (error) {
        io.stderr.write(`ci-monitor report: cannot read the state directory ${printable(parsed.state)}: ${errorText(error)}\n`);
        return USAGE_ERROR;
    }
    const repository = repositoryOf(loaded);
    const metrics = computeMetrics(loaded.documents, { now: parsed.asOf, windowDays: parsed.window, repository });
    const links = githubLinks(repository);
    const out = parsed.format === 'json'
        ? `${JSON.stringify({ metrics, sources: loaded.summary }, null, 2)}\n`
        : parsed.format === 'markdown'
            ? renderMarkdown(metrics, loaded.summary, links)
            : renderText(metrics, loaded.summary);
    io.stdout.write(out);
    return 0;
}
function parseReportArgs(args) {
    const options = parseOptions(args, ['state', 'window', 'format', 'as-of']);
    if (typeof options === 'string')
        return options;
    const state = options.get('state');
    if (state === undefined)
        return 'missing --state DIR (a local clone of the state branch)';
    const windowText = options.get('window') ?? '30';
    const window = WINDOWS.find((days) => String(days) === windowText);
    if (window === undefined)
        return `--window must be 7, 30 or 90, not '${printable(windowText)}'`;
    const formatText = options.get('format') ?? 'text';
    const format = FORMATS.find((f) => f === formatText);
    if (format === undefined)
        return `--format must be text, markdown or json, not '${printable(formatText)}'`;
    const asOfText = options.get('as-of');
    const asOf = asOfText === undefined ? new Date() : new Date(asOfText);
    if (Number.isNaN(asOf.getTime()) || (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(asOfText))) {
        return `--as-of must be an ISO date or time such as 2026-11-16T12:00:00Z, not '${printable(asOfText ?? '')}'`;
    }
    return { state, window, format, asOf };
}
/** The repository the newest run record names, if it looks like one. */
function repositoryOf(loaded) {
    const newest = [...loaded.documents.runs].sort((a, b) => b.analysed_at.localeCompare(a.analysed_at))[0];
    return newest && githubLinks(newest.repository) ? newest.repository : null;
}
function errorText(error) {
    const code = error.code;
    if (code === 'ENOENT')
        return 'no such directory';
    if (code === 'ENOTDIR')
        return 'not a directory';
    if (code === 'EACCES')
        return 'permission denied';
    return printable(error instanceof Error ? error.message : String(error));
}
function categoryTitle(category) {
    return Object.hasOwn(CATEGORIES, category) ? CATEGORIES[category].title : category;
}
// ---------------------------------------------------------------------------------------------
// Text
/** Untrusted text for a terminal: one line, no escape sequences or invisible characters, capped. */
function plain(text, max) {
    return escape_capText(escape_toSingleLine(text), max);
}
function renderText(m, sources) {
    const out = [];
    out.push(`ci-monitor report${m.repository ? ` · ${plain(m.repository, 140)}` : ''} · last ${m.window.days} days (${m.window.from.slice(0, 10)} to ${m.window.to.slice(0, 10)} UTC)`, '');
    const figures = headlineFigures(m);
    const labelWidth = Math.max(...figures.map((f) => f.label.length));
    const valueWidth = Math.max(...figures.map((f) => f.value.length));
    for (const f of figures)
        out.push(`${f.label.padEnd(labelWidth)}  ${f.value.padEnd(valueWidth)}  ${f.detail}`);
    const table = (title, rows) => {
        out.push('', title);
        if (rows.length === 0)
            out.push('  none');
        const width = Math.max(0, ...rows.map(([label]) => label.length));
        for (const [label, count] of rows)
            out.push(`  ${label.padEnd(width)}  ${formatCount(count).padStart(5)}`);
    };
    table('By owner', Object.entries(m.failures.by_owner));
    table('By category', Object.entries(m.failures.by_category).map(([c, n]) => [categoryTitle(c), n]));
    table('By workflow', m.failures.by_workflow.map((w) => [`${plain(w.workflow_name || w.workflow_path, 60)} (${plain(w.workflow_path, 80)})`, w.count]));
    table('By branch', m.failures.by_branch.map((b) => [plain(b.branch, 80), b.count]));
    out.push('', 'Top recurring failures');
    if (m.top_fingerprints.length === 0)
        out.push('  none');
    m.top_fingerprints.forEach((row, i) => {
        const pulls = row.pulls.map((p) => `#${p.number}${p.state ? ` ${p.state}` : ''}`).join(', ');
        out.push(`  ${i + 1}. ${row.fingerprint}  ${report_plural(row.count, 'failure')} (${row.flaky} flaky, ${row.auto_fixed} auto-fixed)  ${row.owner} ${categoryTitle(row.category)}`, `     ${plain(row.summary, 160)}`, `     last ${row.last_seen.slice(0, 16).replace('T', ' ')} UTC in run ${row.last_run.id}${row.last_run.attempt > 1 ? ` attempt ${row.last_run.attempt}` : ''} · ${plain(row.workflow_name, 60)} on ${row.branches.map((b) => plain(b, 60)).join(', ')}${pulls ? ` · fix PRs ${pulls}` : ''}`);
    });
    out.push('', ...sourceLines(sources, (text, max) => plain(text, max)));
    return `${out.join('\n')}\n`;
}
// ---------------------------------------------------------------------------------------------
// Markdown
function renderMarkdown(m, sources, links) {
    const md = escapeMarkdownInline;
    const out = [`## ci-monitor report${m.repository ? `: ${md(m.repository)}` : ''}`, '', recentFiguresTable(m)];
    const table = (title, header, rows) => {
        out.push('', `#### ${title}`, '', `| ${header} | Failures |`, '| --- | ---: |');
        if (rows.length === 0)
            out.push('| none | 0 |');
        for (const [label, count] of rows)
            out.push(`| ${label} | ${formatCount(count)} |`);
    };
    table('By owner', 'Owner', Object.entries(m.failures.by_owner).map(([o, n]) => [md(o), n]));
    table('By category', 'Category', Object.entries(m.failures.by_category).map(([c, n]) => [md(categoryTitle(c)), n]));
    table('By workflow', 'Workflow', m.failures.by_workflow.map((w) => [`${md(w.workflow_name || w.workflow_path, 80)} (${md(w.workflow_path, 120)})`, w.count]));
    table('By branch', 'Branch', m.failures.by_branch.map((b) => [md(b.branch, 120), b.count]));
    out.push('', '#### Top recurring failures', '');
    if (m.top_fingerprints.length === 0)
        out.push('None in this window.');
    else {
        out.push('| # | Fingerprint | Verdict | Summary | Failures | Flaky | Auto-fixed | Last run | Fix PRs |', '| ---: | --- | --- | --- | ---: | ---: | ---: | --- | --- |');
        m.top_fingerprints.forEach((row, i) => {
            const run = `run ${row.last_run.id}`;
            const lastRun = links ? `[${run}](${links.run(row.last_run.id, row.last_run.attempt)})` : run;
            const pulls = row.pulls.map((p) => {
                const label = `#${p.number}${p.state ? ` ${p.state}` : ''}`;
                return links ? `[${label}](${links.pull(p.number)})` : md(label);
            });
            out.push(`| ${i + 1} | \`${row.fingerprint}\` | ${md(row.owner)} · ${md(categoryTitle(row.category))} | ${md(row.summary, 200)} | ${row.count} | ${row.flaky} | ${row.auto_fixed} | ${lastRun} · ${md(row.last_seen.slice(0, 10))} | ${pulls.join(', ') || 'none'} |`);
        });
    }
    out.push('', ...sourceLines(sources, (text, max) => md(text, max)));
    return `${out.join('\n')}\n`;
}
function sourceLines(sources, clean) {
    const list = (counts) => Object.entries(counts)
        .map(([kind, n]) => `${formatCount(n)} ${clean(kind, 60)}`)
        .join(', ');
    const lines = [`Documents read: ${list(sources.used) || 'none'}.`];
    if (Object.keys(sources.skipped).length > 0)
        lines.push(`Not read by this version: ${list(sources.skipped)}.`);
    if (sources.quarantined > 0)
        lines.push(`Quarantined: ${formatCount(sources.quarantined)}.`);
    if (sources.problems.length > 0) {
        lines.push(`Left out (${formatCount(sources.problems.length)}):`);
        for (const problem of sources.problems)
            lines.push(`- ${clean(problem.path, 200)}: ${clean(problem.problem, 300)}`);
    }
    return lines;
}
function report_plural(n, word) {
    return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/cli/run.ts
/** Command dispatch for `ci-monitor <command>`; every command writes to the given streams. */



/** Exit code for usage errors and unreadable input, as distinct from a failed analysis (1). */
const USAGE_ERROR = 2;
const USAGE = `Usage: ci-monitor <command>

Commands:
  analyze PATH [--json] [--green GREEN_PATH]
                          Diagnose a CI job log saved to a local file; with --green, compare it
                          with the same job's log from a successful run.
  report --state DIR [--window 7|30|90] [--format text|markdown|json] [--as-of TIME]
                          Figures (failures, auto-fixed, flaky, re-runs, fix PRs, time to
                          recovery, LLM use, notifications) from a local clone of the state
                          branch, over the last 7, 30 (default) or 90 days.
  audit verify --state DIR
                          Check the hash-chained audit trail of a local clone of the state
                          branch: exit 0 if intact, 1 at the first broken entry.

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
    if (command === 'report')
        return reportCommand(rest, io);
    if (command === 'audit')
        return auditCommand(rest, io);
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

