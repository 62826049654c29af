/// What the place an expression is written in needs from it.
public enum ExpectedType: Sendable {
    /// A score: a number; a yes/no condition coerces to 1 or 0.
    case number
    /// A condition (`when`, `show_if`, `urgent_if`): a yes/no value.
    case boolean
}
