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
    var header: [String] = []
    var columns: [String: Int] = [:]
    var byColumn: Int?
    /// The groups by their `--by` value; the key "" holds every record.
    public private(set) var groups: [String: Group] = [:]
    /// Rows scored by another instrument or version than ``instrument``.
    public private(set) var otherInstrument = 0

    /// An empty summary for `instrument`, optionally grouped by the column `by`.
    public init(instrument: Instrument, by: String?) {
        self.instrument = instrument
        self.by = by
    }

    /// Reads one batch output file (CSV with its header, or JSON Lines); `file` names it in
    /// problems.
    public mutating func read(_ reader: inout LineReader, file: String) throws(SummaryProblem) {
        var lineNumber = 0
        var jsonLines = false
        while true {
            let lines = reader.next(4096)
            if lines.isEmpty { break }
            for line in lines {
                lineNumber += 1
                if lineNumber == 1, line.first == UInt8(ascii: "{") { jsonLines = true }
                let cells: [String]
                if jsonLines {
                    if line.isEmpty { continue }
                    guard let object = try? JSONDecoder().decode([String: JSONCell].self, from: Data(line)) else {
                        throw .unreadable(file: file, line: lineNumber)
                    }
                    if lineNumber == 1 { try use(header: object.keys.sorted(), file: file) }
                    cells = header.map { object[$0]?.text ?? "" }
                } else {
                    guard case .success(let csv) = line.withUnsafeBufferPointer({ CSVRecord.cells($0) }) else {
                        throw .unreadable(file: file, line: lineNumber)
                    }
                    if lineNumber == 1 {
                        try use(header: csv, file: file)
                        continue
                    }
                    cells = csv
                }
                if cells == [""] { continue }
                guard cells.count == header.count else {
                    throw .cellCount(file: file, line: lineNumber, count: cells.count, expected: header.count)
                }
                if let i = columns["instrument"], let v = columns["version"],
                    cells[i] != instrument.id || cells[v] != instrument.version
                {
                    otherInstrument += 1
                }
                add(cells)
            }
        }
        if lineNumber == 0 { throw .empty(file: file) }
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
        for column in ["lynchpins", "safeguarding", "flags", "tier0"] where columns[column] == nil {
            throw .missingColumn(file: file, column: column)
        }
        if let by {
            guard let index = columns[by] else { throw .missingColumn(file: file, column: by) }
            byColumn = index
        }
        header = cells
        self.columns = columns
    }

    /// Counts one output row.
    mutating func add(_ cells: [String]) {
        add(cells, to: "")
        if let byColumn { add(cells, to: cells[byColumn].isEmpty ? "(blank)" : cells[byColumn]) }
    }

    private mutating func add(_ cells: [String], to key: String) {
        var group = groups[key] ?? Group()
        group.records += 1
        var present: [String] = []
        for need in instrument.needs {
            let band = cells[columns["\(need.id)_band"]!]
            let label = band.isEmpty ? "not_assessed" : band
            group.bands[need.id, default: [:]][label, default: 0] += 1
            if !band.isEmpty, band != need.bands.first?.name { present.append(need.id) }
        }
        for strength in instrument.strengths {
            guard let column = columns["\(strength.id)_band"] else { continue }
            let band = cells[column]
            group.strengthBands[strength.id, default: [:]][band.isEmpty ? "not_assessed" : band, default: 0] += 1
        }
        let lead = cells[columns["lynchpins"]!].split(separator: ";").first.map(String.init) ?? "none"
        group.leadLynchpin[lead, default: 0] += 1
        for (i, a) in present.enumerated() {
            for b in present[(i + 1)...] { group.pairs["\(a)+\(b)", default: 0] += 1 }
        }
        for kind in ["safeguarding", "flags", "tier0"] {
            for rule in cells[columns[kind]!].split(separator: ";") { group.rules["\(kind):\(rule)", default: 0] += 1 }
        }
        groups[key] = group
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
