import Foundation
import QuestionnaireDSL

/// What a report of one interview says: the assessment (``Report``) and what only the
/// session knows: who ran it where and when, the safeguarding alerts with the time each was
/// raised and what was done, the worker's notes beside the questions, her answers in her own
/// words, and what she and the worker agreed. ``MarkdownReport`` and ``HTMLReport`` render it.
///
/// ```swift
/// let session = InterviewSession.replay(compiled, events: stored.events.map(\.event))
/// let result = session.result(at: stored.updatedAt)
/// let report = SessionReport(stored, session: session, result: result)
/// print(HTMLReport(report).render())
/// ```
///
/// Built from a result alone (``init(_:)``), it has no session parts and its alerts are
/// the safeguarding actions for today, so the same renderers serve `assess score`.
public struct SessionReport: Sendable, Hashable {
    /// Who ran the session, where and when.
    public struct Details: Sendable, Hashable {
        /// The session's id.
        public var id: String
        /// Who ran it.
        public var worker: String?
        /// Where it took place (community, probation, prison, pre-release).
        public var setting: String?
        /// The language it was held in, when one was chosen.
        public var language: String?
        /// When it began.
        public var startedAt: Date
        /// When its last event was written.
        public var updatedAt: Date
        /// Where it has got to: `in progress`, `finished`, `ended without consent`.
        public var status: SessionStatus
    }

    /// A safeguarding alert: what to do, and in a session when it was raised and what was done.
    public struct Alert: Sendable, Hashable {
        /// The safeguarding rule's id.
        public var rule: String
        /// What the worker must do.
        public var action: String
        /// When it was raised during the interview; nil without a session.
        public var raisedAt: Date?
        /// The item whose answer raised it.
        public var afterItem: String?
        /// That question, as asked.
        public var afterQuestion: String?
        /// What the worker recorded as done; nil when not (yet) recorded.
        public var actionTaken: String?
        /// When that was recorded.
        public var acknowledgedAt: Date?
        /// True when her answers, as they stand now, still raise it (an answer changed
        /// later may have stopped it holding, but it was raised and is kept).
        public var holdsNow: Bool
    }

    /// A note the worker wrote on a question.
    public struct Note: Sendable, Hashable {
        /// The note, in the worker's words.
        public var text: String
        /// When it was written.
        public var at: Date?
    }

    /// A question of the interview, with her answer and the worker's notes beside it.
    public struct Question: Sendable, Hashable {
        /// The item's id.
        public var item: String
        /// The question as asked.
        public var prompt: String
        /// `answered`, `declined`, `dont_know`, `unanswered` (skipped, or not reached) or
        /// `not_applicable` (hidden since by a changed answer: kept, not counted).
        public var state: String
        /// The answer in words (option labels, `yes`, a number, her own text).
        public var answer: String?
        /// True when the answer is her own text (a `text` question): quoted as she said it.
        public var inHerWords: Bool
        /// The worker's notes, in the order written.
        public var notes: [Note]
    }

    /// The questions of one section that were asked or have notes.
    public struct Section: Sendable, Hashable {
        /// The section's title.
        public var title: String
        /// Its questions, in order.
        public var questions: [Question]
    }

    /// What she and the worker agreed at the end, and when they will look at it again.
    public struct Agreed: Sendable, Hashable {
        /// The actions, in the worker's words.
        public var actions: String
        /// The review date, `YYYY-MM-DD`.
        public var reviewDate: String
        /// When it was recorded.
        public var at: Date?
    }

    /// The assessment.
    public var report: Report
    /// The session's details; nil for a report of an answers file.
    public var details: Details?
    /// The safeguarding alerts: those raised in the session, then any her answers raise now
    /// that were not raised during it.
    public var alerts: [Alert]
    /// The questions asked, by section, with notes; empty without a session.
    public var sections: [Section]
    /// What was agreed; nil until it is.
    public var agreed: Agreed?

    /// A report of an assessment with no session: its alerts are the actions for today.
    public init(_ report: Report) {
        self.report = report
        self.details = nil
        self.alerts = report.safeguarding.map {
            Alert(
                rule: $0.id, action: $0.action, raisedAt: nil, afterItem: nil, afterQuestion: nil, actionTaken: nil,
                acknowledgedAt: nil, holdsNow: true)
        }
        self.sections = []
        self.agreed = nil
    }

