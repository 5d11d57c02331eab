/** dotnet build/test, MSBuild and NuGet. */
import type { Rule } from './types.js'

export const DOTNET_RULES: readonly Rule[] = [
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
]
