import QuestionnaireDSL

extension InterviewSession {
    /// What to show now, with the safeguarding alerts not yet acknowledged.
    public var current: InterviewScreen {
        let pending = state.alerts.filter { !$0.isAcknowledged }
        let step: InterviewScreen.Step
        switch state.phase {
        case .introduction:
            step = .introduction(compiled.instrument.introduction.map { resolve($0) } ?? "")
        case .consent:
            step = .consent(Self.consentQuestion)
        case .questions:
            step = state.position.map { .question(question(at: $0)) } ?? .priorities(question: "", needs: [])
        case .priorities:
            step = .priorities(question: Self.prioritiesQuestion, needs: needChoices())
        case .summary:
            step = .summary(alerts: state.alerts)
        case .finished:
            step = .finished
        case .endedWithoutConsent:
            step = .endedWithoutConsent(Self.endedMessage)
        }
        return InterviewScreen(step: step, alerts: pending)
    }

    /// The answers so far, in the order of the questions: every question answered, left or
    /// skipped, including those hidden since (kept, but not counted).
    public func review() -> [ReviewEntry] {
        let slots = layout()
        return compiled.items.enumerated().compactMap { i, item in
            let value = state.answers[item.id]
            guard value != nil || state.skipped.contains(item.id) else { return nil }
            let shown = slots[i].state != .notApplicable
            let stateWord: String
            switch value {
            case nil: stateWord = ItemAnswer.word(for: .unanswered)
            case .declined?: stateWord = ItemAnswer.word(for: .declined)
            case .dontKnow?: stateWord = ItemAnswer.word(for: .dontKnow)
            default: stateWord = ItemAnswer.word(for: shown ? .answered : .notApplicable)
            }
            return ReviewEntry(
                item: item.id, prompt: resolve(item.prompt), state: stateWord,
                value: value.flatMap { shownWords($0, of: item) },
                counted: shown, notes: state.notes[item.id] ?? [])
        }
    }

    /// An answer in words, as results write it; nil for declined and don't know.
    func words(_ value: AnswerValue, of item: Item) -> String? {
        guard case .success(let slot) = SlotEncoder.slot(for: value, of: item), slot.state == .answered else {
            return nil
        }
        if case .text(let text) = value { return text }
        return ItemAnswer.text(slot, of: item, text: nil)
    }

    /// An answer as the screen shows it: choices by their labels, in the interview's language.
    func shownWords(_ value: AnswerValue, of item: Item) -> String? {
        func label(_ code: String) -> String {
            item.options.first { $0.code == code }.map { resolve($0.label) } ?? code
        }
        switch value {
        case .code(let code): return label(code)
        case .codes(let codes): return codes.isEmpty ? "none of these" : codes.map(label).joined(separator: ", ")
        default: return words(value, of: item)
        }
    }

    private func question(at index: Int) -> InterviewQuestion {
        let item = compiled.items[index]
        let sectionIndex = compiled.itemSection[index]
        let section = compiled.instrument.sections[sectionIndex]
        let slots = layout()
        let shown = compiled.items.indices.filter { slots[$0].state != .notApplicable }
        let shownHere = shown.filter { compiled.itemSection[$0] == sectionIndex }
        var sectionsShown: [Int] = []
        for i in shown where sectionsShown.last != compiled.itemSection[i] {
            sectionsShown.append(compiled.itemSection[i])
        }
        let progress = InterviewProgress(
            section: (sectionsShown.firstIndex(of: sectionIndex) ?? 0) + 1, sections: sectionsShown.count,
            question: (shownHere.firstIndex(of: index) ?? 0) + 1, questions: shownHere.count)
        return InterviewQuestion(
            id: item.id, prompt: resolve(item.prompt), type: item.type,
            options: item.options.enumerated().map {
                NumberedOption(number: $0 + 1, code: $1.code, label: resolve($1.label))
            },
            hasPurpose: item.purpose != nil, required: item.required, min: item.min, max: item.max,
            sectionTitle: resolve(section.title),
            sectionIntroduction: shownHere.first == index ? section.introduction.map { resolve($0) } : nil,
            progress: progress, previousAnswer: state.answers[item.id].flatMap { shownWords($0, of: item) },
            notes: state.notes[item.id] ?? [])
    }

    /// All the needs, the ones the answers so far show as present first.
    private func needChoices() -> [NeedChoice] {
        var slots = responses().slots
        let scorer = Scorer(compiled)
        scorer.score(&slots)
        let outcomes = scorer.outcomes(slots).needs
        let needs = compiled.instrument.needs.enumerated().map { j, need in
            (id: need.id, title: resolve(need.title), found: outcomes[j].isPresent)
        }
        let ordered = needs.filter(\.found) + needs.filter { !$0.found }
        return ordered.enumerated().map { NeedChoice(number: $0 + 1, id: $1.id, title: $1.title, found: $1.found) }
    }
}
