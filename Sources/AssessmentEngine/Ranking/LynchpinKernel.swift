import QuestionnaireDSL

/// ``LynchpinRanker``'s order and lynch-pins on flat buffers, for batch scoring: no reasons,
/// nothing allocated per record. The same graph (active drivers between present needs, the
/// heaviest of parallel edges), the same strongest paths and the same comparisons, so it
/// gives exactly the ranker's needs, order and lynch-pins (the tests hold the two to each
/// other).
///
/// The strongest paths from every need are found at once: column `t` holds, lane by lane,
/// the best product from each source to need `t`, so relaxing an edge is a multiply and a
/// comparison across all sources together, with no branch on the data. Only needs that an
/// active edge leaves are sources (any other reaches nothing), so each record numbers its
/// sources from lane 0: most records have at most four, one vector to a column. The rounds go over
/// the active edges in an order fixed beforehand (the needs in depth-first finishing order,
/// reversed), so a graph without a cycle back against that order is done in one round, and
/// stop when a round improves nothing. With every weight in (0, 1] and rounding monotonic,
/// any order of relaxation that stops when nothing grows ends at the one fixed point, each
/// need's largest product over all paths (see ``StrongestPaths``).
struct LynchpinKernel: @unchecked Sendable {
    /// The sources' products to one need, four sources to a vector.
    typealias Lanes = SIMD4<Double>

    let needCount: Int
    /// Vectors to a column: enough lanes for every need.
    let blocks: Int
    /// The first need's slot; need `j` is at `firstNeedSlot + j`.
    let firstNeedSlot: Int
    let maxScores: UnsafePointer<Double>
    /// For each need scored by a ``ScoreTable``, what each of its outcomes means here (nil
    /// for a need scored record by record), so that a record's severities are looked up.
    let needOutcomes: UnsafePointer<UnsafePointer<NeedOutcome>?>
    /// The distinct (from, to) pairs that some driver joins, in relaxation order.
    let pairCount: Int
    let pairFrom: UnsafePointer<Int>
    let pairTo: UnsafePointer<Int>
    /// A bit for each pair that goes back against the relaxation order: only when one of them
    /// is active can a round improve on the one before.
    let backward: UInt64
    /// Each usable driver: its pair, weight and condition. They are numbered by pair, in
    /// relaxation order, and within a pair by weight, heaviest first: so the first active
    /// driver of a pair is its edge, and the active edges come in relaxation order.
    let driverPair: UnsafePointer<Int>
    let driverWeight: UnsafePointer<Double>
    /// For each driver, a bit for every driver of its pair (itself included).
    let pairDrivers: UnsafePointer<UInt64>
    /// For each need, a bit for every driver it drives, and for every driver that drives it.
    let drivesFrom: UnsafePointer<UInt64>
    let drivesTo: UnsafePointer<UInt64>
    /// The usable drivers' `when`s, bit `d` for driver `d` (see ``ConditionSet``).
    let driverWhen: ConditionSet
    /// A bit for each usable driver with no `when`: it holds whenever both its needs are present.
    let unconditional: UInt64

    /// What one outcome of a need's ``ScoreTable`` means for the ranking.
    struct NeedOutcome {
        var severity: Double
        /// The severity in billionths (see ``LynchpinRanker/billionths(_:)``).
        var billionths: Double
        var present: Bool

        init(_ slot: AnswerSlot, max: Double) {
            present = LynchpinKernel.isPresent(slot)
            severity = LynchpinRanker.severity(slot.number, present: present, max: max)
            billionths = LynchpinRanker.billionths(severity)
        }
    }

