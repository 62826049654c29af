/// Something in her life to build on, shown beside the needs it helps with.
public struct Strength: Sendable, Hashable, Codable {
    /// The strength's id.
    public var id: String
    /// Its name in plain words.
    public var title: LocalizedText
    /// The needs it helps with.
    public var supports: [String]
    /// How the score is computed.
    public var score: ExpressionSource
    /// The highest possible score, when given.
    public var max: Double?
    /// The bands in ascending order.
    public var bands: [Band]
    /// How missing answers are treated.
    public var missing: MissingPolicy
    /// Where it was defined.
    public var location: SourceLocation
}
