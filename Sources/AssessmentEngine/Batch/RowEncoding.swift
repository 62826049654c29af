import QuestionnaireDSL

/// How the fast path writes the cells of an output row as bytes: CSV, or a JSON object per
/// line, exactly as ``BatchRows`` writes the same cells.
///
/// Cells given as plain bytes must need no quoting or escaping (the fast path takes only
/// lines of printable ASCII without quotes or backslashes); cells whose text comes from the
/// instrument (band names) are encoded once, here.
struct RowEncoding: Sendable {
    let jsonl: Bool
    /// What goes before each column's cell: a comma, or the JSON key.
    let prefixes: [[UInt8]]

    init(format: BatchRunner.OutputFormat, header: [String]) {
        jsonl = format == .jsonl
        prefixes = header.enumerated().map { column, name in
            guard format == .jsonl else { return column == 0 ? [] : [UInt8(ascii: ",")] }
            return Array(((column == 0 ? "{" : ",") + JSONLRecord.quoted(name) + ":").utf8)
        }
    }

    /// `text` encoded as a whole cell (quoted as it needs), for text that may hold anything.
    func encoded(_ text: String) -> [UInt8] {
        guard jsonl else { return Array(BatchColumns.csvCell(text).utf8) }
        return text.isEmpty ? Array("null".utf8) : Array(JSONLRecord.quoted(text).utf8)
    }

    /// Starts the cell of `column`; `empty` says there is nothing in it.
    @inline(__always)
    func open(_ column: Int, empty: Bool, _ out: inout ByteBuffer) {
        prefixes[column].withUnsafeBufferPointer { if let p = $0.baseAddress { out.append(p, count: $0.count) } }
        guard jsonl else { return }
        if empty {
            for byte in "null".utf8 { out.append(byte) }
        } else {
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Ends the cell opened by ``open(_:empty:_:)``.
    @inline(__always)
    func close(empty: Bool, _ out: inout ByteBuffer) {
        if jsonl, !empty { out.append(UInt8(ascii: "\"")) }
    }

    /// A whole cell of plain bytes.
    @inline(__always)
    func cell(_ column: Int, _ start: UnsafePointer<UInt8>, count: Int, _ out: inout ByteBuffer) {
        open(column, empty: count == 0, &out)
        out.append(start, count: count)
        close(empty: count == 0, &out)
    }

    /// A whole cell already encoded by ``encoded(_:)``.
    @inline(__always)
    func encodedCell(_ column: Int, _ bytes: [UInt8], _ out: inout ByteBuffer) {
        prefixes[column].withUnsafeBufferPointer { if let p = $0.baseAddress { out.append(p, count: $0.count) } }
        bytes.withUnsafeBufferPointer { if let p = $0.baseAddress { out.append(p, count: $0.count) } }
    }

    /// Ends the row.
    @inline(__always)
    func end(_ out: inout ByteBuffer) {
        if jsonl { out.append(UInt8(ascii: "}")) }
        out.append(UInt8(ascii: "\n"))
    }

}
