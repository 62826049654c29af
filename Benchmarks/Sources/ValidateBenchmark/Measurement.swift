/// Times several cases side by side: every round runs each case in turn, so a slow spell
/// of the machine (another process, frequency scaling) falls on all of them alike.
struct Measurement {
    /// One thing to time. `run` does one whole unit of work and returns a number derived
    /// from its result, which is summed and checked so the optimiser cannot drop the work.
    struct Case {
        let name: String
        let run: () -> Int
    }

    /// What was measured for one case: the time per call in each round, in seconds, and
    /// the sum of what the calls returned.
    struct Result {
        let name: String
        let iterations: Int
        let perCall: [Double]
        let checksum: Int

        var median: Double {
            let sorted = perCall.sorted()
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }
        var fastest: Double { perCall.min() ?? 0 }
        var slowest: Double { perCall.max() ?? 0 }
    }

    var rounds = 7
    /// The shortest time one case may take in one round.
    var minimumRoundSeconds = 0.3

    func run(_ cases: [Case]) -> [Result] {
        // Warm up (caches, lazy globals, the allocator) and find how many calls make a round.
        let iterations = cases.map { calibrate($0) }
        var perCall = Array(repeating: [Double](), count: cases.count)
        var checksums = Array(repeating: 0, count: cases.count)
        for _ in 0..<rounds {
            for (i, c) in cases.enumerated() {
                let (seconds, sum) = time(c, iterations[i])
                perCall[i].append(seconds / Double(iterations[i]))
                checksums[i] &+= sum
            }
        }
        return cases.indices.map {
            Result(name: cases[$0].name, iterations: iterations[$0], perCall: perCall[$0], checksum: checksums[$0])
        }
    }

    /// The calls that make one round last at least the minimum: timed from the fastest
    /// of three batches of about a tenth of a round each, so that one slow batch (the
    /// machine is shared) does not make every round too short.
    private func calibrate(_ c: Case) -> Int {
        var n = 1
        while time(c, n).0 < minimumRoundSeconds / 10 { n *= 2 }
        let fastest = (0..<3).map { _ in time(c, n).0 / Double(n) }.min()!
        return max(1, Int((minimumRoundSeconds * 1.1 / fastest).rounded(.up)))
    }

    private func time(_ c: Case, _ n: Int) -> (Double, Int) {
        let clock = ContinuousClock()
        var sum = 0
        let start = clock.now
        for _ in 0..<n { sum &+= c.run() }
        let elapsed = clock.now - start
        let (seconds, attoseconds) = elapsed.components
        return (Double(seconds) + Double(attoseconds) * 1e-18, sum)
    }
}
