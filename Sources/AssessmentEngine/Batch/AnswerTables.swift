import QuestionnaireDSL

/// The answers each item's slot can hold on the fast path, numbered, so that an expression
/// over a few items can be worked out once for every combination of their answers and then
/// looked up, record after record (see ``TableKey``).
///
/// Index 0 is unanswered, 1 declined, 2 don't know and 3 not applicable; from 4 on come the
/// answers themselves: no, then yes; each option of a choice or scale, in order; each set of
/// a multiple choice's options, by its bits; one for any text or date (whose words no
/// expression reads). A number can take too many values to be numbered. A score is numbered
/// once it has a ``ScoreTable``: its answer index is its outcome there.
struct AnswerDomains {
    static let unanswered: UInt16 = 0
    static let declined: UInt16 = 1
    static let dontKnow: UInt16 = 2
    static let notApplicable: UInt16 = 3
    static let firstAnswer: UInt16 = 4
    /// The most options a multiple choice may have to be numbered (4,096 sets).
    static let maxSetOptions = 12
    /// The most combinations one table may hold.
    static let maxCombinations = 1 << 16

    /// For each slot, what each of its answer indices stands for (empty when not numbered).
    /// For items, these are exactly the slots ``CellDecoder`` and the `show_if` walk write.
    private(set) var slots: [[AnswerSlot]]
    /// Each need's and strength's slot, by id.
    private let scoreSlots: [String: Int]

    /// The numbering of `compiled`'s items; its scores are not numbered yet.
    init(_ compiled: CompiledInstrument) {
        let missing: [AnswerSlot] = [.unanswered, .declined, .dontKnow, .notApplicable]
        let instrument = compiled.instrument
        scoreSlots = Dictionary(
            uniqueKeysWithValues: instrument.needs.indices.map { (instrument.needs[$0].id, compiled.needSlot($0)) }
                + instrument.strengths.indices.map { (instrument.strengths[$0].id, compiled.strengthSlot($0)) })
        let scores = [[AnswerSlot]](repeating: [], count: compiled.slotCount - compiled.items.count)
        slots =
            compiled.items.map { item -> [AnswerSlot] in
                switch item.type {
                case .yesNo: return missing + [.boolean(false), .boolean(true)]
                case .choice, .scale:
                    return missing + item.options.indices.map { .choice(index: $0, value: item.options[$0].value) }
                case .multiChoice:
                    guard item.options.count <= Self.maxSetOptions else { return [] }
                    return missing + (0..<(UInt64(1) << UInt64(item.options.count))).map { .set($0) }
                case .text, .date: return missing + [AnswerSlot(state: .answered)]
                case .number: return []
                }
            } + scores
    }

    /// Numbers score slot `slot` by its outcomes (a ``ScoreTable``'s), so that expressions
    /// reading the score can be tables too.
    mutating func number(score slot: Int, as outcomes: [AnswerSlot]) {
        slots[slot] = outcomes
    }

    /// How to find a combination of the answers `expression` reads, or nil when it reads an
    /// item or score that is not numbered, or they have too many combinations.
    func key(for expression: CompiledExpression, arena: KernelArena) -> TableKey? {
        guard let items = items(of: expression) else { return nil }
        return key(items: items, arena: arena)
    }

    /// The slots `expression` reads (its items', and its scores' when they are numbered), in
    /// order, or nil when it reads a score that is not.
    func items(of expression: CompiledExpression) -> [Int]? {
        var read = Set(expression.referencedItemSlots)
        for id in expression.referencedScores {
            guard let slot = scoreSlots[id], !slots[slot].isEmpty else { return nil }
            read.insert(slot)
        }
        return read.sorted()
    }

    /// Whether `items` (sorted, distinct) can key a table: ``key(items:arena:)`` is not nil,
    /// asked without making the key.
    func keys(_ items: [Int]) -> Bool {
        combinations(items).map { $0 <= Self.maxCombinations } ?? false
    }

