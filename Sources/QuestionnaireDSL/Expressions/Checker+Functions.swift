/// Checking calls: `sum min max count answered declined score band`.
extension Checker {
    /// Checks `name(arguments…)`.
    mutating func call(_ name: String, _ arguments: [SyntaxNode], _ node: SyntaxNode) -> TypedExpression? {
        guard let function = ExpressionFunction(rawValue: name) else {
            let names = ExpressionFunction.allCases.map(\.rawValue)
            report(
                .unknownName, "unknown function '\(name)'", at: node.range.lowerBound,
                hint: Suggestion.didYouMean(name, among: names)
                    ?? "the functions are \(names.dropLast().joined(separator: ", ")) and \(names.last ?? "")")
            return nil
        }
        switch function {
        case .sum, .min, .max: return numeric(function, arguments, node)
        case .count: return count(arguments, node)
        case .answered, .declined: return itemState(function, arguments, node)
        case .score, .band: return scoreRead(function, arguments, node)
        }
    }

    /// `sum`, `min` and `max`: one or more numbers.
    private mutating func numeric(
        _ function: ExpressionFunction, _ arguments: [SyntaxNode], _ node: SyntaxNode
    ) -> TypedExpression? {
        let name = function.rawValue
        guard !arguments.isEmpty else {
            report(.wrongArguments, "\(name)() needs at least one number", at: node.range.lowerBound)
            return nil
        }
        let checked = arguments.map { value($0) }
        var typed: [TypedExpression] = []
        for argument in checked {
            guard let argument else { continue }
            switch argument.type {
            case .number, .boolean, .choice:
                typed.append(argument)
            case .set:
                report(
                    .wrongArguments, "\(name)() takes numbers but \(quoted(argument)) is a set of codes",
                    at: argument.range.lowerBound,
                    hint: "use count(\(spelling(argument.range))) for how many were chosen")
            case .band:
                report(
                    .wrongArguments, "\(name)() takes numbers but \(quoted(argument)) is a band",
                    at: argument.range.lowerBound, hint: scoreHint(for: argument))
            }
        }
        guard typed.count == arguments.count else { return nil }
        return TypedExpression(.call(function, typed), type: .number, range: node.range)
    }

    /// `count`: one or more conditions (counting the true ones) or sets (counting their codes).
    private mutating func count(_ arguments: [SyntaxNode], _ node: SyntaxNode) -> TypedExpression? {
        guard !arguments.isEmpty else {
            report(.wrongArguments, "count() needs at least one condition or set of codes", at: node.range.lowerBound)
            return nil
        }
        let checked = arguments.map { value($0) }
        var typed: [TypedExpression] = []
        for argument in checked {
            guard let argument else { continue }
            let text = spelling(argument.range)
            let hint: String
            switch argument.type {
            case .boolean, .set:
                typed.append(argument)
                continue
            case .number: hint = "use sum(…) to add numbers, or count a condition such as \(text) > 0"
            case .choice(let codes): hint = "count a condition such as \(text) == '\(codes.first ?? "code")'"
            case .band(let names): hint = "count a condition such as \(text) == '\(names.last ?? "high")'"
            }
            report(
                .wrongArguments,
                "count() counts yes/no conditions and sets of codes but \(quoted(argument)) is \(Self.describe(argument.type))",
                at: argument.range.lowerBound, hint: hint)
        }
        guard typed.count == arguments.count else { return nil }
        return TypedExpression(.call(.count, typed), type: .number, range: node.range)
    }

    /// `answered(item)` and `declined(item)`: exactly one item id, of any kind.
    private mutating func itemState(
        _ function: ExpressionFunction, _ arguments: [SyntaxNode], _ node: SyntaxNode
    ) -> TypedExpression? {
        guard let id = singleName(function, arguments, node, takes: "a question id") else { return nil }
        if let item = scope.items[id.name] {
            let kind: TypedExpression.Kind =
                function == .answered
                ? .answered(id: id.name, slot: item.slot) : .declined(id: id.name, slot: item.slot)
            return TypedExpression(kind, type: .boolean, range: node.range)
        }
        if scope.scores[id.name] != nil {
            report(
                .wrongArguments, "'\(id.name)' is a need or strength; \(function.rawValue)() takes a question id",
                at: id.offset)
        } else {
            report(
                .unknownName, "unknown question '\(id.name)'", at: id.offset,
                hint: Suggestion.didYouMean(id.name, among: scope.items.keys.sorted()))
        }
        return nil
    }

    /// `score(id)` and `band(id)`: exactly one need or strength id.
    private mutating func scoreRead(
        _ function: ExpressionFunction, _ arguments: [SyntaxNode], _ node: SyntaxNode
    ) -> TypedExpression? {
        guard let id = singleName(function, arguments, node, takes: "a need or strength id") else { return nil }
        if let score = scope.scores[id.name] {
            if function == .score {
                return TypedExpression(.score(id: id.name, slot: score.slot), type: .number, range: node.range)
            }
            return TypedExpression(
                .band(id: id.name, slot: score.slot), type: .band(names: score.bands), range: node.range)
        }
        if scope.items[id.name] != nil {
            report(
                .wrongArguments, "'\(id.name)' is a question; \(function.rawValue)() takes a need or strength id",
                at: id.offset, hint: "use '\(id.name)' on its own for its answer")
        } else {
            report(
                .unknownName, "unknown need or strength '\(id.name)'", at: id.offset,
                hint: Suggestion.didYouMean(id.name, among: scope.scores.keys.sorted()))
        }
        return nil
    }

    /// The one bare name a function takes, or nil after reporting what is wrong with the arguments.
    private mutating func singleName(
        _ function: ExpressionFunction, _ arguments: [SyntaxNode], _ node: SyntaxNode, takes what: String
    ) -> (name: String, offset: Int)? {
        let name = function.rawValue
        guard arguments.count == 1, let argument = arguments.first else {
            report(
                .wrongArguments, "\(name)() takes exactly one argument, \(what), but was given \(arguments.count)",
                at: node.range.lowerBound)
            return nil
        }
        guard case .name(let id) = argument.kind else {
            report(
                .wrongArguments, "\(name)() takes \(what), not '\(spelling(argument.range))'",
                at: argument.range.lowerBound)
            return nil
        }
        return (id, argument.range.lowerBound)
    }
}
