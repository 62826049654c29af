/// Turns positions in the bytes handed to libyaml into lines and columns counted the way
/// ``SourceFile`` counts them: only a line feed ends a line, and a column is one Unicode
/// scalar.
///
/// libyaml's marks follow YAML 1.1, which also ends a line at a lone carriage return,
/// U+0085, U+2028 and U+2029, and its end-of-stream mark sits on a line after a file with no
/// final line break; from there on its line numbers no longer match the lines a diagnostic
/// quotes. Its character index (`mark.index`) has no such ambiguity, so the reader counts
/// from that instead. Event positions are looked up in a table of where each line starts,
/// made in one pass over the bytes; error reporting uses a cursor (``seek(character:)``,
/// ``seek(byte:)``) that also tells which character it stopped at.
struct LocationCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The character index at which each line starts; line 1 starts at 0.
    private let lineStarts: [Int]
    /// Characters and bytes before the cursor, and the cursor's line and column.
    private var characters = 0
    private var offset = 0
    private var line = 1
    private var column = 1

    /// Creates a counter over the bytes libyaml reads.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var starts = [0]
        var characters = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            characters += 1
            if byte == UInt8(ascii: "\n") { starts.append(characters) }
        }
        self.lineStarts = starts
    }

    private init(restartingFrom counter: LocationCounter) {
        self.bytes = counter.bytes
        self.lineStarts = counter.lineStarts
    }

    /// The line (0-based) found by the last lookup: events arrive in order, so the next
    /// lookup is almost always on the same line or a few after it.
    private var lastLine = 0

    /// The location of the character with 0-based index `index` (past the end: the place
    /// just after the last character).
    mutating func location(ofCharacter index: Int) -> SourceLocation {
        var line = lastLine
        if lineStarts[line] <= index {
            // Walk forward a few lines, then fall back to a binary search.
            var steps = 0
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= index, steps < 8 {
                line += 1
                steps += 1
            }
            if steps == 8 { line = Self.search(lineStarts, index, from: line) }
        } else {
            line = Self.search(lineStarts, index, from: 0)
        }
        lastLine = line
        return SourceLocation(line: line + 1, column: index - lineStarts[line] + 1)
    }

    /// The last line at or after `low` that starts at or before `index`.
    private static func search(_ starts: [Int], _ index: Int, from low: Int) -> Int {
        var low = low
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Moves the cursor to the character with 0-based index `index` and returns its location.
    mutating func seek(character index: Int) -> SourceLocation {
        if index < characters { self = LocationCounter(restartingFrom: self) }
        while characters < index, offset < bytes.count { step() }
        return SourceLocation(line: line, column: column)
    }

    /// Moves the cursor to the character that holds the byte at 0-based `byteOffset` and
    /// returns its location.
    mutating func seek(byte byteOffset: Int) -> SourceLocation {
        if byteOffset < offset { self = LocationCounter(restartingFrom: self) }
        while offset < byteOffset, offset < bytes.count { step() }
        return SourceLocation(line: line, column: column)
    }

    /// The character at the cursor; nil at the end of the input or at a byte that is not UTF-8.
    var character: Unicode.Scalar? {
        var bytes = self.bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&bytes) { return scalar }
        return nil
    }

    /// True when the cursor has passed every byte.
    var isAtEnd: Bool { offset >= bytes.count }

    /// Moves past one character: a byte that does not continue a UTF-8 sequence, and the
    /// continuation bytes after it (counted this way, invalid bytes cannot stall the cursor).
    private mutating func step() {
        let first = bytes[offset]
        offset += 1
        while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
        characters += 1
        if first == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }
}
