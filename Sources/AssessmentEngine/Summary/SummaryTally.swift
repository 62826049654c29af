import QuestionnaireDSL

/// The names a batch output's cells hold, as bytes, each with its place in a
/// ``SummaryTally``: so a row is counted by comparing its cells' bytes, with no String made.
struct SummaryNames: Sendable {
    /// Each need's band names, and each strength's.
    let needBands: [[[UInt8]]]
    let strengthBands: [[[UInt8]]]
    let needIDs: [[UInt8]]
    /// The ids each rule list (`safeguarding`, `flags`, `tier0`) may hold, in that order,
    /// and where each list's first id is counted.
    let ruleIDs: [[[UInt8]]]
    let ruleStarts: [Int]
    static let ruleKinds = ["safeguarding", "flags", "tier0"]

    init(_ instrument: Instrument) {
        let bytes = { (names: [String]) in names.map { Array($0.utf8) } }
        needBands = instrument.needs.map { bytes($0.bands.map(\.name)) }
        strengthBands = instrument.strengths.map { bytes($0.bands.map(\.name)) }
        needIDs = bytes(instrument.needs.map(\.id))
        let rules = [bytes(instrument.safeguarding.map(\.id)), bytes(instrument.responsivity.map(\.id)), needIDs]
        ruleIDs = rules
        ruleStarts = rules.indices.map { k in rules[..<k].reduce(0) { $0 + $1.count } }
    }

    /// The index of `cell` among `names`, or nil.
    static func index(of cell: UnsafeBufferPointer<UInt8>, in names: [[UInt8]]) -> Int? {
        names.firstIndex { $0.count == cell.count && $0.elementsEqual(cell) }
    }
}

/// One group's counts as the rows are read, by index into the instrument's needs, bands and
/// rules. A name the instrument does not have (in a row scored by another version) is
/// counted by name in ``unknown``. ``group`` gives the counts by name.
struct SummaryTally: Sendable {
    var records = 0
    /// Need `n`'s band `b` (its bands, then not assessed) at `n * bandStride + b`; strengths alike.
    var bands: [Int]
    var strengthBands: [Int]
    /// By need, then none.
    var lead: [Int]
    /// Needs `a` and `b` (a before b) present together at `a * needs + b`.
    var pairs: [Int]
    /// By ``SummaryNames/ruleStarts`` place.
    var rules: [Int]
    var unknown = BatchSummary.Group()
    let bandStride: Int
    let strengthStride: Int

    init(_ names: SummaryNames) {
        bandStride = (names.needBands.map(\.count).max() ?? 0) + 1
        strengthStride = (names.strengthBands.map(\.count).max() ?? 0) + 1
        bands = Array(repeating: 0, count: names.needBands.count * bandStride)
        strengthBands = Array(repeating: 0, count: names.strengthBands.count * strengthStride)
        lead = Array(repeating: 0, count: names.needIDs.count + 1)
        pairs = Array(repeating: 0, count: names.needIDs.count * names.needIDs.count)
        rules = Array(repeating: 0, count: names.ruleIDs.reduce(0) { $0 + $1.count })
    }

    /// Counts one row: `cell(c)` is the bytes of its cell in column `c`; `columns` says
    /// which columns hold what.
    mutating func count(
        _ cell: (Int) -> UnsafeBufferPointer<UInt8>, columns: SummaryColumns, names: SummaryNames,
        instrument: Instrument
    ) {
        records += 1
        var present: [Int] = []
        present.reserveCapacity(names.needIDs.count)
        for (n, column) in columns.needBands.enumerated() {
            let id = instrument.needs[n].id
            if Self.count(band: cell(column), names.needBands[n], &bands, at: n * bandStride, &unknown.bands, id) {
                present.append(n)
            }
        }
        for (k, column) in columns.strengthBands.enumerated() {
            guard let column else { continue }
            let id = instrument.strengths[k].id
            _ = Self.count(
                band: cell(column), names.strengthBands[k], &strengthBands, at: k * strengthStride,
                &unknown.strengthBands, id)
        }
        var first: UnsafeBufferPointer<UInt8>?
        Self.forEachName(in: cell(columns.lynchpins)) { name in if first == nil { first = name } }
        if let first {
            if let n = SummaryNames.index(of: first, in: names.needIDs) {
                lead[n] += 1
            } else {
                unknown.leadLynchpin[String(decoding: first, as: UTF8.self), default: 0] += 1
            }
        } else {
            lead[names.needIDs.count] += 1
        }
        let needs = names.needIDs.count
        for (i, a) in present.enumerated() {
            for b in present[(i + 1)...] { pairs[a * needs + b] += 1 }
        }
        for (k, column) in columns.rules.enumerated() {
            Self.forEachName(in: cell(column)) { name in
                if let r = SummaryNames.index(of: name, in: names.ruleIDs[k]) {
                    rules[names.ruleStarts[k] + r] += 1
                } else {
                    let key = "\(SummaryNames.ruleKinds[k]):\(String(decoding: name, as: UTF8.self))"
                    unknown.rules[key, default: 0] += 1
                }
            }
        }
    }

