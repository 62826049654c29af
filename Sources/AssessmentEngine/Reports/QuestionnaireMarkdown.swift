/// A questionnaire on paper as Markdown: to print, or to read on a screen during a phone call.
///
/// ```swift
/// print(QuestionnaireMarkdown(PrintedQuestionnaire(compiled)).render())
/// ```
public struct QuestionnaireMarkdown: Sendable {
    /// What is printed.
    public let questionnaire: PrintedQuestionnaire

    /// Creates a Markdown rendering of `questionnaire`.
    public init(_ questionnaire: PrintedQuestionnaire) {
        self.questionnaire = questionnaire
    }

    /// The questionnaire, ending with a line break.
    public func render() -> String {
        let paper = questionnaire
        var blocks = [
            "# \(paper.title)",
            "\(paper.instrumentID) \(paper.version) · \(paper.sections.flatMap(\.questions).count) questions",
            PrintedQuestionnaire.leaving,
            "## Before you start",
        ]
        if let introduction = paper.introduction { blocks.append(introduction.trimmingTrailingNewlines) }
        blocks.append("**Ask:** \(paper.consent) If she says no, stop here, kindly.")
        for (i, section) in paper.sections.enumerated() {
            blocks.append("## \(i + 1). \(section.title)" + (section.sensitive ? " (sensitive)" : ""))
            if let askIf = section.askIf { blocks.append("*Ask this section if:* \(askIf).") }
            if let introduction = section.introduction { blocks.append(introduction.trimmingTrailingNewlines) }
            blocks += section.questions.map(question)
        }
        blocks.append("## At the end: her priorities")
        blocks.append("**Ask:** \(paper.prioritiesQuestion)")
        blocks.append(paper.needs.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n"))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func question(_ question: PrintedQuestionnaire.Question) -> String {
        var lines = ["**\(question.number). \(question.prompt)** `\(question.id)`"]
        var notes: [String] = []
        if let askIf = question.askIf { notes.append("*Ask if:* \(askIf).") }
        if let purpose = question.purpose {
            notes.append("*Why we ask\(question.sensitive ? " (sensitive: say this first)" : ""):* \(purpose)")
        }
        var answer = question.answer
        if question.required { answer += " It cannot be left." }
        if question.identifying { answer += " It identifies her, so it stays out of every result." }
        notes.append("*Answer:* \(answer)")
        lines += notes.map { "- " + $0 }
        let options = question.options.enumerated().map { "    \($0 + 1). \($1)" }
        if !options.isEmpty { lines[lines.count - 1] += "\n\n" + options.joined(separator: "\n") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text without the line breaks a YAML block scalar leaves at its end.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
