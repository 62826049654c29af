import QuestionnaireDSL

/// Every item's answer in its explicit state, laid out as the slots expressions read, with
/// her own priorities: what scoring, rules and ranking start from.
///
/// Slot `i` is item `i`; the need and strength slots that follow start unanswered and are
/// filled by ``Scorer``.
public struct Responses: Sendable, Hashable {
    /// One slot per item, then one per need and strength score.
    public var slots: [AnswerSlot]
    /// The text and date answers, by item slot (their slots hold only the state).
    public var texts: [Int: String]
    /// Her own priorities: need ids, most important first, at most three.
    public var priorities: [String]

    /// Creates responses from their parts.
    public init(slots: [AnswerSlot], texts: [Int: String] = [:], priorities: [String] = []) {
        self.slots = slots
        self.texts = texts
        self.priorities = priorities
    }

    /// The state of item (or score) slot `slot`.
    public func state(_ slot: Int) -> AnswerState { slots[slot].state }
}
