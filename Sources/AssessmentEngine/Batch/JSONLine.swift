import QuestionnaireDSL

/// A JSON Lines record (one object a line, as ``JSONLRecord`` reads it) rewritten as the CSV
/// line of the same cells, in the layout's column order, for the fast path — where the
/// object is a plain one: keys without escapes, each a column once; values `null`, `true`,
/// `false`, strings without escapes, whole numbers written plainly (as ``NumberText`` would
/// write them back) or lists of such strings. A comma in a string becomes a space, as in
/// ``QuotedLine`` (and for the same reason), except in the cells whose bytes reach the row.
/// Anything else (an unknown or identifying key, escapes, other numbers, nesting) is left
/// to the general path, which reads the line with a JSON decoder and names any problem.
struct JSONLine: @unchecked Sendable {
    /// The layout's column names, to find each key's column.
    let names: PackedStrings
    /// For each column: its bytes are written out or compared as they stand.
    let keepsText: UnsafePointer<Bool>
    /// For each column: it is an identifying item's (the general path refuses or drops it).
    let identifying: UnsafePointer<Bool>
    let columnCount: Int

    /// Working memory: where each column's text is, from one line to the next.
    struct Scratch {
        /// For each column: the line the scan last saw it on, and its text's range in
        /// `line` (a start of -1 for `yes`, -2 for `no`; `lists` holds a list's text).
        var seenOn: [Int]
        var start: [Int]
        var end: [Int]
        var inLists: [Bool]
        var lists = ByteBuffer(capacity: 256)
        var lineNumber = 0

        init(columns: Int) {
            seenOn = [Int](repeating: 0, count: columns)
            start = [Int](repeating: 0, count: columns)
            end = [Int](repeating: 0, count: columns)
            inLists = [Bool](repeating: false, count: columns)
        }

        func free() { lists.free() }
    }

    /// The CSV line for the JSON object `line`, in `plain`; nil for the general path.
    func plain(
        _ line: UnsafeBufferPointer<UInt8>, _ s: inout Scratch, into plain: inout ByteBuffer
    ) -> UnsafeBufferPointer<UInt8>? {
        s.lineNumber += 1
        s.lists.removeAll()
        var reader = Reader(line)
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = reader.string(), reader.take(UInt8(ascii: ":")),
                    let column = names.index(of: UnsafeBufferPointer(rebasing: line[key])),
                    !identifying[column], s.seenOn[column] != s.lineNumber,
                    value(&reader, column, &s)
                else { return nil }
                s.seenOn[column] = s.lineNumber
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")) else { return nil }
        }
        guard reader.atEnd else { return nil }
        plain.removeAll()
        plain.reserve(line.count)
        for column in 0..<columnCount {
            if column > 0 { plain.append(UInt8(ascii: ",")) }
            guard s.seenOn[column] == s.lineNumber else { continue }
            switch s.start[column] {
            case -1: plain.append("yes")
            case -2: plain.append("no")
            default:
                let from = s.inLists[column] ? UnsafeBufferPointer(start: s.lists.base, count: s.lists.count) : line
                for i in s.start[column]..<s.end[column] {
                    guard QuotedLine.append(from[i], ofTextThatKeeps: keepsText[column], to: &plain) else { return nil }
                }
            }
        }
        return plain.bytes(readablePast: RecordKernel.slack)
    }

    /// Reads one value for `column`; false for one the fast path does not take.
    private func value(_ reader: inout Reader, _ column: Int, _ s: inout Scratch) -> Bool {
        s.inLists[column] = false
        if let text = reader.string() {
            (s.start[column], s.end[column]) = (text.lowerBound, text.upperBound)
        } else if reader.word("null") {
            (s.start[column], s.end[column]) = (0, 0)
        } else if reader.word("true") {
            s.start[column] = -1
        } else if reader.word("false") {
            s.start[column] = -2
        } else if let number = reader.wholeNumber() {
            (s.start[column], s.end[column]) = (number.lowerBound, number.upperBound)
        } else if reader.take(UInt8(ascii: "[")) {
            // A list of strings, joined by `;` as the general path joins them.
            let start = s.lists.count
            if !reader.take(UInt8(ascii: "]")) {
                repeat {
                    guard let text = reader.string() else { return false }
                    if s.lists.count > start { s.lists.append(UInt8(ascii: ";")) }
                    s.lists.append(UnsafeBufferPointer(rebasing: reader.line[text]))
                } while reader.take(UInt8(ascii: ","))
                guard reader.take(UInt8(ascii: "]")) else { return false }
            }
            (s.start[column], s.end[column], s.inLists[column]) = (start, s.lists.count, true)
        } else {
            return false
        }
        return true
    }

    /// A cursor over one line's JSON, skipping the blanks between tokens.
    struct Reader {
        let line: UnsafeBufferPointer<UInt8>
        var i = 0

        init(_ line: UnsafeBufferPointer<UInt8>) { self.line = line }

        var atEnd: Bool {
            mutating get {
                skipBlanks()
                return i == line.count
            }
        }

        mutating func skipBlanks() {
            while i < line.count,
                line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") || line[i] == UInt8(ascii: "\r")
            {
                i += 1
            }
        }

        /// Takes `byte` if it comes next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipBlanks()
            guard i < line.count, line[i] == byte else { return false }
            i += 1
            return true
        }

        /// Takes `word` (`null`, `true`, `false`) if it comes next.
        mutating func word(_ word: StaticString) -> Bool {
            skipBlanks()
            let n = word.utf8CodeUnitCount
            guard line.count - i >= n else { return false }
            for k in 0..<n where line[i + k] != word.utf8Start[k] { return false }
            guard i + n == line.count || !Self.isLetter(line[i + n]) else { return false }
            i += n
            return true
        }

        /// A string with no escapes, as the range of its content; nil (taking nothing) otherwise.
        mutating func string() -> Range<Int>? {
            skipBlanks()
            guard i < line.count, line[i] == UInt8(ascii: "\"") else { return nil }
            var j = i + 1
            while j < line.count, line[j] != UInt8(ascii: "\"") {
                guard line[j] != UInt8(ascii: "\\") else { return nil }
                j += 1
            }
            guard j < line.count else { return nil }
            defer { i = j + 1 }
            return (i + 1)..<j
        }

        /// A whole number of 1 to 15 digits, with no leading zero, point or exponent (which
        /// ``NumberText`` writes back as it is), as its range; nil (taking nothing) otherwise.
        mutating func wholeNumber() -> Range<Int>? {
            skipBlanks()
            var j = i
            if j < line.count, line[j] == UInt8(ascii: "-") { j += 1 }
            let digits = j
            while j < line.count, line[j] >= UInt8(ascii: "0"), line[j] <= UInt8(ascii: "9") { j += 1 }
            let count = j - digits
            guard count >= 1, count <= 15, line[digits] != UInt8(ascii: "0") || (count == 1 && digits == i) else {
                return nil
            }
            if j < line.count,
                line[j] == UInt8(ascii: ".") || line[j] == UInt8(ascii: "e") || line[j] == UInt8(ascii: "E")
            {
                return nil
            }
            defer { i = j }
            return i..<j
        }

        static func isLetter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
    }
}
