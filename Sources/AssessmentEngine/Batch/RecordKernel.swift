import QuestionnaireDSL

/// The fast path of `assess batch`: one CSV line of a well-formed record straight to its
/// output row's bytes, with no String, array or dictionary made on the way.
///
/// It covers the common case — a line of printable ASCII without backslashes (and with
/// quotes only around whole cells, read as ``QuotedLine`` says), the header's number of
/// cells, every cell a code, word or number it can read exactly,
/// no answer to a hidden question, plain priorities, the instrument's own version — and
/// says ``Outcome/general`` for anything else, so the caller takes the general path
/// (``BatchRecordScorer``), which scores what it can and names what is wrong. Where the
/// kernel does write a row, it is byte for byte the general path's row (the tests hold
/// the two to each other on every shipped instrument).
final class RecordKernel: @unchecked Sendable {
    /// What became of one line.
    enum Outcome {
        /// The row is written; the record id's hash, for the duplicate check.
        case written(idHash: UInt64)
        /// Not a line for the fast path: take the general one.
        case general
    }

    /// Owns the tables below, which are read through plain pointers (see ``KernelArena``).
    let arena = KernelArena()
    let columnCount: Int
    let recordIDColumn: Int
    let prioritiesColumn: Int
    let versionColumn: Int
    /// The input columns that answer yes/no, choice and scale items, each with its item's
    /// ``WordTable``: the cells read on the shortest path. Those whose items some bytecode
    /// reads by slot (a condition or score too big for a table) get their whole slot; the
    /// others, read only through their answer indices, get just the slot's state, which the
    /// `show_if` walk checks.
    let wordColumns: UnsafeBufferPointer<WordColumn>
    let stateWordColumns: UnsafeBufferPointer<WordColumn>
    /// The other input columns that answer items, with the item each answers.
    let otherItemColumns: UnsafeBufferPointer<ItemColumn>
    /// The items no input column answers: unanswered in every record.
    let itemsWithoutColumn: UnsafeBufferPointer<Int>
    /// The columns whose bytes no strict decoder reads (the record id, carried and ignored
    /// columns, text items): these alone are checked for bytes that need the general path.
    let textColumns: UnsafeBufferPointer<Int>
    let carried: UnsafeBufferPointer<Int>
    let itemCount: Int
    let decoders: UnsafePointer<CellDecoder>
    /// The `show_if`s in the order the walk meets them (see ``WalkStep``).
    let walkSteps: UnsafeBufferPointer<WalkStep>
    /// The conditions, as tables or bytecode in the arena (see ``KernelCondition``).
    let sectionShowIf: UnsafePointer<KernelCondition?>
    let itemShowIf: UnsafePointer<KernelCondition?>
    /// For each item with a `show_if`, the first item whose `show_if` is the same program and
    /// reads only items before that first one: such `show_if`s give one answer all through the
    /// walk (each slot is written once, at its own item), so the last such answer is reused.
    let itemShowIfKey: UnsafePointer<Int>
    /// The scores with a table, in scoring order; they read only items and scores before them
    /// that have tables too, so they are all looked up first. Only those whose slot some
    /// bytecode reads (see ``wordColumns``) have it written: the others are read through their
    /// outcomes alone.
    let tabledScores: UnsafeBufferPointer<TabledScore>
    /// The other scores, in scoring order, run as bytecode once the tabled ones are known.
    let scoreEntries: UnsafeBufferPointer<Scorer.Entry>
    let scoreExpressions: UnsafePointer<BytecodeProgram>
    let scoreItemSlots: UnsafeBufferPointer<Int>
    let scoreBounds: UnsafeBufferPointer<Double>
    /// For each need, then each strength: its scoring as a table, where its items' answers
    /// have few enough combinations (see ``ScoreTable``).
    let scoreTables: UnsafePointer<ScoreTable?>
    /// The safeguarding rules, responsivity flags and each need's `urgent_if`, a bit each.
    let safeguarding: ConditionSet
    let responsivity: ConditionSet
    let urgentIf: ConditionSet
    let ranking: LynchpinKernel
    let quoted: QuotedLine
    /// For JSON Lines input: how a record becomes the CSV line read here (nil for CSV input).
    let json: JSONLine?
    let text: RowText
    let encoding: RowEncoding
    /// More bytes than any row takes beyond its record id and carried cells (which are at
    /// most the line's own bytes): reserved once per row, so its words are copied in unchecked.
    let rowBound: Int
    let slotCount: Int
    /// Needs, then strengths.
    let scoreCount: Int

