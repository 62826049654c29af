import Testing

@testable import QuestionnaireDSL

@Suite struct ExpressionReferenceTests {
    @Test func itemsAndScoresInOrderOfFirstAppearance() throws {
        let expression = try Fixture.compile(
            "answered(name) and (b or a) and score(trauma) > 1 and a and band(relationships) == 'high'"
                + " and declined(first_contact) and score(trauma) < 9 and low_mood == 'never'")
        #expect(expression.referencedItems == ["name", "b", "a", "first_contact", "low_mood"])
        #expect(expression.referencedItemSlots == expression.referencedItems.map(Fixture.slot(of:)))
        #expect(expression.referencedScores == ["trauma", "relationships"])
        #expect(expression.requiredSlotCount == Fixture.slot(of: "relationships") + 1)
    }

    @Test func aCodeOnTheLeftDoesNotReorderItems() throws {
        let expression = try Fixture.compile("'often' == low_mood and n > 1")
        #expect(expression.referencedItems == ["low_mood", "n"])
    }

    @Test func literalsReferenceNothing() throws {
        let expression = try Fixture.compile("1 + 2", .number)
        #expect(expression.referencedItems.isEmpty)
        #expect(expression.referencedScores.isEmpty)
        #expect(expression.requiredSlotCount == 0)
        #expect(expression.source == "1 + 2")
        #expect(expression.number(UnsafeBufferPointer(start: nil, count: 0)) == 3)
    }
}
