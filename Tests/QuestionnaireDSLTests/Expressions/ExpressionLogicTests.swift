import Testing

@testable import QuestionnaireDSL

/// Kleene's three-valued logic: nil is missing.
@Suite struct ExpressionLogicTests {
    /// A yes_no answer for true or false, a declined one for missing.
    private static func slot(_ value: Bool?) -> AnswerSlot {
        value.map { .boolean($0) } ?? .declined
    }

    @Test(
        arguments: [
            // a, b, a and b, a or b
            (true, true, true, true),
            (true, false, false, true),
            (true, nil, nil, true),
            (false, true, false, true),
            (false, false, false, false),
            (false, nil, false, nil),
            (nil, true, nil, true),
            (nil, false, false, nil),
            (nil, nil, nil, nil),
        ] as [(Bool?, Bool?, Bool?, Bool?)])
    func andOr(a: Bool?, b: Bool?, and: Bool?, or: Bool?) throws {
        let slots = Fixture.slots(["a": Self.slot(a), "b": Self.slot(b)])
        #expect(try Fixture.compile("a and b").boolean(slots) == and)
        #expect(try Fixture.compile("a or b").boolean(slots) == or)
    }

    @Test(arguments: [(true, false), (false, true), (nil, nil)] as [(Bool?, Bool?)])
    func not(a: Bool?, expected: Bool?) throws {
        #expect(try Fixture.compile("not a").boolean(Fixture.slots(["a": Self.slot(a)])) == expected)
    }

    @Test(arguments: [AnswerSlot.declined, .dontKnow, .unanswered])
    func everyMissingStateIsMissing(_ missing: AnswerSlot) throws {
        let slots = Fixture.slots(["a": missing, "b": .boolean(true), "c": .boolean(false)])
        #expect(try Fixture.compile("a").boolean(slots) == nil)
        #expect(try Fixture.compile("a or b").boolean(slots) == true)
        #expect(try Fixture.compile("a and c").boolean(slots) == false)
    }

    @Test func missingInsideAComparisonStaysMissingThroughLogic() throws {
        let slots = Fixture.slots(["n": .declined, "a": .boolean(true)])
        #expect(try Fixture.compile("n > 2 and a").boolean(slots) == nil)
        #expect(try Fixture.compile("n > 2 or a").boolean(slots) == true)
        #expect(try Fixture.compile("not n > 2").boolean(slots) == nil)
    }
}
