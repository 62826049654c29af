/// One answer as expressions read it: one slot per item, then one per need or strength score.
///
/// Plain data with no references, so a run of slots can be scored without touching the heap.
public struct AnswerSlot: Sendable, Hashable {
    // The widest fields first, so that a slot takes 24 bytes, not 32 (batch scoring reads
    // and writes slots for every item of every record).

    /// yes_no: 1 or 0; choice and scale: the option's value; number: the number; score slot: the score.
    public var number: Double
    /// multi_choice: bit i is set when option i was chosen.
    public var set: UInt64
    /// choice and scale: the option's index; score slot: the band's index; otherwise -1.
    public var code: Int32
    /// Answered, missing (declined, don't know, unanswered) or not applicable.
    public var state: AnswerState

    /// Creates a slot from its parts.
    @inlinable
    public init(state: AnswerState, number: Double = 0, code: Int32 = -1, set: UInt64 = 0) {
        self.state = state
        self.number = number
        self.code = code
        self.set = set
    }

    // Computed and inlinable rather than stored, so that the batch kernel's loops build them
    // in place instead of calling into this module for each.

    /// An applicable item with no answer (missing).
    @inlinable public static var unanswered: AnswerSlot { AnswerSlot(state: .unanswered) }
    /// An item hidden by `show_if`, or a need that was not scored.
    @inlinable public static var notApplicable: AnswerSlot { AnswerSlot(state: .notApplicable) }
    /// An item she chose not to answer (missing).
    @inlinable public static var declined: AnswerSlot { AnswerSlot(state: .declined) }
    /// An item answered "don't know" (missing).
    @inlinable public static var dontKnow: AnswerSlot { AnswerSlot(state: .dontKnow) }

    /// A yes_no answer.
    @inlinable
    public static func boolean(_ value: Bool) -> AnswerSlot {
        AnswerSlot(state: .answered, number: value ? 1 : 0)
    }

    /// A choice or scale answer: the chosen option's index and value.
    @inlinable
    public static func choice(index: Int, value: Double) -> AnswerSlot {
        AnswerSlot(state: .answered, number: value, code: Int32(index))
    }

    /// A multi_choice answer: bit i set when option i was chosen.
    @inlinable
    public static func set(_ bits: UInt64) -> AnswerSlot {
        AnswerSlot(state: .answered, set: bits)
    }

    /// A number answer.
    @inlinable
    public static func number(_ value: Double) -> AnswerSlot {
        AnswerSlot(state: .answered, number: value)
    }

    /// A need or strength that was scored: the score and the index of its band.
    @inlinable
    public static func score(_ value: Double, band: Int) -> AnswerSlot {
        AnswerSlot(state: .answered, number: value, code: Int32(band))
    }
}
