import QuestionnaireDSL

/// Writes the query step by step, in the engine's order: cells → items (level by level of
/// `show_if`) → missing counts → scores (level by level of `score()`) → rules and edges →
/// relaxation rounds → influence → ranking → output row.
struct SQLQueryBuilder {
    let compiled: CompiledInstrument
    let dialect: SQLDialect
    let numbers: SQLNumberText
    /// Input columns passed through to the output, after `record_id`.
    let carried: [String]
    /// The possible driver graph and its relaxation rounds.
    let plan: SQLDriverPlan
    var query = SQLQuery()

    init(_ compiled: CompiledInstrument, dialect: SQLDialect, carrying carried: [String] = []) {
        self.compiled = compiled
        self.dialect = dialect
        self.numbers = SQLNumberText(dialect: dialect)
        self.carried = carried
        self.plan = SQLDriverPlan(compiled)
    }

    var instrument: Instrument { compiled.instrument }
    var zero: String { dialect.double(0) }

    func translator(_ reading: SQLReading) -> SQLExpressionTranslator {
        SQLExpressionTranslator(dialect: dialect, reading: reading)
    }

    /// SQL that is TRUE when `condition` holds and FALSE when it is false or missing: a rule
    /// fires, a driver is active, a `show_if` hides only on a definite TRUE.
    func holds(_ condition: String) -> String { "COALESCE(\(condition), FALSE)" }

    consuming func query(table: String, output: SQLCompiler.Output) -> String {
        addCells(table: table)
        addItems()
        addScores()
        addRulesAndEdges()
        let rounds = addRelaxation()
        addRanking(rounds: rounds)
        return query.text(output == .rows ? rowsSelect() : rejectsSelect(), materialized: dialect.materializedSteps)
    }

    // MARK: Cells and items

    private mutating func addCells(table: String) {
        var columns = [
            "CAST(\(dialect.identifier("record_id")) AS \(dialect.textType)) AS \(SQLNames.recordID)",
            "\(dialect.priorityList(dialect.identifier("_priorities"))) AS \(SQLNames.priorities)",
        ]
        for (k, name) in carried.enumerated() {
            columns.append("CAST(\(dialect.identifier(name)) AS \(dialect.textType)) AS \(SQLNames.carried(k))")
        }
        for (k, item) in compiled.items.enumerated() {
            // Identifying items are dropped unread by batch, so they are always unanswered.
            let cell =
                item.identifying
                ? "CAST(NULL AS \(dialect.textType))"
                : "NULLIF(CAST(\(dialect.identifier(item.id)) AS \(dialect.textType)), '')"
            columns.append("\(cell) AS \(SQLNames.raw(k))")
        }
        query.add("cells", body: "SELECT\n    " + columns.joined(separator: ",\n    ") + "\nFROM \(table)")
        let list = SQLNames.priorities
        var priorities = instrument.needs.enumerated().map { j, need in
            "\(dialect.listPosition(list, dialect.string(need.id))) AS \(SQLNames.priority(j))"
        }
        priorities.append("\(dialect.listLength(list)) AS \(SQLNames.priorityCount)")
        query.extend("priorities", priorities)
    }

    private mutating func addItems() {
        let levels = SQLDependencyLevels.items(compiled)
        let reader = SQLCellReader(dialect: dialect)
        for level in 0...(levels.max() ?? 0) {
            var columns: [String] = []
            for (k, item) in compiled.items.enumerated() where levels[k] == level {
                columns += reader.columns(item, index: k, hidden: hidden(k))
            }
            query.extend("items_\(level)", columns)
        }
    }

    /// TRUE when item `k`'s section's or its own `show_if` is false (a missing one shows).
    private func hidden(_ k: Int) -> String {
        let section = compiled.itemSection[k]
        let first = compiled.itemSection.firstIndex(of: section) ?? k
        var parts: [String] = []
        if let showIf = compiled.sectionShowIf[section] {
            parts.append("NOT COALESCE(\(translator(.showIf(before: first)).condition(showIf.ast)), TRUE)")
        }
        if let showIf = compiled.itemShowIf[k] {
            parts.append("NOT COALESCE(\(translator(.showIf(before: k)).condition(showIf.ast)), TRUE)")
        }
        return parts.isEmpty ? "FALSE" : "(" + parts.joined(separator: " OR ") + ")"
    }

