import ArgumentParser
import AssessmentEngine
import Foundation

/// `assess compile-sql`: an instrument's scoring as one SQL query, for warehouses.
struct CompileSQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile-sql",
        abstract: "Print one SQL query that scores a table of records exactly as 'assess batch' does.",
        discussion: """
            The table has VARCHAR columns named as the batch CSV header: record_id, \
            _priorities and one column per item that is not identifying; cells as batch \
            reads them, with empty or NULL for unanswered. The query returns batch's output \
            columns, every cell as text (NULL where batch leaves a cell empty), one row per \
            record batch would score; SQL promises no row order, so join on record_id. Records batch would reject \
            are left out; --rejects gives them instead, with a reason. docs/sql.md explains \
            how the SQL mirrors the engine.

            Example:
              assess compile-sql Instruments/womens-needs.yaml --dialect duckdb --table records --out score.sql
            """)

    @Argument(help: ArgumentHelp("The instrument.", valueName: "instrument.yaml"))
    var instrument: String

    @ArgumentParser.Option(help: "The database whose SQL to write.")
    var dialect: SQLDialect

    @ArgumentParser.Option(help: ArgumentHelp("The input table, e.g. records or warehouse.records.", valueName: "name"))
    var table: String

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "Non-identifying columns to pass through, as batch --carry, e.g. site,quarter.", valueName: "columns"))
    var carry: String?

    @Flag(help: "Select the records batch would reject (record_id, reason) instead of the scored rows.")
    var rejects = false

    @ArgumentParser.Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var out: String?

    func validate() throws {
        guard SQLCompiler.isTableName(table) else {
            throw ValidationError("'\(table)' is not a table name: use letters, digits and _, with dots between parts")
        }
    }

    func run() throws {
        let compiled = try InstrumentFiles.compile(try InstrumentFiles.read(instrument))
        let compiler = SQLCompiler(compiled)
        let carried = ColumnList.names(carry)  // as batch reads --carry
        if let problem = compiler.carryProblem(carried) { throw ValidationError("--carry: \(problem)") }
        let sql = compiler.query(
            dialect: dialect, table: table, output: rejects ? .rejects : .rows, carrying: carried)
        try OutputSink.write(sql, to: out ?? "-", replacing: true)
    }
}

extension SQLDialect: ExpressibleByArgument {}
