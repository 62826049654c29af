import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct SQLCompilerTests {
    static let text = Fixture.instrument(
        """
        sections:
          - id: s
            title: S
            items:
              - {id: has_partner, prompt: Partner?, type: yes_no}
              - {id: afraid, prompt: Afraid?, type: yes_no, show_if: has_partner}
              - {id: name, prompt: Name?, type: text, identifying: true}
        needs:
          - id: safety
            title: Safety
            target: other
            score: afraid * 2
            max: 2
            bands: {low: 0, high: 1}
            urgent_if: afraid
        strengths:
          - id: support
            title: Support
            supports: [safety]
            score: has_partner
            bands: {none: 0, some: 1}
        """)

    /// The output aliases of the query's final select, unquoted, in order.
    static func outputColumns(_ sql: String, quote: Character) -> [String] {
        let select = sql[sql.range(of: "\nSELECT\n", options: .backwards)!.upperBound...]
        return select.split(separator: "\n").compactMap { line -> String? in
            guard let alias = line.range(of: " AS \(quote)", options: .backwards) else { return nil }
            return String(line[alias.upperBound...].dropLast(line.hasSuffix(",") ? 2 : 1))
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func theRowsHaveBatchsColumnsInBatchsOrder(_ dialect: SQLDialect) throws {
        let compiled = try Fixture.compile(Self.text)
        let sql = SQLCompiler(compiled).query(dialect: dialect, table: "records")
        let quote: Character = dialect == .spark ? "`" : "\""
        #expect(Self.outputColumns(sql, quote: quote) == BatchColumns(compiled.instrument).header)
        #expect(sql.contains("WHERE NOT rec_bad"))
    }

    @Test func carriedColumnsFollowTheRecordIDAsInBatch() throws {
        let compiled = try Fixture.compile(Self.text)
        let compiler = SQLCompiler(compiled)
        let sql = compiler.query(dialect: .spark, table: "records", carrying: ["site", "quarter"])
        #expect(
            Self.outputColumns(sql, quote: "`")
                == BatchColumns(compiled.instrument, carrying: ["site", "quarter"]).header)
        #expect(compiler.carryProblem(["site", "quarter"]) == nil)
        #expect(compiler.carryProblem(["afraid"]) == "'afraid' is an item: its answers cannot be carried through")
        #expect(compiler.carryProblem(["_priorities"]) != nil)
        #expect(compiler.carryProblem(["site", "site"]) == "'site' is named twice")
    }

    @Test func rejectsGiveTheRecordAndAReason() throws {
        let compiled = try Fixture.compile(Self.text)
        let sql = SQLCompiler(compiled).query(dialect: .duckdb, table: "records", output: .rejects)
        #expect(Self.outputColumns(sql, quote: "\"") == ["record_id", "reason"])
        #expect(sql.contains("WHERE rec_bad"))
        #expect(sql.contains("'''afraid'' is answered, but its show_if hides it'"))
    }

    @Test func identifyingItemsAreNeverRead() throws {
        let compiled = try Fixture.compile(Self.text)
        let sql = SQLCompiler(compiled).query(dialect: .postgres, table: "records")
        #expect(!sql.contains("\"name\""))
        #expect(sql.contains("CAST(NULL AS TEXT) AS i2_raw"))
    }

    @Test(arguments: SQLDialect.allCases)
    func noDialectUsesItsOwnRoundingOrFloatText(_ dialect: SQLDialect) throws {
        let compiled = try Fixture.compile(Self.text)
        let sql = SQLCompiler(compiled).query(dialect: dialect, table: "records").uppercased()
        // Postgres' ROUND is half to even; each engine writes doubles as text its own way.
        #expect(!sql.contains("ROUND("))
        #expect(!sql.contains("AS DOUBLE) AS VARCHAR") && !sql.contains("PRECISION) AS TEXT"))
    }

    @Test func postgresStepsAreMaterializedAndTheOthersAreNot() throws {
        let compiled = try Fixture.compile(Self.text)
        #expect(SQLCompiler(compiled).query(dialect: .postgres, table: "t").contains("cells AS MATERIALIZED ("))
        #expect(SQLCompiler(compiled).query(dialect: .duckdb, table: "t").contains("cells AS ("))
    }

    @Test(arguments: [
        ("records", true), ("warehouse.records", true), ("_t1", true), ("1t", false), ("a..b", false),
        ("records; DROP TABLE x", false), ("", false), ("réc", false),
    ])
    func tableNamesAreIdentifiersJoinedByDots(_ name: String, _ accepted: Bool) {
        #expect(SQLCompiler.isTableName(name) == accepted)
    }
}
