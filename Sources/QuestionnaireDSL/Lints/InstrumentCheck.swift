/// The whole check of one instrument file: read, load, compile, then the given lints.
/// `assess validate` runs it with ``Lints/validation``, `assess lint` with ``Lints/all``.
public enum InstrumentCheck {
    /// Every problem in `source`, in file order.
    public static func run(_ source: SourceFile, lints: [any Lint]) -> [Diagnostic] {
        let (instrument, loadDiagnostics) = InstrumentLoader().load(source)
        guard let instrument else { return loadDiagnostics }
        var diagnostics = loadDiagnostics
        var compiled: CompiledInstrument?
        if !loadDiagnostics.hasErrors {
            let (result, more) = InstrumentCompiler().compile(instrument, source: source)
            compiled = result
            diagnostics += more
        }
        diagnostics += Lints.run(lints, on: LintInput(instrument: instrument, compiled: compiled, source: source))
        return diagnostics.sortedByLocation()
    }
}
