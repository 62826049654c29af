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
    /// Each item's kind and the bytes of its option codes, so that no item is copied per record.
    private let types: [ItemType]
    private let codes: [[[UInt8]]]
    private let ranges: [(low: Int, high: Int)]
    private let needIDs: [[UInt8]]
    /// The current record's answers, as the `show_if` walk reads them, and each item's cell.
    private var slots: [AnswerSlot]
    private var cells: [Cell]

    /// What one item's cell holds.
    private enum Cell {
        case empty, declined, dontKnow, yes, no, text
        case option(Int)
        case options(UInt64)
        case number(Int)
        case date(month: Int, day: Int)
    }

    /// Records for `compiled`, drawn from `seed`.
    public init(_ compiled: CompiledInstrument, seed: UInt64) {
        self.compiled = compiled
        self.columns = compiled.items.indices.filter { !compiled.items[$0].identifying }
        self.random = SplitMix64(seed: seed)
        types = compiled.items.map(\.type)
        codes = compiled.items.map { $0.options.map { Array($0.code.utf8) } }
        ranges = compiled.items.map { item in
            (Int(item.min ?? 0), Int(item.max ?? max(item.min ?? 0, 0) + 10))
        }
        needIDs = compiled.instrument.needs.map { Array($0.id.utf8) }
        slots = [AnswerSlot](repeating: .unanswered, count: compiled.slotCount)
        cells = [Cell](repeating: .empty, count: compiled.items.count)
    }

    /// `record_id`, one column per item that is not identifying, then `_priorities`.
    public var header: [String] {
        ["record_id"] + columns.map { compiled.items[$0].id } + ["_priorities"]
    }

    /// The next record's cells, in the order of ``header``.
    public mutating func next() -> [String] {
        var line = ByteBuffer(capacity: 1024)
        defer { line.free() }
        append(to: &line)
        // No cell holds a comma (codes, numbers, dates and the words of a text answer).
        return String(decoding: line.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// The next `count` records as CSV lines (no header), handed to `write` a block at a time.
    public mutating func writeLines(_ count: Int, _ write: (UnsafeRawBufferPointer) -> Void) {
        var block = ByteBuffer(capacity: 1 << 20)
        defer { block.free() }
        for _ in 0..<count {
            append(to: &block)
            block.append(UInt8(ascii: "\n"))
            if block.count >= (1 << 20) - 4096 {
                write(block.bytes)
                block.removeAll()
            }
        }
        write(block.bytes)
    }

    /// Draws the next record and appends it as one CSV line (without its line break). No
    /// cell needs quoting.
    mutating func append(to line: inout ByteBuffer) {
        count += 1
        draw()
        line.append(UInt8(ascii: "s"))
        line.appendInteger(Int64(count))
        for item in columns {
            line.append(UInt8(ascii: ","))
            write(cells[item], of: item, to: &line)
        }
        line.append(UInt8(ascii: ","))
        priorities(to: &line)
    }

    /// Answers the items in order, asking only those whose `show_if` holds on the answers so far.
    private mutating func draw() {
        for i in slots.indices { slots[i] = .unanswered }
        var walk = ShowIfWalk()
        for i in cells.indices {
            cells[i] = .empty
            if walk.hides(i, of: compiled, slots: slots) {
                slots[i] = .notApplicable
                continue
            }
            let roll = random.unit()
            if roll < Self.declineRate {
                (cells[i], slots[i]) = (.declined, .declined)
            } else if roll < Self.declineRate + Self.dontKnowRate {
                (cells[i], slots[i]) = (.dontKnow, .dontKnow)
            } else if roll < Self.declineRate + Self.dontKnowRate + Self.unansweredRate {
                continue
            } else {
                (cells[i], slots[i]) = answer(i)
            }
        }
    }

    private mutating func answer(_ i: Int) -> (Cell, AnswerSlot) {
        switch types[i] {
        case .yesNo:
            let yes = random.unit() < 0.5
            return (yes ? .yes : .no, .boolean(yes))
        case .choice, .scale:
            let index = random.below(codes[i].count)
            return (.option(index), .choice(index: index, value: compiled.items[i].options[index].value))
        case .multiChoice:
            var bits: UInt64 = 0
            for index in codes[i].indices where random.unit() < 0.3 { bits |= 1 << UInt64(index) }
            return (.options(bits), .set(bits))
        case .number:
            let (low, high) = ranges[i]
            let value = low + random.below(max(high - low, 0) + 1)
            return (.number(value), .number(Double(value)))
        case .text:
            return (.text, AnswerSlot(state: .answered))
        case .date:
            let month = 1 + random.below(9)
            return (.date(month: month, day: random.below(10)), AnswerSlot(state: .answered))
        }
    }

    private func write(_ cell: Cell, of item: Int, to line: inout ByteBuffer) {
        switch cell {
        case .empty: break
        case .declined: line.append("declined")
        case .dontKnow: line.append("dont_know")
        case .yes: line.append("yes")
        case .no: line.append("no")
        case .text: line.append("in her own words")
        case .option(let index): codes[item][index].withUnsafeBufferPointer { line.append($0) }
        case .options(let bits):
            var first = true
            for index in codes[item].indices where bits & (1 << UInt64(index)) != 0 {
                if !first { line.append(UInt8(ascii: ";")) }
                first = false
                codes[item][index].withUnsafeBufferPointer { line.append($0) }
            }
        case .number(let value): line.appendInteger(Int64(value))
        case .date(let month, let day):
            line.append("2024-0")
            line.appendInteger(Int64(month))
            line.append("-1")
            line.appendInteger(Int64(day))
        }
    }

    /// About half the records name one to three needs as her priorities.
    private mutating func priorities(to line: inout ByteBuffer) {
        guard random.unit() < 0.5 else { return }
        var needs = Array(needIDs.indices)
        for k in 0..<min(1 + random.below(3), needs.count) {
            if k > 0 { line.append(UInt8(ascii: ";")) }
            needIDs[needs.remove(at: random.below(needs.count))].withUnsafeBufferPointer { line.append($0) }
        }
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
