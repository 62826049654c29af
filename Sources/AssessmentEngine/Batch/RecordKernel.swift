import QuestionnaireDSL

/// The fast path of `assess batch`: one CSV line of a well-formed record straight to its
/// output row's bytes, with no String, array or dictionary made on the way.
///
/// It covers the common case — a line of printable ASCII without quotes or backslashes,
/// the header's number of cells, every cell a code, word or number it can read exactly,
/// no answer to a hidden question, plain priorities, the instrument's own version — and
/// says ``Outcome/general`` for anything else, so the caller takes the general path
/// (``BatchRecordScorer``), which scores what it can and names what is wrong. Where the
/// kernel does write a row, it is byte for byte the general path's row (the tests hold
/// the two to each other on every shipped instrument).
struct RecordKernel: Sendable {
    /// What became of one line.
    enum Outcome {
        /// The row is written; the record id's hash, for the duplicate check.
        case written(idHash: UInt64)
        /// Not a line for the fast path: take the general one.
        case general
    }

    let columnCount: Int
    let recordIDColumn: Int
    let prioritiesColumn: Int
    let versionColumn: Int
    /// For each input column, the item it answers, or -1.
    let itemOfColumn: [Int]
    let carried: [Int]
    let decoders: [CellDecoder]
    let itemSection: [Int]
    let sectionShowIf: [ConditionEvaluator?]
    let itemShowIf: [ConditionEvaluator?]
    let scorer: Scorer
    let safeguarding: [ConditionEvaluator]
    let responsivity: [ConditionEvaluator]
    let urgentIf: [ConditionEvaluator?]
    let ranking: LynchpinKernel
    let text: RowText
    let encoding: RowEncoding
    let slotCount: Int

    /// A kernel for CSV records laid out as `layout`, writing `columns` as `format`.
    init(_ compiled: CompiledInstrument, layout: BatchLayout, columns: BatchColumns, format: BatchRunner.OutputFormat) {
        columnCount = layout.header.count
        recordIDColumn = layout.recordID
        prioritiesColumn = layout.priorities ?? -1
        versionColumn = layout.version ?? -1
        itemOfColumn = layout.itemOfColumn.map { $0 ?? -1 }
        carried = layout.carried
        decoders = compiled.items.map(CellDecoder.init)
        itemSection = compiled.itemSection
        sectionShowIf = compiled.sectionShowIf.map { $0?.conditionEvaluator }
        itemShowIf = compiled.itemShowIf.map { $0?.conditionEvaluator }
        scorer = Scorer(compiled)
        safeguarding = compiled.safeguarding.map(\.conditionEvaluator)
        responsivity = compiled.responsivity.map(\.conditionEvaluator)
        urgentIf = compiled.urgentIf.map { $0?.conditionEvaluator }
        ranking = LynchpinKernel(compiled)
        encoding = RowEncoding(format: format, header: columns.header)
        text = RowText(compiled.instrument, encoding: encoding)
        slotCount = compiled.slotCount
    }

    /// Working memory for one thread, reused record after record; ``free()`` it at the end.
    struct Scratch {
        let slots: UnsafeMutableBufferPointer<AnswerSlot>
        let given: UnsafeMutableBufferPointer<AnswerSlot>
        /// Cell `c` is `line[cellStart[c]..<cellStart[c + 1] - 1]`.
        let cellStart: UnsafeMutableBufferPointer<Int>
        let priorities: UnsafeMutableBufferPointer<Int>
        let tier0: UnsafeMutableBufferPointer<Bool>
        var ranking: LynchpinKernel.Scratch

        func free() {
            slots.deallocate()
            given.deallocate()
            cellStart.deallocate()
            priorities.deallocate()
            tier0.deallocate()
            ranking.free()
        }
    }

    /// A scratch sized for this kernel.
    func makeScratch() -> Scratch {
        Scratch(
            slots: .allocate(capacity: slotCount), given: .allocate(capacity: max(decoders.count, 1)),
            cellStart: .allocate(capacity: columnCount + 1),
            priorities: .allocate(capacity: AnswerReader.maxPriorities),
            tier0: .allocate(capacity: max(ranking.needCount, 1)), ranking: ranking.makeScratch())
    }

