/// A safeguarding rule that fired, with the action the service has defined.
public struct SafeguardingAlert: Sendable, Hashable, Codable {
    /// The rule's id.
    public var id: String
    /// What the worker must do, in the instrument's language.
    public var action: String

    /// Creates an alert.
    public init(id: String, action: String) {
        self.id = id
        self.action = action
    }
}

/// A responsivity rule that holds: how and when to give support.
public struct ResponsivityFlag: Sendable, Hashable, Codable {
    /// The rule's id.
    public var id: String
    /// The advice, in the instrument's language.
    public var advice: String
    /// The needs whose plan the advice belongs to.
    public var supports: [String]

    /// Creates a flag.
    public init(id: String, advice: String, supports: [String]) {
        self.id = id
        self.advice = advice
        self.supports = supports
    }
}

/// A rule whose condition could not be evaluated because answers it needs are missing:
/// what is still unknown, so a worker can follow it up.
public struct UnevaluatedRule: Sendable, Hashable, Codable {
    /// The rule's id (for `urgent_if`, the need's id).
    public var id: String
    /// Safeguarding, responsivity or urgent_if.
    public var kind: RuleKind
    /// The items it refers to that are missing (declined, don't know or unanswered).
    public var missingItems: [String]
    /// The needs and strengths it uses that were not assessed.
    public var notAssessedScores: [String]

    /// Creates an entry.
    public init(id: String, kind: RuleKind, missingItems: [String], notAssessedScores: [String]) {
        self.id = id
        self.kind = kind
        self.missingItems = missingItems
        self.notAssessedScores = notAssessedScores
    }
}

/// What the rules found for one set of responses.
public struct RuleFindings: Sendable, Hashable {
    /// The safeguarding rules that fired, in instrument order.
    public var safeguarding: [SafeguardingAlert]
    /// The responsivity rules that hold, in instrument order.
    public var flags: [ResponsivityFlag]
    /// The needs whose `urgent_if` holds (tier 0), by index, in instrument order.
    public var urgentNeeds: [Int]
    /// The rules that could not be evaluated: safeguarding, then responsivity, then urgent_if,
    /// each in instrument order.
    public var unevaluated: [UnevaluatedRule]

    /// Creates findings.
    public init(
        safeguarding: [SafeguardingAlert] = [], flags: [ResponsivityFlag] = [], urgentNeeds: [Int] = [],
        unevaluated: [UnevaluatedRule] = []
    ) {
        self.safeguarding = safeguarding
        self.flags = flags
        self.urgentNeeds = urgentNeeds
        self.unevaluated = unevaluated
    }
}
