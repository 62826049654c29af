/// The type of a checked expression or sub-expression.
public enum ExpressionType: Sendable, Equatable {
    /// A number (Double).
    case number
    /// A yes/no value; 1 or 0 where a number is expected.
    case boolean
    /// A choice or scale answer: its option value where a number is expected, its code in `== 'code'`.
    case choice(codes: [String])
    /// A multi_choice answer: a set of codes, tested with `has` and sized with `count`.
    case set(codes: [String])
    /// A band of a need or strength, compared with band names in band order.
    case band(names: [String])

    /// True for the types that read as a number in arithmetic: number, boolean and choice.
    public var isNumeric: Bool {
        switch self {
        case .number, .boolean, .choice: true
        case .set, .band: false
        }
    }
}
