/**
 * Network failures outside any one package manager: DNS, refused or reset connections, TLS
 * timeouts, and hosts answering 5xx to git. Package registries have their own families; they
 * take precedence (priority) because they say which service failed.
 */
import type { Rule } from './types.js'

export const NETWORK_RULES: readonly Rule[] = [
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
]
