import Testing

@testable import QuestionnaireDSL

/// Not applicable (hidden by show_if) reads as 0, false, no code or the empty set; declined,
/// don't know and unanswered are missing.
@Suite struct ExpressionMissingDataTests {
    static let missingStates: [AnswerSlot] = [.declined, .dontKnow, .unanswered]

    @Test(arguments: [
        // expression, expecting, value when the item it reads is hidden
        ("a", ExpectedType.boolean, 0.0),
        ("not a", .boolean, 1),
        ("a + 1", .number, 1),
        ("n + 1", .number, 1),
        ("n == 0", .boolean, 1),
        ("low_mood == 'never'", .boolean, 0),
        ("low_mood != 'never'", .boolean, 1),
        ("low_mood in ['never', 'sometimes', 'often']", .boolean, 0),
        ("low_mood + 1", .number, 1),
        ("drug_use_reasons has 'partner'", .boolean, 0),
        ("not drug_use_reasons has 'partner'", .boolean, 1),
        ("count(drug_use_reasons)", .number, 0),
    ])
    func hiddenItemsReadAsNothing(text: String, expecting: ExpectedType, value: Double) throws {
        let expression = try Fixture.compile(text, expecting)
        let hidden = Fixture.slots([:], rest: .notApplicable)
        #expect(expression.number(hidden) == value)
        for missing in Self.missingStates {
            #expect(expression.number(Fixture.slots([:], rest: missing)) == nil, "\(missing.state)")
        }
    }

    @Test(arguments: [
        ("a", ExpectedType.boolean, 0.0),
        ("n + 1", .number, 1),
        ("low_mood != 'never'", .boolean, 1),
        ("low_mood in ['never']", .boolean, 0),
        ("count(drug_use_reasons) + 1", .number, 1),
    ])
    func missingAsZeroReadsMissingItemsAsHidden(text: String, expecting: ExpectedType, value: Double) throws {
        let expression = try Fixture.compile(text, expecting)
        for missing in Self.missingStates {
            let slots = Fixture.slots([:], rest: missing)
            #expect(expression.number(slots) == nil)
            #expect(expression.number(slots, missingAsZero: true) == value)
        }
    }

    @Test func missingAsZeroProratesAScore() throws {
        let score = try Fixture.compile("afraid_of_partner * 3 + count(controlling_behaviours)", .number)
        let slots = Fixture.slots(["afraid_of_partner": .declined, "controlling_behaviours": .set(0b011)])
        #expect(score.number(slots) == nil)
        #expect(score.number(slots, missingAsZero: true) == 2)
    }

    @Test(arguments: [AnswerSlot.declined, .unanswered, .notApplicable])
    func missingAsZeroLeavesScoresMissing(_ notScored: AnswerSlot) throws {
        let slots = Fixture.slots(["trauma": notScored, "n": .number(1)])
        #expect(try Fixture.compile("score(trauma) + n", .number).number(slots, missingAsZero: true) == nil)
        #expect(try Fixture.compile("band(trauma) == 'low'").boolean(slots, missingAsZero: true) == nil)
    }

    @Test(arguments: [
        // state, answered(x), declined(x)
        (AnswerSlot.number(4), true, false),
        (.declined, false, true),
        (.dontKnow, false, true),
        (.unanswered, false, false),
        (.notApplicable, false, false),
    ])
    func answeredAndDeclinedAreNeverMissing(slot: AnswerSlot, answered: Bool, declined: Bool) throws {
        let slots = Fixture.slots(["n": slot, "name": slot])
        for missingAsZero in [false, true] {
            #expect(try Fixture.compile("answered(n)").boolean(slots, missingAsZero: missingAsZero) == answered)
            #expect(try Fixture.compile("declined(n)").boolean(slots, missingAsZero: missingAsZero) == declined)
            #expect(try Fixture.compile("answered(name)").boolean(slots, missingAsZero: missingAsZero) == answered)
        }
    }

    @Test func functionsWithAMissingArgumentAreMissing() throws {
        let slots = Fixture.slots(["n": .number(2), "m": .dontKnow, "a": .boolean(true)])
        for text in ["sum(n, m)", "min(n, m)", "max(m, n)", "count(a, m > 1)", "count(a, drug_use_reasons)"] {
            #expect(try Fixture.compile(text, .number).number(slots) == nil, "\(text)")
        }
    }
}
