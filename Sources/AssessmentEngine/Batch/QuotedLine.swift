#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A line with quoted cells (RFC 4180, as ``CSVRecord`` reads them), rewritten without its
/// quotes for the fast path, where that changes nothing the row shows: a CSV written with
/// every cell quoted, say, or with a comma in a free-text answer.
///
/// A quoted cell becomes its content, with any comma in it turned into a space. No item's
/// answer has a comma or a space (codes are identifiers; numbers and her priorities have
/// neither), so a cell so changed still fails to decode and sends the line to the general
/// path; a text answer stays a text answer (only whether it was given is read). The cells
/// whose bytes reach the row or are compared as text (the record id, carried columns, the
/// `_version`) must have no comma. A line this cannot rewrite faithfully (a doubled quote,
/// a quote left open or followed by text) is left to the general path, which names the problem.
struct QuotedLine: @unchecked Sendable {
    /// For each input column: its bytes are written out or compared as they stand.
    let keepsText: UnsafePointer<Bool>
    let columnCount: Int

    /// `line` (without its line break) without its quotes, in `plain`; nil when it has none,
    /// or when it cannot be rewritten so.
    func plain(_ line: UnsafeBufferPointer<UInt8>, into plain: inout ByteBuffer) -> UnsafeBufferPointer<UInt8>? {
        guard let base = line.baseAddress else { return nil }
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard memchr(base, Int32(UInt8(ascii: "\"")), end) != nil else { return nil }
        plain.removeAll()
        plain.reserve(end)
        var i = 0
        var column = 0
        while true {
            if i < end, line[i] == UInt8(ascii: "\"") {
                i += 1
                var closed = false
                while i < end {
                    let byte = line[i]
                    i += 1
                    if byte == UInt8(ascii: "\"") {
                        guard i == end || line[i] != UInt8(ascii: "\"") else { return nil }  // an escaped quote
                        closed = true
                        break
                    }
                    let keeps = column < columnCount && keepsText[column]
                    guard Self.append(byte, ofTextThatKeeps: keeps, to: &plain) else { return nil }
                }
                guard closed, i == end || line[i] == UInt8(ascii: ",") else { return nil }
            } else {
                // Unquoted: as it stands (a quote inside it stays, and the fast path steps aside).
                while i < end, line[i] != UInt8(ascii: ",") {
                    plain.append(line[i])
                    i += 1
                }
            }
            guard i < end else { break }
            plain.append(UInt8(ascii: ","))
            i += 1
            column += 1
            if i == end { break }  // a final comma: an empty last cell
        }
        return plain.bytes(readablePast: RecordKernel.slack)
    }

    /// Appends one byte of a quoted cell's (or a JSON string's) text to the plain line: a
    /// comma as a space, which no answer holds, unless the cell's text `keeps` (is written out
    /// or compared as it stands), when false says the line needs the general path.
    @inline(__always)
    static func append(_ byte: UInt8, ofTextThatKeeps keeps: Bool, to plain: inout ByteBuffer) -> Bool {
        guard byte == UInt8(ascii: ",") else {
            plain.append(byte)
            return true
        }
        guard !keeps else { return false }
        plain.append(UInt8(ascii: " "))
        return true
    }
}
