import ArgumentParser
import AssessmentEngine
import QuestionnaireDSL

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print an instrument as a questionnaire on paper.",
        discussion: """
            For phone assessments and for practice leads to review: the introduction and the \
            consent question, each section with its introduction, every question numbered with \
            its numbered options, why it is asked, whether it is sensitive, and when it is \
            asked, in plain words ("Ask if: question 12 (“Do you have a partner…?”) is yes"); \
            then the question about her own priorities. '--format html' gives one \
            self-contained page with boxes to tick, to print on A4.

            Exit codes: 0 printed, 1 the instrument has errors, 64 usage error, 66 the file \
            could not be read.

            Example:
              assess print Instruments/womens-needs.yaml --format html > questionnaire.html
            """)

    /// How the questionnaire is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    @Argument(help: "The instrument file.")
    var instrument: String

    @ArgumentParser.Option(help: "'markdown' to read or print as text, 'html' for a page to print on A4.")
    var format: Format = .markdown

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "The language to print in, where the instrument has it (default: the instrument's own).",
            valueName: "tag"))
    var language: String?

    func run() throws {
        let compiled = try InstrumentFiles.compile(try InstrumentFiles.read(instrument))
        let paper = PrintedQuestionnaire(compiled, language: language)
        switch format {
        case .markdown: print(QuestionnaireMarkdown(paper).render(), terminator: "")
        case .html: print(QuestionnaireHTML(paper).render(), terminator: "")
        }
    }
}
