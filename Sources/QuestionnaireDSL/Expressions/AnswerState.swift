/// Where an answer slot stands: answered, missing in one of three ways, or hidden by `show_if`.
///
/// Declined, don't know and unanswered are *missing*; not applicable is not missing.
public enum AnswerState: UInt8, Sendable {
    /// The item applies but has no answer yet.
    case unanswered
    /// The slot holds an answer (or, for a score slot, a score).
    case answered
    /// She chose not to answer.
    case declined
    /// She answered "don't know".
    case dontKnow
    /// `show_if` hid the item: it reads as 0, false, the empty set or no code.
    case notApplicable
}
