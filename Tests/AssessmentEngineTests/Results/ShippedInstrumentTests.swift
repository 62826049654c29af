import AssessmentEngine
import QuestionnaireDSL
import Testing

/// The `tests:` of the instruments in the repository's Instruments/ folder.
@Suite struct ShippedInstrumentTests {
    @Test(arguments: ["phq-9.yaml", "gad-7.yaml", "womens-needs.yaml"])
    func instrumentTestsPass(file: String) throws {
        let compiled = try Fixture.shipped(file)
        let results = InstrumentTestRunner(compiled).runAll()
        #expect(results.count == compiled.instrument.tests.count)
        for result in results {
            let summary = "\(file) '\(result.name)': \(result.mismatches) \(result.diagnostics)"
            #expect(result.passed, "\(summary)")
        }
    }

    @Test func phq9Item9DeclinedIsProratedAndUnknownNotNo() throws {
        let runner = InstrumentTestRunner(try Fixture.shipped("phq-9.yaml"))
        let test = try #require(runner.compiled.instrument.tests.first { $0.name.hasPrefix("item 9 declined") })
        let result = runner.run(test).result
        #expect(result.need("depression")?.score == 9)
        #expect(result.need("depression")?.prorated == true)
        #expect(result.safeguarding.isEmpty)
        #expect(result.unevaluated.map(\.id) == ["thoughts_of_self_harm"])
        #expect(result.unevaluated.map(\.missingItems) == [["self_harm_thoughts"]])
    }
}
