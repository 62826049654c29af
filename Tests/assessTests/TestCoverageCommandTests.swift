import Foundation
import Testing

/// `assess test --coverage`, `--min-coverage` and `--format json`, run on the built binary.
@Suite struct TestCoverageCommandTests {
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
              - {id: name, prompt: Your name, type: text, identifying: true}
              - {id: nights, prompt: Nights with nowhere safe to sleep, type: number, min: 0, max: 7}
              - id: worry
                prompt: How much do you worry about your home?
                type: choice
                options: [{code: none, label: Not at all, value: 0}, {code: some, label: Some, value: 1}]
        needs:
          - {id: housing, title: Housing, target: resettlement, score: nights + worry, max: 8, bands: {low: 0, high: 1, very_high: 5}}
        safeguarding:
          - {id: nowhere_tonight, when: nights >= 1, action: Find her somewhere safe to sleep tonight.}
        tests:
          - name: a safe bed is low
            answers: {nights: 0, worry: none}
            expect: {bands: {housing: low}}
          - name: nights out are high
            answers: {nights: 3, worry: none}
            expect: {bands: {housing: high}, safeguarding: [nowhere_tonight]}
        """

    static func run(_ arguments: [String], instrument: String = instrument) throws -> (CLI.Result, String) {
        let path = try CLI.temporaryFile(instrument)
        return (try CLI.run(arguments + [path], environment: ["NO_COLOR": "1"]), path)
    }

    @Test func coverageFollowsTheTestsAndKeepsTheExitCode() throws {
        let (result, path) = try Self.run(["test", "--coverage"])
        #expect(result.status == 0, "coverage alone never fails the run: \(result.stdout)")
        #expect(
            result.stdout == """
                ✔ a safe bed is low
                ✔ nights out are high
                2 passed, 0 failed

                Coverage of \(path) by its 2 tests: 77.7% (7 of 9)
                  items answered          2 of 2  100.0%
                  options chosen          1 of 2   50.0%
                  bands reached           2 of 3   66.6%
                  rules fired and silent  2 of 2  100.0%
                  driver edges active     0 of 0       —

                Options never chosen
                  \(path):15:62: 'worry': 'some' — add a test that chooses it

                Bands never reached
                  \(path):17:113: need 'housing' band 'very_high' — add a test where 'housing' scores 5 or more

                Not counted
                  \(path):10:9: 'name' — identifying: never scored, so tests need not answer it

                """)
    }

    @Test func minCoverageBelowFailsAndSaysSo() throws {
        let (result, path) = try Self.run(["test", "--min-coverage", "80"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Coverage of \(path) by its 2 tests: 77.7% (7 of 9)"), "implies --coverage")
        #expect(result.stdout.hasSuffix("\n\n✘ \(path): coverage 77.7% is below the minimum 80%\n"))
    }

    @Test func minCoverageMetPasses() throws {
        let (result, _) = try Self.run(["test", "--min-coverage", "77.7"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("below the minimum"))
    }

    @Test func aFailingCaseStillFailsWithCoverage() throws {
        let text = Self.instrument.replacingOccurrences(
            of: "expect: {bands: {housing: low}}", with: "expect: {bands: {housing: high}}")
        let (result, _) = try Self.run(["test", "--coverage"], instrument: text)
        #expect(result.status == 1)
        #expect(result.stdout.contains("1 passed, 1 failed\n\nCoverage of "), "a failing case is still counted")
    }

    @Test func minCoverageOutOfRangeIsAUsageError() throws {
        let (result, _) = try Self.run(["test", "--min-coverage", "101"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--min-coverage must be a percentage from 0 to 100"))
    }

    @Test func jsonForTools() throws {
        let (result, path) = try Self.run(["test", "--min-coverage", "80", "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        #expect(json["passed"] as? Int == 2)
        #expect(json["failed"] as? Int == 0)
        #expect(json["min_coverage"] as? Double == 80)
        #expect(json["below_min_coverage"] as? [String] == [path])
        let instruments = try #require(json["instruments"] as? [[String: Any]])
        let cases = try #require(instruments.first?["cases"] as? [[String: Any]])
        #expect(cases.map { $0["name"] as? String } == ["a safe bed is low", "nights out are high"])
        #expect(cases.map { $0["passed"] as? Bool } == [true, true])
        let coverage = try #require(instruments.first?["coverage"] as? [String: Any])
        #expect(coverage["percent"] as? Double == 77.7)
        #expect(coverage["covered"] as? Int == 7)
        #expect(coverage["total"] as? Int == 9)
        let categories = try #require(coverage["categories"] as? [[String: Any]])
        #expect(categories.map { $0["category"] as? String } == ["items", "options", "bands", "rules", "drivers"])
        let bands = try #require(categories[2]["uncovered"] as? [[String: Any]])
        #expect(bands.count == 1)
        #expect(bands.first?["kind"] as? String == "band")
        #expect(bands.first?["id"] as? String == "housing")
        #expect(bands.first?["band"] as? String == "very_high")
        #expect(bands.first?["never"] as? String == "reached")
        #expect(bands.first?["file"] as? String == path)
        #expect(bands.first?["line"] as? Int == 17)
        #expect(bands.first?["column"] as? Int == 113)
        let exempt = try #require(coverage["exempt"] as? [[String: Any]])
        #expect(exempt.first?["item"] as? String == "name")
    }

    @Test func jsonWithoutCoverageHasNone() throws {
        let (result, _) = try Self.run(["test", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let instruments = try #require(json["instruments"] as? [[String: Any]])
        #expect(instruments.first?["coverage"] == nil)
        #expect(json["min_coverage"] == nil)
    }

    @Test func theShippedInstrumentsReportTheirCoverage() throws {
        let result = try CLI.run(
            ["test", "--coverage", "Instruments/womens-needs.yaml"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(
            result.stdout.contains("27 passed, 0 failed\n\nCoverage of Instruments/womens-needs.yaml by its 27 tests: ")
        )
        #expect(result.stdout.contains("\nNot counted\n  Instruments/womens-needs.yaml:"))
    }
}
