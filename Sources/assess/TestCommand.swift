import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests written in instruments.",
        discussion: """
            Scores each case under 'tests:' and compares the 'expect' keys it gives: \
            bands, statuses and scores (± 0.001) for the needs named; lynchpin and ranking \
            in order; flags, safeguarding, unevaluated and her_view_differs as exact sets. \
            Prints one line per case, with expected and actual values under a failure, \
            and a closing line 'N passed, N failed'. With no files, runs every .yaml file \
            in Instruments/.

            '--coverage' then reports what the tests never exercise: items never \
            answered, options never chosen, bands never reached, rules never fired or \
            never silent, driver edges never active; each with its file:line:column and \
            a hint. Coverage does not change the exit code unless '--min-coverage' is given.

            Exit codes: 0 every case passed, 1 a case failed, an instrument has errors, \
            or coverage is below '--min-coverage', 64 usage error, 66 a file could not be read.

            Examples:
              assess test Instruments/phq-9.yaml Instruments/gad-7.yaml
              assess test --coverage Instruments/womens-needs.yaml
              assess test --min-coverage 90 --format json Instruments/*.yaml
            """)

    /// How results are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Instrument files whose tests to run (default: Instruments/*.yaml).")
    var files: [String] = []

    @Flag(help: "After the tests, report the items, options, bands, rules and driver edges they never exercise.")
    var coverage = false

    @ArgumentParser.Option(
        name: .customLong("min-coverage"),
        help: ArgumentHelp(
            "Exit 1 when an instrument's overall coverage is below this percentage (implies --coverage).",
            valueName: "percent"))
    var minCoverage: Double?

    @ArgumentParser.Option(help: "How to print: 'text' for people, 'json' for tools.")
    var format: Format = .text

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage must be a percentage from 0 to 100, not \(minCoverage)")
        }
    }

    func run() throws {
        let paths = files.isEmpty ? Self.shippedInstruments() : files
        let measuring = coverage || minCoverage != nil
        let text = format == .text
        let colour = text && Terminal.colourEnabled()
        let (tick, cross) = colour ? ("\u{1B}[32m✔\u{1B}[0m", "\u{1B}[31m✘\u{1B}[0m") : ("✔", "✘")
        var report = TestRunReport(minCoverage: minCoverage)
        let (sources, unreadable) = InstrumentFiles.readEach(paths)
        for source in sources {
            if text, paths.count > 1 { print(source.name) }
            let (compiled, diagnostics) = InstrumentLoader().compile(source)
            guard let compiled, !diagnostics.hasErrors else {
                let message = "the instrument has errors; run 'assess validate \(source.name)'"
                if text { print("\(cross) \(source.name): \(message)") }
                InstrumentFiles.report(diagnostics.filter { $0.severity == .error }, sources: [source])
                report.instruments.append(InstrumentTests(file: source.name, error: message))
                continue
            }
            let outcomes = InstrumentTestRunner(compiled).runAll()
            if text {
                for outcome in outcomes {
                    print("\(outcome.passed ? tick : cross) \(outcome.name)")
                    if !outcome.passed { print(Self.explain(outcome, file: source.name), terminator: "") }
                }
            }
            report.instruments.append(
                InstrumentTests(
                    file: source.name, compiled: compiled, cases: outcomes,
                    coverage: measuring ? TestCoverage(compiled, cases: outcomes) : nil))
        }
        switch format {
        case .json:
            print(try report.jsonString())
        case .text:
            print("\(report.passed) passed, \(report.failed) failed")
            for coverage in report.instruments.compactMap(\.coverage) {
                print("")
                print(CoverageTextReport(coverage).render(), terminator: "")
            }
            if let minCoverage, !report.belowMinCoverage.isEmpty {
                print("")
                for entry in report.instruments {
                    guard let coverage = entry.coverage, !coverage.meets(minCoverage) else { continue }
                    print(
                        "\(cross) \(entry.file): coverage \(CoverageTextReport.percent(coverage.percent)) is below "
                            + "the minimum \(NumberText.format(minCoverage))%")
                }
            }
        }
        if unreadable { throw ExitCodes.cannotRead }
        if report.failed > 0 || !report.belowMinCoverage.isEmpty { throw ExitCodes.problemsFound }
    }

    /// Expected against actual for each failed expectation, then a short trace.
    static func explain(_ outcome: TestCaseResult, file: String) -> String {
        var lines = ["    at \(file):\(outcome.location.line):\(outcome.location.column)"]
        for diagnostic in outcome.diagnostics where diagnostic.severity == .error {
            lines.append("    answers: \(diagnostic.message)")
        }
        for mismatch in outcome.mismatches {
            lines.append("    \(mismatch.key): expected \(mismatch.expected), got \(mismatch.actual)")
        }
        lines.append("    trace:")
        let result = outcome.result
        for need in result.needs {
            let score = need.score.map(NumberText.format) ?? "not assessed"
            var words = "\(need.id) = \(score)"
            if let band = need.band { words += " (\(band))" }
            if need.prorated { words += ", prorated for \(need.missingItems.joined(separator: ", "))" }
            if need.status == .notAssessed, !need.missingItems.isEmpty {
                words += ", missing \(need.missingItems.joined(separator: ", "))"
            }
            lines.append("      \(words)")
        }
        if !result.ranking.isEmpty {
            let ranking = result.ranking.map { "\($0.need) \(NumberText.format($0.influence))" }
            lines.append(
                "      ranking: \(ranking.joined(separator: ", ")); lynch-pin: \(result.lynchpins.joined(separator: ", "))"
            )
        }
        for rule in result.unevaluated {
            lines.append(
                "      \(rule.id) could not be evaluated: missing \((rule.missingItems + rule.notAssessedScores).joined(separator: ", "))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The .yaml files in Instruments/ under the current folder, sorted.
    static func shippedInstruments() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "Instruments")) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Instruments/\($0)" }
    }
}
