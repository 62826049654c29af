import QuestionnaireDSL

/// Compiles an instrument's scoring into one SQL query that gives, for a table of records
/// laid out as `assess batch` input, exactly the rows `assess batch` writes.
///
/// ```swift
/// let sql = SQLCompiler(compiled).query(dialect: .duckdb, table: "records")
/// ```
///
/// The input table has VARCHAR columns named as the batch CSV header: `record_id`,
/// `_priorities`, and one column per item that is not identifying (other columns, such as
/// `_version`, are ignored). Cells are read as batch reads them; empty and NULL are both
/// unanswered. The query's columns are ``BatchColumns``' header, and every cell is text,
/// '' where batch writes an empty cell. Row order is not defined: join on `record_id`.
///
/// A record that `assess batch` would reject (an unknown code, a bad or out-of-range
/// number, an answer to a question `show_if` hides, priorities that are not distinct need
/// ids, an empty `record_id`) is left out of the rows; ``Output/rejects`` lists those with
/// the first reason found instead. Batch stays the validator: it names the problem exactly.
public struct SQLCompiler: Sendable {
    /// What the query returns.
    public enum Output: String, Sendable, CaseIterable {
        /// One row per record `assess batch` would score, with its output columns.
        case rows
        /// One row per record `assess batch` would reject: `record_id` and `reason`.
        case rejects
    }

    /// The instrument compiled.
    public let compiled: CompiledInstrument

    /// Creates a compiler for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
    }

    /// True when `name` can name the input table: identifiers joined by dots
    /// (`records`, `warehouse.assessments`).
    public static func isTableName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        return parts.allSatisfy { part in
            guard let first = part.utf8.first, isLetter(first) else { return false }
            return part.utf8.allSatisfy { isLetter($0) || isDigit($0) }
        }
    }

    /// Why `columns` cannot be carried through (as `assess batch --carry` would refuse
    /// them), or nil when they can: an item's answers are never passed through, and the
    /// reserved columns are the query's own.
    public func carryProblem(_ columns: [String]) -> String? {
        let items = Set(compiled.items.map(\.id))
        if let item = columns.first(where: items.contains) {
            return "'\(item)' is an item: its answers cannot be carried through"
        }
        if let name = columns.first(where: BatchLayout.reservedColumns.contains) {
            return "'\(name)' cannot be carried: it is read as input"
        }
        if let name = columns.first(where: { $0.isEmpty })
            ?? columns.first(where: { c in columns.filter { $0 == c }.count > 1 })
        {
            return name.isEmpty ? "an empty column name cannot be carried" : "'\(name)' is named twice"
        }
        return nil
    }

    /// The query for `dialect` over `table` (a name ``isTableName(_:)`` accepts), with the
    /// `carrying` columns passed through after `record_id` as `assess batch --carry` does
    /// (names ``carryProblem(_:)`` accepts).
    public func query(dialect: SQLDialect, table: String, output: Output = .rows, carrying: [String] = []) -> String {
        precondition(carryProblem(carrying) == nil, "check the carried columns first")
        return SQLQueryBuilder(compiled, dialect: dialect, carrying: carrying).query(table: table, output: output)
    }
}