    /// A kernel for records laid out as `layout` (CSV lines, or JSON objects when `jsonl`),
    /// writing `columns` as `format`.
    init(
        _ compiled: CompiledInstrument, layout: BatchLayout, columns: BatchColumns, format: BatchRunner.OutputFormat,
        jsonl: Bool = false
    ) {
        columnCount = layout.header.count
        recordIDColumn = layout.recordID
        prioritiesColumn = layout.priorities ?? -1
        versionColumn = layout.version ?? -1
        let keepsText = [layout.recordID] + layout.carried + (layout.version.map { [$0] } ?? [])
        let keepsTextColumns = arena.copy(layout.header.indices.map(keepsText.contains))
        quoted = QuotedLine(keepsText: keepsTextColumns, columnCount: layout.header.count)
        let identifying = Set(compiled.items.filter(\.identifying).map(\.id))
        json =
            jsonl
            ? JSONLine(
                names: arena.strings(layout.header), keepsText: keepsTextColumns,
                identifying: arena.copy(layout.header.map(identifying.contains)), columnCount: layout.header.count)
            : nil
        let itemColumns = layout.itemOfColumn.enumerated().compactMap { column, item in
            item.map { ItemColumn(column: Int32(column), item: Int32($0)) }
        }
        let answered = Set(itemColumns.map { Int($0.item) })
        itemsWithoutColumn = arena.buffer(compiled.items.indices.filter { !answered.contains($0) })
        let decoders = compiled.items.map { [arena] in CellDecoder($0, arena: arena) }
        self.decoders = arena.copy(decoders)
        let words = itemColumns.compactMap { c in decoders[Int(c.item)].words.map { WordColumn(cell: c, words: $0) } }
        otherItemColumns = arena.buffer(itemColumns.filter { decoders[Int($0.item)].words == nil })
        textColumns = arena.buffer(
            layout.itemOfColumn.indices.filter { layout.itemOfColumn[$0].map { decoders[$0].kind == .text } ?? true })
        carried = UnsafeBufferPointer(start: arena.copy(layout.carried), count: layout.carried.count)
        itemCount = compiled.items.count
        walkSteps = arena.buffer(Self.walkSteps(compiled))
        var domains = AnswerDomains(compiled)
        let scorer = Scorer(compiled)
        let expressions = scorer.entryExpressions  // made afresh on each call
        let programs = expressions.map(arena.program)
        scoreExpressions = arena.copy(programs)
        let itemSlots = arena.buffer(scorer.itemSlots)
        let bounds = arena.buffer(scorer.bandBounds)
        scoreItemSlots = itemSlots
        scoreBounds = bounds
        encoding = RowEncoding(format: format, header: columns.header, arena: arena)
        let text = RowText(
            compiled.instrument, firstScoreColumn: 3 + layout.carried.count, encoding: encoding, arena: arena)
        self.text = text
        slotCount = compiled.slotCount
        scoreCount = compiled.instrument.needs.count + compiled.instrument.strengths.count
        // In scoring order, each table numbering its score for what comes after (see ``AnswerDomains``).
        var tables = [ScoreTable?](repeating: nil, count: scoreCount)
        for (e, entry) in scorer.entries.enumerated() {
            let k = entry.slot - compiled.items.count
            guard let key = domains.key(for: expressions[e], arena: arena) else { continue }
            tables[k] = ScoreTable(
                key, domains: domains, slotCount: compiled.slotCount, arena: arena,
                score: { Scorer.score(entry, programs[entry.expression], itemSlots, bounds, $0) },
                write: { slot, out in Self.writeScore(k, slot, text, &out) })
            if let table = tables[k] { domains.number(score: entry.slot, as: Array(table.slots)) }
        }
        scoreTables = arena.copy(tables)
        scoreEntries = arena.buffer(scorer.entries.filter { tables[$0.slot - compiled.items.count] == nil })
        rowBound = Self.rowBound(text, encoding, tables: tables, columns: columns.header.count)
        let numbered = domains
        let condition = { [arena] (expression: CompiledExpression) in
            KernelCondition(expression, domains: numbered, slotCount: compiled.slotCount, arena: arena)
        }
        let sectionConditions = compiled.sectionShowIf.map { $0.map(condition) }
        let itemConditions = compiled.itemShowIf.map { $0.map(condition) }
        sectionShowIf = arena.copy(sectionConditions)
        itemShowIf = arena.copy(itemConditions)
        itemShowIfKey = arena.copy(Self.showIfKeys(compiled.itemShowIf))
        let conditions = { [arena] (expressions: [CompiledExpression?]) in
            ConditionSet(expressions, domains: numbered, slotCount: compiled.slotCount, arena: arena)
        }
        safeguarding = conditions(compiled.safeguarding)
        responsivity = conditions(compiled.responsivity)
        urgentIf = conditions(compiled.urgentIf)
        ranking = LynchpinKernel(compiled, tables: tables, conditions: conditions, arena: arena)
        var slotReads = [safeguarding, responsivity, urgentIf, ranking.driverWhen].reduce(into: Set<Int>()) {
            $0.formUnion($1.slotReads)
        }
        for showIf in (sectionConditions + itemConditions).compactMap({ $0 }) { slotReads.formUnion(showIf.slotReads) }
        for entry in scoreEntries { slotReads.formUnion(expressions[entry.expression].referencedSlots) }
        tabledScores = arena.buffer(
            scorer.entries.compactMap { entry in
                let k = entry.slot - compiled.items.count
                return tables[k].map {
                    TabledScore(slot: entry.slot, score: k, table: $0, slotRead: slotReads.contains(entry.slot))
                }
            })
        wordColumns = arena.buffer(words.filter { slotReads.contains(Int($0.cell.item)) })
        stateWordColumns = arena.buffer(words.filter { !slotReads.contains(Int($0.cell.item)) })
    }

