/// One token of an expression, with where it starts and how long it is in Unicode scalars.
struct Token: Equatable {
    /// The kinds of token.
    enum Kind: Equatable {
        case number(Double)
        /// A quoted code, without its quotes.
        case code(String)
        case name(String)
        case `true`, `false`
        case and, or, not, `in`, has
        case plus, minus, star, slash
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket, comma
        /// The end of the text.
        case end
    }

    /// What the token is.
    var kind: Kind
    /// Its 0-based offset in Unicode scalars.
    var offset: Int
    /// Its length in Unicode scalars.
    var length: Int

    /// The keywords, which cannot be used as names.
    static let keywords: [String: Kind] = [
        "and": .and, "or": .or, "not": .not, "in": .in, "has": .has, "true": .true, "false": .false,
    ]

    /// The comparison operator this token spells, if any.
    var comparison: ComparisonOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }
}
