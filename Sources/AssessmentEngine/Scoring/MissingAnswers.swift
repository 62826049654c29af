import QuestionnaireDSL

/// What an expression needs but does not have: its missing items and unscored needs.
public enum MissingAnswers {
    /// The items `expression` refers to that are missing (declined, don't know or
    /// unanswered), in the order it names them. Hidden items are not missing.
    public static func items(of expression: CompiledExpression, in slots: [AnswerSlot]) -> [String] {
        zip(expression.referencedItems, expression.referencedItemSlots).compactMap { id, slot in
            switch slots[slot].state {
            case .declined, .dontKnow, .unanswered: id
            case .answered, .notApplicable: nil
            }
        }
    }

    /// The needs and strengths `expression` uses through `score()`/`band()` that were not assessed.
    public static func scores(
        of expression: CompiledExpression, in slots: [AnswerSlot], compiled: CompiledInstrument
    ) -> [String] {
        expression.referencedScores.filter { id in
            guard let symbol = compiled.scope.scores[id] else { return false }
            return slots[symbol.slot].state != .answered
        }
    }
}
