import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how every score, band, flag and rank came about.",
        discussion: """
            Reads an instrument and an answers file, as 'score' does, and prints the full \
            trace: each need's and strength's expression with the value of every item it \
            uses (answered, declined, don't know, not applicable, unanswered), the missing \
            count against max_declined, the prorating arithmetic, the bands and the one that \
            applied; each safeguarding, responsivity and urgent_if rule with its answers and \
            whether it fired, was silent or could not be evaluated; each driver edge and why \
            it is or is not in the graph; and the ranking: each influence summed, ties broken, \
            and the 95 % threshold for joint lynch-pins. '--need ID' limits it to one need.

            Exit codes: 0 explained, 1 the instrument or the answers have errors, 64 usage \
            error (including an unknown '--need'), 66 a file could not be read.

            Examples:
              assess explain Instruments/womens-needs.yaml answers.yaml
              assess explain Instruments/womens-needs.yaml answers.yaml --need relationships
            """)

    /// How the trace is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The instrument file.")
    var instrument: String

    @Argument(help: "The answers file.")
    var answers: String

    @ArgumentParser.Option(help: ArgumentHelp("Limit the trace to this need.", valueName: "id"))
    var need: String?

    @ArgumentParser.Option(help: "How to print the trace: 'text' for people, 'json' for other tools.")
    var format: Format = .text

    func run() throws {
        let instrumentSource = try InstrumentFiles.read(instrument)
        let answersSource = try InstrumentFiles.read(answers)
        let compiled = try InstrumentFiles.compile(instrumentSource)
        let needs = compiled.instrument.needs.map(\.id)
        if let need, !needs.contains(need) {
            let hint =
                compiled.instrument.strengths.contains { $0.id == need }
                ? "it is a strength; leave out --need to see the strengths' trace"
                : Suggestion.didYouMean(need, among: needs) ?? "its needs are: \(needs.joined(separator: ", "))"
            Terminal.error("error: '\(need)' is not a need of \(compiled.instrument.id); \(hint)")
            throw ExitCodes.usage
        }
        let (entries, priorities, readDiagnostics) = AnswerReader(instrument: compiled.instrument).read(answersSource)
        let (explanation, diagnostics) = Explainer(compiled).explain(
            entries, priorities: priorities, file: answersSource.name)
        let problems = (readDiagnostics + diagnostics).sortedByLocation()
        InstrumentFiles.report(problems, sources: [answersSource])
        guard !problems.hasErrors else { throw ExitCodes.problemsFound }
        let shown = need.map(explanation.focused(on:)) ?? explanation
        switch format {
        case .json:
            print(try shown.jsonString())
        case .text:
            print(ExplanationReport(shown).render(), terminator: "")
        }
    }
}
