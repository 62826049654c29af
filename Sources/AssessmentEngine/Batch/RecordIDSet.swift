/// The record ids seen so far, as their 64-bit hashes, for the duplicate check: an open
/// table probed in a line, which takes each id's hash as it is (a `Set` would hash the hash
/// again, which cost more than the rest of merging a row).
///
/// Where a hash goes in the table depends on a seed drawn for each run, so that no input can
/// be made to pile its ids onto one run of slots. The table doubles whenever it is half
/// full, so its memory follows the ids it holds (at most `capacity` of them).
final class RecordIDSet {
    private var slots: UnsafeMutablePointer<UInt64>
    private var bits: Int
    private let seed = UInt64.random(in: .min ... .max)
    private(set) var count = 0
    let capacity: Int

    /// An empty set for up to `capacity` hashes.
    init(capacity: Int) {
        self.capacity = capacity
        bits = 10
        slots = Self.emptyTable(bits)
    }

    deinit { slots.deallocate() }

    private static func emptyTable(_ bits: Int) -> UnsafeMutablePointer<UInt64> {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 1 << bits)
        table.initialize(repeating: 0, count: 1 << bits)
        return table
    }

    /// Adds `hash`; false when it was there already. (0 marks an empty slot, so a hash of 0
    /// is kept as 1.)
    func insert(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        var i = slot(of: key)
        while slots[i] != 0 {
            if slots[i] == key { return false }
            i = (i + 1) & ((1 << bits) - 1)
        }
        precondition(count < capacity, "the record id set is full")
        slots[i] = key
        count += 1
        if 2 * count > 1 << bits { grow() }
        return true
    }

    /// Where `key`'s probe starts.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Doubles the table, putting every hash in again.
    private func grow() {
        let old = slots
        let oldSize = 1 << bits
        bits += 1
        slots = Self.emptyTable(bits)
        for k in 0..<oldSize where old[k] != 0 {
            var i = slot(of: old[k])
            while slots[i] != 0 { i = (i + 1) & ((1 << bits) - 1) }
            slots[i] = old[k]
        }
        old.deallocate()
    }
}
