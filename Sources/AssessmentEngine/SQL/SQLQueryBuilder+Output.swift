import QuestionnaireDSL

/// The final select: the output row in ``BatchColumns``' order and text, or the rejects.
extension SQLQueryBuilder {
    /// The scored records' rows.
    func rowsSelect() -> String {
        let header = BatchColumns(instrument, carrying: carried).header
        let cells = rowCells()
        precondition(cells.count == header.count, "one cell per batch column")
        // A cell batch leaves empty is NULL, so that a database writing the rows as CSV writes
        // nothing there (an empty string would be written `""`) and the lines equal batch's.
        let columns = zip(cells, header).map { "NULLIF(\($0), '') AS \(dialect.identifier($1))" }
        return "SELECT\n    " + columns.joined(separator: ",\n    ")
            + "\nFROM \(query.last)\nWHERE NOT \(SQLNames.rejected)"
    }

    /// The rejected records: their id and the first reason found.
    func rejectsSelect() -> String {
        var arms = [
            "WHEN \(SQLNames.recordID) IS NULL OR \(SQLNames.recordID) = '' THEN 'its record_id is empty'"
        ]
        for (k, item) in compiled.items.enumerated() {
            arms.append(
                "WHEN \(SQLNames.bad(k)) AND \(SQLNames.state(k)) = 4 THEN "
                    + dialect.string("'\(item.id)' is answered, but its show_if hides it"))
            arms.append(
                "WHEN \(SQLNames.bad(k)) THEN " + dialect.string("'") + " || \(SQLNames.raw(k)) || "
                    + dialect.string("' is not an answer to '\(item.id)'"))
        }
        arms.append("ELSE 'her priorities are not up to \(AnswerReader.maxPriorities) distinct need ids'")
        let reason = "CASE " + arms.joined(separator: "\n        ") + " END"
        return
            "SELECT\n    COALESCE(\(SQLNames.recordID), '') AS \(dialect.identifier("record_id")),\n    \(reason) AS "
            + "\(dialect.identifier("reason"))\nFROM \(query.last)\nWHERE \(SQLNames.rejected)"
    }

    private func rowCells() -> [String] {
        var cells = [SQLNames.recordID] + carried.indices.map { "COALESCE(\(SQLNames.carried($0)), '')" }
        cells += [dialect.string(instrument.id), dialect.string(instrument.version)]
        let scores: [(slot: Int, bands: [Band])] =
            instrument.needs.indices.map { (compiled.needSlot($0), instrument.needs[$0].bands) }
            + instrument.strengths.indices.map { (compiled.strengthSlot($0), instrument.strengths[$0].bands) }
        for (slot, bands) in scores {
            let score = SQLNames.score(slot)
            cells.append("CASE WHEN \(score) IS NULL THEN '' ELSE \(numbers.text(scaled: SQLNames.scaled(slot))) END")
            let names = bands.enumerated().map { "WHEN \($0.offset) THEN \(dialect.string($0.element.name))" }
            cells.append("COALESCE(CASE \(SQLNames.band(slot)) \(names.joined(separator: " ")) END, '')")
            cells.append("CASE WHEN \(score) IS NULL THEN 'not_assessed' ELSE 'assessed' END")
        }
        let needs = instrument.needs.indices
        // Lists of ids in rank order (of lynch-pins only, which hold the first places): for
        // each place, the need whose place column holds it; places past the lynch-pins' count
        // are skipped without comparing.
        func inRankOrder(_ place: (Int) -> String) -> [String] {
            needs.map { rank in
                let arms = needs.map { j in "WHEN \(place(j)) = \(rank) THEN \(dialect.string(instrument.needs[j].id))"
                }
                return "CASE WHEN \(SQLNames.lynchpinCount) > \(rank) THEN CASE \(arms.joined(separator: " ")) END END"
            }
        }
        cells.append(joined(inRankOrder(SQLNames.lynchpinPlace)))
        cells.append(
            joined(needs.map { "CASE WHEN \(SQLNames.urgent($0)) THEN \(dialect.string(instrument.needs[$0].id)) END" })
        )
        cells.append(
            joined(
                instrument.safeguarding.indices.map {
                    "CASE WHEN \(SQLNames.safeguarding($0)) THEN \(dialect.string(instrument.safeguarding[$0].id)) END"
                }))
        cells.append(
            joined(
                instrument.responsivity.indices.map {
                    "CASE WHEN \(SQLNames.flag($0)) THEN \(dialect.string(instrument.responsivity[$0].id)) END"
                }))
        cells.append(herViewDiffers(inRankOrder))
        return cells
    }

    /// The needs she names that are neither tier 0 nor in the top three, in her order; then
    /// the lynch-pins she does not name, in rank order; nothing when she names none.
    private func herViewDiffers(_ inRankOrder: ((Int) -> String) -> [String]) -> String {
        let needs = instrument.needs.indices
        guard !needs.isEmpty else { return "''" }
        let named = (1...AnswerReader.maxPriorities).map { place in
            let arms = needs.map { j in
                "WHEN \(SQLNames.priority(j)) = \(place) AND NOT \(SQLNames.urgent(j)) AND NOT (\(SQLNames.present(j)) AND \(SQLNames.rank(j)) < \(HerView.topCount)) THEN \(dialect.string(instrument.needs[j].id))"
            }
            return "CASE \(arms.joined(separator: " ")) END"
        }
        let unnamed = inRankOrder(SQLNames.unnamedLynchpinPlace)
        return "CASE WHEN \(SQLNames.priorityCount) = 0 THEN '' ELSE \(joined(named + unnamed)) END"
    }

    /// Ids joined by `;`, leaving out the NULLs; '' for none.
    private func joined(_ parts: [String]) -> String {
        parts.isEmpty ? "''" : "COALESCE(CONCAT_WS(';', \(parts.joined(separator: ", "))), '')"
    }
}
