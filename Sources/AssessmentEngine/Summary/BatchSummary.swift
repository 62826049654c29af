import Foundation
import QuestionnaireDSL

/// Counts over `assess batch` output that identify no one: per group (all records, and
/// each value of a `--by` column), how many records have each need at each band, the
/// lead lynch-pin, pairs of present needs, and rules that fired; small counts suppressed.
///
/// Memory grows with the number of groups, not of records.
public struct BatchSummary: Sendable {
    /// One group's counts.
    public struct Group: Sendable {
        public var records = 0
        /// need id → band name (or `not_assessed`) → records.
        public var bands: [String: [String: Int]] = [:]
        /// strength id → band name (or `not_assessed`) → records.
        public var strengthBands: [String: [String: Int]] = [:]
        /// need id (or `none`) → records whose first-ranked lynch-pin it is.
        public var leadLynchpin: [String: Int] = [:]
        /// "a+b" → records where both needs are present.
        public var pairs: [String: Int] = [:]
        /// "safeguarding:rule", "flags:rule", "tier0:need" → records.
        public var rules: [String: Int] = [:]
    }

    let instrument: Instrument
    let by: String?
    let names: SummaryNames
    var header: [String] = []
    var byColumn: Int?
    /// Where the counted cells are (from the first file's header).
    var columns: SummaryColumns?
    /// The instrument and version columns, when the file has them.
    var versionColumns: (instrument: Int, version: Int)?
    /// Each group's counts, and the groups by their `--by` value; the key "" holds every record.
    var tallies: [SummaryTally] = []
    var tallyOf: [String: Int] = [:]
    /// Rows scored by another instrument or version than ``instrument``.
    public private(set) var otherInstrument = 0

    /// The groups by their `--by` value; the key "" holds every record.
    public var groups: [String: Group] { tallyOf.mapValues { tallies[$0].group(instrument, names) } }

    /// An empty summary for `instrument`, optionally grouped by the column `by`.
    public init(instrument: Instrument, by: String?) {
        self.instrument = instrument
        self.by = by
        names = SummaryNames(instrument)
    }

