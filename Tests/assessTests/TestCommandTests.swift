import Foundation
import Testing

@Suite struct TestCommandTests {
    static let instrument = """
        instrument:
          id: example
          version: 1.0.0
          title: Example
          language: en-GB
        sections:
          - id: about
            title: About you
            items:
              - {id: nights, prompt: Nights with nowhere safe to sleep, type: number, min: 0, max: 7}
        needs:
          - {id: housing, title: Housing, target: resettlement, score: nights, max: 7, bands: {low: 0, high: 1}}
        tests:
          - name: a safe bed is low
            answers: {nights: 0}
            expect: {bands: {housing: low}}
          - name: a wrong expectation
            answers: {nights: 3}
            expect: {bands: {housing: low}, scores: {housing: 4}}
        """

    @Test func onePassingAndOneFailingCase() throws {
        let path = try CLI.temporaryFile(Self.instrument)
        let result = try CLI.run(["test", path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "✔ a safe bed is low")
        #expect(lines.contains("✘ a wrong expectation"))
        #expect(lines.contains("    bands.housing: expected low, got high"))
        #expect(lines.contains("    scores.housing: expected 4, got 3"))
        #expect(result.stdout.hasSuffix("\n1 passed, 1 failed\n"))
    }

    @Test func everyPassingCaseExitsZero() throws {
        let text = Self.instrument.replacingOccurrences(
            of: "expect: {bands: {housing: low}, scores: {housing: 4}}",
            with: "expect: {bands: {housing: high}, scores: {housing: 3}}")
        let result = try CLI.run(["test", try CLI.temporaryFile(text)], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "✔ a safe bed is low\n✔ a wrong expectation\n2 passed, 0 failed\n")
    }

    @Test func shippedInstrumentsRunCaseByCase() throws {
        let result = try CLI.run(["test", "Instruments/gad-7.yaml"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("10 passed, 0 failed\n"))
    }

    @Test func anInstrumentWithErrorsFails() throws {
        let path = try CLI.temporaryFile(
            Self.instrument.replacingOccurrences(of: "score: nights", with: "score: nihgts"))
        let result = try CLI.run(["test", path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("0 passed, 1 failed\n"))
        #expect(result.stderr.contains("unknown-name"))
    }

    @Test func unreadableFileExitsWith66() throws {
        let result = try CLI.run(["test", "no/such/file.yaml"])
        #expect(result.status == 66)
        #expect(result.stdout == "0 passed, 0 failed\n")
    }
}
