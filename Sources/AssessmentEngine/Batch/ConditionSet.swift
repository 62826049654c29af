import QuestionnaireDSL

/// Up to 64 conditions told at once, as one bit each: the fast path's way of asking which
/// safeguarding rules, responsivity flags, urgent rules or drivers hold for a record.
///
/// Conditions whose items' answers are numbered (see ``AnswerDomains``) are gathered into
/// groups of up to eight that read few enough items between them; each group has one table
/// over the combinations of its items' answers, whose entry has a bit for each member that
/// holds. So a record costs one lookup per group rather than one per condition. The others
/// (reading a score or a number) are run as ``KernelCondition``s one by one.
struct ConditionSet: @unchecked Sendable {
    /// Conditions sharing one table.
    struct Group {
        let key: TableKey
        /// For each combination, bit `k` set when member `k` holds.
        let entries: UnsafePointer<UInt8>
        /// Each member's index in the set.
        let members: UnsafePointer<Int8>
    }

    /// The most combinations a group's table may have, unless one condition needs more alone.
    static let groupCombinations = 1 << 12

    let groups: UnsafeBufferPointer<Group>
    /// The conditions with no table, with their indices in the set.
    let singles: UnsafeBufferPointer<(index: Int, condition: KernelCondition)>
    /// The slots the singles read (see ``KernelCondition/slotReads``).
    var slotReads: Set<Int> { Set(singles.flatMap(\.condition.slotReads)) }

    /// The set of `expressions` (a nil one never holds), at most 64.
    init(_ expressions: [CompiledExpression?], domains: AnswerDomains, slotCount: Int, arena: KernelArena) {
        precondition(expressions.count <= 64, "a condition set holds at most 64 conditions")
        var gathered: [(items: Set<Int>, members: [Int])] = []
        var singles: [(index: Int, condition: KernelCondition)] = []
        for (i, expression) in expressions.enumerated() {
            guard let expression else { continue }
            guard let items = domains.items(of: expression), domains.keys(items) else {
                singles.append((i, KernelCondition(expression, domains: domains, slotCount: slotCount, arena: arena)))
                continue
            }
            let joins = gathered.firstIndex { group in
                group.members.count < 8
                    && (domains.combinations(group.items.union(items).sorted()) ?? .max) <= Self.groupCombinations
            }
            if let joins {
                gathered[joins].items.formUnion(items)
                gathered[joins].members.append(i)
            } else {
                gathered.append((Set(items), [i]))
            }
        }
        let programs = expressions.map { $0.map(arena.program) }
        groups = arena.buffer(
            gathered.map { group in
                let key = domains.key(items: group.items.sorted(), arena: arena)!
                var entries = [UInt8](repeating: 0, count: key.combinations)
                domains.forEachCombination(of: key, slotCount: slotCount) { combination, probe in
                    for (k, member) in group.members.enumerated() where programs[member]!.condition(probe) == true {
                        entries[combination] |= 1 << UInt8(k)
                    }
                }
                return Group(key: key, entries: arena.copy(entries), members: arena.copy(group.members.map(Int8.init)))
            })
        self.singles = arena.buffer(singles)
    }

    /// Bit `i` set when condition `i` holds (one that is false or cannot be told leaves it clear).
    @inline(__always)
    func holding(_ slots: UnsafeBufferPointer<AnswerSlot>, _ answers: UnsafePointer<UInt16>) -> UInt64 {
        var held: UInt64 = 0
        for group in groups {
            var entry = group.entries[group.key.index(answers)]
            while entry != 0 {
                held |= 1 &<< UInt64(group.members[entry.trailingZeroBitCount])
                entry &= entry &- 1
            }
        }
        for single in singles where single.condition.holds(slots, answers) == true {
            held |= 1 &<< UInt64(single.index)
        }
        return held
    }
}
