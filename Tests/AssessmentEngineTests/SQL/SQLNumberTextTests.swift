import Testing

@testable import AssessmentEngine

@Suite struct SQLNumberTextTests {
    @Test func roundingIsHalfAwayFromZeroFromTheWholePartNeverTheEnginesRound() {
        let sql = SQLNumberText(dialect: .duckdb).roundHalfAway("x")
        #expect(
            sql
                == "(trunc(x) + CASE WHEN ABS(x - trunc(x)) >= CAST('0.5' AS DOUBLE) "
                + "THEN CASE WHEN x < CAST('0.0' AS DOUBLE) THEN CAST('-1.0' AS DOUBLE) ELSE CAST('1.0' AS DOUBLE) END "
                + "ELSE CAST('0.0' AS DOUBLE) END)")
    }

    @Test func sparkTruncatesThroughABigintCast() {
        let sql = SQLNumberText(dialect: .spark).roundHalfAway("x")
        #expect(sql.hasPrefix("(CAST(CAST(x AS BIGINT) AS DOUBLE) + "))
        #expect(!sql.contains("trunc("))
    }

    @Test func roundingToNineDecimalsScalesByExactlyOneBillion() {
        let sql = SQLNumberText(dialect: .postgres).rounded9("v")
        #expect(sql.hasPrefix("((trunc((v * CAST('1000000000.0' AS DOUBLE PRECISION)))"))
        #expect(sql.hasSuffix(" / CAST('1000000000.0' AS DOUBLE PRECISION))"))
    }

    @Test func theTextDropsTrailingZerosByTheFractionsDivisibility() {
        let sql = SQLNumberText(dialect: .duckdb).text(scaled: "x")
        #expect(sql.contains("CASE WHEN x < 0 THEN '-' ELSE '' END"))
        #expect(sql.contains("CAST((ABS(x) // 10000) AS VARCHAR)"))
        #expect(sql.contains("WHEN (ABS(x) % 10000) % 1000 = 0 THEN CAST(((ABS(x) % 10000) // 1000) AS VARCHAR)"))
        #expect(sql.contains("ELSE LPAD(CAST((ABS(x) % 10000) AS VARCHAR), 4, '0') END"))
        #expect(sql.contains("CASE WHEN (ABS(x) % 10000) = 0 THEN '' ELSE '.' || "))
    }
}