    /// The number of combinations of the answers to `items` (nil when one is not numbered).
    func combinations(_ items: [Int]) -> Int? {
        var combinations = 1
        for item in items {
            guard slots[item].count > 0, combinations <= Self.maxCombinations else { return nil }
            combinations *= slots[item].count
        }
        return combinations
    }

    /// How to find a combination of the answers to `items` (sorted, distinct), or nil when
    /// one is not numbered or they have too many combinations.
    func key(items: [Int], arena: KernelArena) -> TableKey? {
        guard keys(items) else { return nil }
        var strides: [Int] = []
        var combinations = 1
        for item in items {
            strides.append(combinations)
            combinations *= slots[item].count
        }
        return TableKey(
            terms: arena.buffer(zip(items, strides).map { TableKey.Term(item: Int32($0), stride: Int32($1)) }),
            combinations: combinations)
    }

    /// Calls `body` with each combination of `key`'s answers in turn, by its index, in slots
    /// (`slotCount` of them) where every other slot is unanswered.
    func forEachCombination(
        of key: TableKey, slotCount: Int, _ body: (Int, UnsafeBufferPointer<AnswerSlot>) -> Void
    ) {
        var probe = [AnswerSlot](repeating: .unanswered, count: slotCount)
        for combination in 0..<key.combinations {
            for term in key.terms {
                let answers = slots[Int(term.item)]
                probe[Int(term.item)] = answers[combination / Int(term.stride) % answers.count]
            }
            probe.withUnsafeBufferPointer { body(combination, $0) }
        }
    }
}

/// Where a combination of some items' answers sits in a table: the sum, over the items, of
/// each one's answer index (see ``AnswerDomains``) times its stride.
struct TableKey: @unchecked Sendable {
    /// One item and its stride, side by side so that a term is one load.
    struct Term {
        var item: Int32
        var stride: Int32
    }

    let terms: UnsafeBufferPointer<Term>
    let combinations: Int

    /// The combination that `answers` (an answer index per item) holds.
    @inline(__always)
    func index(_ answers: UnsafePointer<UInt16>) -> Int {
        var index = 0
        for term in terms { index &+= Int(answers[Int(term.item)]) &* Int(term.stride) }
        return index
    }
}

/// A condition of the fast path (a `show_if`, rule, `urgent_if` or driver's `when`): looked up
/// in a table of its every combination of answers when it has few enough, and otherwise run
/// as bytecode. Either way it is the condition's own bytecode that gives the answer.
struct KernelCondition: @unchecked Sendable {
    let program: BytecodeProgram
    let key: TableKey?
    /// For each combination: 0 false, 1 true, 2 missing.
    let table: UnsafePointer<UInt8>?
    /// The slots (of items and scores) the bytecode reads when it runs (none when it is looked up).
    let slotReads: UnsafeBufferPointer<Int>

    /// The condition `expression`, its tables in `arena`.
    init(_ expression: CompiledExpression, domains: AnswerDomains, slotCount: Int, arena: KernelArena) {
        let program = arena.program(expression)
        self.program = program
        key = domains.key(for: expression, arena: arena)
        slotReads = arena.buffer(key == nil ? expression.referencedSlots : [])
        table = key.map { key in
            var table = [UInt8](repeating: 0, count: key.combinations)
            domains.forEachCombination(of: key, slotCount: slotCount) { combination, slots in
                table[combination] = program.condition(slots).map { $0 ? 1 : 0 } ?? 2
            }
            return arena.copy(table)
        }
    }

    /// The condition's value over `slots`, whose answer indices are `answers`; nil when missing.
    @inline(__always)
    func holds(_ slots: UnsafeBufferPointer<AnswerSlot>, _ answers: UnsafePointer<UInt16>) -> Bool? {
        guard let key, let table else { return program.condition(slots) }
        let value = table[key.index(answers)]
        return value == 2 ? nil : value == 1
    }
}
