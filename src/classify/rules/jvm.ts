/** Maven, Gradle, javac/kotlinc, JUnit/Surefire and the usual build plugins. */
import type { Rule } from './types.js'

export const JVM_RULES: readonly Rule[] = [
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
]
