import Testing

@testable import AssessmentEngine

/// ``RecordIDSet`` answers as a `Set<UInt64>` does, however the hashes fall.
@Suite struct RecordIDSetTests {
    @Test func itTellsRepeatsAsASetDoes() {
        let ids = RecordIDSet(capacity: 5_000)
        var reference = Set<UInt64>()
        var random = SeededRandom(seed: 11)
        for n in 0..<5_000 {
            // Some hashes repeat, some share their low or high bits, and 0 and 1 are among them.
            let hash: UInt64 =
                switch n % 4 {
                case 0: UInt64.random(in: 0..<600, using: &random)
                case 1: UInt64.random(in: 0..<600, using: &random) << 40
                default: random.next()
                }
            #expect(ids.insert(hash) == reference.insert(hash == 0 ? 1 : hash).inserted, "hash \(hash)")
        }
        #expect(ids.count == reference.count)
    }

    @Test func aTableGrownFromConsecutiveHashesStillFindsEachOne() {
        let ids = RecordIDSet(capacity: 10_000)
        for hash in UInt64(1)...10_000 { #expect(ids.insert(hash)) }
        for hash in UInt64(1)...10_000 { #expect(!ids.insert(hash)) }
        #expect(ids.count == 10_000)
    }
}
