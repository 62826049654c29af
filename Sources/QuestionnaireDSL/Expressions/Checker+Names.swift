/// Resolving a bare name to an item's answer, or explaining why it is not one.
extension Checker {
    /// Checks a bare name: an item id, typed by the item's kind.
    mutating func name(_ name: String, _ node: SyntaxNode) -> TypedExpression? {
        let at = node.range.lowerBound
        if let item = scope.items[name] {
            let kind = TypedExpression.Kind.item(id: name, slot: item.slot)
            switch item.kind {
            case .boolean: return TypedExpression(kind, type: .boolean, range: node.range)
            case .choice(let codes): return TypedExpression(kind, type: .choice(codes: codes), range: node.range)
            case .multiChoice(let codes): return TypedExpression(kind, type: .set(codes: codes), range: node.range)
            case .number: return TypedExpression(kind, type: .number, range: node.range)
            case .text:
                report(
                    .typeMismatch, "'\(name)' is a text answer; only answered(\(name)) or declined(\(name)) can use it",
                    at: at)
            }
        } else if scope.scores[name] != nil {
            report(
                .unknownName, "'\(name)' is a need or strength, not a question", at: at,
                hint: "use score(\(name)) for its score or band(\(name)) for its band")
        } else if ExpressionFunction(rawValue: name) != nil {
            report(
                .unknownName, "'\(name)' is a function; call it with its arguments", at: at, hint: "write \(name)(…)")
        } else {
            report(.unknownName, "unknown name '\(name)'", at: at, hint: Suggestion.didYouMean(name, among: allNames))
        }
        return nil
    }

    /// Every name an expression can use, sorted so that suggestions do not depend on hashing.
    var allNames: [String] {
        (scope.items.keys.sorted() + scope.scores.keys.sorted() + ExpressionFunction.allCases.map(\.rawValue))
    }
}
