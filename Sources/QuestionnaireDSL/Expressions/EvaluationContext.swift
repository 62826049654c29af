/// What a compiled program reads on each evaluation: the slots, and whether missing items
/// read as not applicable (used to prorate scores).
struct EvaluationContext {
    /// One slot per item, then one per need or strength score.
    let slots: UnsafeBufferPointer<AnswerSlot>
    /// When true, declined, don't-know and unanswered items read as not applicable.
    let missingAsZero: Bool

    /// An item's slot as expressions see it: the answer when answered; a not-applicable slot
    /// (0, false, no code, the empty set) when hidden; nil when missing.
    @inline(__always)
    func item(_ index: Int) -> AnswerSlot? {
        let slot = slots[index]
        switch slot.state {
        case .answered: return slot
        case .notApplicable: return AnswerSlot(state: .notApplicable)
        case .declined, .dontKnow, .unanswered: return missingAsZero ? AnswerSlot(state: .notApplicable) : nil
        }
    }

    /// A need's or strength's slot when it was scored; nil otherwise (whatever `missingAsZero` says).
    @inline(__always)
    func score(_ index: Int) -> AnswerSlot? {
        let slot = slots[index]
        return slot.state == .answered ? slot : nil
    }
}

/// A compiled expression read as a number; nil is missing.
typealias NumberProgram = @Sendable (EvaluationContext) -> Double?
/// A compiled expression read as a condition; nil is missing.
typealias ConditionProgram = @Sendable (EvaluationContext) -> Bool?
/// A compiled set of codes (bit i for option i); nil is missing.
typealias SetProgram = @Sendable (EvaluationContext) -> UInt64?
/// A compiled option or band index; -1 is no code (a hidden choice); nil is missing.
typealias CodeProgram = @Sendable (EvaluationContext) -> Int32?
