/// How names read at one place in the query, as ``EvaluationContext`` reads slots in the engine.
public struct SQLReading: Sendable {
    /// Items at or after this index read as unanswered (a `show_if` sees only the answers
    /// before it); nil for none.
    public var horizon: Int?
    /// Missing items read as not applicable (0, false, no code, no codes), as when prorating.
    public var missingAsZero: Bool
    /// `score()` and `band()` read the scores; false where none are scored yet (a `show_if`).
    public var scoresKnown: Bool

    /// Creates a reading.
    public init(horizon: Int? = nil, missingAsZero: Bool = false, scoresKnown: Bool = true) {
        self.horizon = horizon
        self.missingAsZero = missingAsZero
        self.scoresKnown = scoresKnown
    }

    /// Everything read as it is: for scores, rules and drivers.
    public static let scored = SQLReading()

    /// What the `show_if` of item `index` (or of a section whose first item it is) sees.
    public static func showIf(before index: Int) -> SQLReading {
        SQLReading(horizon: index, missingAsZero: false, scoresKnown: false)
    }

    /// True when item `slot` has been reached (is before the horizon).
    func sees(_ slot: Int) -> Bool { horizon.map { slot < $0 } ?? true }
}
