import QuestionnaireDSL

/// What scoring gave one need or strength: a score and band, or "not assessed" with the
/// answers that are missing. Not assessed is unknown, never absent.
public struct ScoreOutcome: Sendable, Hashable {
    /// Whether a score could be given.
    public enum Status: String, Sendable, Hashable, Codable {
        /// A score was given (perhaps prorated).
        case assessed
        /// Too much was missing: no score, no band, shown as unknown.
        case notAssessed = "not_assessed"
    }

    /// Assessed or not assessed.
    public var status: Status
    /// The score, unrounded; nil when not assessed.
    public var score: Double?
    /// The index of its band; nil when not assessed.
    public var band: Int?
    /// True when missing answers were allowed for by prorating.
    public var prorated: Bool
    /// The referenced items that are missing (declined, don't know or unanswered), in the
    /// order the expression names them.
    public var missingItems: [String]
    /// The needs and strengths its expression uses through `score()`/`band()` that were not assessed.
    public var notAssessedScores: [String]

    /// Creates an outcome.
    public init(
        status: Status, score: Double?, band: Int?, prorated: Bool, missingItems: [String],
        notAssessedScores: [String] = []
    ) {
        self.status = status
        self.score = score
        self.band = band
        self.prorated = prorated
        self.missingItems = missingItems
        self.notAssessedScores = notAssessedScores
    }

    /// True when assessed and its band is above the first.
    public var isPresent: Bool { (band ?? 0) > 0 }
}
