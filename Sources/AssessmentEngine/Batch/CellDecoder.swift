import QuestionnaireDSL

/// Reads one item's cell straight from its bytes into an answer slot, through tables of the
/// item's codes made once per instrument.
///
/// It decodes exactly what ``BatchSlotCodec`` decodes and gives up (nil) on the same
/// unusual cells — a code it does not know, an option given by its value, a number it
/// cannot read exactly or out of range — so that the caller hands the record to the
/// general path, which names the problem.
struct CellDecoder: @unchecked Sendable {
    enum Kind: Sendable { case yesNo, choice, multiChoice, number, text }

    let kind: Kind
    /// A yes/no, choice or scale item's words, for the common cell (see ``WordTable``).
    let words: WordTable?
    /// The options' codes and values (choice, scale and multiple choice items).
    let codes: PackedStrings
    let values: UnsafePointer<Double>
    let min: Double
    let max: Double

    /// The decoder for `item`, its tables in `arena`.
    init(_ item: Item, arena: KernelArena) {
        switch item.type {
        case .yesNo: kind = .yesNo
        case .choice, .scale: kind = .choice
        case .multiChoice: kind = .multiChoice
        case .number: kind = .number
        case .text, .date: kind = .text
        }
        codes = arena.strings(item.options.map(\.code))
        values = arena.copy(item.options.map(\.value))
        words = Self.words(of: item).flatMap { WordTable($0, arena: arena) }
        min = item.min ?? -.infinity
        max = item.max ?? .infinity
    }

    /// Reads the non-empty cell `cell` into `slot`, and its index among the item's answers
    /// (see ``AnswerDomains``) into `answer`, with the decoder `d` points to; false to take the
    /// general path. `readable`: how many bytes may be read from the cell's start (the rest
    /// of the line), so that short cells can be read a word at a time
    /// (see ``PackedStrings/head(_:padded:)``). (Through a pointer, so that only the fields used are loaded.)
    @inline(__always)
    static func decode(
        _ d: UnsafePointer<CellDecoder>, _ cell: UnsafeBufferPointer<UInt8>, readable: Int,
        into slot: UnsafeMutablePointer<AnswerSlot>, answer: UnsafeMutablePointer<UInt16>
    ) -> Bool {
        let padded = readable >= 16
        if padded, cell.count <= 16, let words = d.pointee.words {
            return words.read(cell, into: slot, answer: answer)
        }
        let head = PackedStrings.head(cell, padded: padded)
        if cell.count == 8, head == CellWords.declined {
            slot.pointee = .declined
            answer.pointee = AnswerDomains.declined
            return true
        }
        if cell.count == 9, head == CellWords.dontKno, cell[8] == UInt8(ascii: "w") {
            slot.pointee = .dontKnow
            answer.pointee = AnswerDomains.dontKnow
            return true
        }
        switch d.pointee.kind {
        case .yesNo:
            let yes = cell.count == 3 && head == CellWords.yes
            guard yes || (cell.count == 2 && head == CellWords.no) else { return false }
            slot.pointee = .boolean(yes)
            answer.pointee = AnswerDomains.firstAnswer + (yes ? 1 : 0)
        case .choice:
            guard let index = d.pointee.codes.index(of: cell, head: head, padded: padded) else { return false }
            slot.pointee = .choice(index: index, value: d.pointee.values[index])
            answer.pointee = AnswerDomains.firstAnswer &+ UInt16(truncatingIfNeeded: index)
        case .multiChoice:
            return d.pointee.decodeSet(cell, readable: readable, into: slot, answer: answer)
        case .number:
            answer.pointee = AnswerDomains.firstAnswer  // numbers are not numbered: no table reads it
            return d.pointee.decodeNumber(cell, into: slot)
        case .text:
            slot.pointee = AnswerSlot(state: .answered)
            answer.pointee = AnswerDomains.firstAnswer
        }
        return true
    }

