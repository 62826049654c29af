import Foundation

/// What a new session starts from: the instrument exactly as read, and who is running it where.
public struct SessionStart: Sendable, Hashable {
    /// The whole instrument text, kept so that the session can always be resumed and reported
    /// with the instrument it began with, even after the file is edited or moved.
    public var instrumentText: String
    /// Where the instrument was read from, to say on resume whether the file has changed.
    public var instrumentPath: String
    /// The instrument's id, version and the SHA-256 of its text.
    public var identity: InstrumentIdentity
    /// The language the interview is held in, when one was chosen.
    public var language: String?
    /// Who ran the interview.
    public var worker: String?
    /// Where it took place: community, probation, prison or pre-release.
    public var setting: String?
    /// When the session began.
    public var startedAt: Date

    /// Creates a session start.
    public init(
        instrumentText: String, instrumentPath: String, identity: InstrumentIdentity, language: String? = nil,
        worker: String? = nil, setting: String? = nil, startedAt: Date
    ) {
        self.instrumentText = instrumentText
        self.instrumentPath = instrumentPath
        self.identity = identity
        self.language = language
        self.worker = worker
        self.setting = setting
        self.startedAt = startedAt
    }
}

/// One interview event with the time it was written.
public struct TimedEvent: Sendable, Hashable {
    /// What happened.
    public var event: InterviewEvent
    /// When it was journalled.
    public var at: Date

    /// Creates a timed event.
    public init(event: InterviewEvent, at: Date) {
        self.event = event
        self.at = at
    }
}

/// Where a session has got to.
public enum SessionStatus: String, Sendable, Hashable, Codable {
    /// Started and not yet finished: it can be resumed.
    case inProgress = "in_progress"
    /// The interview was finished.
    case finished
    /// She chose not to go ahead; no answers were stored.
    case endedWithoutConsent = "ended_without_consent"

    /// The status after `event`, starting from `self`.
    func after(_ event: InterviewEvent) -> SessionStatus {
        if case .finished = event { return .finished }
        if case .consent(false) = event { return .endedWithoutConsent }
        return self
    }

    /// The words shown to people.
    public var words: String {
        switch self {
        case .inProgress: "in progress"
        case .finished: "finished"
        case .endedWithoutConsent: "ended without consent"
        }
    }
}

/// Everything stored for one session.
public struct StoredSession: Sendable, Hashable {
    /// The session's short id.
    public var id: String
    /// What it started from.
    public var start: SessionStart
    /// Its events, in the order they were journalled.
    public var events: [TimedEvent]
    /// Where it has got to.
    public var status: SessionStatus

    /// Creates a stored session.
    public init(id: String, start: SessionStart, events: [TimedEvent], status: SessionStatus) {
        self.id = id
        self.start = start
        self.events = events
        self.status = status
    }

    /// When the last event was written (the start time when there is none).
    public var updatedAt: Date { events.last?.at ?? start.startedAt }
}

/// One line of the session list.
public struct SessionSummary: Sendable, Hashable {
    /// The session's short id.
    public var id: String
    /// The instrument's id.
    public var instrumentID: String
    /// The instrument's version.
    public var instrumentVersion: String
    /// Who ran it.
    public var worker: String?
    /// Where it took place.
    public var setting: String?
    /// When it began.
    public var startedAt: Date
    /// When its last event was written.
    public var updatedAt: Date
    /// Where it has got to.
    public var status: SessionStatus
    /// How many questions have an answer, a decline or a "don't know".
    public var answered: Int

    /// Creates a summary line.
    public init(
        id: String, instrumentID: String, instrumentVersion: String, worker: String?, setting: String?,
        startedAt: Date, updatedAt: Date, status: SessionStatus, answered: Int
    ) {
        self.id = id
        self.instrumentID = instrumentID
        self.instrumentVersion = instrumentVersion
        self.worker = worker
        self.setting = setting
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.status = status
        self.answered = answered
    }
}
