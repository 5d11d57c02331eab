// Fix parameters come from untrusted log text: only strict shapes get through, and only where the
// fix can help.
import { describe, expect, it } from '@jest/globals'
import { classify } from '../../src/classify/index.js'
import { triageText } from '../../src/triage/index.js'

const diagnose = (...lines: string[]) => classify(triageText(lines.join('\n') + '\n'))

describe('fix intents from the rules', () => {
  it('reads the Python version and image from both setup-python messages', () => {
    expect(diagnose("Error: The version '3.7' with architecture 'x64' was not found for Ubuntu 24.04.").fix).toMatchObject({
      kind: 'move-toolchain-version',
      tool: 'python',
      version: '3.7',
      image: 'ubuntu-24.04'
    })
    expect(diagnose('Error: Version 3.9.6 with arch x64 not found').fix).toMatchObject({ version: '3.9.6', image: null })
  })

  it('takes the missing scope only from the x-accepted-github-permissions header a tool printed', () => {
    const withHeader = diagnose(
      'RequestError [HttpError]: Resource not accessible by integration',
      "    'x-accepted-github-permissions': 'pull_requests=write; issues=write',"
    )
    expect(withHeader.fix).toMatchObject({ kind: 'add-permission', acceptedPermissions: 'pull_requests=write; issues=write' })
    expect(diagnose('Error: HttpError: Resource not accessible by integration').fix).toMatchObject({ kind: 'add-permission', acceptedPermissions: null })
  })

  it('raises the heap only for Node, not for other runtimes out of memory', () => {
    expect(diagnose('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory').fix?.kind).toBe('node-heap')
    expect(diagnose('Exception in thread "main" java.lang.OutOfMemoryError: Java heap space').fix).toBeNull()
  })

  it('retries downloads that failed on the network, never a stale apt index (404)', () => {
    expect(diagnose('npm ERR! code ECONNRESET').fix).toMatchObject({ kind: 'add-retry', tool: 'npm' })
    expect(diagnose('E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/c/curl/curl_7.81.0.deb  404  Not Found [IP: 1.2.3.4 80]').fix).toBeNull()
  })
})