    /// Writes the row for `line` (without its line break) to `out`, or says to take the
    /// general path, leaving `out` as it was.
    func score(_ line: UnsafeBufferPointer<UInt8>, _ s: inout Scratch, into out: inout ByteBuffer) -> Outcome {
        guard let base = line.baseAddress, splitCells(line, s) else { return .general }
        func cell(_ c: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base + s.cellStart[c], count: s.cellStart[c + 1] - 1 - s.cellStart[c])
        }
        let recordID = cell(recordIDColumn)
        guard !recordID.isEmpty else { return .general }
        if versionColumn >= 0 {
            let version = cell(versionColumn)
            guard version.isEmpty || version.elementsEqual(text.version) else { return .general }
        }
        guard let priorityCount = priorities(prioritiesColumn >= 0 ? cell(prioritiesColumn) : nil, s) else {
            return .general
        }
        for i in 0..<decoders.count { s.given[i] = .notApplicable }
        for c in 0..<columnCount {
            let item = itemOfColumn[c]
            guard item >= 0 else { continue }
            let bytes = cell(c)
            if bytes.isEmpty { continue }
            guard let slot = decoders[item].slot(bytes) else { return .general }
            s.given[item] = slot
        }
        guard walkShowIf(s) else { return .general }
        scorer.score(s.slots)
        let slots = UnsafeBufferPointer(s.slots)
        for j in 0..<urgentIf.count { s.tier0[j] = urgentIf[j].map { $0(slots) == true } ?? false }
        ranking.rank(
            slots, priorities: UnsafeBufferPointer(rebasing: s.priorities[0..<priorityCount]), tier0: s.tier0,
            &s.ranking)
        write(recordID, cell: cell, slots, s, &out)
        return .written(idHash: Self.hash(recordID))
    }

    /// Finds the cells, requiring the header's number of them and only bytes that need no
    /// decoding or quoting (printable ASCII, no `"` and no `\`); a final carriage return is dropped.
    @inline(__always)
    private func splitCells(_ line: UnsafeBufferPointer<UInt8>, _ s: Scratch) -> Bool {
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > 0 else { return false }
        var cells = 0
        s.cellStart[0] = 0
        for i in 0..<end {
            let byte = line[i]
            if byte == UInt8(ascii: ",") {
                cells += 1
                guard cells < columnCount else { return false }
                s.cellStart[cells] = i + 1
            } else if byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
        }
        guard cells == columnCount - 1 else { return false }
        s.cellStart[columnCount] = end + 1
        return true
    }

    /// Her priorities as need indices (nil when they are not plain, distinct need ids, at most three).
    @inline(__always)
    private func priorities(_ cell: UnsafeBufferPointer<UInt8>?, _ s: Scratch) -> Int? {
        guard let cell, !cell.isEmpty else { return 0 }
        var count = 0
        var start = 0
        for i in 0...cell.count where i == cell.count || cell[i] == UInt8(ascii: ";") {
            defer { start = i + 1 }
            if i == start { continue }  // empty pieces are skipped, as the general path splits
            guard count < AnswerReader.maxPriorities,
                let need = text.need(UnsafeBufferPointer(rebasing: cell[start..<i]))
            else { return nil }
            for k in 0..<count where s.priorities[k] == need { return nil }
            s.priorities[count] = need
            count += 1
        }
        return count
    }

    /// ``ShowIfWalk`` over the given answers: hidden items become not applicable (an answer
    /// to one sends the record to the general path, which rejects it), and the rest take their
    /// answers in order, so each `show_if` sees only the items before it.
    @inline(__always)
    private func walkShowIf(_ s: Scratch) -> Bool {
        for i in 0..<slotCount { s.slots[i] = .unanswered }
        let read = UnsafeBufferPointer(s.slots)
        var currentSection = -1
        var sectionHidden = false
        for i in 0..<decoders.count {
            let section = itemSection[i]
            if section != currentSection {
                currentSection = section
                sectionHidden = sectionShowIf[section].map { $0(read) == false } ?? false
            }
            let given = s.given[i]
            if sectionHidden || itemShowIf[i].map({ $0(read) == false }) ?? false {
                guard given.state == .notApplicable else { return false }
                s.slots[i] = .notApplicable
            } else if given.state != .notApplicable {
                s.slots[i] = given
            }
        }
        return true
    }

    /// The row's cells, in ``BatchColumns`` order.
    @inline(__always)
    private func write(
        _ recordID: UnsafeBufferPointer<UInt8>, cell: (Int) -> UnsafeBufferPointer<UInt8>,
        _ slots: UnsafeBufferPointer<AnswerSlot>, _ s: Scratch, _ out: inout ByteBuffer
    ) {
        var column = 0
        func plain(_ bytes: UnsafeBufferPointer<UInt8>) {
            encoding.cell(column, bytes.baseAddress!, count: bytes.count, &out)
            column += 1
        }
        func encoded(_ bytes: [UInt8]) {
            encoding.encodedCell(column, bytes, &out)
            column += 1
        }
        plain(recordID)
        for c in carried { plain(cell(c)) }
        encoded(text.instrumentCell)
        encoded(text.versionCell)
        for (k, bands) in text.bands.enumerated() {
            let slot = slots[ranking.firstNeedSlot + k]
            let assessed = slot.state == .answered
            encoding.open(column, empty: !assessed, &out)
            if assessed { out.appendNumber(slot.number) }
            encoding.close(empty: !assessed, &out)
            column += 1
            encoded(assessed ? bands[Int(slot.code)] : text.emptyCell)
            encoded(assessed ? text.assessed : text.notAssessed)
        }
        list(column, count: s.ranking.count, where: { s.ranking.lynchpin[$0] }, id: { s.ranking.order[$0] }, &out)
        list(column + 1, count: ranking.needCount, where: { s.tier0[$0] }, id: { $0 }, &out)
        let safeguarding = self.safeguarding
        list(column + 2, count: safeguarding.count, where: { safeguarding[$0](slots) == true }, &out) {
            text.safeguarding[$0]
        }
        let responsivity = self.responsivity
        list(column + 3, count: responsivity.count, where: { responsivity[$0](slots) == true }, &out) {
            text.responsivity[$0]
        }
        list(column + 4, count: s.ranking.differsCount, where: { _ in true }, id: { s.ranking.differs[$0] }, &out)
        encoding.end(&out)
    }

    /// A `;`-joined list of need ids: those of positions `0..<count` that pass `where`.
    @inline(__always)
    private func list(
        _ column: Int, count: Int, where included: (Int) -> Bool, id need: (Int) -> Int, _ out: inout ByteBuffer
    ) {
        list(column, count: count, where: included, &out) { text.needs[need($0)] }
    }

    /// A `;`-joined list of the names of positions `0..<count` that pass `where`.
    @inline(__always)
    private func list(
        _ column: Int, count: Int, where included: (Int) -> Bool, _ out: inout ByteBuffer, name: (Int) -> [UInt8]
    ) {
        var first = -1
        for i in 0..<count where included(i) {
            first = i
            break
        }
        encoding.open(column, empty: first < 0, &out)
        if first >= 0 {
            for i in first..<count where included(i) {
                if i != first { out.append(UInt8(ascii: ";")) }
                out.append(name(i))
            }
        }
        encoding.close(empty: first < 0, &out)
    }

    /// FNV-1a, 64 bits, as ``BatchRunner/hash(_:)`` over the same bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// The instrument's words as the fast path writes them, encoded once.