    /// A kernel for `compiled`, its tables in `arena`, its `when`s told by the set `conditions`
    /// makes; `tables` are the needs' and strengths' score tables, in that order.
    init(
        _ compiled: CompiledInstrument, tables: [ScoreTable?], conditions: ([CompiledExpression?]) -> ConditionSet,
        arena: KernelArena
    ) {
        let instrument = compiled.instrument
        needCount = instrument.needs.count
        blocks = (needCount + Lanes.scalarCount - 1) / Lanes.scalarCount
        firstNeedSlot = compiled.items.count
        maxScores = arena.copy(instrument.needs.map(\.max))
        needOutcomes = arena.copy(
            instrument.needs.indices.map { j in
                tables[j].map { table in arena.copy(table.slots.map { NeedOutcome($0, max: instrument.needs[j].max) }) }
            })
        let ends = DriverGraph.ends(compiled)
        let joined = Set(ends.compactMap { $0.flatMap { $0.from == $0.to ? nil : [$0.from, $0.to] } })
        let place = Self.relaxationPlaces(needs: needCount, pairs: joined)
        let pairs = joined.sorted { (place[$0[0]], place[$0[1]]) < (place[$1[0]], place[$1[1]]) }
        pairCount = pairs.count
        pairFrom = arena.copy(pairs.map { $0[0] })
        pairTo = arena.copy(pairs.map { $0[1] })
        backward = pairs.indices.reduce(0) { $0 | (place[pairs[$1][0]] > place[pairs[$1][1]] ? 1 << UInt64($1) : 0) }
        let usable = ends.indices.compactMap { d -> (pair: Int, weight: Double, when: CompiledExpression?)? in
            guard let end = ends[d], end.from != end.to else { return nil }
            return (pairs.firstIndex(of: [end.from, end.to])!, instrument.drivers[d].weight, compiled.drivers[d])
        }
        .enumerated().sorted { a, b in
            (a.element.pair, -a.element.weight, a.offset) < (b.element.pair, -b.element.weight, b.offset)
        }
        .map(\.element)
        driverPair = arena.copy(usable.map(\.pair))
        driverWeight = arena.copy(usable.map(\.weight))
        // A bit for each driver that passes `test`.
        let drivers = { (test: (Int) -> Bool) -> UInt64 in
            usable.indices.reduce(0) { $0 | (test($1) ? 1 << UInt64($1) : 0) }
        }
        pairDrivers = arena.copy(usable.map { driver in drivers { usable[$0].pair == driver.pair } })
        drivesFrom = arena.copy((0..<needCount).map { j in drivers { pairs[usable[$0].pair][0] == j } })
        drivesTo = arena.copy((0..<needCount).map { j in drivers { pairs[usable[$0].pair][1] == j } })
        driverWhen = conditions(usable.map(\.when))
        unconditional = drivers { usable[$0].when == nil }
    }

