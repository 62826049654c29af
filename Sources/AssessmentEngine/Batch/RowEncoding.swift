import QuestionnaireDSL

/// How the fast path writes the cells of an output row as bytes: CSV, or a JSON object per
/// line, exactly as ``BatchRows`` writes the same cells.
///
/// Cells given as plain bytes must need no quoting or escaping (the fast path takes only
/// lines of printable ASCII without quotes or backslashes); cells whose text comes from the
/// instrument (band names) are encoded once, by ``encoded(_:)``.
struct RowEncoding: @unchecked Sendable {
    let jsonl: Bool
    /// What goes before each column's cell: a comma, or the JSON key.
    let prefixes: PackedStrings

    init(format: BatchRunner.OutputFormat, header: [String], arena: KernelArena) {
        jsonl = format == .jsonl
        prefixes = arena.strings(
            header.enumerated().map { column, name in
                guard format == .jsonl else { return column == 0 ? "" : "," }
                return (column == 0 ? "{" : ",") + JSONLRecord.quoted(name) + ":"
            })
    }

    /// `text` encoded as a whole cell (quoted as it needs), for text that may hold anything.
    func encoded(_ text: String) -> String {
        guard jsonl else { return BatchColumns.csvCell(text) }
        return text.isEmpty ? "null" : JSONLRecord.quoted(text)
    }

    /// Starts the cell of `column`; `empty` says there is nothing in it. Like the rest of a
    /// row's framing, it goes into room reserved for the row (see ``RecordKernel/rowBound``).
    @inline(__always)
    func open(_ column: Int, empty: Bool, _ out: inout ByteBuffer) {
        out.appendReserved(prefixes, column)
        guard jsonl else { return }
        if empty {
            for byte in "null".utf8 { out.appendReserved(byte) }
        } else {
            out.appendReserved(UInt8(ascii: "\""))
        }
    }

    /// Ends the cell opened by ``open(_:empty:_:)``.
    @inline(__always)
    func close(empty: Bool, _ out: inout ByteBuffer) {
        if jsonl, !empty { out.appendReserved(UInt8(ascii: "\"")) }
    }

    /// A whole cell of plain bytes.
    @inline(__always)
    func cell(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        open(column, empty: bytes.isEmpty, &out)
        out.append(bytes)
        close(empty: bytes.isEmpty, &out)
    }

    /// A whole cell already encoded by ``encoded(_:)``.
    @inline(__always)
    func encodedCell(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        out.append(prefixes, column)
        out.append(bytes)
    }

    /// Ends the row.
    @inline(__always)
    func end(_ out: inout ByteBuffer) {
        if jsonl { out.appendReserved(UInt8(ascii: "}")) }
        out.appendReserved(UInt8(ascii: "\n"))
    }
}

/// The instrument's words as the fast path writes them, encoded once with their columns'
/// prefixes, so that most of a row is a few runs of bytes copied as they are.
struct RowText: @unchecked Sendable {
    /// The instrument's version, as bytes to compare a `_version` cell with.
    let version: PackedStrings
    /// The `instrument` and `version` cells, with their prefixes.
    let instrumentCells: PackedStrings
    /// For each need, then each strength: what comes before its score.
    let scoreOpen: PackedStrings
    /// For each need, then each strength, for each band: what comes after its score (the
    /// band's and the status's cells).
    let scoreTail: UnsafePointer<PackedStrings>
    /// For each need, then each strength: its three cells when not assessed.
    let notAssessed: PackedStrings
    /// Need ids (plain identifiers, safe in any cell), safeguarding and responsivity rule ids.
    let needs: PackedStrings
    let safeguarding: PackedStrings
    let responsivity: PackedStrings

    /// The words of `instrument`, whose first score is in column `firstScoreColumn`.
    init(_ instrument: Instrument, firstScoreColumn: Int, encoding: RowEncoding, arena: KernelArena) {
        func prefix(_ column: Int) -> [UInt8] { Array(encoding.prefixes[column]) }
        func cell(_ column: Int, _ text: String) -> [UInt8] { prefix(column) + Array(encoding.encoded(text).utf8) }
        version = arena.strings([instrument.version])
        instrumentCells = arena.strings([
            cell(firstScoreColumn - 2, instrument.id) + cell(firstScoreColumn - 1, instrument.version)
        ])
        let bands = instrument.needs.map { $0.bands.map(\.name) } + instrument.strengths.map { $0.bands.map(\.name) }
        let quote: [UInt8] = encoding.jsonl ? [UInt8(ascii: "\"")] : []
        scoreOpen = arena.strings(bands.indices.map { prefix(firstScoreColumn + 3 * $0) + quote })
        scoreTail = arena.copy(
            bands.enumerated().map { k, names in
                let column = firstScoreColumn + 3 * k
                return arena.strings(
                    names.map { name in
                        quote + cell(column + 1, name) + cell(column + 2, ScoreOutcome.Status.assessed.rawValue)
                    })
            })
        notAssessed = arena.strings(
            bands.indices.map { k in
                let column = firstScoreColumn + 3 * k
                return cell(column, "") + cell(column + 1, "")
                    + cell(column + 2, ScoreOutcome.Status.notAssessed.rawValue)
            })
        needs = arena.strings(instrument.needs.map(\.id))
        safeguarding = arena.strings(instrument.safeguarding.map(\.id))
        responsivity = arena.strings(instrument.responsivity.map(\.id))
    }
}
