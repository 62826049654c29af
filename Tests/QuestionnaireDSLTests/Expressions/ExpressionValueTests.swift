import Testing

@testable import QuestionnaireDSL

/// What expressions compute from answered items and scored needs.
@Suite struct ExpressionValueTests {
    @Test(arguments: [
        ("n / 0", Optional<Double>.none),
        ("n / m", nil),
        ("n / (m - 0)", nil),
        ("1 / 2", 0.5),
        ("n / 4", 1.5),
        ("-n", -6),
    ])
    func division(text: String, value: Double?) throws {
        let slots = Fixture.slots(["n": .number(6), "m": .number(0)])
        #expect(try Fixture.compile(text, .number).number(slots) == value)
    }

    @Test func divisionByZeroIsMissingInConditionsToo() throws {
        let slots = Fixture.slots(["n": .number(6), "a": .boolean(true)])
        #expect(try Fixture.compile("n / 0 > 1").boolean(slots) == nil)
        #expect(try Fixture.compile("n / 0 > 1 or a").boolean(slots) == true)
    }

    @Test func choiceIsItsValueInArithmeticAndItsCodeInComparisons() throws {
        // The option's value (5) differs from its index (1).
        let slots = Fixture.slots(["low_mood": .choice(index: 1, value: 5)])
        #expect(try Fixture.compile("low_mood * 2", .number).number(slots) == 10)
        #expect(try Fixture.compile("low_mood >= 5").boolean(slots) == true)
        #expect(try Fixture.compile("low_mood == 'sometimes'").boolean(slots) == true)
        #expect(try Fixture.compile("low_mood == 'often'").boolean(slots) == false)
        #expect(try Fixture.compile("low_mood != 'never'").boolean(slots) == true)
        #expect(try Fixture.compile("'sometimes' == low_mood").boolean(slots) == true)
        #expect(try Fixture.compile("low_mood in ['often', 'sometimes']").boolean(slots) == true)
        #expect(try Fixture.compile("low_mood in ['never', 'often']").boolean(slots) == false)
    }

    @Test func booleansAreOneOrZero() throws {
        let slots = Fixture.slots(["a": .boolean(true), "b": .boolean(false)])
        #expect(try Fixture.compile("a * 3 + b * 5", .number).number(slots) == 3)
        #expect(try Fixture.compile("a == true").boolean(slots) == true)
        #expect(try Fixture.compile("a == b").boolean(slots) == false)
    }

    @Test(arguments: [
        ("drug_use_reasons has 'partner'", true),
        ("drug_use_reasons has 'grief'", false),
        ("drug_use_reasons has 'other'", true),
        ("not drug_use_reasons has 'pain'", true),
    ])
    func has(text: String, value: Bool) throws {
        let slots = Fixture.slots(["drug_use_reasons": .set(0b1001)])  // partner, other
        #expect(try Fixture.compile(text).boolean(slots) == value)
    }

    @Test func functions() throws {
        let slots = Fixture.slots([
            "n": .number(2), "m": .number(7), "a": .boolean(true), "b": .boolean(false), "c": .boolean(true),
            "drug_use_reasons": .set(0b0111), "controlling_behaviours": .set(0),
        ])
        #expect(try Fixture.compile("sum(n, m, a)", .number).number(slots) == 10)
        #expect(try Fixture.compile("sum(n)", .number).number(slots) == 2)
        #expect(try Fixture.compile("min(m, n, 5)", .number).number(slots) == 2)
        #expect(try Fixture.compile("max(n, m, 5)", .number).number(slots) == 7)
        #expect(try Fixture.compile("count(a, b, c)", .number).number(slots) == 2)
        #expect(try Fixture.compile("count(drug_use_reasons)", .number).number(slots) == 3)
        #expect(
            try Fixture.compile("count(a, drug_use_reasons, controlling_behaviours, n > 1)", .number).number(slots) == 5
        )
    }

    @Test func theRelationshipsScoreFromTheDesign() throws {
        let score = try Fixture.compile("afraid_of_partner * 3 + count(controlling_behaviours)", .number)
        let slots = Fixture.slots(["afraid_of_partner": .boolean(true), "controlling_behaviours": .set(0b111)])
        #expect(score.number(slots) == 6)
    }

    @Test func numberAndBooleanViewsOfOneExpression() throws {
        let slots = Fixture.slots(["a": .boolean(true), "n": .number(0), "m": .number(-2)])
        #expect(try Fixture.compile("a").number(slots) == 1)
        #expect(try Fixture.compile("not a").number(slots) == 0)
        #expect(try Fixture.compile("n", .number).boolean(slots) == false)
        #expect(try Fixture.compile("m", .number).boolean(slots) == true)
    }

    @Test(arguments: [
        // band index 1 is 'moderate'
        ("band(trauma) == 'moderate'", true),
        ("band(trauma) != 'moderate'", false),
        ("band(trauma) != 'low'", true),
        ("band(trauma) >= 'moderate'", true),
        ("band(trauma) > 'moderate'", false),
        ("band(trauma) < 'high'", true),
        ("band(trauma) <= 'low'", false),
        ("'high' > band(trauma)", true),
        ("'low' >= band(trauma)", false),
        ("band(trauma) in ['high', 'moderate']", true),
        ("band(trauma) in ['low', 'high']", false),
        ("score(trauma) > 4", true),
        ("score(trauma) > 5", false),
    ])
    func bands(text: String, value: Bool) throws {
        let slots = Fixture.slots(["trauma": .score(4.5, band: 1)])
        #expect(try Fixture.compile(text).boolean(slots) == value)
    }

    @Test(arguments: [AnswerSlot.unanswered, .declined, .notApplicable])
    func anUnscoredNeedHasNoScoreOrBand(_ slot: AnswerSlot) throws {
        let slots = Fixture.slots(["trauma": slot])
        #expect(try Fixture.compile("band(trauma) == 'low'").boolean(slots) == nil)
        #expect(try Fixture.compile("band(trauma) != 'low'").boolean(slots) == nil)
        #expect(try Fixture.compile("score(trauma)", .number).number(slots) == nil)
    }
}
