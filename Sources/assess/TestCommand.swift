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

            Exit codes: 0 every case passed, 1 a case failed or an instrument has errors, \
            64 usage error, 66 a file could not be read.

            Example:
              assess test Instruments/phq-9.yaml Instruments/gad-7.yaml
            """)

    @Argument(help: "Instrument files whose tests to run (default: Instruments/*.yaml).")
    var files: [String] = []

    func run() throws {
        let paths = files.isEmpty ? Self.shippedInstruments() : files
        let colour = Terminal.colourEnabled()
        let (tick, cross) = colour ? ("\u{1B}[32m✔\u{1B}[0m", "\u{1B}[31m✘\u{1B}[0m") : ("✔", "✘")
        var passed = 0, failed = 0, unreadable = false
        for path in paths {
            let source: SourceFile
            do {
                source = try SourceFile.read(path: path)
            } catch {
                Terminal.error("error: \(error)")
                unreadable = true
                continue
            }
            if paths.count > 1 { print(source.name) }
            let (compiled, diagnostics) = InstrumentLoader().compile(source)
            guard let compiled, !diagnostics.hasErrors else {
                print("\(cross) \(source.name): the instrument has errors; run 'assess validate \(source.name)'")
                InstrumentFiles.report(diagnostics.filter { $0.severity == .error }, sources: [source])
                failed += 1
                continue
            }
            for outcome in InstrumentTestRunner(compiled).runAll() {
                if outcome.passed {
                    passed += 1
                    print("\(tick) \(outcome.name)")
                } else {
                    failed += 1
                    print("\(cross) \(outcome.name)")
                    print(Self.explain(outcome, file: source.name), terminator: "")
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if unreadable { throw ExitCodes.cannotRead }
        if failed > 0 { throw ExitCodes.problemsFound }
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