    /// Reads one batch output file (CSV with its header, or JSON Lines); `file` names it in
    /// problems. A CSV line of plain ASCII without quotes is counted from its bytes; others
    /// are read as cells.
    public mutating func read(_ reader: inout LineReader, file: String) throws(SummaryProblem) {
        var lineNumber = 0
        var jsonLines = false
        var bounds: [Range<Int>] = []
        while true {
            let lines = reader.next(4096)
            if lines.isEmpty { break }
            for line in lines {
                lineNumber += 1
                if lineNumber == 1, line.first == UInt8(ascii: "{") { jsonLines = true }
                if jsonLines {
                    if line.isEmpty { continue }
                    guard let object = Self.object(line) else { throw .unreadable(file: file, line: lineNumber) }
                    if lineNumber == 1 { try use(header: object.keys.sorted(), file: file) }
                    try add(cells: header.map { object[$0]?.text ?? "" }, file: file, line: lineNumber)
                    continue
                }
                // Plain ASCII without quotes: anything else is read as cells (checked as UTF-8).
                if lineNumber > 1, line.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\"") }) {
                    try line.withUnsafeBufferPointer { bytes throws(SummaryProblem) in
                        Self.split(bytes, into: &bounds)
                        try add(bytes, bounds, file: file, line: lineNumber)
                    }
                    continue
                }
                guard case .success(let cells) = line.withUnsafeBufferPointer({ CSVRecord.cells($0) }) else {
                    throw .unreadable(file: file, line: lineNumber)
                }
                if lineNumber == 1 {
                    try use(header: cells, file: file)
                } else {
                    try add(cells: cells, file: file, line: lineNumber)
                }
            }
        }
        if lineNumber == 0 { throw .empty(file: file) }
    }

    /// A JSON object's members as cells (see ``JSONCell``), or nil when the line is not one.
    /// Batch rows hold only strings and nulls, which are read here byte by byte; any other
    /// line (numbers, escapes, lists) goes through ``JSONCell``'s decoding.
    private static func object(_ line: [UInt8]) -> [String: JSONCell]? {
        line.withUnsafeBufferPointer(plainObject)
            ?? (try? JSONDecoder().decode([String: JSONCell].self, from: Data(line)))
    }

    /// A flat object of ASCII strings without escapes, and nulls, as cells; nil for anything
    /// else. Read with the batch fast path's ``JSONLine/Reader``.
    private static func plainObject(_ line: UnsafeBufferPointer<UInt8>) -> [String: JSONCell]? {
        var reader = JSONLine.Reader(line)
        // Plain ASCII only: control bytes and other text are left to the decoder.
        func string() -> String? {
            guard let range = reader.string() else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: line[range])
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var cells: [String: JSONCell] = [:]
        cells.reserveCapacity(128)
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                guard let name = string(), reader.take(UInt8(ascii: ":")) else { return nil }
                if reader.word("null") {
                    cells[name] = JSONCell(text: "")
                } else {
                    guard let text = string() else { return nil }
                    cells[name] = JSONCell(text: text)
                }
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")) else { return nil }
        }
        return reader.atEnd ? cells : nil
    }

    /// The cells of a line without quotes: the bytes between its commas (a final carriage
    /// return dropped).
    private static func split(_ line: UnsafeBufferPointer<UInt8>, into bounds: inout [Range<Int>]) {
        bounds.removeAll(keepingCapacity: true)
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var start = 0
        for i in 0...end where i == end || line[i] == UInt8(ascii: ",") {
            bounds.append(start..<i)
            start = i + 1
        }
    }

    /// Counts a row read as cells, through their bytes.
    private mutating func add(cells: [String], file: String, line: Int) throws(SummaryProblem) {
        var bytes: [UInt8] = []
        var bounds: [Range<Int>] = []
        for cell in cells {
            let start = bytes.count
            bytes.append(contentsOf: cell.utf8)
            bounds.append(start..<bytes.count)
        }
        try bytes.withUnsafeBufferPointer { bytes throws(SummaryProblem) in
            try add(bytes, bounds, file: file, line: line)
        }
    }

    /// Counts the row whose cell `c` is `bytes[bounds[c]]`, in every group it belongs to.
    private mutating func add(
        _ bytes: UnsafeBufferPointer<UInt8>, _ bounds: [Range<Int>], file: String, line: Int
    ) throws(SummaryProblem) {
        if bounds.count == 1, bounds[0].isEmpty { return }  // an empty line
        guard bounds.count == header.count, let columns else {
            throw .cellCount(file: file, line: line, count: bounds.count, expected: header.count)
        }
        let cell = { (c: Int) in UnsafeBufferPointer(rebasing: bytes[bounds[c]]) }
        if let (i, v) = versionColumns,
            !cell(i).elementsEqual(instrument.id.utf8) || !cell(v).elementsEqual(instrument.version.utf8)
        {
            otherInstrument += 1
        }
        count(cell, columns, in: "")
        if let byColumn {
            let value = cell(byColumn)
            count(cell, columns, in: value.isEmpty ? "(blank)" : String(decoding: value, as: UTF8.self))
        }
    }

    /// Counts a row in the group `key`.
    private mutating func count(_ cell: (Int) -> UnsafeBufferPointer<UInt8>, _ columns: SummaryColumns, in key: String)
    {
        let index: Int
        if let known = tallyOf[key] {
            index = known
        } else {
            index = tallies.count
            tallies.append(SummaryTally(names))
            tallyOf[key] = index
        }
        tallies[index].count(cell, columns: columns, names: names, instrument: instrument)
    }

    private mutating func use(header cells: [String], file: String) throws(SummaryProblem) {
        if !header.isEmpty {
            guard cells == header else { throw .differentHeader(file: file) }
            return
        }
        let columns = Dictionary(cells.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for need in instrument.needs where columns["\(need.id)_band"] == nil {
            throw .missingColumn(file: file, column: "\(need.id)_band")
        }
        for column in ["lynchpins"] + SummaryNames.ruleKinds where columns[column] == nil {
            throw .missingColumn(file: file, column: column)
        }
        if let by {
            guard let index = columns[by] else { throw .missingColumn(file: file, column: by) }
            byColumn = index
        }
        header = cells
        self.columns = SummaryColumns(
            needBands: instrument.needs.map { columns["\($0.id)_band"]! },
            strengthBands: instrument.strengths.map { columns["\($0.id)_band"] },
            lynchpins: columns["lynchpins"]!, rules: SummaryNames.ruleKinds.map { columns[$0]! })
        versionColumns = columns["instrument"].flatMap { i in columns["version"].map { (i, $0) } }
    }
}

/// Why a batch output cannot be summarised.
public enum SummaryProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// A column the summary needs is missing.
    case missingColumn(file: String, column: String)
    /// A line is not CSV.
    case unreadable(file: String, line: Int)
    /// A row has the wrong number of cells.
    case cellCount(file: String, line: Int, count: Int, expected: Int)
    /// The file is empty.
    case empty(file: String)
    /// A later file's header differs from the first's.
    case differentHeader(file: String)

    public var description: String {
        switch self {
        case .missingColumn(let file, let column):
            "\(file):1: there is no '\(column)' column\nhint: summarise the output of 'assess batch' for this "
                + "instrument (carry the --by column with 'assess batch --carry')"
        case .unreadable(let file, let line):
            "\(file):\(line): this line cannot be read as CSV\nhint: summarise the CSV written by 'assess batch'"
        case .cellCount(let file, let line, let count, let expected):
            "\(file):\(line): \(count) cells, but the header has \(expected)\nhint: was the file cut short or edited?"
        case .empty(let file):
            "\(file): the file is empty\nhint: summarise the CSV written by 'assess batch'"
        case .differentHeader(let file):
            "\(file):1: the columns differ from the first file's\nhint: summarise outputs of the same batch settings together"
        }
    }
}
