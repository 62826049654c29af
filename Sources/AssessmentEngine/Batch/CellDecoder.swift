import QuestionnaireDSL

/// Reads one item's cell straight from its bytes into an answer slot, through tables of the
/// item's codes made once per instrument.
///
/// It decodes exactly what ``BatchSlotCodec`` decodes and gives up (nil) on the same
/// unusual cells — a code it does not know, an option given by its value, a number it
/// cannot read exactly or out of range — so that the caller hands the record to the
/// general path, which names the problem.
struct CellDecoder: Sendable {
    enum Kind: Sendable { case yesNo, choice, multiChoice, number, text }

    let kind: Kind
    /// The options' codes, one after another; option `i` is `codes[codeStarts[i]..<codeStarts[i + 1]]`.
    let codes: [UInt8]
    let codeStarts: [Int]
    /// The options' values (choice and scale items).
    let values: [Double]
    let min: Double
    let max: Double

    /// The decoder for `item`.
    init(_ item: Item) {
        switch item.type {
        case .yesNo: kind = .yesNo
        case .choice, .scale: kind = .choice
        case .multiChoice: kind = .multiChoice
        case .number: kind = .number
        case .text, .date: kind = .text
        }
        var codes: [UInt8] = []
        var starts = [0]
        for option in item.options {
            codes += Array(option.code.utf8)
            starts.append(codes.count)
        }
        self.codes = codes
        self.codeStarts = starts
        self.values = item.options.map(\.value)
        self.min = item.min ?? -.infinity
        self.max = item.max ?? .infinity
    }

    /// The slot for the non-empty cell `cell`, or nil to take the general path.
    @inline(__always)
    func slot(_ cell: UnsafeBufferPointer<UInt8>) -> AnswerSlot? {
        if CellWords.declined.matches(cell) { return .declined }
        if CellWords.dontKnow.matches(cell) { return .dontKnow }
        switch kind {
        case .yesNo:
            if CellWords.yes.matches(cell) { return .boolean(true) }
            if CellWords.no.matches(cell) { return .boolean(false) }
            return nil
        case .choice:
            guard let index = option(cell) else { return nil }
            return .choice(index: index, value: values[index])
        case .multiChoice:
            var set: UInt64 = 0
            var start = 0
            for i in 0...cell.count where i == cell.count || cell[i] == UInt8(ascii: ";") {
                guard let index = option(UnsafeBufferPointer(rebasing: cell[start..<i])) else { return nil }
                set |= 1 << UInt64(index)
                start = i + 1
            }
            return .set(set)
        case .number:
            guard let number = ExactNumber.parse(cell), number >= min, number <= max else { return nil }
            return .number(number)
        case .text:
            return AnswerSlot(state: .answered)
        }
    }

    /// The index of the option whose code is `cell`.
    @inline(__always)
    private func option(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        codes.withUnsafeBufferPointer { codes in
            for i in 0..<(codeStarts.count - 1) {
                let start = codeStarts[i]
                guard codeStarts[i + 1] - start == cell.count else { continue }
                var same = true
                for k in 0..<cell.count where codes[start + k] != cell[k] {
                    same = false
                    break
                }
                if same { return i }
            }
            return nil
        }
    }
}

/// The reserved words a cell may hold, as bytes.
enum CellWords {
    static let declined = Word("declined")
    static let dontKnow = Word("dont_know")
    static let yes = Word("yes")
    static let no = Word("no")

    /// A short ASCII word packed into two integers, so a match is a length check and two compares.
    struct Word: Sendable {
        let low: UInt64
        let high: UInt64
        let count: Int

        init(_ text: StaticString) {
            precondition(text.utf8CodeUnitCount <= 16, "words are at most 16 bytes")
            count = text.utf8CodeUnitCount
            (low, high) = Self.pack(UnsafeBufferPointer(start: text.utf8Start, count: count))
        }

        /// Up to 16 bytes, little end first.
        @inline(__always)
        static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for i in 0..<Swift.min(bytes.count, 8) { low |= UInt64(bytes[i]) << UInt64(8 * i) }
            for i in Swift.min(bytes.count, 8)..<bytes.count { high |= UInt64(bytes[i]) << UInt64(8 * (i - 8)) }
            return (low, high)
        }

        @inline(__always)
        func matches(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
            guard cell.count == count else { return false }
            let (low, high) = Self.pack(cell)
            return low == self.low && high == self.high
        }
    }
}

/// Decimal numbers read straight from bytes, only where the result is exactly what
/// `Double(String)` gives: up to 15 significant digits and 15 decimals, so both the digits
/// and the power of ten are exact doubles and one division rounds correctly.
enum ExactNumber {
    private static let powers: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { a, _ in a * 10 } }

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
        let value = decimals == 0 ? Double(mantissa) : Double(mantissa) / powers[decimals]
        return negative ? -value : value
    }
}
