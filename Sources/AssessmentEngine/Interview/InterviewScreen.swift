import QuestionnaireDSL

/// Where an interview stands.
public enum InterviewPhase: String, Sendable, Hashable, Codable {
    /// The instrument's introduction is shown.
    case introduction
    /// She is asked whether she is happy to go ahead.
    case consent
    /// The questions, section by section.
    case questions
    /// She is asked which needs matter most to her.
    case priorities
    /// The summary is shown.
    case summary
    /// The interview is complete.
    case finished
    /// She did not consent; nothing was stored.
    case endedWithoutConsent = "ended_without_consent"
}

/// What the front end should show now, and any safeguarding alerts still to acknowledge.
public struct InterviewScreen: Sendable, Hashable {
    /// What is shown.
    public enum Step: Sendable, Hashable {
        /// The instrument's introduction (may be empty).
        case introduction(String)
        /// The consent question.
        case consent(String)
        /// A question.
        case question(InterviewQuestion)
        /// Her priorities, over all the needs: the ones found first.
        case priorities(question: String, needs: [NeedChoice])
        /// The summary: every alert raised, with what was done.
        case summary(alerts: [InterviewAlert])
        /// The interview is complete.
        case finished
        /// She did not consent: a kind closing message.
        case endedWithoutConsent(String)
    }

    /// What is shown.
    public var step: Step
    /// Safeguarding alerts raised and not yet acknowledged: shown as a banner.
    public var alerts: [InterviewAlert]
}

/// A question as the front end shows it.
public struct InterviewQuestion: Sendable, Hashable {
    /// The item's id.
    public var id: String
    /// The question in the interview's language.
    public var prompt: String
    /// The kind of answer.
    public var type: ItemType
    /// The options, numbered from 1.
    public var options: [NumberedOption]
    /// True when the item says why it is asked (`?` shows it).
    public var hasPurpose: Bool
    /// True when it cannot be declined.
    public var required: Bool
    /// Bounds for a number answer.
    public var min: Double?
    /// Bounds for a number answer.
    public var max: Double?
    /// The section's title.
    public var sectionTitle: String
    /// The section's introduction, when this is the first question shown in the section.
    public var sectionIntroduction: String?
    /// Where the question stands among those shown.
    public var progress: InterviewProgress
    /// The answer already given (after going back), in words.
    public var previousAnswer: String?
    /// The worker's notes on this question.
    public var notes: [String]

    /// Creates a question as shown.
    public init(
        id: String, prompt: String, type: ItemType, options: [NumberedOption], hasPurpose: Bool, required: Bool,
        min: Double?, max: Double?, sectionTitle: String, sectionIntroduction: String?, progress: InterviewProgress,
        previousAnswer: String?, notes: [String]
    ) {
        self.id = id
        self.prompt = prompt
        self.type = type
        self.options = options
        self.hasPurpose = hasPurpose
        self.required = required
        self.min = min
        self.max = max
        self.sectionTitle = sectionTitle
        self.sectionIntroduction = sectionIntroduction
        self.progress = progress
        self.previousAnswer = previousAnswer
        self.notes = notes
    }
}

/// One option with the number she can type.
public struct NumberedOption: Sendable, Hashable {
    /// 1…n.
    public var number: Int
    /// The option's code.
    public var code: String
    /// What she sees.
    public var label: String

    /// Creates a numbered option.
    public init(number: Int, code: String, label: String) {
        self.number = number
        self.code = code
        self.label = label
    }
}

/// A need she may choose as a priority.
public struct NeedChoice: Sendable, Hashable {
    /// 1…n.
    public var number: Int
    /// The need's id.
    public var id: String
    /// Its title in the interview's language.
    public var title: String
    /// True when the answers so far show it as present.
    public var found: Bool
}

/// Section n of m, question x of y in this section, counting only questions shown now.
public struct InterviewProgress: Sendable, Hashable {
    /// The section's place among the sections with questions shown, from 1.
    public var section: Int
    /// How many sections have questions shown.
    public var sections: Int
    /// The question's place in its section, from 1.
    public var question: Int
    /// How many questions of the section are shown.
    public var questions: Int

    /// Creates a progress line's figures.
    public init(section: Int, sections: Int, question: Int, questions: Int) {
        self.section = section
        self.sections = sections
        self.question = question
        self.questions = questions
    }
}

/// One line of the review: a question asked so far and where its answer stands.
public struct ReviewEntry: Sendable, Hashable {
    /// The item's id.
    public var item: String
    /// The question in the interview's language.
    public var prompt: String
    /// `answered`, `declined`, `dont_know`, `unanswered` (skipped) or `not_applicable`
    /// (hidden since; the answer is kept but not counted).
    public var state: String
    /// The answer in words, when one was given.
    public var value: String?
    /// False when the question is hidden now, so its kept answer is not scored.
    public var counted: Bool
    /// The worker's notes.
    public var notes: [String]
}
