import ArgumentParser
import QuestionnaireDSL

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check that instruments are trauma-informed and ask no more than they need.",
        discussion: """
            Runs everything 'validate' does, then checks that: sensitive questions say why \
            they are asked and can be declined; sensitive sections have an introduction; no \
            text uses words that label a person (extend the list with 'lint: {avoid: …}'); \
            every question is used; translations are complete; identifying questions stay \
            out of scoring; every score uses a question.

            Exit codes: 0 no errors (warnings allowed), 1 errors found, 64 usage error, \
            66 a file could not be read.

            Example:
              assess lint Instruments/womens-needs.yaml
            """)

    @Argument(help: "Instrument files to check.")
    var files: [String]

    @OptionGroup var options: DiagnosticOptions

    func run() throws {
        try InstrumentChecks(lints: Lints.all, format: options.format).run(files)
    }
}
