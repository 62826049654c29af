import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct SQLExpressionTranslatorTests {
    /// Items in slots 0…5: a yes/no, a number, a choice, a multiple choice, a text, a yes/no
    /// (hidden unless `flag`); needs in slots 6 and 7.
    static let text = Fixture.instrument(
        """
        sections:
          - id: s
            title: S
            items:
              - {id: flag, prompt: Flag?, type: yes_no}
              - {id: amount, prompt: How much?, type: number, min: 0, max: 10}
              - id: kind
                prompt: Which?
                type: choice
                options: [{code: a, label: A, value: 1}, {code: b, label: B, value: 2.5}]
              - id: picks
                prompt: Which ones?
                type: multi_choice
                options: [{code: p, label: P}, {code: q, label: Q}]
              - {id: note, prompt: Note?, type: text}
              - {id: later, prompt: Later?, type: yes_no, show_if: flag}
        needs:
          - id: first
            title: First
            target: other
            score: amount
            max: 10
            bands: {low: 0, high: 5}
          - id: second
            title: Second
            target: other
            score: kind
            max: 10
            bands: {low: 0, high: 5}
        """)

    /// The SQL for `expression`, checked in the fixture's scope and read as `reading` says.
    static func sql(
        _ expression: String, as kind: Kind = .number, reading: SQLReading = .scored,
        dialect: SQLDialect = .duckdb
    ) throws -> String {
        let base = try Fixture.compile(text)
        let withExpression = text.replacingOccurrences(of: "score: amount\n", with: "score: \(expression)\n")
        let compiled = try Fixture.compile(withExpression)
        #expect(compiled.needScores.count == base.needScores.count)
        let ast = compiled.needScores[0].ast
        let translator = SQLExpressionTranslator(dialect: dialect, reading: reading)
        return kind == .number ? translator.number(ast) : translator.condition(ast)
    }

    enum Kind { case number, condition }

    static let two = "CAST('2.0' AS DOUBLE)"
    static let zero = "CAST('0.0' AS DOUBLE)"

    @Test func arithmeticKeepsTheEvaluatorsOrderAndDivisionByZeroIsMissing() throws {
        #expect(try Self.sql("amount + kind * 2") == "(i1_v + (i2_v * \(Self.two)))")
        #expect(try Self.sql("amount - 2 - kind") == "((i1_v - \(Self.two)) - i2_v)")
        #expect(try Self.sql("amount / kind") == "(i1_v / NULLIF(i2_v, \(Self.zero)))")
        #expect(try Self.sql("-amount") == "(- i1_v)")
    }

    @Test func literalsAreDoublesReadFromTheirShortestExactText() throws {
        #expect(try Self.sql("amount * 0.1") == "(i1_v * CAST('0.1' AS DOUBLE))")
        #expect(try Self.sql("amount * 0.1", dialect: .postgres) == "(i1_v * CAST('0.1' AS DOUBLE PRECISION))")
    }

    @Test func aYesNoReadsAsItsOneOrZeroAndAConditionIsCastToANumber() throws {
        #expect(try Self.sql("flag + 1") == "(i0_v + CAST('1.0' AS DOUBLE))")
        #expect(
            try Self.sql("(amount > 2) * 2")
                == "(CAST(CAST((i1_v > \(Self.two)) AS INTEGER) AS DOUBLE) * \(Self.two))")
    }

    @Test func logicIsSQLsOwnThreeValuedLogic() throws {
        #expect(
            try Self.sql("flag and not (amount >= 2 or kind == 'b')", as: .condition)
                == "((i0_v <> \(Self.zero)) AND (NOT ((i1_v >= \(Self.two)) OR (i2_c = 1))))")
    }

    @Test func choicesCompareByOptionIndexAndSetsBySearchingTheirCodes() throws {
        #expect(try Self.sql("kind in ['a', 'b']", as: .condition) == "(i2_c IN (0, 1))")
        #expect(try Self.sql("kind != 'a'", as: .condition) == "(i2_c <> 0)")
        #expect(try Self.sql("picks has 'q'", as: .condition) == "(strpos((';' || i3_m || ';'), ';q;') > 0)")
        #expect(
            try Self.sql("picks has 'q'", as: .condition, dialect: .spark)
                == "(instr((';' || i3_m || ';'), ';q;') > 0)")
    }

    @Test func countAddsConditionsAndSetSizesLeftToRight() throws {
        #expect(
            try Self.sql("count(flag, picks)")
                == "(CAST(CAST((i0_v <> \(Self.zero)) AS INTEGER) AS DOUBLE) + i3_n)")
    }

    @Test func sumFoldsLeftAndMinAndMaxAreMissingWhenAnyArgumentIs() throws {
        #expect(try Self.sql("sum(amount, kind, flag)") == "((i1_v + i2_v) + i0_v)")
        #expect(
            try Self.sql("min(amount, kind)")
                == "(CASE WHEN i1_v IS NULL OR i2_v IS NULL THEN CAST(NULL AS DOUBLE) ELSE LEAST(i1_v, i2_v) END)")
        #expect(try Self.sql("max(amount)") == "i1_v")
    }

    @Test func answeredAndDeclinedTestTheState() throws {
        #expect(try Self.sql("answered(note)", as: .condition) == "(i4_st = 1)")
        #expect(try Self.sql("declined(note)", as: .condition) == "(i4_st = 2)")
    }

    @Test func scoresAndBandsReadTheirSlotsColumns() throws {
        #expect(try Self.sql("score(second) + 1") == "(z7_v + CAST('1.0' AS DOUBLE))")
        #expect(try Self.sql("band(second) >= 'high'", as: .condition) == "(z7_b >= 1)")
    }

    @Test func proratingReadsMissingAnswersAsNotApplicable() throws {
        let reading = SQLReading(missingAsZero: true)
        #expect(
            try Self.sql("amount + kind", reading: reading)
                == "(COALESCE(i1_v, \(Self.zero)) + COALESCE(i2_v, \(Self.zero)))")
        #expect(try Self.sql("kind == 'a'", as: .condition, reading: reading) == "(COALESCE(i2_c, -1) = 0)")
        // answered() still sees the real state, as the engine's does.
        #expect(try Self.sql("answered(amount)", as: .condition, reading: reading) == "(i1_st = 1)")
    }

    @Test func aShowIfSeesOnlyEarlierAnswersAndNoScores() throws {
        let reading = SQLReading.showIf(before: 2)
        #expect(try Self.sql("amount + kind", reading: reading) == "(i1_v + CAST(NULL AS DOUBLE))")
        #expect(try Self.sql("answered(kind)", as: .condition, reading: reading) == "FALSE")
        #expect(try Self.sql("score(second)", reading: reading) == "CAST(NULL AS DOUBLE)")
    }
}
