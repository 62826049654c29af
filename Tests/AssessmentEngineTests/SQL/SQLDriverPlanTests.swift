import QuestionnaireDSL
import Testing

@testable import AssessmentEngine

@Suite struct SQLDriverPlanTests {
    static func instrument(drivers: String) -> String {
        let needs = ["a", "b", "c", "d"].map { id in
            """
              - id: \(id)
                title: \(id)
                target: other
                score: x
                max: 1
                bands: {low: 0, high: 1}
            """
        }
        return Fixture.instrument(
            """
            sections:
              - id: s
                title: S
                items:
                  - {id: x, prompt: X?, type: yes_no}
            needs:
            \(needs.joined(separator: "\n"))
            drivers:
            \(drivers)
            """)
    }

    @Test func aChainNeedsOneRoundPerEdge() throws {
        let compiled = try Fixture.compile(
            Self.instrument(
                drivers: """
                      - {from: a, to: b, weight: 0.5, because: r}
                      - {from: b, to: c, weight: 0.5, because: r}
                      - {from: c, to: d, weight: 0.5, because: r}
                    """))
        let plan = SQLDriverPlan(compiled)
        #expect(plan.rounds == 3)
        #expect(plan.reach[0] == [1, 2, 3])
        #expect(plan.reach[3] == [])
        #expect(plan.distance[0][3] == 3)
    }

    @Test func aCycleCountsEachNeedOnceOnASimplePath() throws {
        let compiled = try Fixture.compile(
            Self.instrument(
                drivers: """
                      - {from: a, to: b, weight: 0.5, because: r}
                      - {from: b, to: a, weight: 0.5, because: r}
                      - {from: b, to: c, weight: 0.5, because: r}
                    """))
        let plan = SQLDriverPlan(compiled)
        #expect(plan.rounds == 2)  // a → b → c, or b → a then nothing new
        #expect(plan.reach[1] == [0, 2])
    }

    @Test func parallelDriversAreTriedHeaviestFirstAndInWrittenOrderOnATie() throws {
        let compiled = try Fixture.compile(
            Self.instrument(
                drivers: """
                      - {from: a, to: b, weight: 0.3, because: r}
                      - {from: a, to: b, weight: 0.9, because: r}
                      - {from: a, to: b, weight: 0.3, because: r}
                    """))
        let plan = SQLDriverPlan(compiled)
        #expect(plan.pairs.map { [$0.from, $0.to] } == [[0, 1]])
        #expect(plan.pairs[0].drivers == [1, 0, 2])
    }

    @Test func theLongestSimplePathFallsBackToTheNodeBoundPastTheBudget() {
        // A complete graph on 12 nodes has too many simple paths to walk.
        let successors = (0..<12).map { s in (0..<12).filter { $0 != s } }
        #expect(SQLDriverPlan.longestSimplePath(successors, fallback: 11) == 11)
        #expect(SQLDriverPlan.longestSimplePath([[1], [2], []], fallback: 9) == 2)
    }
}
