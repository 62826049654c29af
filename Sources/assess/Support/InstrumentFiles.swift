import ArgumentParser
import AssessmentEngine
import QuestionnaireDSL

/// Reading and compiling instruments and answers for the commands that score them.
enum InstrumentFiles {
    /// Reads `path`, or prints why not and exits 66.
    static func read(_ path: String) throws -> SourceFile {
        do {
            return try SourceFile.read(path: path)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCodes.cannotRead
        }
    }

    /// Compiles the instrument read from `source`, or prints its errors and exits 1.
    static func compile(_ source: SourceFile) throws -> CompiledInstrument {
        let (compiled, diagnostics) = InstrumentLoader().compile(source)
        guard let compiled, !diagnostics.hasErrors else {
            report(diagnostics, sources: [source])
            throw ExitCodes.problemsFound
        }
        return compiled
    }

    /// Reads each path in turn, printing why for any that cannot be read; the sources read
    /// and whether any could not be (the caller exits 66 once the rest is done).
    static func readEach(_ paths: [String]) -> (sources: [SourceFile], unreadable: Bool) {
        var sources: [SourceFile] = []
        var unreadable = false
        for path in paths {
            do {
                sources.append(try SourceFile.read(path: path))
            } catch {
                Terminal.error("error: \(error)")
                unreadable = true
            }
        }
        return (sources, unreadable)
    }

    /// Prints diagnostics to standard error, with their source lines.
    static func report(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
        guard !diagnostics.isEmpty else { return }
        let formatter = DiagnosticFormatter(colour: Terminal.colourEnabled(for: 2))
        let byName = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for diagnostic in diagnostics { Terminal.error(formatter.format(diagnostic, sources: byName) + "\n") }
    }
}
