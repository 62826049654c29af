import Foundation

/// The SQL engines `assess compile-sql` writes for, and every place their SQL differs.
///
/// Everything else the compiler writes is the SQL the three share: `CASE`, `COALESCE`,
/// `GREATEST`, `CONCAT_WS`, `LPAD`, `||`, casts, and Kleene `AND`/`OR`/`NOT` on NULL.
public enum SQLDialect: String, Sendable, CaseIterable {
    /// DuckDB (1.3 or later: its lambda syntax).
    case duckdb
    /// PostgreSQL (13 or later).
    case postgres
    /// Spark SQL (3.5), with ANSI mode off (its default).
    case spark

    /// True when each step must be marked `MATERIALIZED`: PostgreSQL otherwise inlines
    /// steps read once, substituting every column by its expression, and the chained steps
    /// then grow into one expression too large to plan.
    public var materializedSteps: Bool { self == .postgres }

    /// The IEEE double type.
    public var doubleType: String {
        switch self {
        case .duckdb, .spark: "DOUBLE"
        case .postgres: "DOUBLE PRECISION"
        }
    }

    /// The text type to cast to.
    public var textType: String {
        switch self {
        case .duckdb: "VARCHAR"
        case .postgres: "TEXT"
        case .spark: "STRING"
        }
    }

    /// An identifier, quoted so that any id (even a reserved word) can name a column.
    public func identifier(_ name: String) -> String {
        switch self {
        case .duckdb, .postgres: "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// A string literal. Spark reads backslashes in literals as escapes, so they are doubled there.
    public func string(_ text: String) -> String {
        var body = text.replacingOccurrences(of: "'", with: "''")
        if self == .spark { body = body.replacingOccurrences(of: "\\", with: "\\\\") }
        return "'" + body + "'"
    }

    /// A double constant holding exactly `value`: the shortest text that reads back as the
    /// same double, cast from a string (a bare `0.1` is a DECIMAL or NUMERIC in all three,
    /// which would change the arithmetic).
    public func double(_ value: Double) -> String {
        "CAST('\(value)' AS \(doubleType))"
    }

    /// True when all of `text` matches the regular expression `pattern` (no anchors in it).
    ///
    /// The pattern uses only what RE2 (DuckDB), Postgres' ARE and Java (Spark) read alike:
    /// groups `(?:…)`, `|`, `?`, `*`, `{m,n}`, classes `[0-9]`, and backslash escapes of punctuation.
    public func fullMatch(_ text: String, _ pattern: String) -> String {
        switch self {
        case .duckdb: "regexp_full_match(\(text), \(string("(?:" + pattern + ")")))"
        case .postgres: "(\(text) ~ \(string("^(?:" + pattern + ")$")))"
        // Java's `$` also matches before a final line break; `\z` is the very end.
        case .spark: "(\(text) RLIKE \(string("^(?:" + pattern + ")\\z")))"
        }
    }

    /// The 1-based position of `needle` in `haystack`, 0 when absent, NULL when either is NULL.
    public func position(of needle: String, in haystack: String) -> String {
        switch self {
        case .duckdb, .postgres: "strpos(\(haystack), \(needle))"
        case .spark: "instr(\(haystack), \(needle))"
        }
    }

    /// A double rounded toward zero, still a double.
    public func truncate(_ value: String) -> String {
        switch self {
        case .duckdb, .postgres: "trunc(\(value))"
        // Spark has no numeric trunc; a BIGINT cast truncates (the values are far below 2^63).
        case .spark: "CAST(CAST(\(value) AS BIGINT) AS DOUBLE)"
        }
    }

    /// Integer division of two BIGINTs, rounding toward zero.
    public func integerDivide(_ left: String, _ right: String) -> String {
        switch self {
        case .duckdb: "(\(left) // \(right))"
        case .postgres: "(\(left) / \(right))"
        case .spark: "(\(left) div \(right))"
        }
    }

    /// A BIGINT as text.
    public func text(_ value: String) -> String {
        "CAST(\(value) AS \(textType))"
    }

    /// Her priorities as a list of need ids: `cell` split on `;`, empty pieces left out
    /// (as `String.split` does).
    public func priorityList(_ cell: String) -> String {
        switch self {
        case .duckdb: "list_filter(string_split(COALESCE(\(cell), ''), ';'), lambda x: x <> '')"
        case .postgres: "array_remove(string_to_array(COALESCE(\(cell), ''), ';'), '')"
        case .spark: "filter(split(COALESCE(\(cell), ''), ';'), x -> x <> '')"
        }
    }

    /// The 1-based place of `element` in `list`, NULL when it is not there.
    public func listPosition(_ list: String, _ element: String) -> String {
        switch self {
        // DuckDB and Spark have given 0 for "absent" in some versions, NULL in others.
        case .duckdb: "NULLIF(list_position(\(list), \(element)), 0)"
        case .postgres: "array_position(\(list), \(element))"
        case .spark: "NULLIF(array_position(\(list), \(element)), 0)"
        }
    }

    /// How many elements `list` has (0 for an empty one).
    public func listLength(_ list: String) -> String {
        switch self {
        case .duckdb: "len(\(list))"
        case .postgres: "COALESCE(cardinality(\(list)), 0)"
        case .spark: "size(\(list))"
        }
    }
}
