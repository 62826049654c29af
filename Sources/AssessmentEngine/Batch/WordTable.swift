import QuestionnaireDSL

/// Every word a yes/no, choice or scale item's cell may hold, each with the answer it
/// stands for, in one small hash table: a cell of up to 16 bytes is found with one load
/// of one 32-byte entry (the item's other tables, spread over several cache lines, are
/// left for longer cells), so that reading a line's cells touches little memory.
struct WordTable: @unchecked Sendable {
    /// One word and its answer, in 32 bytes.
    struct Entry {
        /// The word's first eight bytes and the next eight (zero-padded; see ``PackedStrings/head(_:)``).
        var head: UInt64
        var second: UInt64
        /// The slot's number and code, and its state (as its raw value).
        var number: Double
        var code: Int32
        var answer: UInt16
        var length: UInt8
        var state: UInt8
    }

    let entries: UnsafePointer<Entry>
    /// The entry for a cell whose first word is `head` is `entries[(head &* multiplier) >> shift]`.
    let multiplier: UInt64
    let shift: UInt64

    /// The table of `words`, each with its slot and answer index, in `arena`; nil when a word
    /// is longer than 16 bytes or no multiplier tried gives each word an entry of its own.
    init?(_ words: [(word: [UInt8], slot: AnswerSlot, answer: UInt16)], arena: KernelArena) {
        guard words.allSatisfy({ $0.word.count <= 16 }) else { return nil }
        let heads = words.map { $0.word.withUnsafeBufferPointer(PackedStrings.head) }
        let found = (3...6).lazy.compactMap { bits in
            PackedStrings.separatingMultiplier(heads, bits: bits).map { (multiplier: $0, bits: bits) }
        }.first
        guard let found else { return nil }
        // Unused entries have length 0, which no cell read here has.
        var table = [Entry](
            repeating: Entry(head: 0, second: 0, number: 0, code: 0, answer: 0, length: 0, state: 0),
            count: 1 << found.bits)
        for (k, word) in words.enumerated() {
            let second = word.word.count > 8 ? Array(word.word[8...]).withUnsafeBufferPointer(PackedStrings.head) : 0
            table[Int((heads[k] &* found.multiplier) >> UInt64(64 - found.bits))] = Entry(
                head: heads[k], second: second, number: word.slot.number, code: word.slot.code, answer: word.answer,
                length: UInt8(word.word.count), state: word.slot.state.rawValue)
        }
        entries = arena.aligned(table, to: 64)
        multiplier = found.multiplier
        shift = UInt64(64 - found.bits)
    }

    /// Reads `cell` (1 to 16 bytes, with 16 readable from its start), whose first word is
    /// `head`, into `slot` and `answer`; false when it is none of the words.
    @inline(__always)
    func read(
        _ cell: UnsafeBufferPointer<UInt8>, head: UInt64, into slot: UnsafeMutablePointer<AnswerSlot>,
        answer: UnsafeMutablePointer<UInt16>
    ) -> Bool {
        let entry = entries + Int(truncatingIfNeeded: (head &* multiplier) &>> shift)
        let second =
            UnsafeRawPointer(cell.baseAddress! + 8).loadUnaligned(as: UInt64.self)
            & PackedStrings.low(Swift.max(cell.count &- 8, 0))
        guard entry.pointee.head == head, entry.pointee.second == second, Int(entry.pointee.length) == cell.count
        else { return false }
        // The state's raw value was stored from an AnswerState: the cast cannot make a stray case.
        slot.pointee = AnswerSlot(
            state: unsafeBitCast(entry.pointee.state, to: AnswerState.self), number: entry.pointee.number,
            code: entry.pointee.code)
        answer.pointee = entry.pointee.answer
        return true
    }
}
