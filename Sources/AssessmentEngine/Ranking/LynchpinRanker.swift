import QuestionnaireDSL

/// Ranks the present needs by how much of the web of needs each one holds up, and names the
/// lynch-pin(s), with the reasons for every place.
///
/// ```swift
/// let ranking = LynchpinRanker(compiled).rank(scored, needs: outcomes.needs, tier0: findings.urgentNeeds)
/// ranking.lynchpins   // ["relationships"]
/// ```
///
/// As DESIGN.md's "Lynch-pin ranking" says:
/// - influence = own severity + Σ over every other present need it reaches of that need's
///   severity × the product of the weights along the strongest path to it (each need once;
///   paths only through present needs; cycles allowed; see ``StrongestPaths``);
/// - order: influence rounded to 9 decimals, highest first; ties by her own priority
///   order (named needs first), then severity (rounded the same way), then instrument order;
/// - the lynch-pin is the first, joined by any need whose rounded influence is at least
///   95 % of the first's; a lynch-pin that reaches nothing has no driver evidence.
public struct LynchpinRanker: Sendable {
    /// The share of the top influence that makes a joint lynch-pin.
    public static let jointShare = 0.95
    /// Influences and severities are compared after rounding to this many decimals.
    public static let decimals = 9

    /// The instrument ranked.
    public let compiled: CompiledInstrument
    /// Each driver's need indices, worked out once.
    let driverEnds: [(from: Int, to: Int)?]

