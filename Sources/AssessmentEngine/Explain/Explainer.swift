import Foundation
import QuestionnaireDSL

/// Traces an assessment step by step: builds the same responses, scores, rule findings,
/// driver graph and ranking as ``Assessor`` and records how each came about.
///
/// ```swift
/// let (explanation, diagnostics) = Explainer(compiled).explain(answers, priorities: ["substance_use"])
/// ```
///
/// The scores are worked out again from the expressions so the arithmetic can be shown,
/// exactly as ``Scorer`` does it; the ranking's influences and reasons are the result's own.
public struct Explainer: Sendable {
    /// The instrument explained.
    public let compiled: CompiledInstrument
    private let assessor: Assessor
    private let builder: ResponseBuilder
    private let scorer: Scorer

    /// Creates an explainer for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        self.assessor = Assessor(compiled)
        self.builder = ResponseBuilder(compiled)
        self.scorer = Scorer(compiled)
    }

    /// The trace for `answers` and her `priorities`, with the problems found in the answers
    /// (those answers are left out, as ``Assessor`` does); `file` names them in diagnostics.
    public func explain(_ answers: [AnswerEntry], priorities: [String] = [], file: String = "answers")
        -> (Explanation, [Diagnostic])
    {
        let (responses, diagnostics) = builder.build(answers, priorities: priorities, file: file)
        return (explain(responses), diagnostics)
    }

    /// The trace for `responses` (their score slots are computed here).
    public func explain(_ responses: Responses) -> Explanation {
        let result = assessor.assess(responses, at: Date(timeIntervalSince1970: 0))
        var scored = responses
        scorer.score(&scored.slots)
        let instrument = compiled.instrument
        let trace = Trace(compiled: compiled, responses: scored, result: result)
        let present = result.needs.map(\.present)
        return Explanation(
            instrument: result.instrument, title: instrument.title.text(in: instrument.language),
            scores: instrument.needs.indices.map(trace.need) + instrument.strengths.indices.map(trace.strength),
            rules: trace.rules(), drivers: trace.drivers(present: present), ranking: trace.ranking())
    }
}

/// The work of one explanation: the compiled instrument, the scored responses and the result.
private struct Trace {
    let compiled: CompiledInstrument
    let responses: Responses
    let result: AssessmentResult

    var instrument: Instrument { compiled.instrument }
    var language: String { instrument.language }
    var slots: [AnswerSlot] { responses.slots }

    // MARK: - Values

    func items(_ expression: CompiledExpression) -> [ItemTrace] {
        zip(expression.referencedItems, expression.referencedItemSlots).map { _, slot in item(slot) }
    }

    func item(_ slot: Int) -> ItemTrace {
        let item = compiled.items[slot]
        let answer = ItemAnswer(item, slot: slot, in: responses)
        let answered = answer.state == "answered"
        var number: Double?
        var chosen: [String]?
        switch item.type {
        case .yesNo, .choice, .scale, .number:
            number = answered ? slots[slot].number : nil
        case .multiChoice:
            chosen = answered ? (answer.value ?? "").split(separator: ";").map(String.init) : nil
        case .text, .date:
            break
        }
        return ItemTrace(
            item: item.id, state: answer.state, value: item.identifying ? nil : answer.value, number: number,
            chosen: item.identifying ? nil : chosen)
    }

    func scoresUsed(_ expression: CompiledExpression) -> [ScoreUse] {
        expression.referencedScores.compactMap { id in
            guard let symbol = compiled.scope.scores[id] else { return nil }
            let slot = slots[symbol.slot]
            guard slot.state == .answered else {
                return ScoreUse(id: id, status: .notAssessed, score: nil, band: nil)
            }
            let band = symbol.bands.indices.contains(Int(slot.code)) ? symbol.bands[Int(slot.code)] : nil
            return ScoreUse(id: id, status: .assessed, score: slot.number, band: band)
        }
    }

    // MARK: - Scores

