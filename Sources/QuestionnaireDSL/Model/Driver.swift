/// Evidence that one need drives another ("her drug use is driven by her relationship").
public struct Driver: Sendable, Hashable, Codable {
    /// The need that drives.
    public var from: String
    /// The need that is driven.
    public var to: String
    /// How strongly, in (0, 1].
    public var weight: Double
    /// When the evidence holds; always when absent.
    public var when: ExpressionSource?
    /// The reason in plain words, shown in the explanation.
    public var because: LocalizedText
    /// Where it was defined.
    public var location: SourceLocation
}
