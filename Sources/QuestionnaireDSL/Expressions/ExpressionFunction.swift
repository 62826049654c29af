/// The functions an expression can call.
public enum ExpressionFunction: String, Sendable, Equatable, CaseIterable {
    /// `sum(n, …)`: the total of one or more numbers.
    case sum
    /// `count(x, …)`: how many conditions are true plus the sizes of the sets.
    case count
    /// `min(n, …)`: the smallest of one or more numbers.
    case min
    /// `max(n, …)`: the largest of one or more numbers.
    case max
    /// `answered(item)`: true when the item has an answer; never missing.
    case answered
    /// `declined(item)`: true when the item was declined or answered "don't know"; never missing.
    case declined
    /// `score(need)`: the score of a need or strength.
    case score
    /// `band(need)`: the band of a need or strength.
    case band
}
