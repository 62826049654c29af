/// What an item's answer looks like to expressions.
public enum ItemValueKind: Sendable, Equatable {
    /// A yes_no item: true or false; 1 or 0 in arithmetic.
    case boolean
    /// A choice or scale item: the option's value in arithmetic, its code in `== 'code'` and `in [...]`.
    case choice(codes: [String])
    /// A multi_choice item: a set of codes (at most 64 options; bit i is option i).
    case multiChoice(codes: [String])
    /// A number item.
    case number
    /// A text or date item: usable only in `answered(x)` and `declined(x)`.
    case text
}
