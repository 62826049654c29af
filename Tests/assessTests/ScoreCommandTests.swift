import Foundation
import Testing

@Suite struct ScoreCommandTests {
    static let answers = """
        interest: 2
        feeling_down: 3
        sleep: 2
        tired: declined
        appetite: 1
        feeling_bad: 2
        concentrating: 2
        moving: 1
        self_harm_thoughts: several_days
        difficulty: very
        _priorities: [depression]
        """

    /// The same answers written as JSON: the reader takes either, and the result is the same.
    static let answersJSON = """
        {"interest": 2, "feeling_down": 3, "sleep": 2, "tired": "declined", "appetite": 1,
         "feeling_bad": 2, "concentrating": 2, "moving": 1, "self_harm_thoughts": "several_days",
         "difficulty": "very", "_priorities": ["depression"]}
        """

    @Test func jsonAnswersScoreLikeYAMLAnswers() throws {
        let yaml = try CLI.run(["score", "Instruments/phq-9.yaml", try CLI.temporaryFile(Self.answers, name: "a.yaml")])
        let json = try CLI.run(
            ["score", "Instruments/phq-9.yaml", try CLI.temporaryFile(Self.answersJSON, name: "a.json")])
        #expect(json.status == 0, "\(json.stderr)")
        let withoutTime = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
        #expect(withoutTime(json.stdout) == withoutTime(yaml.stdout))
        #expect(json.stdout.contains("score 15.75 of 27"))
    }

    @Test func textPutsSafeguardingFirst() throws {
        let path = try CLI.temporaryFile(Self.answers, name: "answers.yaml")
        let result = try CLI.run(["score", "Instruments/phq-9.yaml", path])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let act = try #require(out.range(of: "Act today"))
        let pin = try #require(out.range(of: "Lynch-pin"))
        #expect(act.lowerBound < pin.lowerBound)
        #expect(
            out.contains(
                "Low mood and depression — moderately severe, score 15.75 of 27 (prorated: tired not answered)"))
        #expect(out.contains("How to give support"))
    }

    @Test func jsonIsTheVersionedResult() throws {
        let path = try CLI.temporaryFile(Self.answers, name: "answers.yaml")
        let result = try CLI.run(["score", "Instruments/phq-9.yaml", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        let instrument = try #require(object["instrument"] as? [String: Any])
        #expect(instrument["id"] as? String == "phq-9")
        #expect((instrument["sha256"] as? String)?.count == 64)
        #expect(object["lynchpins"] as? [String] == ["depression"])
        let safeguarding = try #require(object["safeguarding"] as? [[String: Any]])
        #expect(safeguarding.map { $0["id"] as? String } == ["thoughts_of_self_harm"])
    }

    @Test func answerErrorsPointAtTheAnswer() throws {
        let path = try CLI.temporaryFile("interest: 7\nnobody: 1\n", name: "answers.yaml")
        let result = try CLI.run(["score", "Instruments/phq-9.yaml", path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains("\(path):1:11: error[invalid-value]: '7' is not one of the options of 'interest'"))
        #expect(result.stderr.contains("\(path):2:1: error[unknown-reference]"))
    }

    @Test func anAnswerToAHiddenQuestionIsAnError() throws {
        let instrument = try CLI.temporaryFile(
            """
            instrument: {id: example, version: 1.0.0, title: Example, language: en-GB}
            sections:
              - id: s
                title: S
                items:
                  - {id: partner, prompt: Do you have a partner?, type: yes_no}
                  - {id: afraid, prompt: Are you afraid of them?, type: yes_no, show_if: partner}
            needs:
              - {id: n, title: N, target: other, score: afraid, max: 1, bands: {no: 0, yes: 1}}
            """)
        let answers = try CLI.temporaryFile("partner: no\nafraid: yes\n", name: "answers.yaml")
        let result = try CLI.run(["score", instrument, answers], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(answers):2:9: error[invalid-value]: 'afraid' is not asked when 'partner' is false"))
    }

    @Test func markdownIsWhatAWorkerGoesThroughWithHer() throws {
        let result = try CLI.run([
            "score", "Instruments/womens-needs.yaml", "Instruments/examples/relationship-drives-drug-use.yaml",
            "--format", "markdown",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.hasPrefix("# Women's holistic needs assessment\n"))
        let pin = try #require(out.range(of: "## The lynch-pin: Abusive or unhealthy relationships\n"))
        let others = try #require(
            out.range(of: "## Other needs, by how much they hold up\n\n### 2. Drinking and drug use"))
        let hers = try #require(out.range(of: "## Her priorities and the assessment's\n"))
        #expect(pin.upperBound < others.lowerBound && others.upperBound < hers.lowerBound)
        #expect(out.contains("| 1 | Drinking and drug use | Abusive or unhealthy relationships (lynch-pin) |"))
        #expect(out.contains("Strengths to build on: **Motivation to make changes** (strong)."))
        #expect(out.contains("- Allocate a woman worker and offer women-only spaces and groups wherever possible."))
        for word in ["offender", "non-compliant"] { #expect(!out.lowercased().contains(word)) }
    }
}
