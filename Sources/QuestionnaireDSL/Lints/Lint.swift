/// What a lint looks at: the loaded instrument, and its compiled form when it compiled.
public struct LintInput: Sendable {
    /// The instrument as loaded.
    public let instrument: Instrument
    /// The compiled instrument; nil when expressions had errors.
    public let compiled: CompiledInstrument?
    /// The file it came from.
    public let source: SourceFile

    /// Creates a lint input.
    public init(instrument: Instrument, compiled: CompiledInstrument?, source: SourceFile) {
        self.instrument = instrument
        self.compiled = compiled
        self.source = source
    }

    /// A diagnostic in this input's file.
    func diagnostic(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(code, message, file: source.name, at: location, hint: hint)
    }
}

/// One check that keeps an instrument trauma-informed and minimal. Each lint lives in its
/// own file and says in its doc comment what it checks; ``Lints`` lists them all.
public protocol Lint: Sendable {
    /// The diagnostic code the lint reports.
    var code: DiagnosticCode { get }
    /// The problems the lint finds.
    func check(_ input: LintInput) -> [Diagnostic]
}

/// The registry of lints.
public enum Lints {
    /// Every lint, in the order their findings are listed for equal positions.
    public static let all: [any Lint] = [
        SensitiveWithoutPurposeLint(),
        SensitiveRequiredLint(),
        SensitiveSectionIntroductionLint(),
        StigmatisingWordLint(),
        UnusedItemLint(),
        IncompleteTranslationLint(),
        IdentifyingItemScoredLint(),
        ScoreWithoutItemsLint(),
    ]

    /// The lints that `assess validate` runs too, because their findings make an
    /// instrument unfit to use rather than merely worth improving.
    public static let validation: [any Lint] = [SensitiveWithoutPurposeLint()]

    /// Runs `lints` over `input`, returning findings in file order.
    public static func run(_ lints: [any Lint], on input: LintInput) -> [Diagnostic] {
        lints.flatMap { $0.check(input) }.sortedByLocation()
    }
}
