import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct MarkdownReportTests {
    func report(_ answers: KeyValuePairs<String, AnswerValue>, priorities: [String] = []) throws -> String {
        let compiled = try Fixture.compile(AssessmentResultTests.text)
        let (result, diagnostics) = Assessor(compiled).assess(
            Fixture.answers(answers), priorities: priorities, at: Date(timeIntervalSince1970: 0))
        #expect(diagnostics.isEmpty)
        return MarkdownReport(Report(result, instrument: compiled.instrument)).render()
    }

    @Test func safetyFirstThenTheLynchpinThenHerViewAsPointsToTalkAbout() throws {
        let text = try report(
            [
                "afraid": .boolean(true), "use_reasons": .codes(["partner"]), "use_days": .number(6),
                "nights_unsafe": .number(1), "family_help": .boolean(true),
            ],
            priorities: ["substance_use"])
        #expect(
            text == """
                # Example

                Assessed 1970-01-01T00:00:00Z with example 1.0.0. This is a starting point to go through with her and agree a plan together, not a verdict.

                ## Safety and basic needs first

                Whatever else the assessment shows, these come first.

                - **Act today:** Find somewhere safe tonight.
                - **Housing** needs attention first: high, score 1 of 7.

                ## The lynch-pin: Relationships

                The need that holds up the others most: work on it early.

                **High**, score 4 of 4.

                How much it holds up: 1.6857 in all, 1 for itself (score ÷ highest score) and 0.6857 through the needs it drives:

                - It drives **Drug and alcohol use**, adding 0.6857. She links her drug use to her relationship. Her answers: “What is behind your drug use?” — My relationship.

                Strengths to build on: **Family support** (some).

                How to offer support:

                - Offer one-to-one support first.

                ## Other needs, by how much they hold up

                ### 2. Drug and alcohol use

                **High**, score 6 of 7. She names it as her priority number 1.

                Her answers do not show it driving another need. It counts for itself alone: 0.8571 (score ÷ highest score).

                ### 3. Housing

                **High**, score 1 of 7. It is also among the safety and basic needs above.

                Her answers do not show it driving another need. It counts for itself alone: 0.1429 (score ÷ highest score).

                ## Her priorities and the assessment's

                | | Her priorities | The assessment |
                |---|---|---|
                | 1 | Drug and alcohol use | Relationships (lynch-pin) |
                | 2 | — | Drug and alcohol use |
                | 3 | — | Housing |

                ### To talk about with her

                - The assessment finds that **Relationships** holds up the other needs most, and she does not name it. Ask whether she sees it that way.

                ## Her strengths

                | Strength | How strong | Helps with |
                |---|---|---|
                | Family support | some | Relationships |

                """)
    }

    @Test func unknownsNameTheMissingQuestionsAndWhyTheyAreMissing() throws {
        let text = try report(["afraid": .declined, "use_days": .dontKnow, "nights_unsafe": .number(0)])
        #expect(text.contains("## Needs\n\nNo need shows on these answers."))
        #expect(
            text.contains(
                """
                ## Still unknown

                Where she preferred not to answer, that was her choice: if you come back to a question, say why it is asked and that she can still decline it.

                - **Relationships** could not be assessed, so it is unknown, not absent. Missing: “Are you afraid of your partner?” (she preferred not to say).
                - **Drug and alcohol use** could not be assessed, so it is unknown, not absent. Missing: “Days using in the last week” (she did not know).
                - **Family support** could not be assessed, so it is unknown, not absent. Missing: “Can family help you?” (not answered yet).
                - Could not tell whether this advice applies: Offer one-to-one support first. Missing: “Are you afraid of your partner?” (she preferred not to say).

                """))
        #expect(!text.contains("She has not named her own priorities yet"), "nothing is ranked to set hers beside")
        #expect(!text.contains("lynch-pin"))
    }

    @Test func herPriorityThatDoesNotShowIsAPointToTalkAbout() throws {
        let text = try report(
            [
                "afraid": .boolean(true), "use_days": .number(0), "nights_unsafe": .number(0),
                "family_help": .boolean(false),
            ],
            priorities: ["housing", "relationships"])
        #expect(
            text.contains(
                "- She puts **Housing** at number 1 of her priorities; on these answers it does not show as a need."))
        #expect(!text.contains("Strengths to build on"), "a strength in its first band is nothing to build on yet")
        #expect(text.contains("| Family support | none | Relationships |"))
    }

    @Test func tableCellsKeepTheirColumns() throws {
        let compiled = try Fixture.compile(
            AssessmentResultTests.text.replacing("title: Family support", with: "title: Family | friends"))
        let (result, _) = Assessor(compiled).assess(
            Fixture.answers(["family_help": .boolean(true)]), at: Date(timeIntervalSince1970: 0))
        let text = MarkdownReport(Report(result, instrument: compiled.instrument)).render()
        #expect(text.contains("| Family \\| friends | some | Relationships |"))
    }

    @Test func directReasonsComeFirstAndEachEdgeIsExplainedOnce() throws {
        let drivers = [RankingFixture.edge("c", "b", 0.5, when: "p"), RankingFixture.edge("b", "a", 0.5)]
        let compiled = try Fixture.compile(RankingFixture.text(drivers: drivers.joined(separator: "\n")))
        let (result, _) = Assessor(compiled).assess(
            Fixture.answers(["sa": .number(5), "sb": .number(5), "sc": .number(5), "p": .boolean(true)]),
            at: Date(timeIntervalSince1970: 0))
        let text = MarkdownReport(Report(result, instrument: compiled.instrument)).render()
        #expect(
            text.contains(
                """
                - It drives **Need b**, adding 0.25. c drives b Her answers: “P” — yes.
                - It drives **Need a** (through Need b), adding 0.125. b drives a

                """))
    }
}
