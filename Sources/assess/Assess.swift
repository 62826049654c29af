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

            Caseworkers run 'interview' with her at the terminal ('resume' carries on a \
            paused one, 'sessions' looks after them, 'report' writes the report to go \
            through with her, 'print' gives the questionnaire on paper). Analysts score \
            anonymised records with 'batch', make test data with 'synth' and publish \
            counts that identify no one with 'summarize'. docs/cli.md is the reference.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, LintCommand.self, SchemaCommand.self, TestCommand.self, ScoreCommand.self,
            ExplainCommand.self, InterviewCommand.self, ResumeCommand.self, SessionsCommand.self, ReportCommand.self,
            PrintCommand.self, SynthCommand.self, BatchCommand.self, SummarizeCommand.self, CompileSQLCommand.self,
        ])
}
