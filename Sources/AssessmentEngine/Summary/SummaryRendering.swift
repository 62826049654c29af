import QuestionnaireDSL

/// A summary written as Markdown tables, CSV or JSON.
public enum SummaryRendering {
    /// CSV with the columns group, table, row, column, count.
    public static func csv(_ counts: [SummaryCount]) -> String {
        (["group,table,row,column,count"]
            + counts.map { BatchColumns.csvLine([$0.group, $0.table, $0.row, $0.column, $0.count]) })
            .joined(separator: "\n") + "\n"
    }

    /// Markdown: per group, the records, the bands of each need, the lead lynch-pins, the
    /// needs present together and the rules that fired.
    public static func markdown(_ counts: [SummaryCount], instrument: Instrument, minCell: Int) -> String {
        var out = "# Summary: \(instrument.id) \(instrument.version)\n\n"
        out += "Counts from 1 to \(minCell - 1) are shown as `<\(minCell)`, and so are some others, so that no "
        out += "hidden count can be worked out from the totals.\n"
        var groups: [String] = []
        for count in counts where !groups.contains(count.group) { groups.append(count.group) }
        var titles: [String: String] = [:]
        for need in instrument.needs {
            titles[need.id] = need.title.resolve(instrument.language, fallback: instrument.language)
        }
        for group in groups {
            let mine = counts.filter { $0.group == group }
            let records = mine.first { $0.table == "records" }?.count ?? "0"
            out += "\n## \(group == "all" ? "All records" : group): \(records) records\n\n"
            out += "### Needs by band\n\n"
            for need in instrument.needs {
                let row = mine.filter { $0.table == "bands" && $0.row == need.id }
                out +=
                    "- \(titles[need.id] ?? need.id): " + row.map { "\($0.column) \($0.count)" }.joined(separator: ", ")
                    + "\n"
            }
            if !instrument.strengths.isEmpty {
                out += "\n### Strengths by band\n\n"
                for strength in instrument.strengths {
                    let row = mine.filter { $0.table == "strength_bands" && $0.row == strength.id }
                    let title = strength.title.resolve(instrument.language, fallback: instrument.language)
                    out += "- \(title): " + row.map { "\($0.column) \($0.count)" }.joined(separator: ", ") + "\n"
                }
            }
            out += "\n### Lead lynch-pin\n\n| need | records |\n|---|---|\n"
            for count in mine where count.table == "lead_lynchpin" {
                out += "| \(titles[count.row] ?? count.row) | \(count.count) |\n"
            }
            let pairs = mine.filter { $0.table == "present_together" }
            if !pairs.isEmpty {
                out += "\n### Needs present together\n\n| needs | records |\n|---|---|\n"
                for count in pairs {
                    let names = count.row.split(separator: "+").map { titles[String($0)] ?? String($0) }
                    out += "| \(names.joined(separator: " + ")) | \(count.count) |\n"
                }
            }
            let rules = mine.filter { $0.table == "rules" }
            if !rules.isEmpty {
                out += "\n### Rules that fired\n\n| rule | records |\n|---|---|\n"
                for count in rules { out += "| \(count.row) | \(count.count) |\n" }
            }
        }
        return out
    }
}
