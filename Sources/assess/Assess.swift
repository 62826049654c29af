import ArgumentParser

@main
struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "A gender-responsive, trauma-informed needs assessment engine.",
        discussion: """
            Instrument designers write questionnaires in YAML and check them with \
            'validate', 'lint' and 'test'; 'score' assesses one woman's answers and \
            'explain' shows how each part of the result came about. See \
            docs/tutorial.md to write a first instrument.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, LintCommand.self, SchemaCommand.self, TestCommand.self, ScoreCommand.self,
            ExplainCommand.self, InterviewCommand.self, ResumeCommand.self, SessionsCommand.self, ReportCommand.self,
            PrintCommand.self, SynthCommand.self, BatchCommand.self, SummarizeCommand.self,
        ])
}
