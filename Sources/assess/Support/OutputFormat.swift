import ArgumentParser

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The `--format` option shared by the commands that report diagnostics.
struct DiagnosticOptions: ParsableArguments {
    @Option(help: "How to print problems: 'text' for people, 'json' for editors and CI.")
    var format: DiagnosticFormat = .text
}
