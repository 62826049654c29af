import QuestionnaireDSL

/// Synthetic answer records for an instrument: realistic enough to test and benchmark with,
/// and safe to share because no one answered them.
///
/// Each record answers the items in order, asking only those whose `show_if` holds on the
/// answers so far (a hidden item's cell is empty), with a few declined, don't-know and
/// unanswered cells; about half the records name her priorities. The same seed always gives
/// the same records. Identifying items are left out.
///
/// ```swift
/// var records = SyntheticRecords(compiled, seed: 42)
/// print(records.header.joined(separator: ","))
/// for _ in 0..<1000 { print(BatchColumns.csvLine(records.next())) }
/// ```
public struct SyntheticRecords: Sendable {
    /// How often an asked question is declined, answered "don't know", or left unanswered.
    public static let declineRate = 0.03, dontKnowRate = 0.02, unansweredRate = 0.02

    let compiled: CompiledInstrument
    /// The items written: every item that is not identifying, in order.
    let columns: [Int]
    var random: SplitMix64
    var count = 0

    /// Records for `compiled`, drawn from `seed`.
    public init(_ compiled: CompiledInstrument, seed: UInt64) {
        self.compiled = compiled
        self.columns = compiled.items.indices.filter { !compiled.items[$0].identifying }
        self.random = SplitMix64(seed: seed)
    }

    /// `record_id`, one column per item that is not identifying, then `_priorities`.
    public var header: [String] {
        ["record_id"] + columns.map { compiled.items[$0].id } + ["_priorities"]
    }

    /// The next record's cells, in the order of ``header``.
    public mutating func next() -> [String] {
        count += 1
        var slots = [AnswerSlot](repeating: .unanswered, count: compiled.slotCount)
        var cells = [String](repeating: "", count: compiled.items.count)
        var walk = ShowIfWalk()
        for (i, item) in compiled.items.enumerated() {
            if walk.hides(i, of: compiled, slots: slots) {
                slots[i] = .notApplicable
                continue
            }
            let roll = random.unit()
            if roll < Self.declineRate {
                (cells[i], slots[i]) = ("declined", .declined)
            } else if roll < Self.declineRate + Self.dontKnowRate {
                (cells[i], slots[i]) = ("dont_know", .dontKnow)
            } else if roll < Self.declineRate + Self.dontKnowRate + Self.unansweredRate {
                continue
            } else {
                (cells[i], slots[i]) = answer(item)
            }
        }
        return ["s\(count)"] + columns.map { cells[$0] } + [priorities()]
    }

    private mutating func answer(_ item: Item) -> (String, AnswerSlot) {
        switch item.type {
        case .yesNo:
            let yes = random.unit() < 0.5
            return (yes ? "yes" : "no", .boolean(yes))
        case .choice, .scale:
            let index = random.below(item.options.count)
            return (item.options[index].code, .choice(index: index, value: item.options[index].value))
        case .multiChoice:
            var bits: UInt64 = 0
            for index in item.options.indices where random.unit() < 0.3 { bits |= 1 << UInt64(index) }
            let codes = item.options.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { item.options[$0].code }
            return (codes.joined(separator: ";"), .set(bits))
        case .number:
            let low = Int(item.min ?? 0), high = Int(item.max ?? max(item.min ?? 0, 0) + 10)
            let value = low + random.below(max(high - low, 0) + 1)
            return (String(value), .number(Double(value)))
        case .text:
            return ("in her own words", AnswerSlot(state: .answered))
        case .date:
            return ("2024-0\(1 + random.below(9))-1\(random.below(10))", AnswerSlot(state: .answered))
        }
    }

    private mutating func priorities() -> String {
        guard random.unit() < 0.5 else { return "" }
        var needs = compiled.instrument.needs.map(\.id)
        var chosen: [String] = []
        for _ in 0..<min(1 + random.below(3), needs.count) {
            chosen.append(needs.remove(at: random.below(needs.count)))
        }
        return chosen.joined(separator: ";")
    }
}

/// A small, fast, seedable generator (SplitMix64), the same on every platform.
struct SplitMix64: Sendable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// In [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// In 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
