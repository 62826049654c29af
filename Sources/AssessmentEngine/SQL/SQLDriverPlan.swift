import QuestionnaireDSL

/// The driver graph as known when compiling: every edge some record could have, and how
/// many rounds of relaxation find every strongest path.
///
/// The engine relaxes the edges of each record's graph up to (present needs − 1) rounds; a
/// strongest path is simple (weights are at most 1, so a cycle never strengthens it), so
/// as many rounds as the longest simple path of the possible graph suffice for every
/// record, and each round is one step of the query. Relaxing all edges at once per round
/// (rather than one after another, as the engine does) reaches the same products: both
/// end at the largest product, multiplied from the source along its path, over all paths.
struct SQLDriverPlan {
    /// One pair of needs joined by at least one driver, with those drivers heaviest first
    /// (the first written among equal weights, as the engine keeps).
    struct Pair {
        var from: Int
        var to: Int
        var drivers: [Int]
    }

    /// The pairs, sorted by source then target.
    let pairs: [Pair]
    /// For each need, the needs it can reach (itself excluded), in index order.
    let reach: [[Int]]
    /// For each need and target, the fewest edges from one to the other (nil when unreachable).
    let distance: [[Int?]]
    /// The rounds of relaxation the query writes.
    let rounds: Int

    init(_ compiled: CompiledInstrument) {
        let instrument = compiled.instrument
        let count = instrument.needs.count
        let index = Dictionary(instrument.needs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byPair: [Int: Pair] = [:]
        for (d, driver) in instrument.drivers.enumerated() {
            guard let from = index[driver.from], let to = index[driver.to], from != to else { continue }
            byPair[from * count + to, default: Pair(from: from, to: to, drivers: [])].drivers.append(d)
        }
        pairs = byPair.values.map { pair in
            var pair = pair
            // Stable: equal weights keep the order written.
            pair.drivers = pair.drivers.enumerated().sorted { a, b in
                let (x, y) = (instrument.drivers[a.element].weight, instrument.drivers[b.element].weight)
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
            return pair
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        var successors = [[Int]](repeating: [], count: count)
        for pair in pairs { successors[pair.from].append(pair.to) }
        var distance = [[Int?]](repeating: [Int?](repeating: nil, count: count), count: count)
        for source in 0..<count {
            var frontier = [source]
            distance[source][source] = 0
            var step = 0
            while !frontier.isEmpty {
                step += 1
                var next: [Int] = []
                for node in frontier {
                    for target in successors[node] where distance[source][target] == nil {
                        distance[source][target] = step
                        next.append(target)
                    }
                }
                frontier = next
            }
        }
        self.distance = distance
        reach = (0..<count).map { s in (0..<count).filter { $0 != s && distance[s][$0] != nil } }
        rounds = Self.longestSimplePath(successors, fallback: Set(pairs.flatMap { [$0.from, $0.to] }).count - 1)
    }

    /// The most edges on any simple path, by depth-first search; past a budget of steps
    /// (a large, dense graph) the bound of nodes − 1, which always suffices.
    static func longestSimplePath(_ successors: [[Int]], fallback: Int) -> Int {
        var longest = 0
        var steps = 0
        let budget = 200_000
        var onPath = [Bool](repeating: false, count: successors.count)
        func walk(_ node: Int, _ length: Int) -> Bool {
            steps += 1
            if steps > budget { return false }
            longest = max(longest, length)
            onPath[node] = true
            defer { onPath[node] = false }
            for next in successors[node] where !onPath[next] {
                if !walk(next, length + 1) { return false }
            }
            return true
        }
        for start in successors.indices where !walk(start, 0) { return max(fallback, 0) }
        return longest
    }
}
