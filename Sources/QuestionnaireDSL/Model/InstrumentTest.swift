/// One of an instrument's own tests: answers, and what scoring them must give.
public struct InstrumentTest: Sendable, Hashable, Codable {
    /// What the test shows, in words.
    public var name: String
    /// The answers, item by item.
    public var answers: [AnswerEntry]
    /// Her own priorities (need ids, at most three, most important first).
    public var priorities: [String]
    /// What is expected; only the keys given are checked.
    public var expect: Expectation
    /// Where the test was defined.
    public var location: SourceLocation
}

/// The `expect:` of an instrument test. Each key is checked only when present.
public struct Expectation: Sendable, Hashable, Codable {
    /// Need or strength id → band name (partial).
    public var bands: [String: String]?
    /// Need or strength id → status, `assessed` or `not_assessed` (partial).
    public var statuses: [String: String]?
    /// Need or strength id → score, compared within ± 0.001 (partial).
    public var scores: [String: Double]?
    /// The lynch-pin need(s), in order.
    public var lynchpin: [String]?
    /// The ranking of present needs, in order.
    public var ranking: [String]?
    /// The responsivity flags raised (exact set).
    public var flags: [String]?
    /// The safeguarding rules fired (exact set).
    public var safeguarding: [String]?
    /// The rules that could not be evaluated (exact set).
    public var unevaluated: [String]?
    /// The needs where her view differs from the engine's (exact set).
    public var herViewDiffers: [String]?

    /// The keys of `expect:` and their meaning, in the order documented.
    public static let keys = [
        "bands", "statuses", "scores", "lynchpin", "ranking", "flags", "safeguarding", "unevaluated",
        "her_view_differs",
    ]

    /// The statuses a need or strength can have.
    public static let statusWords = ["assessed", "not_assessed"]

    /// Creates an empty expectation.
    public init() {}
}
