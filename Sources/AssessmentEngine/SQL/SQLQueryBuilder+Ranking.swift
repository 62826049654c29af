import QuestionnaireDSL

/// The rules, the driver graph and the lynch-pin ranking, as `RuleEvaluator`,
/// `DriverGraph`, `StrongestPaths`, `LynchpinRanker` and `HerView` compute them.
extension SQLQueryBuilder {
    /// Presence, severity, `urgent_if`, the rules, the text digits of each score, and each
    /// pair's active edge weight (the heaviest active driver's; 0 for none).
    mutating func addRulesAndEdges() {
        let scored = translator(.scored)
        var columns: [String] = []
        for (j, need) in instrument.needs.enumerated() {
            let slot = compiled.needSlot(j)
            columns.append("COALESCE(\(SQLNames.band(slot)) > 0, FALSE) AS \(SQLNames.present(j))")
            let severity =
                need.max > 0
                ? "CASE WHEN COALESCE(\(SQLNames.band(slot)) > 0, FALSE) THEN \(SQLNames.score(slot)) / \(dialect.double(need.max)) ELSE \(zero) END"
                : zero
            columns.append("\(severity) AS \(SQLNames.severity(j))")
            let urgent = compiled.urgentIf[j].map { holds(scored.condition($0.ast)) } ?? "FALSE"
            columns.append("\(urgent) AS \(SQLNames.urgent(j))")
        }
        for (r, rule) in compiled.safeguarding.enumerated() {
            columns.append("\(holds(scored.condition(rule.ast))) AS \(SQLNames.safeguarding(r))")
        }
        for (r, rule) in compiled.responsivity.enumerated() {
            columns.append("\(holds(scored.condition(rule.ast))) AS \(SQLNames.flag(r))")
        }
        for slot in compiled.items.count..<compiled.slotCount {
            columns.append("\(numbers.scaled(SQLNames.score(slot))) AS \(SQLNames.scaled(slot))")
        }
        for pair in plan.pairs {
            let both =
                "COALESCE(\(SQLNames.band(compiled.needSlot(pair.from))) > 0, FALSE) AND "
                + "COALESCE(\(SQLNames.band(compiled.needSlot(pair.to))) > 0, FALSE)"
            let arms = pair.drivers.map { d in
                let when = compiled.drivers[d].map { holds(scored.condition($0.ast)) } ?? "TRUE"
                return "WHEN \(when) THEN \(dialect.double(instrument.drivers[d].weight))"
            }
            columns.append(
                "CASE WHEN NOT (\(both)) THEN \(zero) \(arms.joined(separator: " ")) ELSE \(zero) END AS \(SQLNames.weight(pair.from, pair.to))"
            )
        }
        query.extend("rules", columns)
    }

    /// One step per round: every product from a source to a target becomes the largest of
    /// itself and (product to a predecessor × the edge's weight). Returns the rounds written.
    mutating func addRelaxation() -> Int {
        var incoming = [[Int]](repeating: [], count: instrument.needs.count)
        for pair in plan.pairs { incoming[pair.to].append(pair.from) }
        for round in 1...max(plan.rounds, 1) where plan.rounds > 0 {
            var columns: [String] = []
            for source in instrument.needs.indices {
                for target in plan.reach[source] {
                    // Paths of more edges than rounds so far are not found yet: the product is still 0.
                    guard let distance = plan.distance[source][target], distance <= round else { continue }
                    var candidates = [product(round - 1, source, target)]
                    for from in incoming[target] where from == source || plan.distance[source][from] != nil {
                        let before = product(round - 1, source, from)
                        guard before != zero else { continue }
                        let weight = SQLNames.weight(from, target)
                        candidates.append(from == source ? weight : "\(before) * \(weight)")
                    }
                    let value =
                        candidates.count == 1 ? candidates[0] : "GREATEST(\(candidates.joined(separator: ", ")))"
                    columns.append("\(value) AS \(SQLNames.product(round, source, target))")
                }
            }
            query.extend("round_\(round)", columns)
        }
        return plan.rounds
    }

    /// The product from `source` to `target` after `round` rounds: a column, or a constant
    /// (1 for the source itself, 0 for what cannot be reached in so few edges).
    func product(_ round: Int, _ source: Int, _ target: Int) -> String {
        if source == target { return dialect.double(1) }
        guard round > 0, let distance = plan.distance[source][target], distance <= round else { return zero }
        return SQLNames.product(round, source, target)
    }

