import ScoreBenchmarkAllocations

/// Times one kind of work over every record, in rounds, and counts its allocations.
struct Timing {
    /// One pass over every record; returns a number derived from the results, summed and
    /// printed, so the optimiser cannot drop the work.
    typealias Pass = () -> Int

    /// What was measured for one kind of work.
    struct Result {
        /// Nanoseconds per record in each round.
        var perRecord: [Double]
        /// Heap allocations per record, or nil when they are not counted on this platform.
        var allocationsPerRecord: Double?
        /// How many records the allocations were counted over.
        var allocationRecords: Int
        /// The sum of what the passes returned.
        var checksum: Int

        /// The median of the rounds.
        var median: Double {
            let sorted = perRecord.sorted()
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }
    }

    /// How many rounds are timed.
    var rounds: Int
    /// The shortest time one round may take.
    var minimumRoundSeconds: Double

    /// Times `pass`, which covers `records` records, and counts its allocations.
    func measure(records: Int, _ pass: Pass) -> Result {
        var checksum = 0
        // Warm up (caches, lazy globals, the allocator's free lists), then find how many
        // passes make a round: the fastest of three batches decides, so one slow batch on
        // a shared machine does not make every round too short.
        var passes = 1
        while seconds(pass, passes, &checksum) < minimumRoundSeconds / 10 { passes *= 2 }
        let fastest = (0..<3).map { _ in seconds(pass, passes, &checksum) / Double(passes) }.min()!
        passes = max(1, Int((minimumRoundSeconds / fastest).rounded(.up)))

        var perRecord: [Double] = []
        perRecord.reserveCapacity(rounds)
        for _ in 0..<rounds {
            perRecord.append(seconds(pass, passes, &checksum) * 1e9 / Double(passes * records))
        }

        // Allocations: the counter before and after one round's worth of passes.
        var allocations: Double? = nil
        if score_benchmark_counts_allocations() == 1 {
            let before = score_benchmark_allocations()
            for _ in 0..<passes { checksum &+= pass() }
            let after = score_benchmark_allocations()
            allocations = Double(after - before) / Double(passes * records)
        }
        return Result(
            perRecord: perRecord, allocationsPerRecord: allocations, allocationRecords: passes * records,
            checksum: checksum)
    }

    private func seconds(_ pass: Pass, _ passes: Int, _ checksum: inout Int) -> Double {
        let clock = ContinuousClock()
        var sum = 0
        let start = clock.now
        for _ in 0..<passes { sum &+= pass() }
        let elapsed = clock.now - start
        checksum &+= sum
        let (whole, attoseconds) = elapsed.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

/// True when the allocation counter sees an allocation that surely happens.
func allocationCountingWorks() -> Bool {
    guard score_benchmark_counts_allocations() == 1 else { return false }
    let before = score_benchmark_allocations()
    let array = [Int](unsafeUninitializedCapacity: 1000) { buffer, count in
        for i in 0..<1000 { buffer[i] = i }
        count = 1000
    }
    let after = score_benchmark_allocations()
    return array.count == 1000 && after > before
}
