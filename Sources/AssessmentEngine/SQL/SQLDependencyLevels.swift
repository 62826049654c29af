import QuestionnaireDSL

/// Groups the items by how deep their `show_if` chains go, and the scores by how deep
/// their `score()`/`band()` chains go, so each group is one step of the query that reads
/// only columns made by earlier steps.
enum SQLDependencyLevels {
    /// For each item, 0 when nothing can hide it, else one more than the deepest item its
    /// own or its section's `show_if` reads (only items before it count: later ones are
    /// still unanswered when it is decided).
    static func items(_ compiled: CompiledInstrument) -> [Int] {
        var levels: [Int] = []
        for (i, _) in compiled.items.enumerated() {
            let section = compiled.itemSection[i]
            let first = compiled.itemSection.firstIndex(of: section) ?? i
            var level = 0
            if let showIf = compiled.sectionShowIf[section] {
                level = max(level, 1 + (showIf.referencedItemSlots.filter { $0 < first }.map { levels[$0] }.max() ?? 0))
            }
            if let showIf = compiled.itemShowIf[i] {
                level = max(level, 1 + (showIf.referencedItemSlots.filter { $0 < i }.map { levels[$0] }.max() ?? 0))
            }
            levels.append(level)
        }
        return levels
    }

    /// For each entry of ``CompiledInstrument/scoreOrder``, 0 when it reads no other score,
    /// else one more than the deepest score it reads.
    static func scores(_ compiled: CompiledInstrument) -> [Int] {
        var levelOfSlot: [Int: Int] = [:]
        var levels: [Int] = []
        for ref in compiled.scoreOrder {
            let (slot, expression) = scoreSlot(ref, compiled)
            let read = expression.referencedScores.compactMap { compiled.scope.scores[$0]?.slot }
            let level = read.isEmpty ? 0 : 1 + (read.compactMap { levelOfSlot[$0] }.max() ?? 0)
            levelOfSlot[slot] = level
            levels.append(level)
        }
        return levels
    }

    /// The slot and score expression of a need or strength.
    static func scoreSlot(_ ref: CompiledInstrument.ScoreRef, _ compiled: CompiledInstrument)
        -> (slot: Int, expression: CompiledExpression)
    {
        switch ref {
        case .need(let j): (compiled.needSlot(j), compiled.needScores[j])
        case .strength(let k): (compiled.strengthSlot(k), compiled.strengthScores[k])
        }
    }
}
