import QuestionnaireDSL

/// A need in a result: its score and band, or "not assessed" with what is missing.
public struct NeedResult: Sendable, Hashable, Codable {
    /// The need's id.
    public var id: String
    /// Its name, in the instrument's language.
    public var title: String
    /// The priority target it serves.
    public var target: PriorityTarget
    /// Assessed or not assessed (unknown, never absent).
    public var status: ScoreOutcome.Status
    /// The score, unrounded; nil when not assessed.
    public var score: Double?
    /// The highest possible score.
    public var max: Double
    /// The band's name; nil when not assessed.
    public var band: String?
    /// True when its band is above the first.
    public var present: Bool
    /// Score ÷ max; nil when not assessed.
    public var severity: Double?
    /// True when missing answers were allowed for by prorating.
    public var prorated: Bool
    /// The items its score uses that are missing.
    public var missingItems: [String]
    /// The scores its score uses that were not assessed.
    public var notAssessedScores: [String]
    /// True when its `urgent_if` holds (tier 0).
    public var tier0: Bool
    /// The strengths whose `supports` name it, in instrument order.
    public var strengths: [String]
    /// The responsivity flags raised whose `supports` name it, in instrument order.
    public var flags: [String]
}

/// A strength in a result.
public struct StrengthResult: Sendable, Hashable, Codable {
    /// The strength's id.
    public var id: String
    /// Its name, in the instrument's language.
    public var title: String
    /// Assessed or not assessed.
    public var status: ScoreOutcome.Status
    /// The score, unrounded; nil when not assessed.
    public var score: Double?
    /// The highest possible score, when the instrument gives one.
    public var max: Double?
    /// The band's name; nil when not assessed.
    public var band: String?
    /// True when missing answers were allowed for by prorating.
    public var prorated: Bool
    /// The items its score uses that are missing.
    public var missingItems: [String]
    /// The needs it helps with.
    public var supports: [String]
}

/// Which instrument a result was scored with, exactly.
public struct InstrumentIdentity: Sendable, Hashable, Codable {
    /// The instrument's id.
    public var id: String
    /// Its semantic version.
    public var version: String
    /// The SHA-256 of the instrument file's bytes, in hexadecimal.
    public var sha256: String

    /// Creates an identity.
    public init(id: String, version: String, sha256: String) {
        self.id = id
        self.version = version
        self.sha256 = sha256
    }
}
