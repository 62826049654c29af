/// How a score treats missing answers (declined, don't know, unanswered).
public struct MissingPolicy: Sendable, Hashable, Codable {
    /// How many missing items are tolerated before the score is "not assessed".
    public var maxDeclined: Int
    /// How a score with tolerated missing items is computed.
    public var method: Method

    /// The ways of computing a score with some items missing.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Scale the score up by applicable items ÷ answered items.
        case prorate
    }

    /// Creates a policy.
    public init(maxDeclined: Int = 0, method: Method = .prorate) {
        self.maxDeclined = maxDeclined
        self.method = method
    }
}

/// An area where a woman may need support, with how its score is computed and banded.
public struct Need: Sendable, Hashable, Codable {
    /// The need's id.
    public var id: String
    /// Its name in plain words.
    public var title: LocalizedText
    /// The priority target it serves.
    public var target: PriorityTarget
    /// How the score is computed.
    public var score: ExpressionSource
    /// The highest possible score; severity is score ÷ max.
    public var max: Double
    /// The bands in ascending order; present means above the first.
    public var bands: [Band]
    /// How missing answers are treated.
    public var missing: MissingPolicy
    /// A condition that puts this need in tier 0 (safety and basic needs now).
    public var urgentIf: ExpressionSource?
    /// Where it was defined.
    public var location: SourceLocation
}
