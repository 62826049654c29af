/// Why a batch cannot start, in plain words with a hint: a problem with the input as a whole.
/// (A problem with one record rejects only that record; see ``BatchReject``.)
public enum BatchProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input has no header line.
    case empty(file: String)
    /// There is no `record_id` column.
    case noRecordID(file: String)
    /// Columns for identifying items are present.
    case identifying(file: String, columns: [String])
    /// Columns that are neither items, carried columns nor the reserved ones.
    case unknownColumns(file: String, columns: [String], suggestions: [String: String])
    /// A column appears twice in the header.
    case repeatedColumn(file: String, column: String)
    /// A column named by `--carry` is not in the input.
    case carriedMissing(file: String, columns: [String])
    /// A carried column is also an item: its answers cannot be passed through.
    case carriedItem(column: String)
    /// The header line cannot be read as CSV.
    case unreadableHeader(file: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let file):
            "\(file): the input is empty\nhint: the first line must be a header: record_id, then one column per item"
        case .noRecordID(let file):
            "\(file):1: the header has no 'record_id' column\n"
                + "hint: every record needs an id so that rejects and results can be traced back"
        case .identifying(let file, let columns):
            "\(file):1: the input holds identifying items: \(columns.joined(separator: ", "))\n"
                + "hint: remove those columns, or add --drop-identifying to drop them unread"
        case .unknownColumns(let file, let columns, let suggestions):
            "\(file):1: the header has columns that are not items of the instrument: "
                + columns.map { c in suggestions[c].map { "\(c) (did you mean '\($0)'?)" } ?? c }.joined(
                    separator: ", ")
                + "\nhint: pass non-identifying columns through with --carry, or remove them"
        case .repeatedColumn(let file, let column):
            "\(file):1: the column '\(column)' appears twice in the header\nhint: keep one"
        case .carriedMissing(let file, let columns):
            "\(file):1: --carry names columns the input does not have: \(columns.joined(separator: ", "))\n"
                + "hint: check their spelling against the header"
        case .carriedItem(let column):
            "--carry names '\(column)', which is an item of the instrument\n"
                + "hint: carry only columns that are not answers, such as site or quarter"
        case .unreadableHeader(let file, let reason):
            "\(file):1: the header cannot be read: \(reason)\nhint: the header is one line of comma-separated names"
        }
    }
}

/// One record that was not scored: where, which, and why.
public struct BatchReject: Error, Sendable, Hashable {
    /// The input's line number (1 is the header).
    public var line: Int
    /// The record's id, when it could be read.
    public var recordID: String
    /// Why, in plain words.
    public var reason: String

    /// Creates a reject.
    public init(line: Int, recordID: String, reason: String) {
        self.line = line
        self.recordID = recordID
        self.reason = reason
    }
}