    /// Creates a ranker for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        self.driverEnds = DriverGraph.ends(compiled)
    }

    /// `value` rounded to ``decimals`` decimals, as compared: `(value * 1e9).rounded() / 1e9`,
    /// the halves rounded away from zero, worked out inline (this runs for every need of
    /// every record in a batch, and `rounded()` is a call into libm).
    @inline(__always)
    public static func rounded(_ value: Double) -> Double {
        billionths(value) / 1e9
    }

    /// A need's severity: its score as a share of its highest, 0 when it is not present.
    @inline(__always)
    static func severity(_ score: Double, present: Bool, max: Double) -> Double {
        present && max > 0 ? score / max : 0
    }

    /// `value` in whole billionths, halves away from zero: ``rounded(_:)`` before its division.
    /// Below 2^52 billionths (about 4.5 million, far above any influence or severity)
    /// distinct counts divide to distinct doubles, so comparing counts orders values exactly
    /// as comparing their ``rounded(_:)`` values does, without dividing.
    @inline(__always)
    static func billionths(_ value: Double) -> Double {
        roundedHalfAway(value * 1e9)
    }

    /// `value.rounded(.towardZero)` for `abs(value) < 2^52`, by a conversion to an integer and
    /// back rather than a call into libm (a zero keeps the sign `value` has, as libm's does).
    @inline(__always)
    static func truncated(_ value: Double) -> Double {
        let whole = Double(Int64(value))
        return whole == 0 ? (value.sign == .minus ? -0.0 : 0.0) : whole
    }

    /// `value.rounded()` (to the nearest whole number, halves away from zero), worked out
    /// inline rather than by a call into libm, and with no branch on the value's digits:
    /// adding the largest double below one half, with the value's sign, then truncating
    /// rounds every double exactly so (a sum that lands on a half rounds, as doubles do, to
    /// the even neighbour, which is the whole number away from zero).
    @inline(__always)
    static func roundedHalfAway(_ value: Double) -> Double {
        guard abs(value) < 0x1p52 else { return value.rounded() }  // already whole, or not finite
        return truncated(value + Double(signOf: value, magnitudeOf: 0x1.fffffffffffffp-2))  // 0.5.nextDown
    }

    /// The ranking for scored `responses`, with each need's outcome and the tier-0 needs
    /// (those whose `urgent_if` holds), by index.
    /// With `reasons: false` the ranked needs carry no reasons (the order, influences and
    /// lynch-pins are the same), for callers that never show them.
    public func rank(_ responses: Responses, needs: [ScoreOutcome], tier0: [Int], reasons withReasons: Bool = true)
        -> Ranking
    {
        let instrument = compiled.instrument
        let present = needs.map(\.isPresent)
        let severity = needs.indices.map { j in
            Self.severity(needs[j].score ?? 0, present: present[j], max: instrument.needs[j].max)
        }
        let graph = DriverGraph(compiled, ends: driverEnds, slots: responses.slots, present: present)
        let presentNeeds = needs.indices.filter { present[$0] }
        let rounds = max(presentNeeds.count - 1, 0)
        let priorities = responses.priorities
        let tier0Set = Set(tier0)

        var entries: [(need: Int, influence: Double, reasons: [InfluenceReason], drives: Bool)] = []
        for j in presentNeeds {
            let paths = StrongestPaths(from: j, in: graph, rounds: rounds)
            var influence = severity[j]
            var reasons: [InfluenceReason] = []
            for t in paths.reached {
                let contribution = severity[t] * paths.product[t]
                influence += contribution
                guard withReasons else { continue }
                reasons.append(
                    InfluenceReason(
                        reaches: instrument.needs[t].id, severity: severity[t], pathProduct: paths.product[t],
                        contribution: contribution,
                        path: paths.path(to: t, in: graph).map { step(graph.edges[$0], responses) }))
            }
            entries.append((j, influence, reasons, !paths.reached.isEmpty))
        }

        func priority(_ j: Int) -> Int { priorities.firstIndex(of: instrument.needs[j].id) ?? Int.max }
        entries.sort { a, b in
            let (x, y) = (Self.rounded(a.influence), Self.rounded(b.influence))
            if x != y { return x > y }
            let (p, q) = (priority(a.need), priority(b.need))
            if p != q { return p < q }
            let (s, t) = (Self.rounded(severity[a.need]), Self.rounded(severity[b.need]))
            if s != t { return s > t }
            return a.need < b.need
        }

        let threshold = entries.first.map { Self.rounded(Self.rounded($0.influence) * Self.jointShare) } ?? 0
        var ranked: [RankedNeed] = []
        for (position, entry) in entries.enumerated() {
            let lynchpin = position == 0 || Self.rounded(entry.influence) >= threshold
            let id = instrument.needs[entry.need].id
            ranked.append(
                RankedNeed(
                    need: id, rank: position + 1, influence: entry.influence, severity: severity[entry.need],
                    tier0: tier0Set.contains(entry.need), lynchpin: lynchpin,
                    noDriverEvidence: lynchpin && !entry.drives,
                    herPriority: priorities.firstIndex(of: id).map { $0 + 1 }, reasons: entry.reasons))
        }
        let lynchpins = ranked.filter(\.lynchpin).map(\.need)
        let differs = HerView.differences(
            priorities: priorities, ranking: ranked.map(\.need), lynchpins: lynchpins,
            tier0: Set(tier0.map { instrument.needs[$0].id }))
        return Ranking(
            ranked: ranked, lynchpins: lynchpins, herPriorities: priorities, herViewDiffers: differs,
            activeDrivers: graph.activeDrivers)
    }

    /// An edge in words: the driver's reason and the answers its `when` refers to.
    private func step(_ edge: DriverEdge, _ responses: Responses) -> DriverStep {
        let instrument = compiled.instrument
        let driver = instrument.drivers[edge.driver]
        let answers =
            compiled.drivers[edge.driver].map { when in
                zip(when.referencedItems, when.referencedItemSlots).map { _, slot in
                    ItemAnswer(compiled.items[slot], slot: slot, in: responses)
                }
            } ?? []
        return DriverStep(
            from: instrument.needs[edge.from].id, to: instrument.needs[edge.to].id, weight: edge.weight,
            because: driver.because.text(in: instrument.language), answers: answers)
    }
}
