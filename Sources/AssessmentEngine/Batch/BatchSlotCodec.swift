import QuestionnaireDSL

/// Turns a record's cells straight into the responses' slots, for the common case of a
/// well-formed record: codes are looked up in tables made once per instrument.
///
/// It gives up (nil) on anything unusual — a code it does not know, a number out of range
/// or an option given by its value, an answer to a question `show_if` hides, priorities
/// that are not plain need ids — and the caller then takes the general path through
/// ``ResponseBuilder``, which says exactly what is wrong. When it does give responses they
/// equal the builder's (the tests hold the two to each other).
struct BatchSlotCodec: Sendable {
    let compiled: CompiledInstrument
    /// For each item, its options' codes to their slots (choice and scale items).
    let choices: [[String: AnswerSlot]]
    /// For each item, its options' codes to their bit (multiple choice items).
    let bits: [[String: UInt64]]
    let needIDs: Set<String>

    init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        choices = compiled.items.map { item in
            Dictionary(
                item.options.enumerated().map { ($1.code, AnswerSlot.choice(index: $0, value: $1.value)) },
                uniquingKeysWith: { a, _ in a })
        }
        bits = compiled.items.map { item in
            Dictionary(
                item.options.enumerated().map { ($1.code, UInt64(1) << UInt64($0)) }, uniquingKeysWith: { a, _ in a })
        }
        needIDs = Set(compiled.instrument.needs.map(\.id))
    }

    /// The responses for `cells` laid out as `layout`, or nil to take the general path.
    func responses(_ cells: [String], layout: BatchLayout, priorities: [String]) -> Responses? {
        guard priorities.count <= AnswerReader.maxPriorities, Set(priorities).count == priorities.count,
            priorities.allSatisfy({ needIDs.contains($0) })
        else { return nil }
        var given = [AnswerSlot?](repeating: nil, count: compiled.items.count)
        var texts: [Int: String] = [:]
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            guard let item = layout.itemOfColumn[column] else { continue }
            guard let slot = slot(cell, item: item) else { return nil }
            given[item] = slot
            if compiled.items[item].type == .text || compiled.items[item].type == .date, slot.state == .answered {
                texts[item] = cell
            }
        }
        var slots = [AnswerSlot](repeating: .unanswered, count: compiled.slotCount)
        var walk = ShowIfWalk()
        for i in compiled.items.indices {
            if walk.hides(i, of: compiled, slots: slots) {
                if given[i] != nil { return nil }
                slots[i] = .notApplicable
            } else if let slot = given[i] {
                slots[i] = slot
            }
        }
        return Responses(slots: slots, texts: texts, priorities: priorities)
    }

    private func slot(_ cell: String, item index: Int) -> AnswerSlot? {
        switch cell {
        case "declined": return .declined
        case "dont_know": return .dontKnow
        default: break
        }
        let item = compiled.items[index]
        switch item.type {
        case .yesNo:
            return cell == "yes" ? .boolean(true) : cell == "no" ? .boolean(false) : nil
        case .choice, .scale:
            return choices[index][cell]
        case .multiChoice:
            var set: UInt64 = 0
            for code in cell.split(separator: ";", omittingEmptySubsequences: false) {
                guard let bit = bits[index][String(code)] else { return nil }
                set |= bit
            }
            return .set(set)
        case .number:
            guard let number = Double(cell), number.isFinite else { return nil }
            if let min = item.min, number < min { return nil }
            if let max = item.max, number > max { return nil }
            return .number(number)
        case .text, .date:
            return AnswerSlot(state: .answered)
        }
    }
}