    /// The words a yes/no, choice or scale item's cell may hold, as ``decode(_:_:readable:into:answer:)``
    /// reads them, each with its slot and answer index; nil for the other kinds.
    static func words(of item: Item) -> [(word: [UInt8], slot: AnswerSlot, answer: UInt16)]? {
        let answers: [(String, AnswerSlot, UInt16)]
        switch item.type {
        case .yesNo:
            answers = [
                ("no", .boolean(false), AnswerDomains.firstAnswer),
                ("yes", .boolean(true), AnswerDomains.firstAnswer + 1),
            ]
        case .choice, .scale:
            answers = item.options.indices.map {
                (
                    item.options[$0].code, .choice(index: $0, value: item.options[$0].value),
                    AnswerDomains.firstAnswer + UInt16($0)
                )
            }
        case .multiChoice, .number, .text, .date: return nil
        }
        let reserved: [(String, AnswerSlot, UInt16)] = [
            ("declined", .declined, AnswerDomains.declined), ("dont_know", .dontKnow, AnswerDomains.dontKnow),
        ]
        return (answers + reserved).map { (Array($0.0.utf8), $0.1, $0.2) }
    }

    // The rarer kinds are kept out of line, so that `decode` stays small.

    @inline(never)
    func decodeSet(
        _ cell: UnsafeBufferPointer<UInt8>, readable: Int, into slot: UnsafeMutablePointer<AnswerSlot>,
        answer: UnsafeMutablePointer<UInt16>
    ) -> Bool {
        guard let base = cell.baseAddress else { return false }
        var set: UInt64 = 0
        var start = 0
        /// Adds the code `cell[start..<end]`, false when it is none of the item's.
        func add(_ end: Int) -> Bool {
            let piece = UnsafeBufferPointer(start: base + start, count: end &- start)
            let padded = readable &- start >= 16
            let head = PackedStrings.head(piece, padded: padded)
            guard let index = codes.index(of: piece, head: head, padded: padded) else { return false }
            set |= 1 &<< UInt64(truncatingIfNeeded: index)
            start = end &+ 1
            return true
        }
        // The `;`s eight bytes at a time where the line has them to read, else one at a time.
        var i = 0
        while i < cell.count {
            let valid = cell.count &- i
            var semicolons: UInt64
            if readable &- i >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                semicolons = LineBytes.equal(UInt8(ascii: ";"), word) & PackedStrings.low(valid)
            } else {
                semicolons = 0
                for k in 0..<Swift.min(valid, 8) where base[i &+ k] == UInt8(ascii: ";") {
                    semicolons |= 0x80 &<< UInt64(8 * k)
                }
            }
            while semicolons != 0 {
                guard add(i &+ semicolons.trailingZeroBitCount / 8) else { return false }
                semicolons &= semicolons &- 1
            }
            i &+= 8
        }
        guard add(cell.count) else { return false }
        slot.pointee = .set(set)
        // The set's own index where sets are numbered (no more options than AnswerDomains numbers).
        answer.pointee = AnswerDomains.firstAnswer &+ UInt16(truncatingIfNeeded: set)
        return true
    }

    @inline(never)
    func decodeNumber(_ cell: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<AnswerSlot>) -> Bool {
        guard let number = ExactNumber.parse(cell), number >= min, number <= max else { return false }
        slot.pointee = .number(number)
        return true
    }
}

/// The reserved words a cell may hold, as their first eight bytes read as one integer
/// (little end first, zero-padded; see ``PackedStrings/head(_:)``).
enum CellWords {
    /// `declined`.
    static let declined: UInt64 = 0x6465_6E69_6C63_6564
    /// `dont_kno`, the first eight bytes of `dont_know`.
    static let dontKno: UInt64 = 0x6F6E_6B5F_746E_6F64
    /// `yes`.
    static let yes: UInt64 = 0x73_6579
    /// `no`.
    static let no: UInt64 = 0x6F6E
}

/// Decimal numbers read straight from bytes, only where the result is exactly what
/// `Double(String)` gives: up to 15 significant digits and 15 decimals, so both the digits
/// and the power of ten are exact doubles and one division rounds correctly.
enum ExactNumber {
    /// The number, or nil for anything else (exponents, too many digits, `+`, `.5`, `5.`).
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if i < cell.count, cell[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var decimals = 0
        var seenPoint = false
        var lastWasDigit = false
        while i < cell.count {
            let byte = cell[i]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { decimals += 1 }
                lastWasDigit = true
            } else if byte == UInt8(ascii: "."), !seenPoint, lastWasDigit {
                seenPoint = true
                lastWasDigit = false
            } else {
                return nil
            }
            i += 1
        }
        guard lastWasDigit else { return nil }
        var power = 1.0  // exact: 10^15 < 2^53
        for _ in 0..<decimals { power *= 10 }
        let value = decimals == 0 ? Double(mantissa) : Double(mantissa) / power
        return negative ? -value : value
    }
}
