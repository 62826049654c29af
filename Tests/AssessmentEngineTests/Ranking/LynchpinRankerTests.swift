import AssessmentEngine
import QuestionnaireDSL
import Testing

/// Four needs a–d whose scores (0–10, max 10) are the answers sa–sd; a score of 0 is not
/// present. Drivers are spliced in; `p` and `q` are yes/no answers for their `when`.
enum RankingFixture {
    static func text(drivers: String, urgent: String = "") -> String {
        let needs = ["a", "b", "c", "d"].map { id in
            let urgentIf = id == "a" && !urgent.isEmpty ? ", urgent_if: \(urgent)" : ""
            return
                "  - {id: \(id), title: Need \(id), target: other, score: s\(id), max: 10, bands: {none: 0, present: 1}\(urgentIf)}"
        }.joined(separator: "\n")
        return Fixture.instrument(
            """
            sections:
              - id: s
                title: S
                items:
                  - {id: sa, prompt: A, type: number}
                  - {id: sb, prompt: B, type: number}
                  - {id: sc, prompt: C, type: number}
                  - {id: sd, prompt: D, type: number}
                  - {id: p, prompt: P, type: yes_no}
                  - {id: q, prompt: Q, type: yes_no}
            needs:
            \(needs)
            drivers:
            \(drivers.isEmpty ? "  []" : drivers)
            """)
    }

    static func rank(
        _ scores: [String: Double], drivers: String, p: AnswerValue = .boolean(true), q: AnswerValue = .boolean(true),
        priorities: [String] = [], urgent: String = ""
    ) throws -> Ranking {
        let compiled = try Fixture.compile(text(drivers: drivers, urgent: urgent))
        var answers = ["a", "b", "c", "d"].map {
            AnswerEntry(item: "s\($0)", value: .number(scores[$0] ?? 0), location: .init(line: 1, column: 1))
        }
        answers += [
            AnswerEntry(item: "p", value: p, location: .init(line: 1, column: 1)),
            AnswerEntry(item: "q", value: q, location: .init(line: 1, column: 1)),
        ]
        let (built, diagnostics) = ResponseBuilder(compiled).build(answers, priorities: priorities)
        #expect(diagnostics.isEmpty)
        var responses = built
        let scorer = Scorer(compiled)
        scorer.score(&responses.slots)
        let findings = RuleEvaluator(compiled).evaluate(responses.slots)
        return LynchpinRanker(compiled).rank(
            responses, needs: scorer.outcomes(responses.slots).needs, tier0: findings.urgentNeeds)
    }

    static func edge(_ from: String, _ to: String, _ weight: Double, when: String? = nil) -> String {
        "  - {from: \(from), to: \(to), weight: \(weight), because: \(from) drives \(to)\(when.map { ", when: \($0)" } ?? "")}"
    }
}

@Suite struct LynchpinRankerTests {
    typealias F = RankingFixture

    func influence(_ ranking: Ranking, _ need: String) -> Double? {
        ranking.ranked.first { $0.need == need }?.influence
    }

    @Test func aCycleCountsEachNeedOnceAlongTheStrongestPath() throws {
        let drivers = [F.edge("a", "b", 0.8), F.edge("b", "a", 0.5), F.edge("b", "c", 0.5)].joined(separator: "\n")
        let r = try F.rank(["a": 5, "b": 6, "c": 10], drivers: drivers)
        // a: 0.5 + b 0.6 × 0.8 + c 1.0 × 0.8 × 0.5 = 1.38; b: 0.6 + a 0.5 × 0.5 + c 1.0 × 0.5 = 1.35; c: 1.
        #expect(r.order == ["a", "b", "c"])
        #expect(abs(influence(r, "a")! - 1.38) < 1e-12)
        #expect(abs(influence(r, "b")! - 1.35) < 1e-12)
        #expect(influence(r, "c") == 1.0)
        let a = r.ranked[0]
        #expect(a.reasons.map(\.reaches) == ["b", "c"], "a itself is not reached again through the cycle")
        #expect(a.reasons[1].path.map { "\($0.from)→\($0.to)" } == ["a→b", "b→c"])
        #expect(abs(a.reasons[1].pathProduct - 0.4) < 1e-12)
        #expect(r.lynchpins == ["a", "b"], "1.35 is at least 95 % of 1.38")
    }

