import QuestionnaireDSL

/// Computes need and strength scores, bands and the missing-data policy, writing each score
/// into its slot so later `score()` and `band()` see it.
///
/// ```swift
/// let scorer = Scorer(compiled)
/// scorer.score(&responses.slots)
/// let (needs, strengths) = scorer.outcomes(responses.slots)
/// ```
///
/// For each score in ``CompiledInstrument/scoreOrder``: with no referenced item missing the
/// expression gives the score. With some missing (declined, don't know, unanswered) but no
/// more than `missing.max_declined`, the score is prorated: the expression with missing
/// items read as 0, × applicable referenced items ÷ answered ones, unrounded, capped at
/// `max`. Otherwise (or when nothing referenced was answered, or the expression is still
/// missing) the score is **not assessed** and its slot is left unanswered.
///
/// Scoring a buffer in place allocates nothing (measured in a release build), so one buffer
/// can be reused for record after record.
public struct Scorer: Sendable {
    /// One need or strength, with what scoring it needs precomputed.
    struct Entry: Sendable {
        var slot: Int
        var expression: CompiledExpression
        var itemSlots: [Int]
        var max: Double?
        var bands: [Band]
        var maxDeclined: Int
    }

    /// The instrument scored.
    public let compiled: CompiledInstrument
    let entries: [Entry]

    /// Creates a scorer for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        let instrument = compiled.instrument
        entries = compiled.scoreOrder.map { ref in
            switch ref {
            case .need(let j):
                let need = instrument.needs[j], expression = compiled.needScores[j]
                return Entry(
                    slot: compiled.needSlot(j), expression: expression, itemSlots: expression.referencedItemSlots,
                    max: need.max, bands: need.bands, maxDeclined: need.missing.maxDeclined)
            case .strength(let k):
                let strength = instrument.strengths[k], expression = compiled.strengthScores[k]
                return Entry(
                    slot: compiled.strengthSlot(k), expression: expression, itemSlots: expression.referencedItemSlots,
                    max: strength.max, bands: strength.bands, maxDeclined: strength.missing.maxDeclined)
            }
        }
    }

    /// Scores every need and strength of the items in `slots`, in place.
    public func score(_ slots: inout [AnswerSlot]) {
        precondition(slots.count >= compiled.slotCount, "the slots hold \(slots.count) of \(compiled.slotCount)")
        slots.withUnsafeMutableBufferPointer { score($0) }
    }

    /// Scores every need and strength of the items in `slots`, in place, without allocating.
    public func score(_ slots: UnsafeMutableBufferPointer<AnswerSlot>) {
        let read = UnsafeBufferPointer(slots)
        for entry in entries {
            slots[entry.slot] = Self.score(entry, read)
        }
    }

    /// The score slot for `entry`: the score with its band, or unanswered when not assessed.
    @inline(__always)
    static func score(_ entry: Entry, _ slots: UnsafeBufferPointer<AnswerSlot>) -> AnswerSlot {
        var missing = 0, applicable = 0
        for s in entry.itemSlots {
            switch slots[s].state {
            case .answered: applicable += 1
            case .declined, .dontKnow, .unanswered:
                applicable += 1
                missing += 1
            case .notApplicable: break
            }
        }
        let value: Double
        if missing == 0 {
            guard let v = entry.expression.number(slots) else { return .unanswered }
            value = v
        } else {
            let answered = applicable - missing
            guard missing <= entry.maxDeclined, answered > 0,
                let v = entry.expression.number(slots, missingAsZero: true)
            else { return .unanswered }
            let prorated = v * Double(applicable) / Double(answered)
            value = entry.max.map { Swift.min(prorated, $0) } ?? prorated
        }
        guard value.isFinite else { return .unanswered }
        return .score(value, band: entry.bands.index(for: value))
    }

    /// The outcome of each need and each strength (in instrument order) from slots already scored.
    public func outcomes(_ slots: [AnswerSlot]) -> (needs: [ScoreOutcome], strengths: [ScoreOutcome]) {
        let needs = compiled.needScores.indices.map {
            outcome(compiled.needScores[$0], slot: compiled.needSlot($0), slots)
        }
        let strengths = compiled.strengthScores.indices.map {
            outcome(compiled.strengthScores[$0], slot: compiled.strengthSlot($0), slots)
        }
        return (needs, strengths)
    }

    private func outcome(_ expression: CompiledExpression, slot: Int, _ slots: [AnswerSlot]) -> ScoreOutcome {
        let missing = MissingAnswers.items(of: expression, in: slots)
        let notAssessed = MissingAnswers.scores(of: expression, in: slots, compiled: compiled)
        let result = slots[slot]
        guard result.state == .answered else {
            return ScoreOutcome(
                status: .notAssessed, score: nil, band: nil, prorated: false, missingItems: missing,
                notAssessedScores: notAssessed)
        }
        return ScoreOutcome(
            status: .assessed, score: result.number, band: Int(result.code), prorated: !missing.isEmpty,
            missingItems: missing, notAssessedScores: notAssessed)
    }
}
