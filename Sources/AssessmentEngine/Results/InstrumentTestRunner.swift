import Foundation
import QuestionnaireDSL

/// Runs an instrument's own `tests:`: each case's answers are assessed and every `expect`
/// key that is present is compared as DESIGN.md defines.
///
/// - `bands`, `statuses`, `scores` are partial maps: only the needs and strengths named
///   are checked; scores within ± 0.001; a need that is not assessed has no band or score.
/// - `lynchpin` and `ranking` are ordered lists.
/// - `flags`, `safeguarding`, `unevaluated` and `her_view_differs` are exact sets.
///
/// ```swift
/// for result in InstrumentTestRunner(compiled).runAll() where !result.passed { … }
/// ```
public struct InstrumentTestRunner: Sendable {
    /// How far a score may be from the expected one.
    public static let scoreTolerance = 0.001
    /// The time results are stamped with: tests do not depend on the clock.
    public static let testTime = Date(timeIntervalSince1970: 0)

    /// The instrument whose tests are run.
    public let compiled: CompiledInstrument
    private let assessor: Assessor

    /// Creates a runner for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        self.assessor = Assessor(compiled)
    }

    /// Runs every test of the instrument, in order.
    public func runAll() -> [TestCaseResult] {
        compiled.instrument.tests.map(run)
    }

    /// Runs one test case.
    public func run(_ test: InstrumentTest) -> TestCaseResult {
        let (run, diagnostics) = assessor.run(
            test.answers, priorities: test.priorities, at: Self.testTime, file: compiled.source.name)
        return TestCaseResult(
            name: test.name, location: test.location, mismatches: Self.compare(test.expect, with: run.result),
            diagnostics: diagnostics, run: run)
    }

    /// The expectations in `expect` that `result` does not meet.
    public static func compare(_ expect: Expectation, with result: AssessmentResult) -> [ExpectationMismatch] {
        var mismatches: [ExpectationMismatch] = []
        let scored =
            result.needs.map { ($0.id, $0.status, $0.score, $0.band) }
            + result.strengths.map { ($0.id, $0.status, $0.score, $0.band) }
        let byID = Dictionary(
            scored.map { ($0.0, (status: $0.1, score: $0.2, band: $0.3)) }, uniquingKeysWith: { a, _ in a })

        for (id, band) in (expect.bands ?? [:]).sorted(by: { $0.key < $1.key }) {
            let actual = byID[id]?.band ?? "none (not assessed)"
            if actual != band { mismatches.append(.init(key: "bands.\(id)", expected: band, actual: actual)) }
        }
        for (id, status) in (expect.statuses ?? [:]).sorted(by: { $0.key < $1.key }) {
            let actual = byID[id]?.status.rawValue ?? "unknown"
            if actual != status { mismatches.append(.init(key: "statuses.\(id)", expected: status, actual: actual)) }
        }
        for (id, score) in (expect.scores ?? [:]).sorted(by: { $0.key < $1.key }) {
            let actual = byID[id]?.score
            if actual.map({ abs($0 - score) > scoreTolerance }) ?? true {
                mismatches.append(
                    .init(
                        key: "scores.\(id)", expected: NumberText.format(score),
                        actual: actual.map(NumberText.format) ?? "none (not assessed)"))
            }
        }
        func ordered(_ key: String, _ expected: [String]?, _ actual: [String]) {
            if let expected, expected != actual {
                mismatches.append(.init(key: key, expected: list(expected), actual: list(actual)))
            }
        }
        func exactSet(_ key: String, _ expected: [String]?, _ actual: [String]) {
            if let expected, Set(expected) != Set(actual) {
                mismatches.append(.init(key: key, expected: list(expected.sorted()), actual: list(actual.sorted())))
            }
        }
        ordered("lynchpin", expect.lynchpin, result.lynchpins)
        ordered("ranking", expect.ranking, result.ranking.map(\.need))
        exactSet("flags", expect.flags, result.flags.map(\.id))
        exactSet("safeguarding", expect.safeguarding, result.safeguarding.map(\.id))
        exactSet("unevaluated", expect.unevaluated, result.unevaluated.map(\.id))
        exactSet("her_view_differs", expect.herViewDiffers, result.herViewDiffers)
        return mismatches
    }

    private static func list(_ ids: [String]) -> String { "[" + ids.joined(separator: ", ") + "]" }
}
