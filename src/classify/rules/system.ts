/** apt, the shell, make, external services the job calls (coverage uploaders), signing. */
import type { Rule } from './types.js'

export const SYSTEM_RULES: readonly Rule[] = [
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
]
