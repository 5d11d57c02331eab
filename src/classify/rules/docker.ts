/** docker, buildx/BuildKit and container registries. */
import type { Rule } from './types.js'

export const DOCKER_RULES: readonly Rule[] = [
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
]