struct RowText: Sendable {
    let version: [UInt8]
    let instrumentCell: [UInt8]
    let versionCell: [UInt8]
    /// Need ids, then strength ids (plain identifiers, safe in any cell).
    let needs: [[UInt8]]
    /// For each need, then each strength, its band names encoded as cells.
    let bands: [[[UInt8]]]
    let safeguarding: [[UInt8]]
    let responsivity: [[UInt8]]
    let assessed: [UInt8]
    let notAssessed: [UInt8]
    let emptyCell: [UInt8]

    init(_ instrument: Instrument, encoding: RowEncoding) {
        version = Array(instrument.version.utf8)
        instrumentCell = encoding.encoded(instrument.id)
        versionCell = encoding.encoded(instrument.version)
        needs = instrument.needs.map { Array($0.id.utf8) }
        bands =
            instrument.needs.map { $0.bands.map { encoding.encoded($0.name) } }
            + instrument.strengths.map { $0.bands.map { encoding.encoded($0.name) } }
        safeguarding = instrument.safeguarding.map { Array($0.id.utf8) }
        responsivity = instrument.responsivity.map { Array($0.id.utf8) }
        assessed = encoding.encoded(ScoreOutcome.Status.assessed.rawValue)
        notAssessed = encoding.encoded(ScoreOutcome.Status.notAssessed.rawValue)
        emptyCell = encoding.encoded("")
    }

    /// The index of the need whose id is `bytes`.
    func need(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        needs.firstIndex { $0.elementsEqual(bytes) }
    }
}
