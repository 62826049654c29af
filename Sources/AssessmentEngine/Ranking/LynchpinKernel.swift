import QuestionnaireDSL

/// ``LynchpinRanker``'s order and lynch-pins on flat buffers, for batch scoring: no reasons,
/// nothing allocated per record. The same graph (active drivers between present needs, the
/// heaviest of parallel edges), the same strongest paths and the same comparisons, so it
/// gives exactly the ranker's needs, order and lynch-pins (the tests hold the two to each
/// other). The strongest paths are found by relaxing only the edges out of needs whose best
/// product has just grown, rather than every edge round after round: with every weight in
/// (0, 1] and rounding monotonic, any order of relaxation that stops when nothing grows ends
/// at the one fixed point, each need's largest product over all paths (see ``strongestPaths``).
struct LynchpinKernel: @unchecked Sendable {
    let needCount: Int
    /// The first need's slot; need `j` is at `firstNeedSlot + j`.
    let firstNeedSlot: Int
    let maxScores: UnsafePointer<Double>
    /// The distinct (from, to) pairs that some driver joins, sorted by from, then to.
    let pairCount: Int
    let pairFrom: UnsafePointer<Int>
    let pairTo: UnsafePointer<Int>
    /// Each usable driver: its pair, weight and condition.
    let driverCount: Int
    let driverPair: UnsafePointer<Int>
    let driverWeight: UnsafePointer<Double>
    /// The usable drivers' `when`s, bit `d` for driver `d` (see ``ConditionSet``).
    let driverWhen: ConditionSet
    /// A bit for each usable driver with no `when`: it holds whenever both its needs are present.
    let unconditional: UInt64

    /// A kernel for `compiled`, its tables in `arena`, its `when`s told by the set `conditions` makes.
    init(
        _ compiled: CompiledInstrument, conditions: ([CompiledExpression?]) -> ConditionSet, arena: KernelArena
    ) {
        let instrument = compiled.instrument
        needCount = instrument.needs.count
        firstNeedSlot = compiled.items.count
        maxScores = arena.copy(instrument.needs.map(\.max))
        let ends = DriverGraph.ends(compiled)
        let pairs = Set(ends.compactMap { $0.flatMap { $0.from == $0.to ? nil : [$0.from, $0.to] } }).sorted {
            ($0[0], $0[1]) < ($1[0], $1[1])
        }
        pairCount = pairs.count
        pairFrom = arena.copy(pairs.map { $0[0] })
        pairTo = arena.copy(pairs.map { $0[1] })
        var driverPair: [Int] = []
        var driverWeight: [Double] = []
        var driverWhen: [CompiledExpression?] = []
        for (d, end) in ends.enumerated() {
            guard let end, end.from != end.to else { continue }
            driverPair.append(pairs.firstIndex(of: [end.from, end.to])!)
            driverWeight.append(instrument.drivers[d].weight)
            driverWhen.append(compiled.drivers[d])
        }
        driverCount = driverPair.count
        self.driverPair = arena.copy(driverPair)
        self.driverWeight = arena.copy(driverWeight)
        self.driverWhen = conditions(driverWhen)
        unconditional = driverWhen.indices.reduce(0) { $0 | (driverWhen[$1] == nil ? 1 << UInt64($1) : 0) }
    }

