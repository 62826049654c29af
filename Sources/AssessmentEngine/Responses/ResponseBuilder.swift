import QuestionnaireDSL

/// Places answers in their slots, item by item in the order asked, deciding which items
/// `show_if` hides along the way.
///
/// ```swift
/// let builder = ResponseBuilder(compiled)
/// let (responses, diagnostics) = builder.build(test.answers, priorities: test.priorities)
/// ```
///
/// Every item gets an explicit state: answered, declined, don't know, not applicable (its
/// section's or its own `show_if` is false) or unanswered. A `show_if` is evaluated over
/// the slots built so far; when it is missing (it depends on a declined answer) the item is
/// shown: when we do not know whether a question applies, it is asked. Problems with the
/// answers (an unknown item, a value that is not an option, an answer to a hidden item)
/// are returned as diagnostics and the answer is left out.
public struct ResponseBuilder: Sendable {
    /// The instrument the answers belong to.
    public let compiled: CompiledInstrument
    private let slotOfItem: [String: Int]
    private let needIDs: [String]

    /// Creates a builder for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        self.slotOfItem = Dictionary(compiled.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.needIDs = compiled.instrument.needs.map(\.id)
    }

    /// Builds the responses for `answers` and her `priorities`; `file` names the answers in
    /// diagnostics.
    public func build(_ answers: [AnswerEntry], priorities: [String] = [], file: String = "answers")
        -> (Responses, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        var given = [AnswerEntry?](repeating: nil, count: compiled.items.count)
        for entry in answers {
            guard let slot = slotOfItem[entry.item] else {
                diagnostics.append(
                    Diagnostic(
                        .unknownReference, "the answers name the item '\(entry.item)', which does not exist",
                        file: file,
                        at: entry.location, hint: Suggestion.didYouMean(entry.item, among: compiled.items.map(\.id))))
                continue
            }
            if given[slot] != nil {
                diagnostics.append(
                    Diagnostic(
                        .invalidValue, "'\(entry.item)' is answered twice", file: file, at: entry.location,
                        hint: "keep one answer; the first is used"))
                continue
            }
            given[slot] = entry
        }

        var slots = [AnswerSlot](repeating: .unanswered, count: compiled.slotCount)
        var texts: [Int: String] = [:]
        var walk = ShowIfWalk()
        for (i, item) in compiled.items.enumerated() {
            if walk.hides(i, of: compiled, slots: slots) {
                slots[i] = .notApplicable
                if let entry = given[i] {
                    diagnostics.append(
                        Diagnostic(
                            .invalidValue,
                            "'\(item.id)' is not asked when \(hiddenBecause(i, sectionHidden: walk.sectionHidden))",
                            file: file, at: entry.location,
                            hint: "remove this answer, or check the earlier answers that decide whether it is asked"))
                }
                continue
            }
            guard let entry = given[i] else { continue }
            switch SlotEncoder.slot(for: entry.value, of: item) {
            case .success(let slot):
                slots[i] = slot
                if case .text(let text) = entry.value { texts[i] = text }
            case .failure(let problem):
                diagnostics.append(
                    Diagnostic(problem.code, problem.message, file: file, at: entry.location, hint: problem.hint))
            }
        }
        let checked = checkedPriorities(priorities, file: file, diagnostics: &diagnostics)
        return (Responses(slots: slots, texts: texts, priorities: checked), diagnostics)
    }

    /// Why item `index` is hidden, in words: "'has_partner' is false".
    private func hiddenBecause(_ index: Int, sectionHidden: Bool) -> String {
        if sectionHidden {
            let section = compiled.instrument.sections[compiled.itemSection[index]]
            return "'\(section.showIf?.text ?? "")' is false (the show_if of the section '\(section.id)')"
        }
        return "'\(compiled.items[index].showIf?.text ?? "")' is false"
    }

    /// Her priorities with unknown needs and repeats left out (and reported).
    private func checkedPriorities(_ priorities: [String], file: String, diagnostics: inout [Diagnostic]) -> [String] {
        var kept: [String] = []
        for id in priorities {
            if !needIDs.contains(id) {
                diagnostics.append(
                    Diagnostic(
                        .unknownReference, "her priorities name '\(id)', which is not a need", file: file, at: nil,
                        hint: Suggestion.didYouMean(id, among: needIDs)))
            } else if kept.contains(id) {
                diagnostics.append(
                    Diagnostic(.invalidValue, "'\(id)' is named twice in her priorities", file: file, at: nil))
            } else if kept.count == AnswerReader.maxPriorities {
                diagnostics.append(
                    Diagnostic(
                        .invalidValue,
                        "her priorities list more than \(AnswerReader.maxPriorities) needs; '\(id)' is left out",
                        file: file, at: nil))
            } else {
                kept.append(id)
            }
        }
        return kept
    }
}
