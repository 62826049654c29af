import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct TextReportTests {
    func report(_ answers: KeyValuePairs<String, AnswerValue>, priorities: [String] = []) throws -> String {
        let compiled = try Fixture.compile(AssessmentResultTests.text)
        let (result, diagnostics) = Assessor(compiled).assess(
            Fixture.answers(answers), priorities: priorities, at: Date(timeIntervalSince1970: 0))
        #expect(diagnostics.isEmpty)
        return TextReport(result, title: "Example").render()
    }

    @Test func tierZeroThenTheLynchpinWithItsReasonsInPlainWords() throws {
        let text = try report(
            [
                "afraid": .boolean(true), "use_reasons": .codes(["partner"]), "use_days": .number(6),
                "nights_unsafe": .number(1), "family_help": .boolean(true),
            ],
            priorities: ["substance_use"])
        #expect(
            text == """
                Example (example) 1.0.0 · assessed 1970-01-01T00:00:00Z

                Act today
                  ! Find somewhere safe tonight. [nowhere_tonight]
                  ! Housing needs attention first: safety and basic needs come first.

                Lynch-pin
                  Relationships — high, score 4 of 4, influence 1.6857
                    drives Drug and alcohol use: adds 0.6857. She links her drug use to her relationship. (use_reasons: partner)

                Other needs, by how much they hold up
                  2. Drug and alcohol use — high, score 6 of 7, influence 0.8571
                  3. Housing — high, score 1 of 7, influence 0.1429

                Her own priorities
                  1. Drug and alcohol use
                  To talk about with her: her view and the ranking differ on Relationships.

                Strengths to build on
                  Family support: some — helps with Relationships

                How to give support
                  • Offer one-to-one support first. (Relationships)

                """)
    }

    @Test func unknownsAreShownAsUnknownNeverAbsent() throws {
        let text = try report(["afraid": .declined, "use_days": .dontKnow, "nights_unsafe": .number(0)])
        #expect(text.contains("Still unknown\n  Relationships: not assessed — missing: afraid\n"))
        #expect(text.contains("  Drug and alcohol use: not assessed — missing: use_days\n"))
        #expect(text.contains("  Could not tell the responsivity rule 'trauma_first' — missing: afraid\n"))
        #expect(!text.contains("Lynch-pin"))
    }
}