    /// Working memory for one thread, reused record after record; ``free()`` it at the end.
    struct Scratch {
        let slots: UnsafeMutableBufferPointer<AnswerSlot>
        /// Each item's answer as its index among the item's answers, and each tabled score's
        /// outcome (see ``AnswerDomains``).
        let answers: UnsafeMutableBufferPointer<UInt16>
        /// For each need, then each strength: its outcome in its ``ScoreTable``, or -1 for none.
        let scoreOutcome: UnsafeMutableBufferPointer<Int>
        /// Cell `c` is `line[cellStart[c]..<cellStart[c + 1] - 1]`; room for the spare
        /// starts the split writes follows (see ``startsWrittenAtOnce``).
        let cellStart: UnsafeMutableBufferPointer<Int>
        let priorities: UnsafeMutableBufferPointer<Int>
        let tier0: UnsafeMutableBufferPointer<Bool>
        var ranking: LynchpinKernel.Scratch
        /// A quoted line without its quotes (see ``QuotedLine``), or a JSON object's CSV line.
        var plain = ByteBuffer(capacity: 1024)
        var json: JSONLine.Scratch

        func free() {
            plain.free()
            json.free()
            slots.deallocate()
            answers.deallocate()
            scoreOutcome.deallocate()
            cellStart.deallocate()
            priorities.deallocate()
            tier0.deallocate()
            ranking.free()
        }
    }

