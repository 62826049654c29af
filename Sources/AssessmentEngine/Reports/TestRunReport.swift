import Foundation
import QuestionnaireDSL

/// What `assess test --format json` prints: every instrument's test cases and, when asked
/// for, its coverage, as one versioned JSON document for tools.
///
/// ```swift
/// var report = TestRunReport()
/// report.instruments.append(.init(file: "womens-needs.yaml", compiled: compiled, cases: cases, coverage: coverage))
/// print(try report.jsonString())
/// ```
public struct TestRunReport: Sendable, Hashable, Codable {
    /// The version of this format; raised whenever a field changes meaning or is removed.
    public static let currentSchemaVersion = 1

    /// The version of this format.
    public var schemaVersion: Int
    /// Each instrument whose tests were run, in the order given.
    public var instruments: [InstrumentTests]
    /// The minimum overall coverage asked for, in percent, if any.
    public var minCoverage: Double?
    /// The instruments whose overall coverage is below ``minCoverage``, by file.
    public var belowMinCoverage: [String] {
        guard let minCoverage else { return [] }
        return instruments.compactMap { entry in
            entry.coverage.flatMap { $0.meets(minCoverage) ? nil : entry.file }
        }
    }
    /// How many cases passed, over all instruments.
    public var passed: Int { instruments.reduce(0) { $0 + $1.passed } }
    /// How many cases failed, over all instruments (an instrument with errors counts as one).
    public var failed: Int { instruments.reduce(0) { $0 + $1.failed } }

    /// Creates an empty report.
    public init(minCoverage: Double? = nil) {
        self.schemaVersion = Self.currentSchemaVersion
        self.instruments = []
        self.minCoverage = minCoverage
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, instruments, minCoverage, belowMinCoverage, passed, failed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        instruments = try container.decode([InstrumentTests].self, forKey: .instruments)
        minCoverage = try container.decodeIfPresent(Double.self, forKey: .minCoverage)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(instruments, forKey: .instruments)
        try container.encodeIfPresent(minCoverage, forKey: .minCoverage)
        if minCoverage != nil { try container.encode(belowMinCoverage, forKey: .belowMinCoverage) }
        try container.encode(passed, forKey: .passed)
        try container.encode(failed, forKey: .failed)
    }

    /// The report as JSON text: sorted keys, snake_case names, pretty-printed.
    public func jsonString() throws -> String {
        String(decoding: try AssessmentResult.encoder().encode(self), as: UTF8.self)
    }
}

/// One instrument's test cases and coverage.
public struct InstrumentTests: Sendable, Hashable, Codable {
    /// The file, as named on the command line.
    public var file: String
    /// The instrument's id; nil when it has errors.
    public var instrument: String?
    /// Why its tests could not be run (the instrument has errors); nil when they ran.
    public var error: String?
    /// Each case, in order.
    public var cases: [CaseSummary]
    /// How many cases passed.
    public var passed: Int
    /// How many cases failed (1 when the instrument has errors).
    public var failed: Int
    /// What the cases exercise, when coverage was asked for.
    public var coverage: TestCoverage?

    /// The cases of an instrument that compiled.
    public init(file: String, compiled: CompiledInstrument, cases: [TestCaseResult], coverage: TestCoverage? = nil) {
        self.file = file
        self.instrument = compiled.instrument.id
        self.error = nil
        self.cases = cases.map(CaseSummary.init)
        self.passed = cases.count(where: \.passed)
        self.failed = cases.count - passed
        self.coverage = coverage
    }

    /// An instrument whose tests could not be run, and why.
    public init(file: String, error: String) {
        self.file = file
        self.instrument = nil
        self.error = error
        self.cases = []
        self.passed = 0
        self.failed = 1
        self.coverage = nil
    }
}

/// One test case's outcome, for tools.
public struct CaseSummary: Sendable, Hashable, Codable {
    /// The case's name.
    public var name: String
    /// Where it is written: 1-based line.
    public var line: Int
    /// Where it is written: 1-based column.
    public var column: Int
    /// True when every expectation held and its answers had no errors.
    public var passed: Bool
    /// The expectations that did not hold.
    public var mismatches: [ExpectationMismatch]
    /// The errors in its answers.
    public var answerErrors: [String]

    /// The summary of `result`.
    public init(_ result: TestCaseResult) {
        self.name = result.name
        self.line = result.location.line
        self.column = result.location.column
        self.passed = result.passed
        self.mismatches = result.mismatches
        self.answerErrors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
    }
}
