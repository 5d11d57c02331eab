/** npm, yarn, pnpm, Node itself, and the JavaScript test, lint and build tools. */
import type { Rule } from './types.js'

export const JAVASCRIPT_RULES: readonly Rule[] = [
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
]
