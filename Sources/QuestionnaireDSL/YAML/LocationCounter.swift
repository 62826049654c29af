/// Turns positions in the bytes handed to libyaml into lines and columns counted the way
/// ``SourceFile`` counts them: only a line feed ends a line, and a column is one Unicode
/// scalar.
///
/// libyaml's marks follow YAML 1.1, which also ends a line at a lone carriage return,
/// U+0085, U+2028 and U+2029, and its end-of-stream mark sits on a line after a file with no
/// final line break; from there on its line numbers no longer match the lines a diagnostic
/// quotes. Its character index (`mark.index`) has no such ambiguity, so the reader counts
/// from that instead. Events arrive in order, so a cursor that only moves forward keeps the
/// whole conversion linear; a position behind the cursor restarts it from the beginning.
struct LocationCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Characters and bytes before the cursor, and the cursor's line and column.
    private var characters = 0
    private var offset = 0
    private var line = 1
    private var column = 1

    /// Creates a counter over the bytes libyaml reads.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The location of the character with 0-based index `index`.
    mutating func location(ofCharacter index: Int) -> SourceLocation {
        if index < characters { self = LocationCounter(bytes) }
        while characters < index, offset < bytes.count { step() }
        return SourceLocation(line: line, column: column)
    }

    /// The location of the character that holds the byte at 0-based `byteOffset`.
    mutating func location(ofByte byteOffset: Int) -> SourceLocation {
        if byteOffset < offset { self = LocationCounter(bytes) }
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