    @Test func theStrongestPathWinsOverTheDirectOne() throws {
        let drivers = [F.edge("a", "c", 0.3), F.edge("a", "b", 0.9), F.edge("b", "c", 0.9)].joined(separator: "\n")
        let r = try F.rank(["a": 1, "b": 1, "c": 10], drivers: drivers)
        let toC = try #require(r.ranked.first { $0.need == "a" }?.reasons.first { $0.reaches == "c" })
        #expect(abs(toC.pathProduct - 0.81) < 1e-12)
        #expect(toC.path.map(\.to) == ["b", "c"])
    }

    @Test func parallelEdgesKeepTheLargestWeight() throws {
        let drivers = [F.edge("a", "b", 0.4), F.edge("a", "b", 0.7), F.edge("a", "b", 0.5)].joined(separator: "\n")
        let r = try F.rank(["a": 2, "b": 10], drivers: drivers)
        let reason = try #require(r.ranked.first { $0.need == "a" }?.reasons.first)
        #expect(reason.pathProduct == 0.7)
        #expect(reason.path.count == 1 && reason.path[0].weight == 0.7)
    }

    @Test func pathsRunOnlyThroughPresentNeeds() throws {
        let drivers = [F.edge("a", "b", 1), F.edge("b", "c", 1)].joined(separator: "\n")
        let r = try F.rank(["a": 5, "b": 0, "c": 8], drivers: drivers)
        #expect(r.order == ["c", "a"], "b is not present, so a reaches nothing")
        #expect(r.ranked.allSatisfy { $0.reasons.isEmpty })
    }

    @Test func driversAreActiveWhenTrueOrAbsentNeverWhenFalseOrUnknown() throws {
        let drivers = [F.edge("a", "b", 0.5, when: "p"), F.edge("a", "c", 0.5, when: "q"), F.edge("a", "d", 0.5)]
            .joined(separator: "\n")
        let scores: [String: Double] = ["a": 1, "b": 2, "c": 2, "d": 2]
        let reached = { (r: Ranking) in r.ranked.first { $0.need == "a" }!.reasons.map(\.reaches) }
        let all = try F.rank(scores, drivers: drivers)
        let some = try F.rank(scores, drivers: drivers, p: .boolean(false), q: .declined)
        #expect(reached(all) == ["b", "c", "d"])
        #expect(reached(some) == ["d"])
    }

    @Test func disconnectedNeedsRankBySeverityAndTheLynchpinHasNoDriverEvidence() throws {
        let r = try F.rank(["a": 3, "b": 9, "c": 6], drivers: "")
        #expect(r.order == ["b", "c", "a"])
        #expect(r.ranked.map(\.influence) == [0.9, 0.6, 0.3])
        #expect(r.lynchpins == ["b"])
        #expect(r.ranked[0].noDriverEvidence)
        #expect(!r.ranked[1].noDriverEvidence, "only lynch-pins are labelled")
    }

