import QuestionnaireDSL

/// How an input's columns are used: which holds the record id, which are items, which are
/// carried through, which are dropped unread.
public struct BatchLayout: Sendable {
    /// The header's column names, in order.
    public let header: [String]
    /// The `record_id` column.
    public let recordID: Int
    /// The `_priorities` column, if any.
    public let priorities: Int?
    /// The `_version` column, if any.
    public let version: Int?
    /// For each column, the item index it answers (nil for other columns).
    public let itemOfColumn: [Int?]
    /// The carried columns, in the order asked for.
    public let carried: [Int]
    /// The identifying columns dropped unread.
    public let dropped: [String]
    /// The columns the input may have besides items and carried ones, read as they are named.
    public static let reservedColumns: Set<String> = ["record_id", "_priorities", "_version"]

    /// Works out the layout of `header` for `compiled`, refusing identifying columns unless
    /// `dropIdentifying`, and unknown columns unless they are carried.
    public init(
        header: [String], instrument compiled: CompiledInstrument, carry: [String], dropIdentifying: Bool,
        file: String
    ) throws(BatchProblem) {
        self.header = header
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted { throw .repeatedColumn(file: file, column: name) }
        guard let recordID = header.firstIndex(of: "record_id") else { throw .noRecordID(file: file) }
        let itemIndex = Dictionary(compiled.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let item = carry.first(where: { itemIndex[$0] != nil }) { throw .carriedItem(column: item) }
        let missing = carry.filter { !header.contains($0) }
        if !missing.isEmpty { throw .carriedMissing(file: file, columns: missing) }
        let identifying = header.filter { itemIndex[$0].map { compiled.items[$0].identifying } ?? false }
        if !identifying.isEmpty, !dropIdentifying { throw .identifying(file: file, columns: identifying) }
        let unknown = header.filter {
            itemIndex[$0] == nil && !Self.reservedColumns.contains($0) && !carry.contains($0)
        }
        if !unknown.isEmpty {
            let ids = compiled.items.map(\.id)
            var suggestions: [String: String] = [:]
            for name in unknown { suggestions[name] = Suggestion.closest(to: name, among: ids) }
            throw .unknownColumns(file: file, columns: unknown, suggestions: suggestions)
        }
        self.recordID = recordID
        self.priorities = header.firstIndex(of: "_priorities")
        self.version = header.firstIndex(of: "_version")
        self.itemOfColumn = header.map { name in
            itemIndex[name].flatMap { compiled.items[$0].identifying ? nil : $0 }
        }
        self.carried = carry.compactMap { header.firstIndex(of: $0) }
        self.dropped = identifying
    }
}
