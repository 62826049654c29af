import QuestionnaireDSL

/// One published count of a summary: which group, table, row and column, and the count as
/// shown (a number, or `<5` when suppressed).
public struct SummaryCount: Sendable, Hashable, Codable {
    /// `all`, or the `--by` value.
    public var group: String
    /// `records`, `bands`, `strength_bands`, `lead_lynchpin`, `present_together` or `rules`.
    public var table: String
    /// The need, pair or rule.
    public var row: String
    /// The band (or `not_assessed`) in `bands` and `strength_bands`; `records` elsewhere.
    public var column: String
    /// The count, or `<min-cell` when suppressed.
    public var count: String
}

extension BatchSummary {
    /// Every count to publish, suppressed where small (see ``SmallCellSuppression``): the
    /// constraints are each group's band and lead lynch-pin rows (they add up to its
    /// records) and, with groups, each count across groups (they add up to the count for all).
    public func published(minCell: Int) -> [SummaryCount] {
        var table = SmallCellSuppression(minCell: minCell)
        let groups = self.groups  // made from the tallies on each use: once here
        let keys = groups.keys.filter { !$0.isEmpty }.sorted()
        let order = [""] + keys
        var cells: [(SummaryCount, Int)] = []
        var index: [String: [String: Int]] = [:]  // "table|row|column" → group → cell

        func add(_ group: String, _ tableName: String, _ row: String, _ column: String, _ count: Int) -> Int {
            let cell = table.add(count)
            let name = group.isEmpty ? "all" : group
            cells.append((SummaryCount(group: name, table: tableName, row: row, column: column, count: ""), cell))
            index["\(tableName)|\(row)|\(column)", default: [:]][group] = cell
            return cell
        }

        let lynchpinRows = instrument.needs.map(\.id) + ["none"]
        let pairKeys = Set(groups.values.flatMap(\.pairs.keys)).sorted()
        let ruleKeys = Set(groups.values.flatMap(\.rules.keys)).sorted()
        for key in order {
            let group = groups[key] ?? Group()
            let total = add(key, "records", "records", "records", group.records)
            for need in instrument.needs {
                let columns = need.bands.map(\.name) + ["not_assessed"]
                let parts = columns.map { add(key, "bands", need.id, $0, group.bands[need.id]?[$0] ?? 0) }
                table.constrain(parts, total: total)
            }
            for strength in instrument.strengths {
                let columns = strength.bands.map(\.name) + ["not_assessed"]
                let parts = columns.map {
                    add(key, "strength_bands", strength.id, $0, group.strengthBands[strength.id]?[$0] ?? 0)
                }
                table.constrain(parts, total: total)
            }
            let leads = lynchpinRows.map { add(key, "lead_lynchpin", $0, "records", group.leadLynchpin[$0] ?? 0) }
            table.constrain(leads, total: total)
            for pair in pairKeys { _ = add(key, "present_together", pair, "records", group.pairs[pair] ?? 0) }
            for rule in ruleKeys { _ = add(key, "rules", rule, "records", group.rules[rule] ?? 0) }
        }
        if !keys.isEmpty {
            for byGroup in index.values {
                guard let all = byGroup[""] else { continue }
                table.constrain(keys.compactMap { byGroup[$0] }, total: all)
            }
        }
        table.protect()
        return cells.map { count, cell in
            var shown = count
            shown.count = table.shown(cell)
            return shown
        }
    }
}
