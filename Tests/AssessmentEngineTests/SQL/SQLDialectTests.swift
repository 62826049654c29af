import AssessmentEngine
import Foundation
import Testing

@Suite struct SQLDialectTests {
    @Test(arguments: [
        0.1, 1.0 / 3, 1e-5, 2.5, -0.95, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 123456789.123456789,
    ])
    func doubleConstantsReadBackAsTheSameBits(_ value: Double) throws {
        for dialect in SQLDialect.allCases {
            let sql = dialect.double(value)
            let text = try #require(sql.split(separator: "'").dropFirst().first)
            #expect(Double(String(text))?.bitPattern == value.bitPattern, "\(dialect): \(sql)")
            #expect(sql.hasSuffix(" AS \(dialect.doubleType))"))
        }
    }

    @Test func stringsDoubleTheirQuotesAndSparkAlsoItsBackslashes() {
        #expect(SQLDialect.duckdb.string("it's a\\b") == "'it''s a\\b'")
        #expect(SQLDialect.postgres.string("it's a\\b") == "'it''s a\\b'")
        #expect(SQLDialect.spark.string("it's a\\b") == "'it''s a\\\\b'")
    }

    @Test func identifiersAreQuotedSoReservedWordsAndQuotesAreSafe() {
        #expect(SQLDialect.duckdb.identifier("order") == "\"order\"")
        #expect(SQLDialect.postgres.identifier("a\"b") == "\"a\"\"b\"")
        #expect(SQLDialect.spark.identifier("a`b") == "`a``b`")
    }

    @Test func fullMatchesAreAnchoredAtTheVeryEnd() {
        #expect(SQLDialect.duckdb.fullMatch("c", "a|b") == "regexp_full_match(c, '(?:a|b)')")
        #expect(SQLDialect.postgres.fullMatch("c", "a|b") == "(c ~ '^(?:a|b)$')")
        // Java's $ would also match before a final line break.
        #expect(SQLDialect.spark.fullMatch("c", "a|b") == "(c RLIKE '^(?:a|b)\\\\z')")
    }

    @Test func integerDivisionIsWrittenPerDialect() {
        #expect(SQLDialect.duckdb.integerDivide("a", "b") == "(a // b)")
        #expect(SQLDialect.postgres.integerDivide("a", "b") == "(a / b)")
        #expect(SQLDialect.spark.integerDivide("a", "b") == "(a div b)")
    }

    @Test func onlyPostgresNeedsItsStepsMaterialized() {
        #expect(SQLDialect.allCases.filter(\.materializedSteps) == [.postgres])
    }
}
