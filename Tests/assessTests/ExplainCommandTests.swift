import Foundation
import Testing

@Suite struct ExplainCommandTests {
    static let instrument = "Instruments/womens-needs.yaml"
    static let answers = "Instruments/examples/relationship-drives-drug-use.yaml"

    @Test func theFullTraceCoversScoresRulesEdgesAndRanking() throws {
        let result = try CLI.run(["explain", Self.instrument, Self.answers])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.hasPrefix("How womens-needs 1.0.0 (Women's holistic needs assessment) reached its result\n"))
        var last = out.startIndex
        for heading in ["\nScores\n", "\nRules\n", "\nDriver edges", "\nRanking"] {
            let range = try #require(out.range(of: heading), "\(heading)")
            #expect(range.lowerBound > last, "sections in order")
            last = range.lowerBound
        }
        #expect(out.contains("  need substance_use — Drinking and drug use\n"))
        #expect(out.contains("  strength family_support — Support from family\n"))
        #expect(out.contains("  safeguarding domestic_abuse_now: silent, the condition is false\n"))
        #expect(out.contains("  responsivity female_worker (supports relationships, trauma, safety): fired"))
        #expect(out.contains("  relationships → substance_use, weight 0.8: in the graph\n"))
        #expect(out.contains("     + 0.56  reaches substance_use: severity 0.7 × path 0.8"))
        #expect(out.contains("  2. substance_use: influence 0.7\n"))
        #expect(out.contains("     not a lynch-pin: 0.7 < 1.007\n"))
        #expect(out.contains("    money: not present, its band is the first (low)\n"))
    }

    @Test func needLimitsTheTraceToOneNeed() throws {
        let result = try CLI.run(["explain", Self.instrument, Self.answers, "--need", "substance_use"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Limited to the need 'substance_use'"))
        #expect(out.contains("  need substance_use — Drinking and drug use\n"))
        #expect(!out.contains("  need relationships"))
        #expect(!out.contains("strength "), "strengths are not the need's own score")
        #expect(out.contains("  relationships → substance_use, weight 0.8: in the graph\n"))
        #expect(!out.contains("relationships → money"), "only the edges touching it")
        #expect(out.contains("  2. substance_use: influence 0.7\n"))
        #expect(!out.contains("  1. relationships"))
        #expect(out.contains("  lynch-pin: relationships, with the top influence 1.06"))
    }

    @Test func anUnknownNeedIsAUsageErrorWithASuggestion() throws {
        let result = try CLI.run(["explain", Self.instrument, Self.answers, "--need", "relationship"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "error: 'relationship' is not a need of womens-needs; did you mean 'relationships'?\n")
        let strength = try CLI.run(["explain", Self.instrument, Self.answers, "--need", "family_support"])
        #expect(strength.status == 64)
        #expect(strength.stderr.contains("'family_support' is not a need of womens-needs; it is a strength"))
        let far = try CLI.run(["explain", Self.instrument, Self.answers, "--need", "zzz"])
        #expect(far.stderr.contains("its needs are: safety, housing, relationships,"))
    }

    @Test func jsonIsTheTraceForOtherTools() throws {
        let result = try CLI.run([
            "explain", Self.instrument, Self.answers, "--need", "relationships", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["focus"] as? String == "relationships")
        let scores = try #require(object["scores"] as? [[String: Any]])
        #expect(scores.map { $0["id"] as? String } == ["relationships"])
        #expect(scores.first?["score"] as? Double == 6)
        let ranking = try #require(object["ranking"] as? [String: Any])
        #expect(ranking["threshold"] as? Double == 1.007)
    }

    @Test func answerErrorsFailAsInScore() throws {
        let path = try CLI.temporaryFile("drug_use: hourly\n", name: "answers.yaml")
        let result = try CLI.run(["explain", Self.instrument, path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error[invalid-value]: 'hourly' is not one of the options of 'drug_use'"))
    }
}