    func need(_ j: Int) -> ScoreTrace {
        let need = instrument.needs[j]
        var trace = score(
            .need, id: need.id, title: need.title.text(in: language), compiled.needScores[j], max: need.max,
            bands: need.bands, maxDeclined: need.missing.maxDeclined)
        trace.present = trace.bandIndex.map { $0 > 0 } ?? false
        trace.severity = trace.score.map { need.max > 0 ? $0 / need.max : 0 }
        return trace
    }

    func strength(_ k: Int) -> ScoreTrace {
        let strength = instrument.strengths[k]
        return score(
            .strength, id: strength.id, title: strength.title.text(in: language), compiled.strengthScores[k],
            max: strength.max, bands: strength.bands, maxDeclined: strength.missing.maxDeclined)
    }

    /// The score worked out as ``Scorer`` does, step by step.
    private func score(
        _ kind: ScoreTrace.Kind, id: String, title: String, _ expression: CompiledExpression, max: Double?,
        bands: [Band], maxDeclined: Int
    ) -> ScoreTrace {
        let items = items(expression)
        let applicable = items.count { $0.state != "not_applicable" }
        let missing = items.count(where: \.isMissing)
        let answered = applicable - missing
        var proration: Proration?
        var notAssessed: ScoreTrace.NotAssessedReason?
        var value: Double?
        slots.withUnsafeBufferPointer { read in
            if missing == 0 {
                value = expression.number(read)
            } else if missing > maxDeclined {
                notAssessed = .tooManyMissing
            } else if answered == 0 {
                notAssessed = .nothingAnswered
            } else if let zeroed = expression.number(read, missingAsZero: true) {
                let prorated = zeroed * Double(applicable) / Double(answered)
                let capped = max.map { prorated > $0 } ?? false
                proration = Proration(
                    readAsZero: zeroed, applicable: applicable, answered: answered, prorated: prorated, cap: max,
                    capped: capped)
                value = capped ? max : prorated
            }
        }
        if notAssessed == nil, value.map({ !$0.isFinite }) ?? true {
            notAssessed = .noValue
            value = nil
        }
        return ScoreTrace(
            kind: kind, id: id, title: title, expression: expression.source, items: items,
            scoresUsed: scoresUsed(expression), applicable: applicable, answered: answered, missing: missing,
            maxDeclined: maxDeclined, proration: value == nil ? nil : proration, notAssessedBecause: notAssessed,
            status: value == nil ? .notAssessed : .assessed, score: value, max: max,
            bands: bands.map { BandTrace(name: $0.name, lowerBound: $0.lowerBound) },
            bandIndex: value.map { bands.index(for: $0) }, present: nil, severity: nil)
    }

    // MARK: - Rules

    func rules() -> [RuleTrace] {
        var rules: [RuleTrace] = []
        for (i, rule) in instrument.safeguarding.enumerated() {
            rules.append(
                self.rule(
                    .safeguarding, id: rule.id, compiled.safeguarding[i], supports: [],
                    text: rule.action.text(in: language)))
        }
        for (i, rule) in instrument.responsivity.enumerated() {
            rules.append(
                self.rule(
                    .responsivity, id: rule.id, compiled.responsivity[i], supports: rule.supports,
                    text: rule.advice.text(in: language)))
        }
        for (j, need) in instrument.needs.enumerated() {
            guard let condition = compiled.urgentIf[j] else { continue }
            rules.append(rule(.urgentIf, id: need.id, condition, supports: [need.id], text: ""))
        }
        return rules
    }

    private func rule(_ kind: RuleKind, id: String, _ condition: CompiledExpression, supports: [String], text: String)
        -> RuleTrace
    {
        let value = slots.withUnsafeBufferPointer { condition.boolean($0) }
        let outcome: RuleTrace.Outcome = value.map { $0 ? .fired : .silent } ?? .unevaluated
        let needIDs = Set(instrument.needs.map(\.id))
        var needs: [String] = []
        for need in supports + condition.referencedScores where needIDs.contains(need) && !needs.contains(need) {
            needs.append(need)
        }
        return RuleTrace(
            kind: kind, id: id, condition: condition.source, items: items(condition),
            scoresUsed: scoresUsed(condition), outcome: outcome, needs: needs, text: text)
    }

