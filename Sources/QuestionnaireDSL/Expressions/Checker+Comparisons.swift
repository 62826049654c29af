/// Checking comparisons, `has` and `in`, and resolving the quoted codes they use.
extension Checker {
    /// Checks `left op right`: two numbers, or a choice or band against a quoted code.
    mutating func comparison(
        _ op: ComparisonOperator, _ left: SyntaxNode, _ right: SyntaxNode, _ node: SyntaxNode
    ) -> TypedExpression? {
        switch (left.kind, right.kind) {
        case (.code, .code):
            report(
                .typeMismatch, "this compares two quoted codes with each other", at: left.range.lowerBound,
                hint: "compare a question or band(…) with a code, e.g. x == 'code'")
            return nil
        case (.code(let code), _):
            return codeComparison(op.mirrored, right, code, at: left.range.lowerBound, node)
        case (_, .code(let code)):
            return codeComparison(op, left, code, at: right.range.lowerBound, node)
        default:
            let (a, b) = (value(left), value(right))
            guard let a, let b else { return nil }
            let (aFits, bFits) = (comparable(a), comparable(b))
            guard aFits, bFits else { return nil }
            return TypedExpression(.compare(op, a, b), type: .boolean, range: node.range)
        }
    }

    /// Whether a value can be compared with a number; reports why not.
    private mutating func comparable(_ e: TypedExpression) -> Bool {
        if e.type.isNumeric { return true }
        let text = spelling(e.range)
        if case .band(let names) = e.type {
            report(
                .typeMismatch, "\(quoted(e)) is a band; compare it with one of its band names",
                at: e.range.lowerBound,
                hint: "e.g. \(text) == '\(names.last ?? "high")', or use score(…) for the number")
        } else {
            report(
                .typeMismatch, "\(quoted(e)) is a set of codes, not a number", at: e.range.lowerBound,
                hint: "use count(\(text)) to compare how many were chosen, or 'has' to test for a code")
        }
        return false
    }

    /// `value op 'code'` (after moving the code to the right).
    private mutating func codeComparison(
        _ op: ComparisonOperator, _ valueNode: SyntaxNode, _ code: String, at codeOffset: Int, _ node: SyntaxNode
    ) -> TypedExpression? {
        guard let value = value(valueNode) else { return nil }
        let text = spelling(value.range)
        switch value.type {
        case .choice(let codes):
            guard op.isEquality else {
                report(
                    .typeMismatch, "only '==' and '!=' compare \(quoted(value)) with a code",
                    at: value.range.lowerBound,
                    hint: "to order by the options' values, compare with a number, e.g. \(text) \(op.rawValue) 2")
                return nil
            }
            return codeTest(value, code, at: codeOffset, among: codes, node) { .compareWithCode(op, value, $0) }
        case .band(let names):
            return codeTest(value, code, at: codeOffset, among: names, node) { .compareWithCode(op, value, $0) }
        case .set:
            report(
                .typeMismatch, "\(quoted(value)) is a set of codes; use 'has' to test membership",
                at: value.range.lowerBound, hint: "write \(op == .notEqual ? "not " : "")\(text) has '\(code)'")
        case .number:
            report(
                .typeMismatch, "'\(code)' is a quoted code but \(quoted(value)) is a number", at: codeOffset,
                hint: "compare it with a number, e.g. \(text) \(op.rawValue) 2")
        case .boolean:
            report(
                .typeMismatch, "'\(code)' is a quoted code but \(quoted(value)) is a yes/no value", at: codeOffset,
                hint: "use \(text) itself as the condition, or not \(text)")
        }
        return nil
    }

    /// Checks `set has 'code'`.
    mutating func has(_ left: SyntaxNode, _ right: SyntaxNode, _ node: SyntaxNode) -> TypedExpression? {
        let set = value(left)
        guard case .code(let code) = right.kind else {
            if let other = value(right) {
                report(
                    .typeMismatch, "'has' needs a quoted code on its right, not \(quoted(other))",
                    at: right.range.lowerBound, hint: "e.g. x has 'code'")
            }
            return nil
        }
        guard let set else { return nil }
        guard case .set(let codes) = set.type else {
            let hint: String? = if case .choice = set.type { "write \(spelling(set.range)) == '\(code)'" } else { nil }
            report(
                .typeMismatch, "'has' tests a set of codes but \(quoted(set)) is \(Self.describe(set.type))",
                at: set.range.lowerBound, hint: hint)
            return nil
        }
        return codeTest(set, code, at: right.range.lowerBound, among: codes, node) { .has(set, $0) }
    }

    /// Checks `value in ['a', 'b']` for a choice or a band.
    mutating func oneOf(_ left: SyntaxNode, _ elements: [SyntaxNode], _ node: SyntaxNode) -> TypedExpression? {
        let value = value(left)
        var codes: [(code: String, offset: Int)] = []
        for element in elements {
            if case .code(let code) = element.kind {
                codes.append((code, element.range.lowerBound))
            } else {
                var hint = "e.g. ['a', 'b']"
                if case .number = element.kind { hint = "write it in quotes, e.g. '\(spelling(element.range))'" }
                report(.typeMismatch, "a list after 'in' holds quoted codes", at: element.range.lowerBound, hint: hint)
            }
        }
        guard let value, codes.count == elements.count else { return nil }
        let known: [String]
        switch value.type {
        case .choice(let options): known = options
        case .band(let names): known = names
        case .set:
            report(
                .typeMismatch, "\(quoted(value)) is a set of codes; use 'has' to test membership",
                at: value.range.lowerBound, hint: "e.g. \(spelling(value.range)) has '\(codes.first?.code ?? "code")'")
            return nil
        case .number, .boolean:
            report(
                .typeMismatch,
                "'in' tests a choice or a band against codes but \(quoted(value)) is \(Self.describe(value.type))",
                at: value.range.lowerBound)
            return nil
        }
        let references = codes.map { resolve($0.code, at: $0.offset, among: known, of: value) }
        let resolved = references.compactMap { $0 }
        guard resolved.count == references.count else { return nil }
        return TypedExpression(.oneOf(value, resolved), type: .boolean, range: node.range)
    }

    /// A boolean node testing `value` against one resolved code.
    private mutating func codeTest(
        _ value: TypedExpression, _ code: String, at offset: Int, among known: [String], _ node: SyntaxNode,
        _ make: (CodeReference) -> TypedExpression.Kind
    ) -> TypedExpression? {
        guard let reference = resolve(code, at: offset, among: known, of: value) else { return nil }
        return TypedExpression(make(reference), type: .boolean, range: node.range)
    }

    /// Finds a code among an item's options or a need's bands; reports an unknown one.
    private mutating func resolve(
        _ code: String, at offset: Int, among known: [String], of value: TypedExpression
    ) -> CodeReference? {
        if let index = known.firstIndex(of: code) { return CodeReference(code: code, index: index, offset: offset) }
        let (owner, noun): (String, String) =
            switch value.kind {
            case .band(let id, _): ("'\(id)'", "band")
            case .item(let id, _): ("'\(id)'", "option")
            default: (quoted(value), "option")
            }
        let listing =
            known.isEmpty
            ? "\(owner) has no \(noun)s" : "the \(noun)s are \(known.map { "'\($0)'" }.joined(separator: ", "))"
        report(
            .unknownCode, "'\(code)' is not a\(noun == "option" ? "n" : "") \(noun) of \(owner)", at: offset,
            hint: Suggestion.didYouMean(code, among: known) ?? listing)
        return nil
    }
}
