/// An instrument whose expressions are type-checked and compiled, with every item, need and
/// strength given a slot, ready to be scored many times.
public struct CompiledInstrument: Sendable {
    /// A need or strength, by index, in the order scores must be computed.
    public enum ScoreRef: Sendable, Hashable {
        case need(Int)
        case strength(Int)
    }

    /// The instrument as loaded.
    public let instrument: Instrument
    /// The source the instrument was loaded from.
    public let source: SourceFile
    /// Every item in the order asked; item `i` has slot `i`.
    public let items: [Item]
    /// The names expressions may use, with their slots.
    public let scope: ExpressionScope
    /// Each item's section, by index into `instrument.sections`.
    public let itemSection: [Int]
    /// Each section's `show_if`.
    public let sectionShowIf: [CompiledExpression?]
    /// Each item's own `show_if`.
    public let itemShowIf: [CompiledExpression?]
    /// Each need's score.
    public let needScores: [CompiledExpression]
    /// Each need's `urgent_if`.
    public let urgentIf: [CompiledExpression?]
    /// Each strength's score.
    public let strengthScores: [CompiledExpression]
    /// Each driver's `when`.
    public let drivers: [CompiledExpression?]
    /// Each responsivity rule's `when`.
    public let responsivity: [CompiledExpression]
    /// Each safeguarding rule's `when`.
    public let safeguarding: [CompiledExpression]
    /// Needs and strengths in an order where every `score(x)` is computed before it is used.
    public let scoreOrder: [ScoreRef]

    /// The slot of need `index`.
    public func needSlot(_ index: Int) -> Int { items.count + index }
    /// The slot of strength `index`.
    public func strengthSlot(_ index: Int) -> Int { items.count + instrument.needs.count + index }
    /// How many slots a response needs: items, then needs, then strengths.
    public var slotCount: Int { items.count + instrument.needs.count + instrument.strengths.count }

    /// Every compiled expression with what it belongs to and where it was written.
    public var expressionUses: [ExpressionUse] {
        let ins = instrument
        var all: [ExpressionUse] = []
        func add(
            _ owner: String, _ source: ExpressionSource?, _ expression: CompiledExpression?, _ role: ExpressionUse.Role
        ) {
            if let source, let expression {
                all.append(ExpressionUse(owner: owner, source: source, expression: expression, role: role))
            }
        }
        for (i, s) in ins.sections.enumerated() { add("the section '\(s.id)'", s.showIf, sectionShowIf[i], .showIf) }
        for (i, item) in items.enumerated() { add("the item '\(item.id)'", item.showIf, itemShowIf[i], .showIf) }
        for (i, n) in ins.needs.enumerated() {
            add("the need '\(n.id)'", n.score, needScores[i], .score)
            add("the need '\(n.id)'", n.urgentIf, urgentIf[i], .condition)
        }
        for (i, s) in ins.strengths.enumerated() { add("the strength '\(s.id)'", s.score, strengthScores[i], .score) }
        for (i, d) in ins.drivers.enumerated() {
            add("the driver '\(d.from)' → '\(d.to)'", d.when, drivers[i], .condition)
        }
        for (i, r) in ins.responsivity.enumerated() {
            add("the responsivity rule '\(r.id)'", r.when, responsivity[i], .condition)
        }
        for (i, r) in ins.safeguarding.enumerated() {
            add("the safeguarding rule '\(r.id)'", r.when, safeguarding[i], .condition)
        }
        return all
    }
}

/// One place an expression is used in an instrument.
public struct ExpressionUse: Sendable {
    /// What an expression decides.
    public enum Role: Sendable { case showIf, score, condition }
    /// What it belongs to, in words: "the need 'housing'".
    public var owner: String
    /// The expression as written.
    public var source: ExpressionSource
    /// The compiled expression.
    public var expression: CompiledExpression
    /// What it decides.
    public var role: Role
}