    /// Counts one band cell of need or strength `id`: in `counts` at `base` plus its index
    /// among `bands` (after them when empty: not assessed), or by name in `unknown[id]`.
    /// Whether it is present: a band other than the lowest, or one the instrument lacks.
    private static func count(
        band: UnsafeBufferPointer<UInt8>, _ bands: [[UInt8]], _ counts: inout [Int], at base: Int,
        _ unknown: inout [String: [String: Int]], _ id: String
    ) -> Bool {
        if band.isEmpty {
            counts[base + bands.count] += 1
            return false
        }
        if let b = SummaryNames.index(of: band, in: bands) {
            counts[base + b] += 1
            return b > 0
        }
        unknown[id, default: [:]][String(decoding: band, as: UTF8.self), default: 0] += 1
        return true
    }

    /// Each non-empty `;`-separated name in `cell`.
    private static func forEachName(
        in cell: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        for i in 0...cell.count where i == cell.count || cell[i] == UInt8(ascii: ";") {
            if i > start { body(UnsafeBufferPointer(rebasing: cell[start..<i])) }
            start = i + 1
        }
    }

    /// The counts by name, as ``BatchSummary/Group`` holds them: only what was counted.
    func group(_ instrument: Instrument, _ names: SummaryNames) -> BatchSummary.Group {
        var group = unknown
        group.records = records
        let add = { (table: inout [String: [String: Int]], id: String, bands: [String], counts: ArraySlice<Int>) in
            for (band, count) in zip(bands + ["not_assessed"], counts) where count > 0 {
                table[id, default: [:]][band, default: 0] += count
            }
        }
        for (n, need) in instrument.needs.enumerated() {
            add(&group.bands, need.id, need.bands.map(\.name), bands[(n * bandStride)...])
        }
        for (k, strength) in instrument.strengths.enumerated() {
            add(&group.strengthBands, strength.id, strength.bands.map(\.name), strengthBands[(k * strengthStride)...])
        }
        let ids = instrument.needs.map(\.id)
        for (id, count) in zip(ids + ["none"], lead) where count > 0 { group.leadLynchpin[id, default: 0] += count }
        for a in ids.indices {
            for b in ids.indices where a < b && pairs[a * ids.count + b] > 0 {
                group.pairs["\(ids[a])+\(ids[b])", default: 0] += pairs[a * ids.count + b]
            }
        }
        for (k, kind) in SummaryNames.ruleKinds.enumerated() {
            for (r, id) in names.ruleIDs[k].enumerated() where rules[names.ruleStarts[k] + r] > 0 {
                let count = rules[names.ruleStarts[k] + r]
                group.rules["\(kind):\(String(decoding: id, as: UTF8.self))", default: 0] += count
            }
        }
        return group
    }
}

/// Where a batch output's counted cells are, found once from its header: each need's band,
/// each strength's band (nil when the file has none), the lynch-pins, and the rule lists
/// in ``SummaryNames/ruleKinds`` order.
struct SummaryColumns: Sendable {
    let needBands: [Int]
    let strengthBands: [Int?]
    let lynchpins: Int
    let rules: [Int]
}