    @Test func tiesGoToHerPriorityThenSeverityThenInstrumentOrder() throws {
        // a → b gives a 0.4 + 0.4 × 0.5 = 0.6, the same as c and d on their own.
        let drivers = F.edge("a", "b", 0.5)
        let scores: [String: Double] = ["a": 4, "b": 4, "c": 6, "d": 6]
        #expect(
            try F.rank(scores, drivers: drivers).order == ["c", "d", "a", "b"],
            "c and d beat a on severity; c before d by instrument order")
        #expect(try F.rank(scores, drivers: drivers, priorities: ["d", "a"]).order == ["d", "a", "c", "b"])
    }

    @Test func influencesAreComparedAfterRoundingToNineDecimals() throws {
        // 0.1 + 0.2 × 1 is 0.30000000000000004 in floating point; c alone is 0.3.
        let r = try F.rank(["a": 1, "b": 2, "c": 3], drivers: F.edge("a", "b", 1), priorities: ["c"])
        #expect(influence(r, "a")! != influence(r, "c")!)
        #expect(r.order.prefix(2) == ["c", "a"], "a tie once rounded, so her priority decides")
    }

    @Test(arguments: [(9.5, true), (9.49, false)])
    func jointLynchpinsAreWithinNinetyFivePercent(second: Double, joint: Bool) throws {
        // No drivers: the influences are the severities, 1.0 for a and exactly 0.95 or just under it for b.
        let r = try F.rank(["a": 10, "b": second, "c": 2], drivers: "")
        #expect(r.lynchpins == (joint ? ["a", "b"] : ["a"]))
        #expect(r.ranked[1].lynchpin == joint)
        #expect(r.ranked.allSatisfy { !$0.lynchpin || $0.noDriverEvidence })
    }

    @Test func contributionsAndOwnSeveritySumToTheInfluence() throws {
        let drivers = [
            F.edge("a", "b", 0.8), F.edge("b", "c", 0.6), F.edge("c", "a", 0.9), F.edge("c", "d", 0.3),
            F.edge("d", "b", 0.7), F.edge("a", "d", 0.2),
        ].joined(separator: "\n")
        let r = try F.rank(["a": 3, "b": 7, "c": 5, "d": 9], drivers: drivers)
        #expect(r.ranked.count == 4)
        for need in r.ranked {
            let sum = need.reasons.reduce(need.severity) { $0 + $1.contribution }
            #expect(abs(sum - need.influence) < 1e-12, "\(need.need)")
            for reason in need.reasons {
                #expect(reason.contribution == reason.severity * reason.pathProduct)
                let product = reason.path.reduce(1.0) { $0 * $1.weight }
                #expect(product == reason.pathProduct, "the path's weights multiply to its product")
                #expect(reason.path.first?.from == need.need && reason.path.last?.to == reason.reaches)
            }
        }
    }

    @Test func stepsCarryTheReasonAndTheAnswersThatActivatedThem() throws {
        let r = try F.rank(["a": 5, "b": 5], drivers: F.edge("a", "b", 0.5, when: "p and not q"), q: .boolean(false))
        let step = try #require(r.ranked.first?.reasons.first?.path.first)
        #expect(step.because == "a drives b")
        #expect(
            step.answers == [
                ItemAnswer(item: "p", state: "answered", value: "yes"),
                ItemAnswer(item: "q", state: "answered", value: "no"),
            ])
    }

    @Test func tier0NeedsAreRankedLikeTheOthers() throws {
        let r = try F.rank(["a": 2, "b": 9], drivers: "", urgent: "p")
        #expect(r.order == ["b", "a"])
        #expect(r.ranked[1].tier0 && !r.ranked[0].tier0)
    }

    @Test func herViewIsShownBesideAndDifferencesListed() throws {
        let drivers = [F.edge("a", "b", 1), F.edge("a", "c", 1)].joined(separator: "\n")
        let scores: [String: Double] = ["a": 5, "b": 5, "c": 5, "d": 1]
        let agrees = try F.rank(scores, drivers: drivers, priorities: ["a", "b"])
        #expect(agrees.herPriorities == ["a", "b"])
        #expect(agrees.herViewDiffers.isEmpty)
        #expect(agrees.ranked[0].herPriority == 1)
        // d is fourth and not tier 0; she does not name the lynch-pin a.
        let differs = try F.rank(scores, drivers: drivers, priorities: ["d", "b"])
        #expect(differs.herViewDiffers == ["d", "a"])
        // Named tier-0 needs are never a difference, even outside the top three.
        let urgent = try F.rank(["a": 1, "b": 9, "c": 8, "d": 7], drivers: "", priorities: ["a", "b"], urgent: "p")
        #expect(urgent.order.last == "a")
        #expect(urgent.herViewDiffers.isEmpty)
        #expect(try F.rank(scores, drivers: drivers).herViewDiffers.isEmpty, "no priorities: her view is not known")
    }

    @Test func herViewRules() {
        #expect(
            HerView.differences(priorities: ["x"], ranking: ["a", "b", "c", "x"], lynchpins: ["a", "b"], tier0: [])
                == ["x", "a", "b"])
        #expect(
            HerView.differences(
                priorities: ["x", "b"], ranking: ["a", "b", "c", "x"], lynchpins: ["a", "b"], tier0: ["x"])
                == ["a"])
        #expect(
            HerView.differences(priorities: ["gone"], ranking: [], lynchpins: [], tier0: []) == ["gone"],
            "a need she names that is not present is still a point to discuss")
    }
}
