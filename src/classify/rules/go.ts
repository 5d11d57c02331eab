/** The go command, go test, the Go compiler and the usual Go linters. */
import type { Rule } from './types.js'

export const GO_RULES: readonly Rule[] = [
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
]