    // MARK: - Drivers

    func drivers(present: [Bool]) -> [DriverTrace] {
        let graph = DriverGraph(compiled, slots: slots, present: present)
        let index = Dictionary(instrument.needs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return instrument.drivers.enumerated().map { d, driver in
            let when = compiled.drivers[d]
            let condition: DriverTrace.Condition
            if let when {
                switch slots.withUnsafeBufferPointer({ when.boolean($0) }) {
                case true?: condition = .holds
                case false?: condition = .isFalse
                case nil: condition = .unknown
                }
            } else {
                condition = .always
            }
            let from = index[driver.from], to = index[driver.to]
            let fromPresent = from.map { present[$0] } ?? false
            let toPresent = to.map { present[$0] } ?? false
            let used = graph.edges.first { $0.from == from && $0.to == to }
            let status: DriverTrace.Status
            switch condition {
            case .isFalse: status = .conditionFalse
            case .unknown: status = .conditionUnknown
            case .always, .holds:
                if !fromPresent || !toPresent {
                    status = .needNotPresent
                } else {
                    status = used?.driver == d ? .inGraph : .parallelEdgeUsed
                }
            }
            return DriverTrace(
                index: d, from: driver.from, to: driver.to, weight: driver.weight, condition: when?.source,
                items: when.map(items) ?? [], scoresUsed: when.map(scoresUsed) ?? [], conditionValue: condition,
                fromPresent: fromPresent, toPresent: toPresent, status: status,
                usedInstead: status == .parallelEdgeUsed ? used?.driver : nil,
                because: driver.because.text(in: language))
        }
    }

    // MARK: - Ranking

    func ranking() -> RankingTrace {
        let priorities = result.herPriorities
        let ranked = result.ranking
        var entries = ranked.map { need in
            let scored = result.need(need.need)
            return RankTrace(
                need: need.need, rank: need.rank, score: scored?.score ?? 0, max: scored?.max ?? 0,
                severity: need.severity, contributions: need.reasons, influence: need.influence,
                rounded: LynchpinRanker.rounded(need.influence), herPriority: need.herPriority, tier0: need.tier0,
                lynchpin: need.lynchpin, noDriverEvidence: need.noDriverEvidence, tieBreaks: [])
        }
        func priority(_ id: String) -> Int { priorities.firstIndex(of: id) ?? Int.max }
        for i in entries.indices.dropFirst() where entries[i - 1].rounded == entries[i].rounded {
            let (a, b) = (entries[i - 1], entries[i])
            let rule: TieBreak.Rule
            if priority(a.need) != priority(b.need) {
                rule = .herPriority
            } else if LynchpinRanker.rounded(a.severity) != LynchpinRanker.rounded(b.severity) {
                rule = .severity
            } else {
                rule = .instrumentOrder
            }
            entries[i - 1].tieBreaks.append(TieBreak(other: b.need, otherFirst: false, decidedBy: rule))
            entries[i].tieBreaks.append(TieBreak(other: a.need, otherFirst: true, decidedBy: rule))
        }
        let top = entries.first
        let unranked = result.needs.filter { !$0.present }.map {
            UnrankedNeed(need: $0.id, reason: $0.status == .assessed ? .notPresent : .notAssessed, band: $0.band)
        }
        return RankingTrace(
            decimals: LynchpinRanker.decimals, jointShare: LynchpinRanker.jointShare, entries: entries, top: top?.need,
            topInfluence: top?.rounded,
            threshold: top.map { LynchpinRanker.rounded($0.rounded * LynchpinRanker.jointShare) }, unranked: unranked,
            herPriorities: priorities)
    }
}
