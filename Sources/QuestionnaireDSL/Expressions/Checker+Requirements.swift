/// What an operator or a place needs from its operand: a number or a yes/no condition.
extension Checker {
    /// Checks a node used where a number is needed: a boolean reads as 1 or 0, a choice as its value.
    mutating func number(_ node: SyntaxNode) -> TypedExpression? {
        value(node).flatMap { requireNumber($0) }
    }

    /// Checks a node used where a yes/no condition is needed.
    mutating func condition(_ node: SyntaxNode) -> TypedExpression? {
        value(node).flatMap { requireCondition($0) }
    }

    /// The expression when it reads as a number; otherwise reports why not.
    mutating func requireNumber(_ e: TypedExpression) -> TypedExpression? {
        if e.type.isNumeric { return e }
        if case .band = e.type {
            report(
                .typeMismatch, "\(quoted(e)) is a band, not a number", at: e.range.lowerBound,
                hint: scoreHint(for: e))
        } else {
            report(
                .typeMismatch, "\(quoted(e)) is a set of codes, not a number", at: e.range.lowerBound,
                hint: "use count(\(spelling(e.range))) for how many were chosen")
        }
        return nil
    }

    /// The expression when it is a yes/no condition; otherwise reports how to make it one.
    mutating func requireCondition(_ e: TypedExpression) -> TypedExpression? {
        let at = e.range.lowerBound
        var text: String { spelling(e.range) }
        switch e.type {
        case .boolean:
            return e
        case .number:
            report(.typeMismatch, "expected a yes/no condition but this is a number; compare it, e.g. x > 0", at: at)
        case .choice(let codes):
            report(
                .typeMismatch,
                "expected a yes/no condition but \(quoted(e)) is a choice; compare it with one of its codes",
                at: at, hint: "e.g. \(text) == '\(codes.first ?? "code")'")
        case .set(let codes):
            report(
                .typeMismatch,
                "expected a yes/no condition but \(quoted(e)) is a set of codes; use 'has' to test membership",
                at: at, hint: "e.g. \(text) has '\(codes.first ?? "code")'")
        case .band(let names):
            report(
                .typeMismatch, "expected a yes/no condition but \(quoted(e)) is a band; compare it with a band name",
                at: at, hint: "e.g. \(text) == '\(names.last ?? "high")'")
        }
        return nil
    }

    /// A hint pointing from `band(id)` to `score(id)`.
    func scoreHint(for e: TypedExpression) -> String? {
        guard case .band(let id, _) = e.kind else { return nil }
        return "use score(\(id)) for the number"
    }

    /// A type in words, for messages: "a number", "a set of codes".
    static func describe(_ type: ExpressionType) -> String {
        switch type {
        case .number: "a number"
        case .boolean: "a yes/no value"
        case .choice: "a single choice"
        case .set: "a set of codes"
        case .band: "a band"
        }
    }
}
