import QuestionnaireDSL

/// One edge of a path, with why it holds: the driver's reason and the answers that made it active.
public struct DriverStep: Sendable, Hashable, Codable {
    /// The driving need.
    public var from: String
    /// The driven need.
    public var to: String
    /// The edge's weight.
    public var weight: Double
    /// The driver's reason, in the instrument's language.
    public var because: String
    /// The answers its `when` refers to, with their values (empty for a driver with no `when`).
    public var answers: [ItemAnswer]

    /// Creates a step.
    public init(from: String, to: String, weight: Double, because: String, answers: [ItemAnswer]) {
        self.from = from
        self.to = to
        self.weight = weight
        self.because = because
        self.answers = answers
    }
}

/// How much one need reached adds to a need's influence, and along which path.
public struct InfluenceReason: Sendable, Hashable, Codable {
    /// The need reached.
    public var reaches: String
    /// Its severity (score ÷ max).
    public var severity: Double
    /// The product of the weights along the strongest path to it.
    public var pathProduct: Double
    /// What it adds to the influence: severity × path product.
    public var contribution: Double
    /// The strongest path, edge by edge.
    public var path: [DriverStep]

    /// Creates a reason.
    public init(reaches: String, severity: Double, pathProduct: Double, contribution: Double, path: [DriverStep]) {
        self.reaches = reaches
        self.severity = severity
        self.pathProduct = pathProduct
        self.contribution = contribution
        self.path = path
    }
}

/// A present need in the engine's ranking, with its influence and the reasons for it.
///
/// `influence` = `severity` + the sum of the reasons' contributions.
public struct RankedNeed: Sendable, Hashable, Codable {
    /// The need's id.
    public var need: String
    /// Its place in the ranking, from 1.
    public var rank: Int
    /// Its own severity plus what it adds through the needs it drives.
    public var influence: Double
    /// Its own severity (score ÷ max).
    public var severity: Double
    /// True when its `urgent_if` holds (tier 0: safety and basic needs first).
    public var tier0: Bool
    /// True for the lynch-pin and joint lynch-pins.
    public var lynchpin: Bool
    /// True for a lynch-pin that reaches no other need: it ranks first on its own severity,
    /// with no evidence that it drives anything.
    public var noDriverEvidence: Bool
    /// Where she put it among her own priorities, from 1; nil when she did not name it.
    public var herPriority: Int?
    /// The needs it reaches, in instrument order, each with its path and contribution.
    public var reasons: [InfluenceReason]

    /// Creates a ranked need.
    public init(
        need: String, rank: Int, influence: Double, severity: Double, tier0: Bool, lynchpin: Bool,
        noDriverEvidence: Bool, herPriority: Int?, reasons: [InfluenceReason]
    ) {
        self.need = need
        self.rank = rank
        self.influence = influence
        self.severity = severity
        self.tier0 = tier0
        self.lynchpin = lynchpin
        self.noDriverEvidence = noDriverEvidence
        self.herPriority = herPriority
        self.reasons = reasons
    }
}

/// The engine's ranking of present needs, its lynch-pin(s), and her own view beside it.
public struct Ranking: Sendable, Hashable, Codable {
    /// The present needs, most influential first.
    public var ranked: [RankedNeed]
    /// The lynch-pin and any joint lynch-pins, in ranking order.
    public var lynchpins: [String]
    /// Her own priorities, most important first.
    public var herPriorities: [String]
    /// Where her view and the engine's differ (see ``HerView``).
    public var herViewDiffers: [String]
    /// The drivers that were active, by index into the instrument's drivers, in instrument
    /// order (see ``DriverGraph/activeDrivers``).
    public var activeDrivers: [Int]

    /// Creates a ranking.
    public init(
        ranked: [RankedNeed], lynchpins: [String], herPriorities: [String], herViewDiffers: [String],
        activeDrivers: [Int] = []
    ) {
        self.ranked = ranked
        self.lynchpins = lynchpins
        self.herPriorities = herPriorities
        self.herViewDiffers = herViewDiffers
        self.activeDrivers = activeDrivers
    }

    /// The ranked need ids, in order.
    public var order: [String] { ranked.map(\.need) }
}
