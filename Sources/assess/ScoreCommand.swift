import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score one woman's answers and explain the result.",
        discussion: """
            Reads an instrument and an answers file (YAML or JSON: item id → answer, with \
            'declined' and 'dont_know', and her own priorities under '_priorities') and \
            prints what to act on today, the lynch-pin need with its reasons, the other \
            needs, her priorities beside the ranking, strengths, advice and what is still \
            unknown. '--format markdown' prints the same as a document to go through with \
            her (each need with its strengths and advice, her priorities beside the \
            assessment's); '--format html' as one self-contained page with a chart of her \
            needs and strengths, to open in a browser or print on A4; '--format json' prints \
            the full, versioned result for other systems.

            Exit codes: 0 scored, 1 the instrument or the answers have errors, 64 usage \
            error, 66 a file could not be read.

            Example:
              assess score Instruments/womens-needs.yaml answers.yaml --format markdown
              assess score Instruments/womens-needs.yaml answers.yaml --format html > summary.html
            """)

    /// How a result is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, html
    }

    @Argument(help: "The instrument file.")
    var instrument: String

    @Argument(help: "The answers file.")
    var answers: String

    @ArgumentParser.Option(
        help:
            "How to print the result: 'text' for a caseworker, 'markdown' or 'html' to go through with her, print or keep, 'json' for other systems."
    )
    var format: Format = .text

    func run() throws {
        let instrumentSource = try InstrumentFiles.read(instrument)
        let answersSource = try InstrumentFiles.read(answers)
        let compiled = try InstrumentFiles.compile(instrumentSource)
        let (entries, priorities, readDiagnostics) = AnswerReader(instrument: compiled.instrument).read(answersSource)
        let (result, diagnostics) = Assessor(compiled).assess(
            entries, priorities: priorities, at: Date(), file: answersSource.name)
        let problems = (readDiagnostics + diagnostics).sortedByLocation()
        InstrumentFiles.report(problems, sources: [answersSource])
        guard !problems.hasErrors else { throw ExitCodes.problemsFound }
        switch format {
        case .json:
            print(try result.jsonString())
        case .text:
            print(TextReport(Report(result, instrument: compiled.instrument)).render(), terminator: "")
        case .markdown:
            print(MarkdownReport(Report(result, instrument: compiled.instrument)).render(), terminator: "")
        case .html:
            print(HTMLReport(Report(result, instrument: compiled.instrument)).render(), terminator: "")
        }
    }
}
