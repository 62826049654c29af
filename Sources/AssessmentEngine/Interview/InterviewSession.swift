import Foundation
import QuestionnaireDSL

/// A trauma-informed interview as a value: introduction, consent, the questions section by
/// section, her priorities, the summary. No I/O: a front end shows ``current`` and sends
/// commands; every change is appended to ``events``, from which ``replay(_:events:language:)``
/// rebuilds the same session after a crash.
///
/// ```swift
/// var session = InterviewSession(compiled)
/// try session.begin()
/// try session.consent(true)
/// let alerts = try session.answer(.code("own_home"))
/// ```
///
/// A command that is not accepted throws an ``InterviewProblem`` and changes nothing.
public struct InterviewSession: Sendable {
    /// The instrument asked.
    public let compiled: CompiledInstrument
    /// The language texts are shown in (falling back to the instrument's own).
    public let language: String
    /// Every change so far, in order.
    public private(set) var events: [InterviewEvent] = []
    var state = State()
    let builder: ResponseBuilder

    /// Everything that changes, rebuilt from the events alone.
    struct State: Sendable, Hashable {
        var phase = InterviewPhase.introduction
        /// The current question's item index.
        var position: Int?
        /// The questions asked before the current one, in order: where `back` goes.
        var trail: [Int] = []
        /// The latest answer to each item, kept even when the item is hidden later.
        var answers: [String: AnswerValue] = [:]
        /// Items left by skipping the rest of their section.
        var skipped: Set<String> = []
        var notes: [String: [String]] = [:]
        var alerts: [InterviewAlert] = []
        var priorities: [String] = []
        var agreement: Agreement?
    }

    /// Starts an interview of `compiled`, shown in `language` (the instrument's by default).
    public init(_ compiled: CompiledInstrument, language: String? = nil) {
        self.compiled = compiled
        self.language = language ?? compiled.instrument.language
        self.builder = ResponseBuilder(compiled)
    }

    /// Rebuilds a session by applying `events` from the start: equal to the session that
    /// recorded them.
    public static func replay(_ compiled: CompiledInstrument, events: [InterviewEvent], language: String? = nil)
        -> InterviewSession
    {
        var session = InterviewSession(compiled, language: language)
        for event in events { session.record(event) }
        return session
    }

    /// Where the interview stands.
    public var phase: InterviewPhase { state.phase }

    // MARK: - Commands

    /// Moves from the introduction to the consent question.
    public mutating func begin() throws(InterviewProblem) {
        try expect(.introduction, "Going on")
        record(.began)
    }

    /// Records her consent; without it the interview ends and stores no answers.
    public mutating func consent(_ given: Bool) throws(InterviewProblem) {
        try expect(.consent, "Consent")
        record(.consent(given))
    }

    /// Answers the current question; returns the safeguarding alerts the answer raised.
    @discardableResult
    public mutating func answer(_ value: AnswerValue) throws(InterviewProblem) -> [InterviewAlert] {
        switch value {
        case .declined: return try decline()
        case .dontKnow: return try dontKnow()
        default: break
        }
        let item = try currentItem("Answering")
        try Self.check(value, for: item)
        record(.answered(item: item.id, value: value))
        return raiseAlerts(after: item.id)
    }

    /// She prefers not to say; refused for a required question.
    @discardableResult
    public mutating func decline() throws(InterviewProblem) -> [InterviewAlert] {
        let item = try currentItem("Leaving a question")
        if item.required { throw .required(item: item.id) }
        record(.declined(item: item.id))
        return raiseAlerts(after: item.id)
    }

    /// She does not know.
    @discardableResult
    public mutating func dontKnow() throws(InterviewProblem) -> [InterviewAlert] {
        let item = try currentItem("\"Don't know\"")
        record(.dontKnow(item: item.id))
        return raiseAlerts(after: item.id)
    }

    /// Goes back to the previous question asked (from her priorities, to the last question).
    public mutating func back() throws(InterviewProblem) {
        guard state.phase == .questions || state.phase == .priorities else { throw .notNow("Going back") }
        guard let previous = state.trail.last else { throw .nothingBefore }
        record(.back(from: state.position.map { compiled.items[$0].id }, to: compiled.items[previous].id))
    }

    /// Leaves the rest of the current section unanswered (not declined) and moves on.
    @discardableResult
    public mutating func skipSection() throws(InterviewProblem) -> [InterviewAlert] {
        let item = try currentItem("Skipping a section")
        let index = state.position!
        let section = compiled.itemSection[index]
        let slots = layout()
        let rest = (index..<compiled.items.count).filter {
            compiled.itemSection[$0] == section && slots[$0].state != .notApplicable
                && (state.answers[compiled.items[$0].id] == nil || $0 == index)
        }
        record(.skipped(section: compiled.instrument.sections[section].id, items: rest.map { compiled.items[$0].id }))
        return raiseAlerts(after: item.id)
    }

