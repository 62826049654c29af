import QuestionnaireDSL

/// Every word a yes/no, choice or scale item's cell may hold, each with the answer it
/// stands for, and the empty cell (unanswered), in one small hash table: a cell of up to 16 bytes is found with one load
/// of one entry (the item's other tables, spread over several cache lines, are left for
/// longer cells), so that reading a line's cells touches little memory. An entry is 32
/// bytes, two to a cache line, so that every item's table together stays small enough to
/// be kept close to the processor record after record.
struct WordTable: @unchecked Sendable {
    /// One word and its answer: the parts of its slot that a yes/no, choice or scale
    /// answer can have (its `set` is always empty), and its index among the item's answers.
    struct Entry {
        /// The word's first eight bytes and the next eight (zero-padded; see ``PackedStrings/head(_:)``).
        var head: UInt64
        var second: UInt64
        var number: Double
        var code: Int32
        var answer: UInt16
        var state: AnswerState
        var length: UInt8

        init(head: UInt64, second: UInt64, slot: AnswerSlot, answer: UInt16, length: UInt8) {
            precondition(slot.set == 0, "a word's slot has no set of choices")
            self.head = head
            self.second = second
            number = slot.number
            code = slot.code
            self.answer = answer
            state = slot.state
            self.length = length
        }

        /// The slot the word stands for.
        @inline(__always)
        var slot: AnswerSlot { AnswerSlot(state: state, number: number, code: code) }
    }

    /// The masks that keep a cell's own bytes of the two words read (see ``KernelArena/wordMasks``).
    struct Masks {
        var head: UInt64
        var second: UInt64
    }

    let entries: UnsafePointer<Entry>
    let masks: UnsafePointer<Masks>
    /// The entry for a cell whose first word is `head` is `entries[(head &* multiplier) >> shift]`.
    let multiplier: UInt64
    let shift: UInt64

    /// The table of `words`, each with its slot and answer index, in `arena`; nil when a word
    /// is longer than 16 bytes or no multiplier tried gives each word an entry of its own.
    init?(_ words: [(word: [UInt8], slot: AnswerSlot, answer: UInt16)], arena: KernelArena) {
        guard words.allSatisfy({ $0.word.count <= 16 }) else { return nil }
        let heads = words.map { $0.word.withUnsafeBufferPointer(PackedStrings.head) }
        // The empty cell's head, 0, is kept apart from the words' too: it always lands on entry 0.
        let found = (3...6).lazy.compactMap { bits in
            PackedStrings.separatingMultiplier([0] + heads, bits: bits).map { (multiplier: $0, bits: bits) }
        }.first
        guard let found else { return nil }
        // Entry 0 is the empty cell, unanswered; the other unused entries have length 0 too, and
        // head 0, which only the empty cell has, so no cell finds them.
        let unanswered = Entry(head: 0, second: 0, slot: .unanswered, answer: AnswerDomains.unanswered, length: 0)
        var table = [Entry](repeating: unanswered, count: 1 << found.bits)
        for (k, word) in words.enumerated() {
            let second = word.word.count > 8 ? Array(word.word[8...]).withUnsafeBufferPointer(PackedStrings.head) : 0
            table[Int((heads[k] &* found.multiplier) >> UInt64(64 - found.bits))] = Entry(
                head: heads[k], second: second, slot: word.slot, answer: word.answer, length: UInt8(word.word.count))
        }
        entries = arena.aligned(table, to: 64)
        masks = arena.wordMasks
        multiplier = found.multiplier
        shift = UInt64(64 - found.bits)
    }

    /// The entry of the word in the `count` bytes (0 to 16) at `start`, after which at least
    /// 16 bytes may be read (the loads are of whole words); nil when it is none of the words.
    /// No bytes are the empty cell: unanswered.
    @inline(__always)
    func entry(_ start: UnsafePointer<UInt8>, count: Int) -> UnsafePointer<Entry>? {
        let (entry, differs) = lookup(start, count: count)
        return differs == 0 ? entry : nil
    }

    /// The one entry the `count` bytes at `start` could be (16 bytes may be read from there),
    /// and zero for `differs` when they are its word, whatever `count` is (a count over 16
    /// matches no word): so a line's cells can all be looked up before one test of whether
    /// each was found.
    @inline(__always)
    func lookup(_ start: UnsafePointer<UInt8>, count: Int) -> (entry: UnsafePointer<Entry>, differs: UInt64) {
        let raw = UnsafeRawPointer(start)
        let mask = masks + Swift.min(count, 16)
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & mask.pointee.head
        let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & mask.pointee.second
        let entry = entries + Int(truncatingIfNeeded: (head &* multiplier) &>> shift)
        let differs =
            (entry.pointee.head ^ head) | (entry.pointee.second ^ second)
            | (UInt64(entry.pointee.length) ^ UInt64(truncatingIfNeeded: count))
        return (entry, differs)
    }

    /// Reads `cell` (1 to 16 bytes, with 16 readable from its start) into `slot` and `answer`;
    /// false when it is none of the words.
    @inline(__always)
    func read(
        _ cell: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<AnswerSlot>,
        answer: UnsafeMutablePointer<UInt16>
    ) -> Bool {
        guard let entry = entry(cell.baseAddress!, count: cell.count) else { return false }
        slot.pointee = entry.pointee.slot
        answer.pointee = entry.pointee.answer
        return true
    }
}
