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
    /// One need or strength, with what scoring it needs precomputed. Plain values only:
    /// the lists it refers to live in the flat arrays below, so reading an entry in the
    /// loop costs no reference counting.
    struct Entry: Sendable {
        var slot: Int
        var expression: Int
        var itemSlots: Range<Int>
        var bands: Range<Int>
        var max: Double
        var maxDeclined: Int
    }

    /// The instrument scored.
    public let compiled: CompiledInstrument
    let entries: [Entry]
    let expressions: [NumberEvaluator]
    let itemSlots: [Int]
    let bandBounds: [Double]

    /// Creates a scorer for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        let instrument = compiled.instrument
        var entries: [Entry] = []
        var expressions: [NumberEvaluator] = []
        var itemSlots: [Int] = []
        var bandBounds: [Double] = []
        for ref in compiled.scoreOrder {
            let expression = Self.expression(ref, compiled)
            let (slot, max, bands, maxDeclined): (Int, Double?, [Band], Int)
            switch ref {
            case .need(let j):
                let need = instrument.needs[j]
                (slot, max, bands, maxDeclined) = (compiled.needSlot(j), need.max, need.bands, need.missing.maxDeclined)
            case .strength(let k):
                let strength = instrument.strengths[k]
                (slot, max, bands, maxDeclined) = (
                    compiled.strengthSlot(k), strength.max, strength.bands, strength.missing.maxDeclined
                )
            }
            let items = itemSlots.count..<(itemSlots.count + expression.referencedItemSlots.count)
            itemSlots += expression.referencedItemSlots
            let bandRange = bandBounds.count..<(bandBounds.count + bands.count)
            bandBounds += bands.map(\.lowerBound)
            entries.append(
                Entry(
                    slot: slot, expression: expressions.count, itemSlots: items, bands: bandRange,
                    max: max ?? .infinity, maxDeclined: maxDeclined))
            expressions.append(expression.numberEvaluator)
        }
        self.entries = entries
        self.expressions = expressions
        self.itemSlots = itemSlots
        self.bandBounds = bandBounds
    }

    /// Scores every need and strength of the items in `slots`, in place.
    public func score(_ slots: inout [AnswerSlot]) {
        precondition(slots.count >= compiled.slotCount, "the slots hold \(slots.count) of \(compiled.slotCount)")
        slots.withUnsafeMutableBufferPointer { score($0) }
    }

    /// Scores every need and strength of the items in `slots`, in place, without allocating.
    public func score(_ slots: UnsafeMutableBufferPointer<AnswerSlot>) {
        guard !entries.isEmpty else { return }
        entries.withUnsafeBufferPointer { entries in
            itemSlots.withUnsafeBufferPointer { itemSlots in
                bandBounds.withUnsafeBufferPointer { bounds in
                    expressions.withUnsafeBufferPointer { expressions in
                        Self.score(
                            slots, entries: entries, expressions: expressions.baseAddress!, itemSlots: itemSlots,
                            bounds: bounds)
                    }
                }
            }
        }
    }

    /// The score slot for `entry`: the score with its band, or unanswered when not assessed.
    @inline(__always)
    static func score<Expression: NumberEvaluating>(
        _ entry: Entry, _ expression: Expression, _ itemSlots: UnsafeBufferPointer<Int>,
        _ bounds: UnsafeBufferPointer<Double>, _ slots: UnsafeBufferPointer<AnswerSlot>
    ) -> AnswerSlot {
        var missing = 0
        var applicable = 0
        for i in entry.itemSlots {
            switch slots[itemSlots[i]].state {
            case .answered: applicable += 1
            case .declined, .dontKnow, .unanswered:
                applicable += 1
                missing += 1
            case .notApplicable: break
            }
        }
        let value: Double
        if missing == 0 {
            guard let v = expression(slots, missingAsZero: false) else { return .unanswered }
            value = v
        } else {
            let answered = applicable - missing
            guard missing <= entry.maxDeclined, answered > 0,
                let v = expression(slots, missingAsZero: true)
            else { return .unanswered }
            value = Swift.min(v * Double(applicable) / Double(answered), entry.max)
        }
        guard value.isFinite else { return .unanswered }
        // The band: the last whose lower bound the score reaches; the first below them all.
        var band = 0
        for (i, b) in entry.bands.enumerated() where value >= bounds[b] { band = i }
        return .score(value, band: band)
    }

    /// The expressions of the entries, in scoring order (for the bytecode the batch kernel runs).
    var entryExpressions: [CompiledExpression] {
        compiled.scoreOrder.map { Self.expression($0, compiled) }
    }

    /// The score expression of a need or strength.
    private static func expression(_ ref: CompiledInstrument.ScoreRef, _ compiled: CompiledInstrument)
        -> CompiledExpression
    {
        switch ref {
        case .need(let j): compiled.needScores[j]
        case .strength(let k): compiled.strengthScores[k]
        }
    }

    /// Scores every entry into `slots`, in place, with the entries' tables in raw memory and
    /// their expressions run as `expressions` (bytecode, in the batch kernel): the same
    /// per-entry scoring as the closures get in `score(_:)`.
    @inline(__always)
    static func score<Expression: NumberEvaluating>(
        _ slots: UnsafeMutableBufferPointer<AnswerSlot>, entries: UnsafeBufferPointer<Entry>,
        expressions: UnsafePointer<Expression>, itemSlots: UnsafeBufferPointer<Int>,
        bounds: UnsafeBufferPointer<Double>
    ) {
        let read = UnsafeBufferPointer(slots)
        for entry in entries {
            slots[entry.slot] = score(entry, expressions[entry.expression], itemSlots, bounds, read)
        }
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