    /// True when every `show_if` reads only items asked before it (the compiler refuses any
    /// other), which decoding the cells straight into the slots relies on.
    static func supports(_ compiled: CompiledInstrument) -> Bool {
        var firstItem: [Int: Int] = [:]
        for (i, section) in compiled.itemSection.enumerated() where firstItem[section] == nil { firstItem[section] = i }
        let items = compiled.itemShowIf.enumerated().allSatisfy { i, showIf in
            showIf?.referencedItemSlots.allSatisfy { $0 < i } ?? true
        }
        let sections = compiled.sectionShowIf.enumerated().allSatisfy { section, showIf in
            showIf?.referencedItemSlots.allSatisfy { $0 < firstItem[section, default: 0] } ?? true
        }
        // Each list of rules is told as one 64-bit set (see ``ConditionSet``).
        let fits = [
            compiled.safeguarding.count, compiled.responsivity.count, compiled.urgentIf.count, compiled.drivers.count,
        ]
        .allSatisfy { $0 <= 64 }
        return items && sections && fits
    }

    /// A scratch sized for this kernel.
    func makeScratch() -> Scratch {
        // Initialised once: the items read only through their answer indices have just their
        // slots' state written record by record (see ``stateWordColumns``).
        let slots = UnsafeMutableBufferPointer<AnswerSlot>.allocate(capacity: slotCount)
        slots.initialize(repeating: .unanswered)
        return Scratch(
            slots: slots, answers: .allocate(capacity: slotCount),
            scoreOutcome: .allocate(capacity: max(scoreCount, 1)),
            cellStart: .allocate(capacity: columnCount + 1 + Self.startsWrittenAtOnce),
            priorities: .allocate(capacity: AnswerReader.maxPriorities),
            tier0: .allocate(capacity: max(ranking.needCount, 1)), ranking: ranking.makeScratch(),
            json: JSONLine.Scratch(columns: json == nil ? 0 : columnCount))
    }

    /// Bytes past the end of every line handed to ``score(_:_:into:)`` that may be read
    /// (whatever they hold): the line is split 64 bytes at a time and its short cells are
    /// read a word or two at a time, with the bytes past the line's end masked off.
    static let slack = 64

    /// Writes the row for `line` (without its line break) to `out`, or says to take the
    /// general path, leaving `out` as it was. At least ``slack`` bytes after `line` must be
    /// readable memory.
    func score(_ line: UnsafeBufferPointer<UInt8>, _ s: inout Scratch, into out: inout ByteBuffer) -> Outcome {
        if let json {
            guard let plain = json.plain(line, &s.json, into: &s.plain), splitCells(plain, &s) else { return .general }
            return score(cellsOf: plain, &s, into: &out)
        }
        if splitCells(line, &s), case .written(let idHash) = score(cellsOf: line, &s, into: &out) {
            return .written(idHash: idHash)
        }
        // Quoted cells are read again without their quotes, where that changes nothing the row shows.
        guard let plain = quoted.plain(line, into: &s.plain), splitCells(plain, &s) else { return .general }
        return score(cellsOf: plain, &s, into: &out)
    }

