/// A query being built as a chain of steps (common table expressions): each step selects
/// everything the one before it has, plus new columns that read only earlier ones.
struct SQLQuery {
    private(set) var steps: [(name: String, body: String)] = []

    /// The last step's name.
    var last: String { steps.last?.name ?? "" }

    /// Adds a step with its own body (the first step reads the input table).
    mutating func add(_ name: String, body: String) {
        steps.append((name, body))
    }

    /// Adds a step with the columns of the last one plus `columns` (`expression AS name`).
    mutating func extend(_ name: String, _ columns: [String]) {
        guard !columns.isEmpty else { return }
        add(name, body: "SELECT *,\n    " + columns.joined(separator: ",\n    ") + "\nFROM \(last)")
    }

    /// The whole query, ending with `select` over the last step; `materialized` marks each
    /// step so (see ``SQLDialect/materializedSteps``).
    func text(_ select: String, materialized: Bool = false) -> String {
        let keyword = materialized ? "AS MATERIALIZED" : "AS"
        return "WITH\n" + steps.map { "\($0.name) \(keyword) (\n\($0.body)\n)" }.joined(separator: ",\n") + "\n"
            + select + "\n"
    }
}