    /// True when nothing can hide item `k`.
    private func alwaysShown(_ k: Int) -> Bool {
        compiled.itemShowIf[k] == nil && compiled.sectionShowIf[compiled.itemSection[k]] == nil
    }

    // MARK: Scores

    private mutating func addScores() {
        var counts: [String] = []
        for ref in compiled.scoreOrder {
            let (slot, expression) = SQLDependencyLevels.scoreSlot(ref, compiled)
            let items = expression.referencedItemSlots
            let missing = items.map { "CASE WHEN \(SQLNames.state($0)) IN (0, 2) THEN 1 ELSE 0 END" }
            let applicable = items.map {
                alwaysShown($0) ? "1" : "CASE WHEN \(SQLNames.state($0)) <> 4 THEN 1 ELSE 0 END"
            }
            counts.append("(\(missing.isEmpty ? "0" : missing.joined(separator: " + "))) AS \(SQLNames.missing(slot))")
            counts.append(
                "(\(applicable.isEmpty ? "0" : applicable.joined(separator: " + "))) AS \(SQLNames.applicable(slot))")
        }
        query.extend("missing_counts", counts)

        let levels = SQLDependencyLevels.scores(compiled)
        for level in 0...(levels.max() ?? 0) {
            var uncapped: [String] = []
            var scored: [String] = []
            for (n, ref) in compiled.scoreOrder.enumerated() where levels[n] == level {
                let (slot, expression) = SQLDependencyLevels.scoreSlot(ref, compiled)
                let (max, bands, maxDeclined) = policy(ref)
                uncapped.append(
                    "\(uncappedScore(slot, expression, maxDeclined: maxDeclined)) AS \(SQLNames.uncapped(slot))")
                let raw = SQLNames.uncapped(slot)
                // The cap applies only when prorating, as in the engine.
                let score =
                    max.isFinite
                    ? "CASE WHEN \(SQLNames.missing(slot)) > 0 AND \(raw) > \(dialect.double(max)) THEN \(dialect.double(max)) ELSE \(raw) END"
                    : raw
                scored.append("\(score) AS \(SQLNames.score(slot))")
                scored.append("\(band(score: score, bounds: bands.map(\.lowerBound))) AS \(SQLNames.band(slot))")
            }
            query.extend("scores_\(level)", uncapped)
            query.extend("bands_\(level)", scored)
        }
    }

    private func policy(_ ref: CompiledInstrument.ScoreRef) -> (max: Double, bands: [Band], maxDeclined: Int) {
        switch ref {
        case .need(let j):
            let need = instrument.needs[j]
            return (need.max, need.bands, need.missing.maxDeclined)
        case .strength(let k):
            let strength = instrument.strengths[k]
            return (strength.max ?? .infinity, strength.bands, strength.missing.maxDeclined)
        }
    }

    /// The score before the cap: the expression when nothing is missing; with at most
    /// `maxDeclined` missing and something answered, (expression with missing read as 0)
    /// × applicable ÷ answered; otherwise NULL (not assessed).
    private func uncappedScore(_ slot: Int, _ expression: CompiledExpression, maxDeclined: Int) -> String {
        let missing = SQLNames.missing(slot), applicable = SQLNames.applicable(slot)
        let plain = translator(.scored).number(expression.ast)
        guard maxDeclined > 0 else { return "CASE WHEN \(missing) = 0 THEN \(plain) END" }
        let asZero = translator(SQLReading(missingAsZero: true)).number(expression.ast)
        let double = dialect.doubleType
        return "CASE WHEN \(missing) = 0 THEN \(plain) "
            + "WHEN \(missing) <= \(maxDeclined) AND \(applicable) - \(missing) > 0 THEN "
            + "((\(asZero) * CAST(\(applicable) AS \(double))) / CAST(\(applicable) - \(missing) AS \(double))) END"
    }

    /// The band index: the last whose lower bound the score reaches, the first below them all.
    private func band(score: String, bounds: [Double]) -> String {
        let arms = bounds.indices.dropFirst().reversed().map { i in
            "WHEN \(score) >= \(dialect.double(bounds[i])) THEN \(i)"
        }
        return "CASE WHEN \(score) IS NULL THEN CAST(NULL AS INTEGER) \(arms.joined(separator: " ")) ELSE 0 END"
    }
}
