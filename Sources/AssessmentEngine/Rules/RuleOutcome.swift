import QuestionnaireDSL

/// What one rule's condition gave for one set of responses, in three-valued logic.
public enum RuleOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The condition held: the alert or flag was raised, or the need went into tier 0.
    case fired
    /// The condition was false.
    case silent
    /// The condition depends on something missing, so it could not be evaluated.
    case unevaluated
}

extension RuleFindings {
    /// The outcome of the rule of `kind` at `index` in `instrument`: its safeguarding or
    /// responsivity rules, or its needs for `urgent_if` (nil for a need without one).
    ///
    /// Read back from the findings, which list every rule that fired and every rule that
    /// could not be evaluated; any other rule was evaluated to false.
    public func outcome(_ kind: RuleKind, at index: Int, in instrument: Instrument) -> RuleOutcome? {
        let id: String
        let fired: Bool
        switch kind {
        case .safeguarding:
            id = instrument.safeguarding[index].id
            fired = safeguarding.contains { $0.id == id }
        case .responsivity:
            id = instrument.responsivity[index].id
            fired = flags.contains { $0.id == id }
        case .urgentIf:
            guard instrument.needs[index].urgentIf != nil else { return nil }
            id = instrument.needs[index].id
            fired = urgentNeeds.contains(index)
        }
        if fired { return .fired }
        return unevaluated.contains { $0.kind == kind && $0.id == id } ? .unevaluated : .silent
    }
}
