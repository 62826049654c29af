import QuestionnaireDSL

/// One `expect` entry that did not hold: what was expected and what the engine gave.
public struct ExpectationMismatch: Sendable, Hashable, Codable {
    /// The key, with the need or strength for map keys: `bands.housing`, `lynchpin`.
    public var key: String
    /// What the test expects, in words.
    public var expected: String
    /// What the engine gave, in words.
    public var actual: String

    /// Creates a mismatch.
    public init(key: String, expected: String, actual: String) {
        self.key = key
        self.expected = expected
        self.actual = actual
    }
}

/// The outcome of one instrument test case.
public struct TestCaseResult: Sendable, Hashable {
    /// The case's name.
    public var name: String
    /// Where the case is written.
    public var location: SourceLocation
    /// The `expect` entries that did not hold, in the documented key order.
    public var mismatches: [ExpectationMismatch]
    /// Problems with the case's answers (an answer to a hidden item, …); any error fails the case.
    public var diagnostics: [Diagnostic]
    /// What the engine gave, with its working (for the trace and for test coverage).
    public var run: AssessmentRun

    /// What the engine gave, for the trace.
    public var result: AssessmentResult { run.result }

    /// True when every expectation held and the answers had no errors.
    public var passed: Bool { mismatches.isEmpty && !diagnostics.hasErrors }
}