    /// ``score(_:_:into:)`` once the line's cells are found.
    @inline(__always)
    private func score(
        cellsOf line: UnsafeBufferPointer<UInt8>, _ s: inout Scratch, into out: inout ByteBuffer
    ) -> Outcome {
        guard let base = line.baseAddress else { return .general }
        let starts = s.cellStart
        func cell(_ c: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base + starts[c], count: starts[c + 1] - 1 - starts[c])
        }
        let recordID = cell(recordIDColumn)
        guard !recordID.isEmpty else { return .general }
        for c in textColumns { guard LineBytes.arePlain(cell(c)) else { return .general } }
        if versionColumn >= 0 {
            let version = cell(versionColumn)
            guard version.isEmpty || text.version.index(of: version) != nil else { return .general }
        }
        guard let priorityCount = priorities(prioritiesColumn >= 0 ? cell(prioritiesColumn) : nil, &s) else {
            return .general
        }
        guard decodeCells(base, readable: line.count &+ Self.slack, &s), walkShowIf(&s) else { return .general }
        scoreAll(&s)
        let slots = UnsafeBufferPointer(s.slots)
        let answers = UnsafePointer(s.answers.baseAddress!)
        let urgent = urgentIf.holding(slots, answers)
        for j in 0..<ranking.needCount { s.tier0[j] = urgent & (1 &<< UInt64(j)) != 0 }
        ranking.rank(
            slots, answers: answers, outcomes: s.scoreOutcome.baseAddress!,
            priorities: UnsafeBufferPointer(rebasing: s.priorities[0..<priorityCount]), tier0: s.tier0, &s.ranking)
        out.reserve(rowBound &+ line.count)
        write(recordID, cell: cell, slots, &s, &out)
        return .written(idHash: Self.hash(recordID))
    }

    /// How many cell starts ``splitCells(_:_:)`` writes for each 64 bytes, commas or not.
    static let startsWrittenAtOnce = 16

    /// Finds the cells, requiring the header's number of them; a final carriage return is dropped.
    /// Sixty-four bytes are looked at a time (see ``LineBytes/commas(at:)``), the last block's
    /// bytes past the line's end masked off. Which bytes a cell may hold is left to its
    /// reader: the decoders take only their codes, words and numbers, and the other cells
    /// are checked on their own (see ``textColumns``).
    @inline(__always)
    private func splitCells(_ line: UnsafeBufferPointer<UInt8>, _ s: inout Scratch) -> Bool {
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > 0, let base = line.baseAddress else { return false }
        var cells = 0
        let starts = s.cellStart.baseAddress!
        starts[0] = 0
        var i = 0
        while i < end {
            var commas = LineBytes.commas(at: UnsafeRawPointer(base + i))
            if end &- i < 64 { commas &= (1 &<< UInt64(end &- i)) &- 1 }
            let found = commas.nonzeroBitCount
            guard cells &+ found < columnCount else { return false }
            // Sixteen starts are written whether or not there are sixteen commas (the spare
            // ones are overwritten or past the last), so that the common block costs no branch
            // on how many it holds; only a run of empty cells has more.
            let next = starts + (cells &+ 1)
            for k in 0..<Self.startsWrittenAtOnce {
                next[k] = i &+ commas.trailingZeroBitCount &+ 1
                commas &= commas &- 1
            }
            var k = Self.startsWrittenAtOnce
            while commas != 0 {
                next[k] = i &+ commas.trailingZeroBitCount &+ 1
                commas &= commas &- 1
                k &+= 1
            }
            cells &+= found
            i &+= 64
        }
        guard cells == columnCount - 1 else { return false }
        starts[columnCount] = end + 1
        return true
    }

    /// Reads every item's cell straight into its slot; false when one needs the general path.
    /// (Every `show_if` reads only the items before its own, as the compiler checks and
    /// ``supports(_:)`` makes sure, so the walk that follows sees exactly what it would if
    /// the answers came in one by one.)
    /// (A function of its own, small enough for ``CellDecoder/decode(_:_:readable:into:answer:)`` to be inlined in it.)
    @inline(never)
    private func decodeCells(_ base: UnsafePointer<UInt8>, readable: Int, _ s: inout Scratch) -> Bool {
        let slots = s.slots.baseAddress!
        let answers = s.answers.baseAddress!
        let starts = s.cellStart.baseAddress!
        for item in itemsWithoutColumn {
            slots[item] = .unanswered
            answers[item] = AnswerDomains.unanswered
        }
        // Every word cell is looked up and written before one test of whether all were
        // words (an empty cell too: it is the table's word of no bytes, see ``WordTable``),
        // so that no branch waits on a table's answer.
        var differs: UInt64 = 0
        for column in wordColumns {
            let (item, entry) = Self.lookUp(column, base, starts, &differs)
            slots[item] = entry.pointee.slot
            answers[item] = entry.pointee.answer
        }
        for column in stateWordColumns {
            let (item, entry) = Self.lookUp(column, base, starts, &differs)
            slots[item].state = entry.pointee.state
            answers[item] = entry.pointee.answer
        }
        guard differs == 0 else { return false }
        for column in otherItemColumns {
            guard decode(column, base, readable: readable, starts, slots, answers) else { return false }
        }
        return true
    }

    /// The item of word column `column` and the entry its cell could be, with the bits that
    /// say it is not that word ORed into `differs` (see ``WordTable/lookup(_:count:)``).
    @inline(__always)
    private static func lookUp(
        _ column: WordColumn, _ base: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>,
        _ differs: inout UInt64
    ) -> (item: Int, entry: UnsafePointer<WordTable.Entry>) {
        let c = Int(column.cell.column)
        let start = starts[c]
        let found = column.words.lookup(base + start, count: starts[c &+ 1] &- 1 &- start)
        differs |= found.differs
        return (Int(column.cell.item), found.entry)
    }

    /// Reads one item's cell with its ``CellDecoder``; an empty cell leaves it unanswered.
    @inline(__always)
    private func decode(
        _ column: ItemColumn, _ base: UnsafePointer<UInt8>, readable: Int, _ starts: UnsafeMutablePointer<Int>,
        _ slots: UnsafeMutablePointer<AnswerSlot>, _ answers: UnsafeMutablePointer<UInt16>
    ) -> Bool {
        let c = Int(column.column)
        let item = Int(column.item)
        let start = starts[c]
        let count = starts[c &+ 1] &- 1 &- start
        guard count > 0 else {
            slots[item] = .unanswered
            answers[item] = AnswerDomains.unanswered
            return true
        }
        return CellDecoder.decode(
            decoders + item, UnsafeBufferPointer(start: base + start, count: count), readable: readable &- start,
            into: slots + item, answer: answers + item)
    }

    /// Her priorities as need indices (nil when they are not plain, distinct need ids, at most three).
    @inline(__always)
    private func priorities(_ cell: UnsafeBufferPointer<UInt8>?, _ s: inout Scratch) -> Int? {
        guard let cell, !cell.isEmpty else { return 0 }
        var count = 0
        var start = 0
        for i in 0...cell.count where i == cell.count || cell[i] == UInt8(ascii: ";") {
            defer { start = i + 1 }
            if i == start { continue }  // empty pieces are skipped, as the general path splits
            guard count < AnswerReader.maxPriorities,
                let need = text.needs.index(of: UnsafeBufferPointer(rebasing: cell[start..<i]))
            else { return nil }
            for k in 0..<count where s.priorities[k] == need { return nil }
            s.priorities[count] = need
            count += 1
        }
        return count
    }

    /// ``ShowIfWalk`` over the decoded answers, in order: hidden items become not applicable
    /// (an answer to one sends the record to the general path, which rejects it); each
    /// `show_if` reads only items before its own, which are settled by then. Only the items
    /// and sections with a `show_if` are visited.
    @inline(__always)
    private func walkShowIf(_ s: inout Scratch) -> Bool {
        let read = UnsafeBufferPointer(s.slots)
        let answers = UnsafePointer(s.answers.baseAddress!)
        var hiddenUntil = 0  // the items before it are in a hidden section
        var lastKey = -1
        var lastHidden = false
        for step in walkSteps {
            let first = Int(step.first)
            guard first >= hiddenUntil else { continue }
            var end = first + 1
            if step.isSection {
                guard sectionShowIf[Int(step.section)]!.holds(read, answers) == false else { continue }
                end = Int(step.end)
                hiddenUntil = end
            } else {
                let key = itemShowIfKey[first]
                if key != lastKey {
                    lastKey = key
                    lastHidden = itemShowIf[first]!.holds(read, answers) == false
                }
                guard lastHidden else { continue }
            }
            for i in first..<end {
                guard s.slots[i].state == .unanswered else { return false }  // an answer to a hidden question
                s.slots[i] = .notApplicable
                s.answers[i] = AnswerDomains.notApplicable
            }
        }
        return true
    }

    /// An input column that answers an item.
    struct ItemColumn {
        var column: Int32
        var item: Int32
    }

    /// An input column that answers an item read through a ``WordTable``.
    struct WordColumn {
        var cell: ItemColumn
        var words: WordTable
    }

    /// One stop of the `show_if` walk: a section with a `show_if` (its items are
    /// `first..<end`) or an item with one (`first`).
    struct WalkStep {
        var first: Int32
        var end: Int32
        var section: Int32
        var isSection: Bool
    }

    /// The walk's stops for `compiled`, in item order, each section's before its first item's.
    static func walkSteps(_ compiled: CompiledInstrument) -> [WalkStep] {
        var steps: [WalkStep] = []
        var i = 0
        let sections = compiled.itemSection
        while i < sections.count {
            var end = i + 1
            while end < sections.count, sections[end] == sections[i] { end += 1 }
            if compiled.sectionShowIf[sections[i]] != nil {
                steps.append(WalkStep(first: Int32(i), end: Int32(end), section: Int32(sections[i]), isSection: true))
            }
            for item in i..<end where compiled.itemShowIf[item] != nil {
                steps.append(WalkStep(first: Int32(item), end: Int32(item + 1), section: -1, isSection: false))
            }
            i = end
        }
        return steps
    }

    /// ``itemShowIfKey``: for item `i`, the first item `j` with the same bytecode whose
    /// `show_if` reads only items before `j` (`i` itself when there is none); -1 without a `show_if`.
    static func showIfKeys(_ showIf: [CompiledExpression?]) -> [Int] {
        let bytecode = showIf.map { $0?.bytecode }
        return showIf.indices.map { i in
            guard let expression = showIf[i] else { return -1 }
            return showIf.indices.first { j in
                j == i
                    || (j < i && bytecode[j] == bytecode[i] && expression.referencedItemSlots.allSatisfy { $0 < j })
            }!
        }
    }

    /// Scores every need and strength, in scoring order: from its table where it has one.
    @inline(__always)
    private func scoreAll(_ s: inout Scratch) {
        let slots = s.slots.baseAddress!
        let answers = s.answers.baseAddress!
        let outcomes = s.scoreOutcome.baseAddress!
        for tabled in tabledScores {
            let table = tabled.table
            let outcome = table.outcomes[table.key.index(answers)]
            if tabled.slotRead { slots[tabled.slot] = table.slots[Int(outcome)] }
            answers[tabled.slot] = outcome
            outcomes[tabled.score] = Int(outcome)
        }
        let read = UnsafeBufferPointer(s.slots)
        for entry in scoreEntries {
            slots[entry.slot] = Scorer.score(
                entry, scoreExpressions[entry.expression], scoreItemSlots, scoreBounds, read)
            outcomes[entry.slot &- itemCount] = -1
        }
    }

    /// A need or strength scored by its table: its slot, its index among the scores, the
    /// table, and whether some bytecode reads its slot.
    struct TabledScore {
        var slot: Int
        var score: Int
        var table: ScoreTable
        var slotRead: Bool
    }

    /// ``rowBound``: every column's prefix with a quote pair or `null`, the longest way each
    /// score's cells can be written (a number in at most 32 bytes), every name in every list
    /// (at most twice over in `her_view_differs`), and room for the last copy to overrun
    /// (``PackedStrings/spare``).
    static func rowBound(_ text: RowText, _ encoding: RowEncoding, tables: [ScoreTable?], columns: Int) -> Int {
        var bound = encoding.prefixes.totalCount + 4 * columns + text.instrumentCells.totalCount
        for k in tables.indices {
            let assessed = text.scoreOpen[k].count + 32 + text.scoreTail[k].longest
            bound += max(tables[k]?.cells.longest ?? 0, text.notAssessed[k].count, assessed)
        }
        func names(_ strings: PackedStrings) -> Int { strings.totalCount + strings.count }
        bound += 4 * names(text.needs) + names(text.safeguarding) + names(text.responsivity)
        return bound + PackedStrings.spare
    }

    /// The three cells (score, band, status) of need or strength `k` scored as `slot`.
    @inline(__always)
    static func writeScore(_ k: Int, _ slot: AnswerSlot, _ text: RowText, _ out: inout ByteBuffer) {
        if slot.state == .answered {
            out.append(text.scoreOpen, k)
            out.appendNumber(slot.number)
            out.append(text.scoreTail[k], Int(slot.code))
        } else {
            out.append(text.notAssessed, k)
        }
    }

    /// The row's cells, in ``BatchColumns`` order.
    @inline(__always)
    private func write(
        _ recordID: UnsafeBufferPointer<UInt8>, cell: (Int) -> UnsafeBufferPointer<UInt8>,
        _ slots: UnsafeBufferPointer<AnswerSlot>, _ s: inout Scratch, _ out: inout ByteBuffer
    ) {
        encoding.cell(0, recordID, &out)
        for (k, c) in carried.enumerated() { encoding.cell(1 + k, cell(c), &out) }
        out.appendReserved(text.instrumentCells, 0)
        for k in 0..<scoreCount {
            let outcome = s.scoreOutcome[k]
            if outcome >= 0, let table = scoreTables[k] {
                out.appendReserved(table.cells, outcome)
            } else {
                Self.writeScore(k, slots[itemCount + k], text, &out)
            }
        }
        var column = 3 + carried.count + 3 * scoreCount
        let r = s.ranking
        var list = ListWriter(encoding: encoding)
        for position in 0..<r.count where r.lynchpin[position] { list.add(text.needs, r.order[position], column, &out) }
        list.end(column, &out)
        column += 1
        for j in 0..<ranking.needCount where s.tier0[j] { list.add(text.needs, j, column, &out) }
        list.end(column, &out)
        column += 1
        let answers = UnsafePointer(s.answers.baseAddress!)
        var held = safeguarding.holding(slots, answers)
        while held != 0 {
            list.add(text.safeguarding, held.trailingZeroBitCount, column, &out)
            held &= held &- 1
        }
        list.end(column, &out)
        column += 1
        held = responsivity.holding(slots, answers)
        while held != 0 {
            list.add(text.responsivity, held.trailingZeroBitCount, column, &out)
            held &= held &- 1
        }
        list.end(column, &out)
        column += 1
        for i in 0..<r.differsCount { list.add(text.needs, r.differs[i], column, &out) }
        list.end(column, &out)
        encoding.end(&out)
    }

    /// Writes one `;`-joined list cell as its names come.
    struct ListWriter {
        let encoding: RowEncoding
        var started = false

        /// Adds name `i` of `names`.
        @inline(__always)
        mutating func add(_ names: PackedStrings, _ i: Int, _ column: Int, _ out: inout ByteBuffer) {
            if started {
                out.appendReserved(UInt8(ascii: ";"))
            } else {
                encoding.open(column, empty: false, &out)
                started = true
            }
            out.appendReserved(names, i)
        }

        /// Closes the cell (an empty one when nothing was added) and readies for the next.
        @inline(__always)
        mutating func end(_ column: Int, _ out: inout ByteBuffer) {
            if started {
                encoding.close(empty: false, &out)
            } else {
                encoding.open(column, empty: true, &out)
            }
            started = false
        }
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

/// Tests on the bytes of a line: where the commas are, eight bytes at once (SWAR: bit
/// tricks on one 64-bit word), and whether a cell's bytes need the general path.
enum LineBytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` equal to `byte`, exactly: adding 0x7F to each byte's
    /// low seven bits cannot carry into the next byte.
    @inline(__always)
    static func equal(_ byte: UInt8, _ word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & ~highs) &+ ~highs) | x) & highs
    }

    /// Whether every byte of `cell` is printable ASCII other than `"` (which quotes) and `\`
    /// (which JSON escapes). These cells are short: a byte at a time.
    @inline(__always)
    static func arePlain(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in cell where byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            return false
        }
        return true
    }

    /// Bit `k` for each comma among the 64 bytes at `start`: ``equal(_:_:)`` on eight words
    /// at once, each word's eight high bits then gathered into one byte by a multiply.
    @inline(__always)
    static func commas(at start: UnsafeRawPointer) -> UInt64 {
        typealias Words = SIMD8<UInt64>
        let highs = Words(repeating: Self.highs)
        let x = start.loadUnaligned(as: Words.self) ^ Words(repeating: ones &* UInt64(UInt8(ascii: ",")))
        let found = ~(((x & ~highs) &+ ~highs) | x) & highs
        // Bit 8i + 7 of a word to bit 56 + i: each lands alone in the top byte.
        let bytes = ((found &>> 7) &* Words(repeating: 0x0102_0408_1020_4080)) &>> 56
        return (bytes &<< Words(0, 8, 16, 24, 32, 40, 48, 56)).wrappedSum()
    }
}
