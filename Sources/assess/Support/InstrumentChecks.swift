import ArgumentParser
import QuestionnaireDSL

/// Loads, compiles and (optionally) lints instrument files, prints what was found, and
/// exits with the documented code. Shared by `validate` and `lint`.
struct InstrumentChecks {
    var lints: [any Lint]
    var format: DiagnosticFormat

    func run(_ paths: [String]) throws {
        let (files, unreadable) = InstrumentFiles.readEach(paths)
        let all = files.flatMap { InstrumentCheck.run($0, lints: lints) }
        let sources = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let errors = all.count { $0.severity == .error }
        let warnings = all.count { $0.severity == .warning }
        switch format {
        case .json:
            print(DiagnosticReport(all).json())
        case .text:
            let formatter = DiagnosticFormatter(colour: Terminal.colourEnabled())
            for diagnostic in all { print(formatter.format(diagnostic, sources: sources) + "\n") }
            let files = sources.count == 1 ? "1 file" : "\(sources.count) files"
            print("\(files) checked: \(DiagnosticFormatter.summary(errors: errors, warnings: warnings))")
        }
        if unreadable { throw ExitCodes.cannotRead }
        if errors > 0 { throw ExitCodes.problemsFound }
    }
}