    /// Why the current question is asked: its purpose, or a plain default.
    public func why() throws(InterviewProblem) -> String {
        let item = try currentItem("\"Why we ask\"")
        return item.purpose.map { resolve($0) } ?? Self.defaultPurpose
    }

    /// Adds the worker's note to the current question.
    public mutating func note(_ text: String) throws(InterviewProblem) {
        let item = try currentItem("A note")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .empty }
        record(.note(item: item.id, text: trimmed))
    }

    /// Records what the worker did about a raised alert.
    public mutating func acknowledge(_ alert: InterviewAlert, actionTaken: String) throws(InterviewProblem) {
        try acknowledge(rule: alert.rule, actionTaken: actionTaken)
    }

    /// Records what the worker did about the alert raised by safeguarding rule `rule`.
    public mutating func acknowledge(rule: String, actionTaken: String) throws(InterviewProblem) {
        guard state.alerts.contains(where: { $0.rule == rule }) else { throw .unknownAlert(rule) }
        let trimmed = actionTaken.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .empty }
        record(.alertAcknowledged(rule: rule, actionTaken: trimmed))
    }

    /// Her own priorities: up to three need ids, most important first.
    public mutating func priorities(_ needs: [String]) throws(InterviewProblem) {
        try expect(.priorities, "Choosing priorities")
        let ids = compiled.instrument.needs.map(\.id)
        var seen: [String] = []
        for id in needs {
            guard ids.contains(id) else { throw .unknownNeed(id) }
            guard !seen.contains(id) else { throw .repeatedNeed(id) }
            seen.append(id)
        }
        if needs.count > AnswerReader.maxPriorities { throw .tooManyPriorities(AnswerReader.maxPriorities) }
        record(.priorities(needs))
    }

    /// Records the actions she and the worker agreed, and the date to review them
    /// (`YYYY-MM-DD`); given after the summary, before finishing.
    public mutating func agree(actions: String, reviewDate: String) throws(InterviewProblem) {
        try expect(.summary, "Agreeing actions")
        let actions = actions.trimmingCharacters(in: .whitespacesAndNewlines)
        let date = reviewDate.trimmingCharacters(in: .whitespaces)
        if actions.isEmpty { throw .empty }
        guard Agreement.isCalendarDate(date) else { throw .notADate(date) }
        record(.agreed(actions: actions, reviewDate: date))
    }

    /// What was agreed at the end, once it has been.
    public var agreement: Agreement? { state.agreement }

    /// Finishes the interview from the summary.
    public mutating func finish() throws(InterviewProblem) {
        try expect(.summary, "Finishing")
        record(.finished)
    }

    // MARK: - Results

    /// The answers to the questions shown now, in the order asked, as an answers file would
    /// give them (skipped questions have no entry).
    public func answerEntries() -> [AnswerEntry] {
        compiled.items.enumerated().compactMap { i, item in
            state.answers[item.id].map {
                AnswerEntry(item: item.id, value: $0, location: .init(line: i + 1, column: 1))
            }
        }
        .filter { isShown($0.item) }
    }

    /// Her priorities so far.
    public var herPriorities: [String] { state.priorities }

    /// The responses to score: hidden questions' kept answers are not among them.
    public func responses() -> Responses {
        builder.build(answerEntries(), priorities: state.priorities).0
    }

    /// The result, as ``Assessor`` gives for the same answers.
    public func result(at time: Date) -> AssessmentResult {
        Assessor(compiled).assess(responses(), at: time)
    }

    /// Every safeguarding alert raised, with what was done.
    public var alerts: [InterviewAlert] { state.alerts }

    // MARK: - Applying events

    /// Applies `event` and appends it: the only place state changes.
    mutating func record(_ event: InterviewEvent) {
        apply(event)
        events.append(event)
    }

    private mutating func apply(_ event: InterviewEvent) {
        switch event {
        case .began:
            state.phase = .consent
        case .consent(true):
            state.phase = .questions
            moveForward(after: -1)
        case .consent(false):
            state.phase = .endedWithoutConsent
        case .answered(let item, let value):
            given(item, value)
        case .declined(let item):
            given(item, .declined)
        case .dontKnow(let item):
            given(item, .dontKnow)
        case .back(_, let to):
            while let last = state.trail.popLast() {
                if compiled.items[last].id == to {
                    state.position = last
                    break
                }
            }
            state.phase = .questions
        case .skipped(let section, let items):
            for item in items { state.skipped.insert(item) }
            let end = compiled.itemSection.lastIndex(of: sectionIndex(section) ?? -1) ?? (state.position ?? -1)
            if let position = state.position { state.trail.append(position) }
            moveForward(after: end)
        case .note(let item, let text):
            state.notes[item, default: []].append(text)
        case .alertRaised(let alert):
            state.alerts.append(alert)
        case .alertAcknowledged(let rule, let actionTaken):
            if let index = state.alerts.firstIndex(where: { $0.rule == rule }) {
                state.alerts[index].actionTaken = actionTaken
            }
        case .priorities(let needs):
            state.priorities = needs
            state.phase = .summary
        case .agreed(let actions, let reviewDate):
            state.agreement = Agreement(actions: actions, reviewDate: reviewDate)
        case .finished:
            state.phase = .finished
        }
    }

    private mutating func given(_ item: String, _ value: AnswerValue) {
        state.answers[item] = value
        state.skipped.remove(item)
        guard let position = state.position else { return }
        state.trail.append(position)
        moveForward(after: position)
    }

    /// Moves to the first question shown after item `index`, or to her priorities.
    private mutating func moveForward(after index: Int) {
        let slots = layout()
        if let next = slots.indices.first(where: {
            $0 > index && $0 < compiled.items.count && slots[$0].state != .notApplicable
        }) {
            state.position = next
        } else {
            state.position = nil
            state.phase = .priorities
        }
    }

    /// Safeguarding rules that hold now and had not fired before, recorded as alerts.
    private mutating func raiseAlerts(after item: String) -> [InterviewAlert] {
        var slots = responses().slots
        Scorer(compiled).score(&slots)
        let rules = compiled.instrument.safeguarding
        let firing = slots.withUnsafeBufferPointer { read in
            rules.indices.filter { compiled.safeguarding[$0].boolean(read) == true }
        }
        var raised: [InterviewAlert] = []
        for i in firing where !state.alerts.contains(where: { $0.rule == rules[i].id }) {
            let alert = InterviewAlert(rule: rules[i].id, action: resolve(rules[i].action), afterItem: item)
            record(.alertRaised(alert))
            raised.append(alert)
        }
        return raised
    }

    // MARK: - Helpers

    /// The slots of every answer given, with hidden items marked not applicable.
    func layout() -> [AnswerSlot] {
        let all = compiled.items.enumerated().compactMap { i, item in
            state.answers[item.id].map {
                AnswerEntry(item: item.id, value: $0, location: .init(line: i + 1, column: 1))
            }
        }
        return builder.build(all).0.slots
    }

    private func isShown(_ item: String) -> Bool {
        guard let index = compiled.items.firstIndex(where: { $0.id == item }) else { return false }
        return layout()[index].state != .notApplicable
    }

    func sectionIndex(_ id: String) -> Int? {
        compiled.instrument.sections.firstIndex { $0.id == id }
    }

    func resolve(_ text: LocalizedText) -> String {
        text.resolve(language, fallback: compiled.instrument.language)
    }

    private func expect(_ phase: InterviewPhase, _ what: String) throws(InterviewProblem) {
        guard state.phase == phase else { throw .notNow(what) }
    }

    func currentItem(_ what: String) throws(InterviewProblem) -> Item {
        guard state.phase == .questions, let position = state.position else { throw .notNow(what) }
        return compiled.items[position]
    }

    /// Checks `value` against `item` without placing it.
    static func check(_ value: AnswerValue, for item: Item) throws(InterviewProblem) {
        switch value {
        case .text(let text) where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty: throw .empty
        case .code(let code) where code.isEmpty: throw .empty
        default: break
        }
        guard case .failure = SlotEncoder.slot(for: value, of: item) else { return }
        switch (value, item.type) {
        case (.number(let number), .number):
            throw .outOfRange(number, min: item.min, max: item.max)
        case (.code(let code), let type) where type.hasOptions:
            throw .notAnOption(code, count: item.options.count)
        case (.number(let number), .choice), (.number(let number), .scale):
            throw .notAnOption(NumberText.format(number), count: item.options.count)
        case (.codes(let codes), .multiChoice):
            let unknown = codes.first { code in !item.options.contains { $0.code == code } } ?? ""
            throw .notAnOption(unknown, count: item.options.count)
        default:
            throw .wrongKind(expected: expected(item.type))
        }
    }

    private static func expected(_ type: ItemType) -> String {
        switch type {
        case .yesNo: "yes or no"
        case .choice, .scale: "one of the numbered choices"
        case .multiChoice: "one or more of the numbered choices"
        case .number: "a number"
        case .text: "an answer in words"
        case .date: "a date"
        }
    }

    /// Said when a question has no purpose of its own.
    public static let defaultPurpose =
        "We ask this to understand your situation, so that we can offer the support that fits. "
        + "You can always leave a question."

    /// The consent question.
    public static let consentQuestion =
        "Are you happy to go ahead? You can stop at any time, and you can leave any question you would rather not answer."

    /// Said when she does not consent.
    public static let endedMessage =
        "Thank you for your time. We will not go ahead with the questions, and nothing you said has been stored."

    /// The priorities question.
    public static let prioritiesQuestion = "Of these, which matter most to you right now? Choose up to three, in order."
}

extension InterviewSession: Equatable {
    /// Equal when the same instrument was interviewed in the same language with the same events.
    public static func == (a: InterviewSession, b: InterviewSession) -> Bool {
        a.compiled.instrument == b.compiled.instrument && a.language == b.language && a.state == b.state
            && a.events == b.events
    }
}
