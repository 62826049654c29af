import ArgumentParser
import QuestionnaireDSL

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check instrument files for mistakes.",
        discussion: """
            Reads each instrument and reports every problem at once, each with its file, \
            line and column, what is wrong and how to fix it: YAML syntax, unknown or \
            missing keys, wrong kinds of value, ids, references, expressions, and sensitive \
            questions without a purpose. Warnings do not fail the check.

            Exit codes: 0 valid (warnings allowed), 1 errors found, 64 usage error, \
            66 a file could not be read.

            Examples:
              assess validate Instruments/womens-needs.yaml
              assess validate Instruments/*.yaml --format json
            """)

    @Argument(help: "Instrument files to check.")
    var files: [String]

    @OptionGroup var options: DiagnosticOptions

    func run() throws {
        try InstrumentChecks(lints: Lints.validation, format: options.format).run(files)
    }
}
