import QuestionnaireDSL

/// One change to an interview, in the order it happened: what the journal writes, one
/// transaction per event, and what ``InterviewSession/replay(_:events:language:)`` reads back.
public enum InterviewEvent: Sendable, Hashable, Codable {
    /// The introduction was read; the consent question comes next.
    case began
    /// She agreed to go ahead (true) or did not (false).
    case consent(Bool)
    /// She answered the item.
    case answered(item: String, value: AnswerValue)
    /// She preferred not to say.
    case declined(item: String)
    /// She did not know.
    case dontKnow(item: String)
    /// The worker went back from one question to the previous one asked.
    case back(from: String?, to: String)
    /// The rest of a section was skipped; `items` are the questions left unanswered.
    case skipped(section: String, items: [String])
    /// The worker wrote a note on a question.
    case note(item: String, text: String)
    /// A safeguarding rule fired after an answer.
    case alertRaised(InterviewAlert)
    /// The worker acknowledged an alert and said what was done.
    case alertAcknowledged(rule: String, actionTaken: String)
    /// Her own priorities, most important first.
    case priorities([String])
    /// What she and the worker agreed to do next, and when they will look at it again
    /// (an ISO date, `YYYY-MM-DD`).
    case agreed(actions: String, reviewDate: String)
    /// The interview was finished.
    case finished
}

/// A safeguarding rule that fired during the interview, with what the worker did about it.
public struct InterviewAlert: Sendable, Hashable, Codable {
    /// The safeguarding rule's id.
    public var rule: String
    /// What the worker must do, in the interview's language.
    public var action: String
    /// The item whose answer made it fire.
    public var afterItem: String
    /// What the worker did, once acknowledged.
    public var actionTaken: String?

    /// Creates an alert.
    public init(rule: String, action: String, afterItem: String, actionTaken: String? = nil) {
        self.rule = rule
        self.action = action
        self.afterItem = afterItem
        self.actionTaken = actionTaken
    }

    /// True once the worker has said what was done.
    public var isAcknowledged: Bool { actionTaken != nil }
}

extension InterviewEvent {
    /// The item this event gives a response for (answer, decline, don't know), if any.
    public var respondedItem: String? {
        switch self {
        case .answered(let item, _), .declined(let item), .dontKnow(let item): item
        default: nil
        }
    }
}