    /// Working memory for one thread, reused record after record.
    struct Scratch {
        let present: UnsafeMutableBufferPointer<Bool>
        let severity: UnsafeMutableBufferPointer<Double>
        let product: UnsafeMutableBufferPointer<Double>
        let pairWeight: UnsafeMutableBufferPointer<Double>
        /// The active edges, grouped by the need they leave (`firstEdge[u]..<endEdge[u]`).
        let edgeTo: UnsafeMutableBufferPointer<Int>
        let edgeWeight: UnsafeMutableBufferPointer<Double>
        let firstEdge: UnsafeMutableBufferPointer<Int>
        let endEdge: UnsafeMutableBufferPointer<Int>
        /// The needs whose out-edges are still to be relaxed, and whether each is among them.
        let pending: UnsafeMutableBufferPointer<Int>
        let isPending: UnsafeMutableBufferPointer<Bool>
        let influence: UnsafeMutableBufferPointer<Double>
        /// Influence and severity rounded as the ranker compares them.
        let roundedInfluence: UnsafeMutableBufferPointer<Double>
        let roundedSeverity: UnsafeMutableBufferPointer<Double>
        let drives: UnsafeMutableBufferPointer<Bool>
        /// Whether an active edge leaves each need.
        let hasOut: UnsafeMutableBufferPointer<Bool>
        let priority: UnsafeMutableBufferPointer<Int>
        /// The ranked needs, best first (``count`` of them).
        let order: UnsafeMutableBufferPointer<Int>
        let lynchpin: UnsafeMutableBufferPointer<Bool>
        /// Where her view differs, by need index (``differsCount`` of them).
        let differs: UnsafeMutableBufferPointer<Int>
        var count = 0
        var differsCount = 0

        init(needs: Int, pairs: Int) {
            present = .allocate(capacity: needs)
            severity = .allocate(capacity: needs)
            product = .allocate(capacity: needs)
            pairWeight = .allocate(capacity: max(pairs, 1))
            edgeTo = .allocate(capacity: max(pairs, 1))
            edgeWeight = .allocate(capacity: max(pairs, 1))
            firstEdge = .allocate(capacity: needs)
            endEdge = .allocate(capacity: needs)
            pending = .allocate(capacity: needs)
            isPending = .allocate(capacity: needs)
            influence = .allocate(capacity: needs)
            roundedInfluence = .allocate(capacity: needs)
            roundedSeverity = .allocate(capacity: needs)
            drives = .allocate(capacity: needs)
            hasOut = .allocate(capacity: needs)
            priority = .allocate(capacity: needs)
            order = .allocate(capacity: needs)
            lynchpin = .allocate(capacity: needs)
            differs = .allocate(capacity: needs + AnswerReader.maxPriorities)
        }

        func free() {
            for buffer in [product, severity, influence, roundedInfluence, roundedSeverity, edgeWeight]
                as [UnsafeMutableBufferPointer<Double>]
            { buffer.deallocate() }
            for buffer in [present, drives, hasOut, lynchpin, isPending] as [UnsafeMutableBufferPointer<Bool>] {
                buffer.deallocate()
            }
            for buffer in [edgeTo, firstEdge, endEdge, pending, priority, order, differs]
                as [UnsafeMutableBufferPointer<Int>]
            { buffer.deallocate() }
            pairWeight.deallocate()
        }
    }

    /// A scratch sized for this instrument.
    func makeScratch() -> Scratch { Scratch(needs: needCount, pairs: pairCount) }

