/// Checks and compiles every expression of a loaded instrument: types, names, codes,
/// `show_if` order (only questions asked earlier), and scores that refer to each other in
/// a circle. The result is scored by the engine; diagnostics point inside the expressions.
public struct InstrumentCompiler: Sendable {
    /// Creates a compiler.
    public init() {}

    /// Compiles `instrument`, loaded from `source`; nil when any expression has an error.
    public func compile(_ instrument: Instrument, source: SourceFile) -> (CompiledInstrument?, [Diagnostic]) {
        var run = CompilerRun(instrument: instrument, source: source)
        let compiled = run.compile()
        return (compiled, run.diagnostics.sortedByLocation())
    }
}

extension InstrumentLoader {
    /// Loads and compiles `source`: the whole of `assess validate` but the lints.
    public func compile(_ source: SourceFile) -> (CompiledInstrument?, [Diagnostic]) {
        let (instrument, diagnostics) = load(source)
        guard let instrument, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let (compiled, more) = InstrumentCompiler().compile(instrument, source: source)
        return (compiled, (diagnostics + more).sortedByLocation())
    }
}

private struct CompilerRun {
    let instrument: Instrument
    let source: SourceFile
    let items: [Item]
    let scope: ExpressionScope
    var diagnostics: [Diagnostic] = []
    var failed = false

    init(instrument: Instrument, source: SourceFile) {
        self.instrument = instrument
        self.source = source
        self.items = instrument.items
        var itemSymbols: [String: ExpressionScope.ItemSymbol] = [:]
        for (slot, item) in items.enumerated() {
            itemSymbols[item.id] = .init(slot: slot, kind: Self.kind(of: item))
        }
        var scoreSymbols: [String: ExpressionScope.ScoreSymbol] = [:]
        for (i, need) in instrument.needs.enumerated() {
            scoreSymbols[need.id] = .init(slot: items.count + i, bands: need.bands.map(\.name))
        }
        for (i, strength) in instrument.strengths.enumerated() {
            scoreSymbols[strength.id] = .init(
                slot: items.count + instrument.needs.count + i, bands: strength.bands.map(\.name))
        }
        self.scope = ExpressionScope(items: itemSymbols, scores: scoreSymbols)
    }

    static func kind(of item: Item) -> ItemValueKind {
        switch item.type {
        case .yesNo: .boolean
        case .choice, .scale: .choice(codes: item.options.map(\.code))
        case .multiChoice: .multiChoice(codes: item.options.map(\.code))
        case .number: .number
        case .text, .date: .text
        }
    }

    mutating func compile() -> CompiledInstrument? {
        var itemSection: [Int] = []
        var firstItemOfSection: [Int] = []
        for (s, section) in instrument.sections.enumerated() {
            firstItemOfSection.append(itemSection.count)
            itemSection += Array(repeating: s, count: section.items.count)
        }
        let sectionShowIf = instrument.sections.enumerated().map { s, section in
            section.showIf.flatMap { showIf($0, before: firstItemOfSection[s], owner: "the section '\(section.id)'") }
        }
        let itemShowIf = items.enumerated().map { i, item in
            item.showIf.flatMap { showIf($0, before: i, owner: "'\(item.id)'") }
        }
        let needScores = instrument.needs.map { expression($0.score, .number) }
        let urgentIf = instrument.needs.map { $0.urgentIf.flatMap { expression($0, .boolean) } }
        let strengthScores = instrument.strengths.map { expression($0.score, .number) }
        let drivers = instrument.drivers.map { $0.when.flatMap { expression($0, .boolean) } }
        let responsivity = instrument.responsivity.map { expression($0.when, .boolean) }
        let safeguarding = instrument.safeguarding.map { expression($0.when, .boolean) }
        guard !failed else { return nil }
        let needs = needScores.map { $0! }, strengths = strengthScores.map { $0! }
        guard let order = scoreOrder(needs: needs, strengths: strengths) else { return nil }
        return CompiledInstrument(
            instrument: instrument, source: source, items: items, scope: scope, itemSection: itemSection,
            sectionShowIf: sectionShowIf, itemShowIf: itemShowIf, needScores: needs, urgentIf: urgentIf,
            strengthScores: strengths, drivers: drivers, responsivity: responsivity.map { $0! },
            safeguarding: safeguarding.map { $0! }, scoreOrder: order)
    }

