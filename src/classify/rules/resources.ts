/** The machine ran out of something (disk, memory) or the build agent went away. */
import type { Rule } from './types.js'

export const RESOURCE_RULES: readonly Rule[] = [
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
]