    /// Ranks the present needs of scored `slots` (whose items' answer indices are `answers`,
    /// see ``AnswerDomains``); `priorities` are her named needs by index,
    /// `tier0[j]` says whether need `j`'s `urgent_if` holds. The result is left in `scratch`.
    func rank(
        _ slots: UnsafeBufferPointer<AnswerSlot>, answers: UnsafePointer<UInt16>, priorities: UnsafeBufferPointer<Int>,
        tier0: UnsafeMutableBufferPointer<Bool>, _ s: inout Scratch
    ) {
        let n = needCount
        for j in 0..<n {
            let slot = slots[firstNeedSlot + j]
            let isPresent = slot.state == .answered && slot.code > 0
            s.present[j] = isPresent
            s.severity[j] = isPresent && maxScores[j] > 0 ? slot.number / maxScores[j] : 0
            s.priority[j] = Int.max
        }
        for (position, need) in priorities.enumerated() where s.priority[need] == Int.max {
            s.priority[need] = position
        }
        activeEdges(slots, answers, &s)
        var count = 0
        for j in 0..<n where s.present[j] {
            var influence = s.severity[j]
            var drives = false
            // A need with no active edge out of it reaches nothing: no paths to look for.
            if s.hasOut[j] {
                strongestPaths(from: j, &s)
                for t in 0..<n where t != j && s.product[t] > 0 {
                    influence += s.severity[t] * s.product[t]
                    drives = true
                }
            }
            s.influence[j] = influence
            s.roundedInfluence[j] = LynchpinRanker.rounded(influence)
            s.roundedSeverity[j] = LynchpinRanker.rounded(s.severity[j])
            s.drives[j] = drives
            insert(j, count: count, &s)
            count += 1
        }
        s.count = count
        let threshold =
            count > 0 ? LynchpinRanker.rounded(s.roundedInfluence[s.order[0]] * LynchpinRanker.jointShare) : 0
        for position in 0..<count {
            s.lynchpin[position] = position == 0 || s.roundedInfluence[s.order[position]] >= threshold
        }
        herView(priorities, tier0: tier0, &s)
    }

    /// Fills the pair weights from the active drivers and lists the pairs with an edge, in
    /// (from, to) order, so that each need's out-edges lie together.
    private func activeEdges(
        _ slots: UnsafeBufferPointer<AnswerSlot>, _ answers: UnsafePointer<UInt16>, _ s: inout Scratch
    ) {
        for p in 0..<pairCount { s.pairWeight[p] = 0 }
        var held = driverWhen.holding(slots, answers) | unconditional
        while held != 0 {
            let d = held.trailingZeroBitCount
            held &= held &- 1
            let p = driverPair[d]
            guard s.present[pairFrom[p]], s.present[pairTo[p]], driverWeight[d] > s.pairWeight[p] else { continue }
            s.pairWeight[p] = driverWeight[d]
        }
        for j in 0..<needCount {
            s.firstEdge[j] = 0
            s.endEdge[j] = 0
        }
        var edgeCount = 0
        for p in 0..<pairCount where s.pairWeight[p] > 0 {
            let from = pairFrom[p]
            if s.endEdge[from] == 0 { s.firstEdge[from] = edgeCount }
            s.edgeTo[edgeCount] = pairTo[p]
            s.edgeWeight[edgeCount] = s.pairWeight[p]
            edgeCount += 1
            s.endEdge[from] = edgeCount
        }
        for j in 0..<needCount { s.hasOut[j] = s.endEdge[j] > 0 }
    }

    /// ``StrongestPaths``' products from `source`, left in `s.product`. Rather than rounds over
    /// every edge, the edges out of a need are relaxed again only when its product has grown
    /// (strict improvements only, edges into the source skipped, as there). The result is the
    /// same: the rounds stop at a fixed point (a strongest path visits each need at most once,
    /// so n − 1 rounds reach one), and so does this; at any fixed point each need's product is
    /// the largest over all paths to it, as multiplying by a weight in (0, 1] and rounding keep
    /// order and never make a product larger, so that fixed point is the only one.
    @inline(__always)
    private func strongestPaths(from source: Int, _ s: inout Scratch) {
        for t in 0..<needCount {
            s.product[t] = 0
            s.isPending[t] = false
        }
        s.product[source] = 1
        s.pending[0] = source
        s.isPending[source] = true
        var pendingCount = 1
        while pendingCount > 0 {
            pendingCount -= 1
            let from = s.pending[pendingCount]
            s.isPending[from] = false
            let product = s.product[from]
            for e in s.firstEdge[from]..<s.endEdge[from] {
                let to = s.edgeTo[e]
                guard to != source else { continue }
                let candidate = product * s.edgeWeight[e]
                if candidate > s.product[to] {
                    s.product[to] = candidate
                    if !s.isPending[to] {
                        s.isPending[to] = true
                        s.pending[pendingCount] = to
                        pendingCount += 1
                    }
                }
            }
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