    private mutating func expression(_ text: ExpressionSource, _ type: ExpectedType) -> CompiledExpression? {
        switch ExpressionCompiler.compile(text.text, expecting: type, in: scope) {
        case .success(let compiled):
            return compiled
        case .failure(let failure):
            failed = true
            for problem in failure.problems {
                diagnostics.append(
                    Diagnostic(
                        problem.code, problem.message, file: source.name,
                        at: text.location(ofOffset: problem.offset, in: source), hint: problem.hint))
            }
            return nil
        }
    }

    /// A `show_if` may use only questions asked before `index`, and no scores (those are
    /// known only once every question is answered).
    private mutating func showIf(_ text: ExpressionSource, before index: Int, owner: String) -> CompiledExpression? {
        guard let compiled = expression(text, .boolean) else { return nil }
        for (id, slot) in zip(
            compiled.referencedItemSlots.indices.map { compiled.referencedItems[$0] },
            compiled.referencedItemSlots) where slot >= index
        {
            let offset = Self.offset(of: id, in: text.text)
            let later =
                index < items.count && slot == index
                ? "the show_if of \(owner) refers to '\(id)' itself"
                : "the show_if of \(owner) refers to '\(id)', which is asked later"
            diagnostics.append(
                Diagnostic(
                    .showIfOrder, later, file: source.name, at: text.location(ofOffset: offset, in: source),
                    hint: "a question can depend only on answers given before it; move '\(id)' earlier",
                    notes: [
                        DiagnosticNote(
                            message: "'\(id)' is asked here", file: source.name, location: items[slot].location)
                    ]))
            failed = true
        }
        if let id = compiled.referencedScores.first {
            diagnostics.append(
                Diagnostic(
                    .showIfOrder, "the show_if of \(owner) uses the score of '\(id)', which is known only at the end",
                    file: source.name, at: text.location(ofOffset: Self.offset(of: id, in: text.text), in: source),
                    hint: "base show_if on earlier answers instead"))
            failed = true
        }
        return compiled
    }

    /// The offset (in Unicode scalars) of the first whole-word `name` in `text`, or 0.
    static func offset(of name: String, in text: String) -> Int {
        let scalars = Array(text.unicodeScalars), target = Array(name.unicodeScalars)
        func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" }
        guard scalars.count >= target.count else { return 0 }
        for i in 0...(scalars.count - target.count) where Array(scalars[i..<i + target.count]) == target {
            let before = i == 0 || !isWord(scalars[i - 1])
            let after = i + target.count == scalars.count || !isWord(scalars[i + target.count])
            if before && after { return i }
        }
        return 0
    }

    /// A topological order of needs and strengths by their `score()`/`band()` uses;
    /// nil after reporting a circle.
    private mutating func scoreOrder(needs: [CompiledExpression], strengths: [CompiledExpression])
        -> [CompiledInstrument.ScoreRef]?
    {
        let refs: [CompiledInstrument.ScoreRef] =
            needs.indices.map { .need($0) } + strengths.indices.map { .strength($0) }
        let ids = instrument.needs.map(\.id) + instrument.strengths.map(\.id)
        let expressions = needs + strengths
        let sources = instrument.needs.map(\.score) + instrument.strengths.map(\.score)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var state = [UInt8](repeating: 0, count: ids.count)  // 0 new, 1 visiting, 2 done
        var order: [CompiledInstrument.ScoreRef] = []
        var path: [Int] = []
        var reported = false

        func visit(_ n: Int) {
            if state[n] == 2 || reported { return }
            if state[n] == 1 {
                let cycle = (path.drop { $0 != n } + [n]).map { ids[$0] }
                diagnostics.append(
                    Diagnostic(
                        .scoreCycle, "scores refer to each other in a circle: \(cycle.joined(separator: " → "))",
                        file: source.name, at: sources[n].start,
                        hint: "a score may use score() or band() only of scores that do not use it in turn"))
                reported = true
                return
            }
            state[n] = 1
            path.append(n)
            for id in expressions[n].referencedScores { if let m = index[id] { visit(m) } }
            path.removeLast()
            state[n] = 2
            order.append(refs[n])
        }
        for n in ids.indices { visit(n) }
        if reported {
            failed = true
            return nil
        }
        return order
    }
}