    /// Influence, its rounding, the ranking places, the lynch-pins and the record's validity.
    mutating func addRanking(rounds: Int) {
        let needs = instrument.needs.indices
        var influence: [String] = []
        for j in needs {
            // Her own severity, then each need reached, in index order, as the ranker adds them.
            var sum = SQLNames.severity(j)
            for t in plan.reach[j] {
                let reached = product(rounds, j, t)
                if reached != zero { sum = "(\(sum) + \(SQLNames.severity(t)) * \(reached))" }
            }
            influence.append("\(sum) AS \(SQLNames.influence(j))")
        }
        query.extend("influence", influence)
        query.extend(
            "rounded",
            needs.flatMap { j in
                [
                    "\(numbers.rounded9(SQLNames.influence(j))) AS \(SQLNames.roundedInfluence(j))",
                    "\(numbers.rounded9(SQLNames.severity(j))) AS \(SQLNames.roundedSeverity(j))",
                ]
            })

        // Place j = how many present needs come before it: higher rounded influence, then
        // named earlier in her priorities (unnamed last), then higher rounded severity,
        // then earlier in the instrument.
        var places: [String] = []
        for j in needs {
            let before = needs.filter { $0 != j }.map { k in
                "CASE WHEN \(SQLNames.present(k)) AND \(beats(k, j)) THEN 1 ELSE 0 END"
            }
            places.append("(\(before.isEmpty ? "0" : before.joined(separator: " + "))) AS \(SQLNames.rank(j))")
        }
        let tops = needs.map {
            "CASE WHEN \(SQLNames.present($0)) THEN \(SQLNames.roundedInfluence($0)) ELSE \(dialect.double(-1)) END"
        }
        if !tops.isEmpty {
            let top = tops.count == 1 ? tops[0] : "GREATEST(\(tops.joined(separator: ", ")))"
            places.append(
                "\(numbers.rounded9("(\(top)) * \(dialect.double(LynchpinRanker.jointShare))")) AS \(SQLNames.threshold)"
            )
        }
        query.extend("ranked", places)

        var last = needs.map { j in
            "(\(SQLNames.present(j)) AND (\(SQLNames.rank(j)) = 0 OR \(SQLNames.roundedInfluence(j)) >= \(SQLNames.threshold))) AS \(SQLNames.lynchpin(j))"
        }
        last.append("\(rejected()) AS \(SQLNames.rejected)")
        query.extend("lynchpins", last)
        // Each list in rank order asks, place by place, which need is there: one integer
        // comparison per need and place when the place is worked out first (-1: not listed).
        // The lynch-pins are the first places (ranked by rounded influence, they are the
        // ones reaching the threshold), so no list goes past their count.
        let count = needs.map { "CASE WHEN \(SQLNames.lynchpin($0)) THEN 1 ELSE 0 END" }.joined(separator: " + ")
        query.extend(
            "list_places",
            [count.isEmpty ? "0 AS \(SQLNames.lynchpinCount)" : "(\(count)) AS \(SQLNames.lynchpinCount)"]
                + needs.flatMap { j in
                    [
                        "CASE WHEN \(SQLNames.lynchpin(j)) THEN \(SQLNames.rank(j)) ELSE -1 END AS \(SQLNames.lynchpinPlace(j))",
                        "CASE WHEN \(SQLNames.lynchpin(j)) AND \(SQLNames.priority(j)) IS NULL THEN \(SQLNames.rank(j)) ELSE -1 END "
                            + "AS \(SQLNames.unnamedLynchpinPlace(j))",
                    ]
                })
    }

    /// SQL that is TRUE when present need `k` ranks before need `j`.
    private func beats(_ k: Int, _ j: Int) -> String {
        let (ik, ij) = (SQLNames.roundedInfluence(k), SQLNames.roundedInfluence(j))
        let (sk, sj) = (SQLNames.roundedSeverity(k), SQLNames.roundedSeverity(j))
        let pk = "COALESCE(\(SQLNames.priority(k)), 99)", pj = "COALESCE(\(SQLNames.priority(j)), 99)"
        let order = k < j ? " OR \(sk) = \(sj)" : ""
        return "(\(ik) > \(ij) OR (\(ik) = \(ij) AND (\(pk) < \(pj) OR (\(pk) = \(pj) AND (\(sk) > \(sj)\(order))))))"
    }

    /// TRUE when `assess batch` would reject the record.
    private func rejected() -> String {
        var reasons = ["\(SQLNames.recordID) IS NULL", "\(SQLNames.recordID) = ''"]
        reasons.append(priorityProblem())
        reasons += compiled.items.indices.map(SQLNames.bad)
        return "(" + reasons.joined(separator: " OR ") + ")"
    }

    /// TRUE when her priorities are not up to three distinct need ids: every piece named
    /// is a need exactly when the needs found number as many as the pieces.
    private func priorityProblem() -> String {
        let found = instrument.needs.indices.map { "CASE WHEN \(SQLNames.priority($0)) IS NULL THEN 0 ELSE 1 END" }
        let count = found.isEmpty ? "0" : found.joined(separator: " + ")
        return "(\(SQLNames.priorityCount) > \(AnswerReader.maxPriorities) OR \(SQLNames.priorityCount) <> \(count))"
    }
}
