import AssessmentEngine
import QuestionnaireDSL
import Testing

/// The `tests:` of the instruments in the repository's Instruments/ folder.
@Suite struct ShippedInstrumentTests {
    /// Cases whose expectation contradicts DESIGN.md, reported to the instrument's authors
    /// rather than bent around in the engine.
    ///
    /// PHQ-9 "item 9 declined is unknown, never read as no" leaves `difficulty` out of its
    /// answers. DESIGN.md: "An applicable item with no key is unanswered and counts as
    /// missing", so `daily_life_affected` (`difficulty in ['very', 'extremely']`) cannot be
    /// evaluated either, and `unevaluated` is [daily_life_affected, thoughts_of_self_harm],
    /// not [thoughts_of_self_harm]. The fix belongs in the instrument: answer `difficulty`
    /// in that case, or expect both rules.
    static let expectationsAtOddsWithDesign: Set<String> = [
        "phq-9.yaml: item 9 declined is unknown, never read as no"
    ]

    @Test(arguments: ["phq-9.yaml", "gad-7.yaml"])
    func instrumentTestsPass(file: String) throws {
        let compiled = try Fixture.shipped(file)
        let results = InstrumentTestRunner(compiled).runAll()
        #expect(results.count == compiled.instrument.tests.count)
        for result in results {
            let summary = "\(file) '\(result.name)': \(result.mismatches) \(result.diagnostics)"
            let passed = result.passed
            if Self.expectationsAtOddsWithDesign.contains("\(file): \(result.name)") {
                // Intermittent, so the suite keeps passing once the instrument is corrected.
                withKnownIssue("the instrument's expectation contradicts DESIGN.md", isIntermittent: true) {
                    #expect(passed, "\(summary)")
                }
            } else {
                #expect(passed, "\(summary)")
            }
        }
    }

    @Test func phq9Item9DeclinedIsProratedAndUnknownNotNo() throws {
        let runner = InstrumentTestRunner(try Fixture.shipped("phq-9.yaml"))
        let test = try #require(runner.compiled.instrument.tests.first { $0.name.hasPrefix("item 9 declined") })
        let result = runner.run(test).result
        #expect(result.need("depression")?.score == 9)
        #expect(result.need("depression")?.prorated == true)
        #expect(result.safeguarding.isEmpty)
        #expect(result.unevaluated.map(\.id) == ["thoughts_of_self_harm", "daily_life_affected"])
        #expect(result.unevaluated.map(\.missingItems) == [["self_harm_thoughts"], ["difficulty"]])
    }
}
