/// A whole instrument as the designer wrote it: questions, scoring, rules and tests.
///
/// Produced by ``InstrumentLoader``; checked further by ``InstrumentCompiler``.
public struct Instrument: Sendable, Hashable, Codable {
    /// The stable id, `[a-z][a-z0-9_-]*`.
    public var id: String
    /// The semantic version.
    public var version: String
    /// The title.
    public var title: LocalizedText
    /// The instrument's own language tag, e.g. `en-GB`.
    public var language: String
    /// What is said before the first question.
    public var introduction: LocalizedText?
    /// Reusable option sets.
    public var scales: [Scale]
    /// The sections with their items.
    public var sections: [Section]
    /// The needs.
    public var needs: [Need]
    /// The strengths.
    public var strengths: [Strength]
    /// Evidence of needs driving each other.
    public var drivers: [Driver]
    /// Responsivity rules.
    public var responsivity: [ResponsivityRule]
    /// Safeguarding rules.
    public var safeguarding: [SafeguardingRule]
    /// The instrument's own tests.
    public var tests: [InstrumentTest]
    /// Extra words the linter should flag, with kinder alternatives.
    public var avoidWords: [AvoidWord]

    /// Every item in the order asked.
    public var items: [Item] { sections.flatMap(\.items) }
}

/// A word the designer asks the linter to flag, and the word to use instead.
public struct AvoidWord: Sendable, Hashable, Codable {
    /// The word to avoid.
    public var word: String
    /// The kinder alternative.
    public var instead: String
}
