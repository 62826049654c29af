import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite("Conditions in words")
struct ConditionWordsTests {
    /// Five questions to refer to, then `q`, asked when `showIf` holds, and a safeguarding
    /// rule `when` holds (rules may use scores and bands, which `show_if` may not).
    static func instrument(showIf: String = "true", when: String = "has_partner") -> String {
        Fixture.instrument(
            """
            scales:
              often:
                - {code: never, label: Never, value: 0}
                - {code: sometimes, label: Sometimes, value: 1}
                - {code: often, label: Often, value: 2}
            sections:
              - id: s
                title: S
                items:
                  - {id: has_partner, prompt: Do you have a partner?, type: yes_no}
                  - id: setting
                    prompt: Where do you live?
                    type: choice
                    options: [{code: community, label: In the community}, {code: custody, label: In prison}]
                  - {id: use, prompt: How often?, type: scale, scale: often}
                  - id: reasons
                    prompt: Why?
                    type: multi_choice
                    options: [{code: partner, label: My partner}, {code: grief, label: Grief}]
                  - {id: kids, prompt: How many children?, type: number, min: 0, max: 20}
                  - {id: q, prompt: Q, type: yes_no, show_if: "\(showIf)"}
            needs:
              - {id: mood, title: Low mood, target: mental_health, score: use, max: 2, bands: {low: 0, high: 1}}
            safeguarding:
              - {id: rule, when: "\(when)", action: Act.}
            """)
    }

    static let partner = "question 1 (“Do you have a partner?”)"
    static let setting = "question 2 (“Where do you live?”)"
    static let use = "question 3 (“How often?”)"
    static let reasons = "question 4 (“Why?”)"
    static let kids = "question 5 (“How many children?”)"

    static func words(_ compiled: CompiledInstrument) -> ConditionWords {
        ConditionWords(
            compiled, numbers: Dictionary(uniqueKeysWithValues: compiled.items.enumerated().map { ($1.id, $0 + 1) }))
    }

    @Test(arguments: [
        ("has_partner", "\(partner) is yes"),
        ("not has_partner", "\(partner) is no"),
        ("setting == 'custody'", "\(setting) is “In prison”"),
        ("setting != 'custody'", "\(setting) is not “In prison”"),
        ("setting in ['community', 'custody']", "\(setting) is one of “In the community”, “In prison”"),
        ("use >= 1", "\(use) is one of “Sometimes”, “Often”"),
        ("1 > use", "\(use) is “Never”"),
        ("use >= 0", "\(use) is at least 0"),
        ("kids >= 1", "\(kids) is at least 1"),
        ("kids < 3", "\(kids) is less than 3"),
        ("kids <= 3", "\(kids) is at most 3"),
        ("kids == 2", "\(kids) is 2"),
        ("kids + 1 > 2 * kids", "\(kids) plus 1 is more than 2 times \(kids)"),
        ("reasons has 'partner'", "the answers to \(reasons) include “My partner”"),
        ("count(reasons) >= 2", "how many answers were chosen for \(reasons) is at least 2"),
        (
            "count(has_partner, kids > 1) >= 1",
            "how many of these hold: \(partner) is yes and \(kids) is more than 1 is at least 1"
        ),
        ("answered(kids)", "\(kids) was answered"),
        ("not answered(kids)", "\(kids) was not answered"),
        ("declined(has_partner)", "\(partner) was left (she preferred not to say or did not know)"),
        ("has_partner and kids > 0", "\(partner) is yes and \(kids) is more than 0"),
        (
            "has_partner or kids > 0 and not has_partner",
            "\(partner) is yes or (\(kids) is more than 0 and \(partner) is no)"
        ),
        (
            "(has_partner or kids > 0) and use == 'often'",
            "(\(partner) is yes or \(kids) is more than 0) and \(use) is “Often”"
        ),
        ("not (has_partner and kids > 0)", "not (\(partner) is yes and \(kids) is more than 0)"),
        ("true", "always"),
    ])
    func showIfInWords(expression: String, expected: String) throws {
        let compiled = try Fixture.compile(Self.instrument(showIf: expression))
        let showIf = try #require(compiled.itemShowIf.last ?? nil)
        #expect(Self.words(compiled).condition(showIf.ast) == expected)
    }

    @Test(arguments: [
        ("band(mood) == 'high'", "the band of Low mood is ‘high’"),
        ("band(mood) >= 'high'", "the band of Low mood is at least ‘high’"),
        ("score(mood) >= 1", "the score for Low mood is at least 1"),
        (
            "sum(kids, use) > max(kids, 2) - min(use, 1)",
            "the total of \(kids) and \(use) is more than (the largest of \(kids) and 2) minus (the smallest of \(use) and 1)"
        ),
    ])
    func scoresBandsAndFunctionsInWords(expression: String, expected: String) throws {
        let compiled = try Fixture.compile(Self.instrument(when: expression))
        #expect(Self.words(compiled).condition(compiled.safeguarding[0].ast) == expected)
    }

    @Test func withoutNumbersQuestionsAreNamedByPromptAlone() throws {
        let compiled = try Fixture.compile(Self.instrument(showIf: "has_partner"))
        #expect(ConditionWords(compiled).condition(compiled.itemShowIf[5]!.ast) == "“Do you have a partner?” is yes")
    }

    @Test func thePrintedQuestionnaireNumbersQuestionsAndSaysWhenEachIsAsked() throws {
        let compiled = try Fixture.compile(Self.instrument(showIf: "setting == 'custody'"))
        let paper = PrintedQuestionnaire(compiled)
        let q = try #require(paper.sections.first?.questions.last)
        #expect(q.number == 6)
        #expect(q.askIf == "\(Self.setting) is “In prison”")
        #expect(q.options == ["Yes", "No"])
        #expect(paper.sections[0].questions[2].options == ["Never", "Sometimes", "Often"])
        #expect(paper.sections[0].questions[4].answer == "A number from 0 to 20.")
        #expect(paper.needs == ["Low mood"])
        let markdown = QuestionnaireMarkdown(paper).render()
        #expect(markdown.contains("**6. Q** `q`\n- *Ask if:* \(Self.setting) is “In prison”.\n- *Answer:* Yes or no."))
        #expect(markdown.contains("    1. Never\n    2. Sometimes\n    3. Often"))
    }
}
