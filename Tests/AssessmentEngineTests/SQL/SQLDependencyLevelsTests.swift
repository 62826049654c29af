import QuestionnaireDSL
import Testing

@testable import AssessmentEngine

@Suite struct SQLDependencyLevelsTests {
    @Test func itemsAreLevelledByTheirShowIfChainsAndSectionsCount() throws {
        let compiled = try Fixture.compile(
            Fixture.instrument(
                """
                sections:
                  - id: first
                    title: First
                    items:
                      - {id: a, prompt: A?, type: yes_no}
                      - {id: b, prompt: B?, type: yes_no, show_if: a}
                      - {id: c, prompt: C?, type: yes_no, show_if: b or a}
                      - {id: d, prompt: D?, type: yes_no}
                  - id: second
                    title: Second
                    show_if: c
                    items:
                      - {id: e, prompt: E?, type: yes_no}
                      - {id: f, prompt: F?, type: yes_no, show_if: d}
                """))
        #expect(SQLDependencyLevels.items(compiled) == [0, 1, 2, 0, 3, 3])
    }

    @Test func scoresAreLevelledByTheScoresTheyRead() throws {
        let compiled = try Fixture.compile(
            Fixture.instrument(
                """
                sections:
                  - id: s
                    title: S
                    items:
                      - {id: a, prompt: A?, type: yes_no}
                needs:
                  - {id: top, title: Top, target: other, score: score(middle) + 1, max: 9, bands: {low: 0, high: 1}}
                  - {id: middle, title: Middle, target: other, score: score(base) * 2, max: 9, bands: {low: 0, high: 1}}
                  - {id: base, title: Base, target: other, score: a, max: 9, bands: {low: 0, high: 1}}
                """))
        let levels = SQLDependencyLevels.scores(compiled)
        let bySlot = Dictionary(
            uniqueKeysWithValues: zip(
                compiled.scoreOrder.map { SQLDependencyLevels.scoreSlot($0, compiled).slot }, levels))
        #expect(bySlot[compiled.needSlot(2)] == 0)
        #expect(bySlot[compiled.needSlot(1)] == 1)
        #expect(bySlot[compiled.needSlot(0)] == 2)
    }
}
