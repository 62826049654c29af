import QuestionnaireDSL

/// An instrument as a questionnaire on paper, for phone assessments and for practice leads
/// to review: the introduction and consent question, each section with its introduction,
/// every question numbered with its numbered options, why it is asked, whether it is
/// sensitive, and when it is asked in plain words; then her priorities.
/// ``QuestionnaireMarkdown`` and ``QuestionnaireHTML`` render it.
///
/// ```swift
/// let paper = PrintedQuestionnaire(compiled, language: "cy")
/// print(QuestionnaireMarkdown(paper).render())
/// ```
public struct PrintedQuestionnaire: Sendable, Hashable {
    /// One question as printed.
    public struct Question: Sendable, Hashable {
        /// Its number, from 1, counted through the whole questionnaire.
        public var number: Int
        /// The item's id.
        public var id: String
        /// The question as asked.
        public var prompt: String
        /// How it is answered, in words: `Yes or no.`, `Choose one.`, `A number from 0 to 20.`
        public var answer: String
        /// The options, numbered from 1, for questions answered from a list (`Yes`, `No` for a
        /// yes-or-no question, numbered as the interview numbers them).
        public var options: [String]
        /// Why it is asked.
        public var purpose: String?
        /// A personal or painful question: read the purpose before asking.
        public var sensitive: Bool
        /// It cannot be left.
        public var required: Bool
        /// It identifies her (her name, say): it is kept out of results.
        public var identifying: Bool
        /// When it is asked, in words; nil when it is always asked.
        public var askIf: String?
    }

    /// One section as printed.
    public struct Section: Sendable, Hashable {
        /// The section's id.
        public var id: String
        /// Its title.
        public var title: String
        /// What is said before its first question.
        public var introduction: String?
        /// It holds personal or painful questions.
        public var sensitive: Bool
        /// When the whole section is asked, in words; nil when always.
        public var askIf: String?
        /// Its questions.
        public var questions: [Question]
    }

    /// The instrument's title.
    public var title: String
    /// The instrument's id.
    public var instrumentID: String
    /// Its version.
    public var version: String
    /// What is read before the first question.
    public var introduction: String?
    /// The consent question asked after the introduction.
    public var consent: String
    /// The sections, in order.
    public var sections: [Section]
    /// The question about her own priorities, asked at the end.
    public var prioritiesQuestion: String
    /// The needs she can choose among, by title.
    public var needs: [String]

    /// Said at the top: any question can be left.
    public static let leaving =
        "She can leave any question: write “prefers not to say” or “does not know”. Sensitive questions say why "
        + "they are asked; read that first, in your own words if you like."

    /// The questionnaire of `compiled`, in `language` where it has it (else its own).
    public init(_ compiled: CompiledInstrument, language: String? = nil) {
        let instrument = compiled.instrument
        let language = language ?? instrument.language
        func text(_ text: LocalizedText) -> String { text.resolve(language, fallback: instrument.language) }
        let numbers = Dictionary(
            compiled.items.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let words = ConditionWords(compiled, language: language, numbers: numbers)
        title = text(instrument.title)
        instrumentID = instrument.id
        version = instrument.version
        introduction = instrument.introduction.map(text)
        consent = InterviewSession.consentQuestion
        sections = instrument.sections.enumerated().map { s, section in
            Section(
                id: section.id, title: text(section.title), introduction: section.introduction.map(text),
                sensitive: section.sensitive, askIf: compiled.sectionShowIf[s].map { words.condition($0.ast) },
                questions: compiled.items.indices.filter { compiled.itemSection[$0] == s }.map { i in
                    let item = compiled.items[i]
                    return Question(
                        number: i + 1, id: item.id, prompt: text(item.prompt), answer: Self.answer(item),
                        options: item.type == .yesNo ? ["Yes", "No"] : item.options.map { text($0.label) },
                        purpose: item.purpose.map(text), sensitive: item.sensitive, required: item.required,
                        identifying: item.identifying, askIf: compiled.itemShowIf[i].map { words.condition($0.ast) })
                })
        }
        prioritiesQuestion = InterviewSession.prioritiesQuestion
        needs = instrument.needs.map { text($0.title) }
    }

    /// How `item` is answered, in words.
    private static func answer(_ item: Item) -> String {
        switch item.type {
        case .yesNo: return "Yes or no."
        case .choice, .scale: return "Choose one."
        case .multiChoice: return "Choose any that apply, or none."
        case .text: return "In her own words."
        case .date: return "A date."
        case .number:
            switch (item.min, item.max) {
            case (let min?, let max?): return "A number from \(NumberText.format(min)) to \(NumberText.format(max))."
            case (let min?, nil): return "A number, at least \(NumberText.format(min))."
            case (nil, let max?): return "A number, at most \(NumberText.format(max))."
            case (nil, nil): return "A number."
            }
        }
    }
}