    /// Each need's place in the relaxation order: depth-first finishing order over the pairs,
    /// reversed, so that every pair off a cycle goes forward.
    private static func relaxationPlaces(needs: Int, pairs: Set<[Int]>) -> [Int] {
        var next = [[Int]](repeating: [], count: needs)
        for pair in pairs.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }) { next[pair[0]].append(pair[1]) }
        var finished: [Int] = []
        var seen = [Bool](repeating: false, count: needs)
        func visit(_ need: Int) {
            seen[need] = true
            for to in next[need] where !seen[to] { visit(to) }
            finished.append(need)
        }
        for need in 0..<needs where !seen[need] { visit(need) }
        var place = [Int](repeating: 0, count: needs)
        for (position, need) in finished.reversed().enumerated() { place[need] = position }
        return place
    }

    /// Working memory for one thread, reused record after record.
    struct Scratch {
        /// The present needs, bit `j` for need `j`.
        var presentNeeds: UInt64 = 0
        /// The needs some active edge leads to, and those some active edge leaves, bit `j` for need `j`.
        var targets: UInt64 = 0
        var sources: UInt64 = 0
        /// Vectors to a column in this record: enough lanes for its sources.
        var sourceBlocks = 0
        /// Each source's lane (by need; only the sources' entries are set).
        let lane: UnsafeMutableBufferPointer<Int>
        /// By source lane, padded to whole vectors: the source's influence as it is summed.
        let sourceInfluence: UnsafeMutableBufferPointer<Double>
        /// By need, padded with zeros to whole vectors.
        let severity: UnsafeMutableBufferPointer<Double>
        /// The active edges, in relaxation order.
        let edgeFrom: UnsafeMutableBufferPointer<Int>
        let edgeTo: UnsafeMutableBufferPointer<Int>
        let edgeWeight: UnsafeMutableBufferPointer<Double>
        /// Column by column, the best product from each source (lane) to each need.
        let columns: UnsafeMutablePointer<Lanes>
        /// By need.
        let influence: UnsafeMutableBufferPointer<Double>
        /// Influence and severity rounded as the ranker compares them, in billionths (see
        /// ``LynchpinRanker/billionths(_:)``): they order the needs as the rounded values do.
        let roundedInfluence: UnsafeMutableBufferPointer<Double>
        let roundedSeverity: UnsafeMutableBufferPointer<Double>
        let priority: UnsafeMutableBufferPointer<Int>
        /// The ranked needs, best first (``count`` of them): the top ``HerView/topCount`` and
        /// every lynch-pin, which are all a row shows; the needs after those are left out.
        let order: UnsafeMutableBufferPointer<Int>
        let lynchpin: UnsafeMutableBufferPointer<Bool>
        /// Where her view differs, by need index (``differsCount`` of them).
        let differs: UnsafeMutableBufferPointer<Int>
        var count = 0
        var differsCount = 0

        init(needs: Int, blocks: Int, pairs: Int) {
            let lanes = blocks * Lanes.scalarCount
            severity = .allocate(capacity: lanes)
            severity.initialize(repeating: 0)
            edgeFrom = .allocate(capacity: max(pairs, 1))
            edgeTo = .allocate(capacity: max(pairs, 1))
            edgeWeight = .allocate(capacity: max(pairs, 1))
            columns = .allocate(capacity: max(needs * blocks, 1))
            influence = .allocate(capacity: lanes)
            lane = .allocate(capacity: max(needs, 1))
            sourceInfluence = .allocate(capacity: lanes)
            sourceInfluence.initialize(repeating: 0)
            roundedInfluence = .allocate(capacity: needs)
            roundedSeverity = .allocate(capacity: needs)
            priority = .allocate(capacity: needs)
            order = .allocate(capacity: needs)
            lynchpin = .allocate(capacity: needs)
            differs = .allocate(capacity: needs + AnswerReader.maxPriorities)
        }

        func free() {
            for buffer in [
                severity, influence, sourceInfluence, roundedInfluence, roundedSeverity, edgeWeight,
            ] as [UnsafeMutableBufferPointer<Double>] { buffer.deallocate() }
            for buffer in [lynchpin] as [UnsafeMutableBufferPointer<Bool>] { buffer.deallocate() }
            for buffer in [edgeFrom, edgeTo, lane, priority, order, differs] as [UnsafeMutableBufferPointer<Int>] {
                buffer.deallocate()
            }
            columns.deallocate()
        }
    }

    /// A scratch sized for this instrument.
    func makeScratch() -> Scratch { Scratch(needs: needCount, blocks: blocks, pairs: pairCount) }

    /// Whether a need scored as `slot` is present: scored, and above its lowest band.
    @inline(__always)
    static func isPresent(_ slot: AnswerSlot) -> Bool { slot.state == .answered && slot.code > 0 }

    /// Ranks the present needs of scored `slots` (whose items' answer indices are `answers`,
    /// see ``AnswerDomains``, and whose scores' outcomes in their tables are `outcomes`, -1
    /// for none); `priorities` are her named needs by index, `tier0[j]` says whether need
    /// `j`'s `urgent_if` holds. The result is left in `scratch`.
    func rank(
        _ slots: UnsafeBufferPointer<AnswerSlot>, answers: UnsafePointer<UInt16>, outcomes: UnsafePointer<Int>,
        priorities: UnsafeBufferPointer<Int>, tier0: UnsafeMutableBufferPointer<Bool>, _ s: inout Scratch
    ) {
        let n = needCount
        s.presentNeeds = 0
        for j in 0..<n {
            let present: Bool
            if outcomes[j] >= 0, let table = needOutcomes[j] {
                let outcome = table + outcomes[j]
                present = outcome.pointee.present
                s.severity[j] = outcome.pointee.severity
                s.roundedSeverity[j] = outcome.pointee.billionths
            } else {
                let slot = slots[firstNeedSlot + j]
                present = Self.isPresent(slot)
                s.severity[j] = LynchpinRanker.severity(slot.number, present: present, max: maxScores[j])
                s.roundedSeverity[j] = LynchpinRanker.billionths(s.severity[j])
            }
            s.presentNeeds |= (present ? 1 : 0) &<< UInt64(j)
            s.priority[j] = Int.max
        }
        for (position, need) in priorities.enumerated() where s.priority[need] == Int.max {
            s.priority[need] = position
        }
        influences(slots, answers, &s)
        // The row shows the lynch-pins and, through her view, the top three: the order of the
        // needs past those is never read. So only the first three are kept in order, unless
        // more than three needs share the lynch-pin (then all are ordered).
        var kept = 0
        for j in 0..<n where s.presentNeeds & (1 &<< UInt64(j)) != 0 {
            s.roundedInfluence[j] = LynchpinRanker.billionths(s.influence[j])
            if kept < HerView.topCount {
                insert(j, count: kept, &s)
                kept += 1
            } else if precedes(j, s.order[kept - 1], s) {
                insert(j, count: kept - 1, &s)
            }
        }
        let top = kept > 0 ? s.roundedInfluence[s.order[0]] / 1e9 : 0
        let threshold = LynchpinRanker.billionths(top * LynchpinRanker.jointShare)
        var joint = 0
        for j in 0..<n where s.presentNeeds & (1 &<< UInt64(j)) != 0 {
            joint &+= s.roundedInfluence[j] >= threshold ? 1 : 0
        }
        s.count = kept
        if joint > kept {
            s.count = 0
            for j in 0..<n where s.presentNeeds & (1 &<< UInt64(j)) != 0 {
                insert(j, count: s.count, &s)
                s.count += 1
            }
        }
        for position in 0..<s.count {
            s.lynchpin[position] = position == 0 || s.roundedInfluence[s.order[position]] >= threshold
        }
        herView(priorities, tier0: tier0, &s)
    }

    /// Each need's influence: its severity plus, in need order, the severity of each need it
    /// reaches times the strongest path's product.
    private func influences(
        _ slots: UnsafeBufferPointer<AnswerSlot>, _ answers: UnsafePointer<UInt16>, _ s: inout Scratch
    ) {
        // A need that is no source of an active edge reaches nothing: its influence is its severity.
        for j in 0..<needCount { s.influence[j] = s.severity[j] }
        let (edges, mayCycle) = activeEdges(slots, answers, &s)
        guard edges > 0 else { return }
        numberSources(&s)
        strongestPaths(edges: edges, rounds: mayCycle ? max(needCount - 1, 1) : 1, &s)
        let sum = UnsafeMutableRawPointer(s.sourceInfluence.baseAddress!)
        let stride = MemoryLayout<Lanes>.stride
        // Only the needs an edge leads to are reached by any path: every other need's column
        // is zero, and adding zero changes no sum. So these are the ranker's sums, term by
        // term in the same order, with the terms that are zero left out.
        var targets = s.targets
        while targets != 0 {
            let t = targets.trailingZeroBitCount
            targets &= targets &- 1
            let column = s.columns + t * blocks
            // A need's own influence leaves out the path to itself.
            if s.sources & (1 &<< UInt64(t)) != 0 { Self.setDiagonal(column, s.lane[t], to: 0) }
            let weight = s.severity[t]
            for b in 0..<s.sourceBlocks {
                let before = sum.loadUnaligned(fromByteOffset: b * stride, as: Lanes.self)
                sum.storeBytes(of: before + column[b] * weight, toByteOffset: b * stride, as: Lanes.self)
            }
        }
        var sources = s.sources
        while sources != 0 {
            let j = sources.trailingZeroBitCount
            sources &= sources &- 1
            s.influence[j] = s.sourceInfluence[s.lane[j]]
        }
    }

    /// Gives each source of an active edge its lane, in need order, and starts its sum at
    /// its own severity. (The last vector's spare lanes are zero in every column, so they add
    /// nothing to the sums: what they hold is never read.)
    @inline(__always)
    private func numberSources(_ s: inout Scratch) {
        s.sourceBlocks = (s.sources.nonzeroBitCount + Lanes.scalarCount - 1) / Lanes.scalarCount
        var sources = s.sources
        var next = 0
        while sources != 0 {
            let j = sources.trailingZeroBitCount
            sources &= sources &- 1
            s.lane[j] = next
            s.sourceInfluence[next] = s.severity[j]
            next += 1
        }
    }

    /// Sets lane `lane` of `column`, a source's own column (its path from itself), to
    /// `value`, by one store of one lane.
    @inline(__always)
    private static func setDiagonal(_ column: UnsafeMutablePointer<Lanes>, _ lane: Int, to value: Double) {
        UnsafeMutableRawPointer(column).storeBytes(
            of: value, toByteOffset: lane * MemoryLayout<Double>.stride, as: Double.self)
    }

    /// Lists the edges between present needs, each a pair's heaviest active driver, in
    /// relaxation order; returns how many, and whether one goes back against that order.
    private func activeEdges(
        _ slots: UnsafeBufferPointer<AnswerSlot>, _ answers: UnsafePointer<UInt16>, _ s: inout Scratch
    ) -> (edges: Int, mayCycle: Bool) {
        // The drivers whose needs are both present: one driven by a present need, and driving one.
        var from: UInt64 = 0
        var to: UInt64 = 0
        var present = s.presentNeeds
        while present != 0 {
            let j = present.trailingZeroBitCount
            present &= present &- 1
            from |= drivesFrom[j]
            to |= drivesTo[j]
        }
        var active = (driverWhen.holding(slots, answers) | unconditional) & from & to
        var edgeCount = 0
        var pairs: UInt64 = 0
        s.targets = 0
        s.sources = 0
        while active != 0 {
            // The pair's first active driver is its heaviest: the rest of its pair add nothing.
            let d = active.trailingZeroBitCount
            active &= ~pairDrivers[d]
            let p = driverPair[d]
            s.edgeFrom[edgeCount] = pairFrom[p]
            s.edgeTo[edgeCount] = pairTo[p]
            s.edgeWeight[edgeCount] = driverWeight[d]
            s.targets |= 1 &<< UInt64(pairTo[p])
            s.sources |= 1 &<< UInt64(pairFrom[p])
            pairs |= 1 &<< UInt64(p)
            edgeCount += 1
        }
        return (edgeCount, pairs & backward != 0)
    }

    /// The strongest paths from every source at once, left in `s.columns` (lane by source,
    /// see ``numberSources(_:)``), each source's own lane 1, for the needs an edge leaves or
    /// leads to (no other column is read). Only strict improvements are taken; an edge into
    /// a source never improves on its product of 1.
    @inline(__always)
    private func strongestPaths(edges: Int, rounds: Int, _ s: inout Scratch) {
        let columns = s.columns
        let used = s.sourceBlocks
        var involved = s.sources | s.targets
        while involved != 0 {
            let t = involved.trailingZeroBitCount
            involved &= involved &- 1
            (columns + t * blocks).update(repeating: Lanes(), count: used)
        }
        var sources = s.sources
        while sources != 0 {
            let t = sources.trailingZeroBitCount
            sources &= sources &- 1
            Self.setDiagonal(columns + t * blocks, s.lane[t], to: 1)
        }
        for _ in 0..<rounds {
            var grew = SIMDMask<SIMD4<Int64>>(repeating: false)
            for e in 0..<edges {
                let from = columns + s.edgeFrom[e] * blocks
                let to = columns + s.edgeTo[e] * blocks
                let weight = s.edgeWeight[e]
                for b in 0..<used {
                    let candidate = from[b] * weight
                    let better = candidate .> to[b]
                    to[b].replace(with: candidate, where: better)
                    grew .|= better
                }
            }
            if !any(grew) { break }
        }
    }

    /// Puts need `j` into the first `count` of the order, by the ranker's comparison.
    @inline(__always)
    private func insert(_ j: Int, count: Int, _ s: inout Scratch) {
        var position = count
        while position > 0, precedes(j, s.order[position - 1], s) {
            s.order[position] = s.order[position - 1]
            position -= 1
        }
        s.order[position] = j
    }

    /// The ranker's order: rounded influence, her priority, rounded severity, instrument order.
    @inline(__always)
    private func precedes(_ a: Int, _ b: Int, _ s: Scratch) -> Bool {
        let (x, y) = (s.roundedInfluence[a], s.roundedInfluence[b])
        if x != y { return x > y }
        if s.priority[a] != s.priority[b] { return s.priority[a] < s.priority[b] }
        let (p, q) = (s.roundedSeverity[a], s.roundedSeverity[b])
        if p != q { return p > q }
        return a < b
    }

    /// ``HerView/differences(priorities:ranking:lynchpins:tier0:)`` by need index.
    private func herView(
        _ priorities: UnsafeBufferPointer<Int>, tier0: UnsafeMutableBufferPointer<Bool>, _ s: inout Scratch
    ) {
        s.differsCount = 0
        guard !priorities.isEmpty else { return }
        func listed(_ need: Int) -> Bool {
            for i in 0..<s.differsCount where s.differs[i] == need { return true }
            return false
        }
        let top = min(HerView.topCount, s.count)
        for need in priorities where !tier0[need] && !listed(need) {
            var inTop = false
            for position in 0..<top where s.order[position] == need { inTop = true }
            if inTop { continue }
            s.differs[s.differsCount] = need
            s.differsCount += 1
        }
        for position in 0..<s.count where s.lynchpin[position] {
            let need = s.order[position]
            if priorities.contains(need) || listed(need) { continue }
            s.differs[s.differsCount] = need
            s.differsCount += 1
        }
    }
}