    /// A report of the stored session `stored`, replayed as `session`, whose result is `result`.
    public init(_ stored: StoredSession, session: InterviewSession, result: AssessmentResult) {
        let compiled = session.compiled
        self.init(Report(result, instrument: compiled.instrument, language: session.language))
        details = Details(
            id: stored.id, worker: stored.start.worker, setting: stored.start.setting,
            language: stored.start.language, startedAt: stored.start.startedAt, updatedAt: stored.updatedAt,
            status: stored.status)
        let timeline = Timeline(stored.events)
        let prompts = Dictionary(
            compiled.items.map { ($0.id, session.resolve($0.prompt)) }, uniquingKeysWith: { a, _ in a })
        let raised = session.alerts.map { alert in
            Alert(
                rule: alert.rule, action: alert.action, raisedAt: timeline.raised[alert.rule],
                afterItem: alert.afterItem, afterQuestion: prompts[alert.afterItem], actionTaken: alert.actionTaken,
                acknowledgedAt: timeline.acknowledged[alert.rule],
                holdsNow: result.safeguarding.contains { $0.id == alert.rule })
        }
        let later = alerts.filter { now in !raised.contains { $0.rule == now.rule } }
        alerts = raised + later
        sections = Self.sections(of: session, notes: timeline.notes)
        agreed = timeline.agreed
    }

    /// The questions asked or noted, section by section, in the order of the instrument.
    /// Identifying questions (such as her name) are left out, as in every result.
    private static func sections(of session: InterviewSession, notes: [String: [Note]]) -> [Section] {
        let compiled = session.compiled
        let reviewed = Dictionary(session.review().map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        var sections: [Section] = []
        for (index, section) in compiled.instrument.sections.enumerated() {
            let questions = compiled.items.indices.filter { compiled.itemSection[$0] == index }.compactMap {
                i -> Question? in
                let item = compiled.items[i]
                let entry = reviewed[item.id]
                let itemNotes = notes[item.id] ?? []
                guard !item.identifying, entry != nil || !itemNotes.isEmpty else { return nil }
                return Question(
                    item: item.id, prompt: session.resolve(item.prompt),
                    state: entry.map { $0.counted ? $0.state : ItemAnswer.word(for: .notApplicable) }
                        ?? ItemAnswer.word(for: .unanswered),
                    answer: entry?.value.map { words($0, of: item, in: session) },
                    inHerWords: item.type == .text, notes: itemNotes)
            }
            if !questions.isEmpty {
                sections.append(Section(title: session.resolve(section.title), questions: questions))
            }
        }
        return sections
    }

    /// An answer as results write it (codes) turned into the words she was offered.
    private static func words(_ value: String, of item: Item, in session: InterviewSession) -> String {
        switch item.type {
        case .choice, .scale, .multiChoice:
            let labels = value.split(separator: ";").map { code in
                item.options.first { $0.code == code }.map { session.resolve($0.label) } ?? String(code)
            }
            return labels.isEmpty ? "none of these" : labels.joined(separator: ", ")
        case .yesNo:
            return value == "yes" ? "Yes" : "No"
        case .number, .text, .date:
            return value
        }
    }
}

extension SessionReport {
    /// When things happened, read from the journal's timed events.
    private struct Timeline {
        var raised: [String: Date] = [:]
        var acknowledged: [String: Date] = [:]
        var notes: [String: [Note]] = [:]
        var agreed: Agreed?

        init(_ events: [TimedEvent]) {
            for timed in events {
                // New kinds of event may be added; only the ones a report shows are read.
                if case .alertRaised(let alert) = timed.event, raised[alert.rule] == nil {
                    raised[alert.rule] = timed.at
                } else if case .alertAcknowledged(let rule, _) = timed.event {
                    acknowledged[rule] = timed.at
                } else if case .note(let item, let text) = timed.event {
                    notes[item, default: []].append(Note(text: text, at: timed.at))
                } else if case .agreed(let actions, let reviewDate) = timed.event {
                    agreed = Agreed(actions: actions, reviewDate: reviewDate, at: timed.at)
                }
            }
        }
    }
}
