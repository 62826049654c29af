import QuestionnaireDSL

/// A need's or strength's scoring worked out for every combination of its items' answers
/// (see ``AnswerDomains``): the score slot each combination leaves, and that score's three
/// cells of the row, already written. Both come from the scorer's own per-entry scoring
/// and the kernel's own cell writing, run once per combination when the kernel is made.
struct ScoreTable: @unchecked Sendable {
    let key: TableKey
    /// For each combination, which of the distinct outcomes it gives.
    let outcomes: UnsafePointer<UInt16>
    /// Each distinct outcome's score slot; an outcome's index numbers the score for the
    /// expressions that read it (see ``AnswerDomains/number(score:as:)``).
    let slots: UnsafeBufferPointer<AnswerSlot>
    /// Each distinct outcome's cells (score, band, status), with their prefixes.
    let cells: PackedStrings

    /// The table of `key`'s combinations, each scored by `score`, its cells written by `write`;
    /// nil when the outcomes are too many to number.
    init?(
        _ key: TableKey, domains: AnswerDomains, slotCount: Int, arena: KernelArena,
        score: (UnsafeBufferPointer<AnswerSlot>) -> AnswerSlot, write: (AnswerSlot, inout ByteBuffer) -> Void
    ) {
        // Told apart bit for bit (0 and -0 are equal as numbers, not as slots).
        var distinct: [Exactly: UInt16] = [:]
        var slots: [AnswerSlot] = []
        var outcomes = [UInt16](repeating: 0, count: key.combinations)
        domains.forEachCombination(of: key, slotCount: slotCount) { combination, probe in
            let slot = score(probe)
            if let known = distinct[Exactly(slot)] {
                outcomes[combination] = known
            } else {
                outcomes[combination] = UInt16(truncatingIfNeeded: slots.count)
                distinct[Exactly(slot)] = UInt16(truncatingIfNeeded: slots.count)
                slots.append(slot)
            }
        }
        guard slots.count <= Int(UInt16.max) else { return nil }
        var buffer = ByteBuffer(capacity: 64)
        defer { buffer.free() }
        let cells = slots.map { slot in
            buffer.removeAll()
            write(slot, &buffer)
            return Array(buffer.bytes)
        }
        self.key = key
        self.outcomes = arena.copy(outcomes)
        self.slots = arena.buffer(slots)
        self.cells = arena.strings(cells)
    }

    /// A slot's every bit, for telling outcomes apart.
    private struct Exactly: Hashable {
        let state: AnswerState
        let number: UInt64
        let code: Int32
        let set: UInt64

        init(_ slot: AnswerSlot) {
            (state, number, code, set) = (slot.state, slot.number.bitPattern, slot.code, slot.set)
        }
    }
}
