/// The record ids seen so far, as their 64-bit hashes, for the duplicate check: an open
/// table probed in a line, which takes each id's hash as it is (a `Set` would hash the hash
/// again, which cost more than the rest of merging a row).
///
/// Where a hash goes in the table depends on a seed drawn for each run, so that no input can
/// be made to pile its ids onto one run of slots. Holds at most `capacity` hashes.
final class RecordIDSet {
    private let slots: UnsafeMutablePointer<UInt64>
    private let shift: UInt64
    private let mask: Int
    private let seed: UInt64
    private(set) var count = 0
    let capacity: Int

    /// An empty set for up to `capacity` hashes (the table has at least twice as many slots).
    init(capacity: Int) {
        self.capacity = capacity
        var bits = 4
        while 1 << bits < 2 * capacity { bits += 1 }
        slots = .allocate(capacity: 1 << bits)
        slots.initialize(repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
        mask = (1 << bits) - 1
        seed = UInt64.random(in: .min ... .max)
    }

    deinit { slots.deallocate() }

    /// Adds `hash`; false when it was there already. (0 marks an empty slot, so a hash of 0
    /// is kept as 1.)
    func insert(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        var i = Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[i] != 0 {
            if slots[i] == key { return false }
            i = (i + 1) & mask
        }
        precondition(count < capacity, "the record id set is full")
        slots[i] = key
        count += 1
        return true
    }
}
