import AssessmentEngine
import QuestionnaireDSL
import Testing

/// Invariants of the ranking over random instruments: needs with random scores, random
/// driver edges (cycles, parallel edges, needs that are not present), checked against a
/// plain reference written separately here.
@Suite struct RankingPropertyTests {
    /// A random web of needs: scores 0–10 (0 is not present) and weighted edges.
    struct Web {
        var scores: [Int]
        var edges: [(from: Int, to: Int, weight: Double)]

        static func random(_ rng: inout SeededRandom) -> Web {
            let n = Int.random(in: 2...6, using: &rng)
            let scores = (0..<n).map { _ in Int.random(in: 0...10, using: &rng) }
            var edges: [(Int, Int, Double)] = []
            for _ in 0..<Int.random(in: 0...(n * 2), using: &rng) {
                let from = Int.random(in: 0..<n, using: &rng)
                var to = Int.random(in: 0..<n, using: &rng)
                if to == from { to = (to + 1) % n }
                edges.append((from, to, Double(Int.random(in: 1...10, using: &rng)) / 10))
            }
            return Web(scores: scores, edges: edges)
        }

        /// The instrument, with needs declared in `order` (a permutation of the need indexes).
        func text(order: [Int]? = nil) -> String {
            let order = order ?? Array(scores.indices)
            let items = scores.indices.map { "      - {id: s\($0), prompt: S\($0), type: number}" }.joined(
                separator: "\n")
            let needs = order.map {
                "  - {id: n\($0), title: N\($0), target: other, score: s\($0), max: 10, bands: {none: 0, present: 1}}"
            }.joined(separator: "\n")
            let drivers =
                edges.isEmpty
                ? "  []"
                : edges.map { "  - {from: n\($0.from), to: n\($0.to), weight: \($0.weight), because: x}" }.joined(
                    separator: "\n")
            return Fixture.instrument(
                "sections:\n  - id: s\n    title: S\n    items:\n\(items)\nneeds:\n\(needs)\ndrivers:\n\(drivers)")
        }

        func rank(order: [Int]? = nil) throws -> Ranking {
            let compiled = try Fixture.compile(text(order: order))
            let answers = scores.indices.map {
                AnswerEntry(item: "s\($0)", value: .number(Double(scores[$0])), location: .init(line: 1, column: 1))
            }
            var responses = ResponseBuilder(compiled).build(answers).0
            let scorer = Scorer(compiled)
            scorer.score(&responses.slots)
            return LynchpinRanker(compiled).rank(responses, needs: scorer.outcomes(responses.slots).needs, tier0: [])
        }

        /// The reference: every simple path through present needs, enumerated by depth-first search.
        func referenceInfluence(of source: Int) -> Double {
            let present = scores.map { $0 > 0 }
            let severity = scores.map { Double($0) / 10 }
            var best = [Double](repeating: 0, count: scores.count)
            func walk(_ node: Int, _ product: Double, _ visited: Set<Int>) {
                for edge in edges where edge.from == node && present[edge.to] && !visited.contains(edge.to) {
                    let p = product * edge.weight
                    best[edge.to] = max(best[edge.to], p)
                    walk(edge.to, p, visited.union([edge.to]))
                }
            }
            walk(source, 1, [source])
            return severity[source] + scores.indices.filter { $0 != source }.reduce(0) { $0 + severity[$1] * best[$1] }
        }
    }

    @Test(arguments: 0..<60)
    func theEngineAgreesWithThePlainReference(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let web = Web.random(&rng)
        let ranking = try web.rank()
        #expect(ranking.ranked.count == web.scores.filter { $0 > 0 }.count, "only present needs are ranked")
        for need in ranking.ranked {
            let index = Int(need.need.dropFirst())!
            #expect(abs(need.influence - web.referenceInfluence(of: index)) < 1e-12, "\(need.need) in \(web.text())")
            let sum = need.reasons.reduce(need.severity) { $0 + $1.contribution }
            #expect(abs(sum - need.influence) < 1e-12, "contributions and own severity sum to the influence")
            #expect(Set(need.reasons.map(\.reaches)).count == need.reasons.count, "each need counted once")
            #expect(!need.reasons.map(\.reaches).contains(need.need))
        }
        let influences = ranking.ranked.map { LynchpinRanker.rounded($0.influence) }
        #expect(influences == influences.sorted(by: >), "ranked by influence")
    }

    @Test(arguments: 0..<40)
    func theRankingDoesNotDependOnDeclarationOrderWhenInfluencesDiffer(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(1000 + seed))
        let web = Web.random(&rng)
        let ranking = try web.rank()
        let rounded = ranking.ranked.map { LynchpinRanker.rounded($0.influence) }
        guard Set(rounded).count == rounded.count else { return }
        let shuffled = try web.rank(order: Array(web.scores.indices).shuffled(using: &rng))
        #expect(shuffled.order == ranking.order, "\(web.text())")
        #expect(shuffled.lynchpins == ranking.lynchpins)
    }

    @Test(arguments: 0..<40)
    func addingAnActiveEdgeNeverLowersItsSourcesInfluence(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(2000 + seed))
        var web = Web.random(&rng)
        let present = web.scores.indices.filter { web.scores[$0] > 0 }
        guard present.count >= 2 else { return }
        let before = try web.rank()
        let from = present.randomElement(using: &rng)!
        let to = present.filter { $0 != from }.randomElement(using: &rng)!
        web.edges.append((from, to, Double(Int.random(in: 1...10, using: &rng)) / 10))
        let after = try web.rank()
        let old = before.ranked.first { $0.need == "n\(from)" }!.influence
        let new = after.ranked.first { $0.need == "n\(from)" }!.influence
        #expect(new >= old - 1e-12)
    }

    @Test(arguments: 0..<40)
    func aProratedScoreIsNeverBelowTheScoreWithDeclinedReadAsZero(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(3000 + seed))
        let count = Int.random(in: 2...8, using: &rng)
        let items = (0..<count).map { "      - {id: i\($0), prompt: I\($0), type: number, min: 0, max: 3}" }.joined(
            separator: "\n")
        let score = (0..<count).map { "i\($0)" }.joined(separator: " + ")
        let compiled = try Fixture.compile(
            Fixture.instrument(
                """
                sections:
                  - id: s
                    title: S
                    items:
                \(items)
                needs:
                  - {id: n, title: N, target: other, score: \(score), max: \(count * 3), bands: {none: 0, some: 1}, missing: {max_declined: \(count - 1)}}
                """))
        var answers: [AnswerEntry] = []
        var readAsZero = 0.0
        for i in 0..<count {
            let declined = Bool.random(using: &rng)
            let value = Double(Int.random(in: 0...3, using: &rng))
            if !declined { readAsZero += value }
            answers.append(
                AnswerEntry(
                    item: "i\(i)", value: declined ? .declined : .number(value), location: .init(line: 1, column: 1)))
        }
        let responses = Fixture.scored(compiled, answers)
        let outcome = Scorer(compiled).outcomes(responses.slots).needs[0]
        if let score = outcome.score {
            #expect(score >= readAsZero)
            #expect(score <= Double(count * 3))
        } else {
            #expect(answers.allSatisfy { $0.value == .declined }, "only nothing answered leaves it not assessed")
        }
    }
}
