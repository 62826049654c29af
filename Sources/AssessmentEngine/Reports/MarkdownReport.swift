import Foundation

/// An assessment as Markdown: the summary a worker goes through with her, to print or
/// paste into a case note or a plan.
///
/// ```swift
/// let report = Report(result, instrument: compiled.instrument)
/// print(MarkdownReport(report).render())
/// ```
///
/// In order: who ran the session, where and when (for a session); safety and basic needs
/// now, with the safeguarding actions (for a session: when each alert was raised and what
/// was done); the lynch-pin with its reasons in plain words; the other needs by how much
/// they hold up, each with the strengths and advice that belong to it; her own priorities
/// beside the assessment's and the points to talk about; her strengths; the remaining
/// advice; what is still unknown; what was agreed and when to review it; and, for a
/// session, her answers question by question with the worker's notes beside them.
/// Built with the instrument, answers are quoted as the questions she was asked.
public struct MarkdownReport: Sendable {
    /// What the report says.
    public let session: SessionReport
    /// The time zone dates and times are written in.
    public let timeZone: TimeZone

    /// The assessment alone.
    public var report: Report { session.report }

    /// Creates a Markdown rendering of `report`, an assessment with no session.
    public init(_ report: Report) {
        self.init(SessionReport(report))
    }

    /// Creates a Markdown rendering of `session`, with times in `timeZone`.
    public init(_ session: SessionReport, timeZone: TimeZone = .gmt) {
        self.session = session
        self.timeZone = timeZone
    }

    /// The report, ending with a line break.
    public func render() -> String {
        var blocks: [String] = [heading()]
        if let note = session.statusNote { blocks.append("**\(note)**") }
        if session.endedWithoutConsent { return blocks.joined(separator: "\n\n") + "\n" }
        blocks += safetyFirst()
        blocks += lynchpins()
        blocks += otherNeeds()
        blocks += herView()
        blocks += strengths()
        blocks += otherAdvice()
        blocks += unknowns()
        blocks += agreed()
        blocks += answers()
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func heading() -> String {
        let title = report.title.isEmpty ? report.instrumentID : report.title
        guard let details = session.details else {
            return """
                # \(title)

                Assessed \(report.assessedAt) with \(report.instrumentID) \(report.version). \(ReportPhrases.startingPoint)
                """
        }
        let when = ReportTime(timeZone)
        var rows = ["| | |", "|---|---|"]
        for (label, value) in SessionFacts.rows(details, report: report, time: when) {
            rows.append("| \(label) | \(Phrase.escapeMarkdown(value)) |")
        }
        return "# \(title)\n\n\(ReportPhrases.startingPoint)\n\n" + rows.joined(separator: "\n")
    }

    // MARK: - Sections

    private func safetyFirst() -> [String] {
        guard !session.alerts.isEmpty || !report.tier0.isEmpty else { return [] }
        var lines: [String] = []
        for alert in session.alerts {
            lines.append("- " + SafetyWords(timeZone).alert(alert).map(\.markdown).joined(separator: " "))
        }
        for need in report.tier0 { lines.append("- " + ReportPhrases.tier0(need).markdown) }
        return ["## Safety and basic needs first", ReportPhrases.safetyFirst, lines.joined(separator: "\n")]
    }

    private func lynchpins() -> [String] {
        guard !report.lynchpins.isEmpty else {
            return report.anyNeedAssessed ? ["## Needs", "No need shows on these answers."] : []
        }
        if report.lynchpins.count == 1, let need = report.lynchpins.first {
            return [
                "## The lynch-pin: \(need.name.title)",
                "The need that holds up the others most: work on it early.",
            ] + body(need)
        }
        var blocks = [
            "## Joint lynch-pins",
            "These needs hold up the others almost equally: work on them together.",
        ]
        for need in report.lynchpins { blocks += ["### \(need.name.title)"] + body(need) }
        return blocks
    }

    private func otherNeeds() -> [String] {
        guard !report.otherNeeds.isEmpty else { return [] }
        var blocks = ["## Other needs, by how much they hold up"]
        for need in report.otherNeeds { blocks += ["### \(need.rank ?? 0). \(need.name.title)"] + body(need) }
        return blocks
    }

    private func herView() -> [String] {
        var blocks = ["## Her priorities and the assessment's"]
        guard !report.herPriorities.isEmpty else {
            guard !report.rankingTop.isEmpty else { return [] }
            return blocks + ["She has not named her own priorities yet: ask her what matters most to her now."]
        }
        var rows = ["| | Her priorities | The assessment |", "|---|---|---|"]
        for row in PriorityRow.rows(report) {
            rows.append("| \(row.number) | \(cell(row.hers ?? "—")) | \(cell(row.assessment ?? "—")) |")
        }
        blocks.append(rows.joined(separator: "\n"))
        if report.talkingPoints.isEmpty {
            blocks.append("Her priorities and the assessment agree.")
        } else {
            blocks.append("### To talk about with her")
            blocks.append(
                report.talkingPoints.map { "- " + ReportPhrases.talkingPoint($0).markdown }.joined(separator: "\n"))
        }
        return blocks
    }

    private func strengths() -> [String] {
        guard !report.strengths.isEmpty else { return [] }
        var rows = ["| Strength | How strong | Helps with |", "|---|---|---|"]
        for strength in report.strengths {
            let helps = strength.supports.map(\.title).joined(separator: ", ")
            rows.append("| \(cell(strength.name.title)) | \(cell(strength.band ?? "")) | \(cell(helps)) |")
        }
        return ["## Her strengths", rows.joined(separator: "\n")]
    }

    /// The advice not already shown under a need above.
    private func otherAdvice() -> [String] {
        guard let (heading, lines) = ReportPhrases.otherAdvice(report) else { return [] }
        return ["## \(heading)", lines.map { "- \($0)" }.joined(separator: "\n")]
    }

    private func unknowns() -> [String] {
        guard !report.unknowns.isEmpty else { return [] }
        let lines = report.unknowns.map { "- " + ReportPhrases.unknown($0).markdown }
        let note = ReportPhrases.anyDeclined(report) ? [ReportPhrases.declinedNote] : []
        return ["## Still unknown"] + note + [lines.joined(separator: "\n")]
    }

    private func agreed() -> [String] {
        guard let agreed = session.agreed else { return [] }
        return [
            "## What we agreed", Phrase.escapeMarkdown(agreed.actions),
            "**Review date:** \(ReportTime(timeZone).day(agreed.reviewDate))",
        ]
    }

    /// Her answers, section by section, each question with the worker's notes under it.
    private func answers() -> [String] {
        guard !session.sections.isEmpty else { return [] }
        var blocks = ["## \(QuestionWords.heading)", QuestionWords.introduction]
        for section in session.sections {
            blocks.append("### \(section.title)")
            let lines = section.questions.map { question in
                let answer = Phrase.escapeMarkdown(QuestionWords.answer(question))
                var line = "- \(question.prompt) — **\(answer)**"
                for note in question.notes { line += "\n  - *Note:* \(Phrase.escapeMarkdown(note.text))" }
                return line
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks
    }

    // MARK: - One need

    /// What is said about one need: band and score, why it ranks where it does, her view of
    /// it, and the strengths and advice that belong to it.
    private func body(_ need: Report.Need) -> [String] {
        var blocks: [String] = []
        if let summary = ReportPhrases.summary(need) { blocks.append(summary.markdown) }
        if let (sentence, reasons) = ReportPhrases.influence(need) {
            blocks.append(sentence.markdown)
            if !reasons.isEmpty { blocks.append(reasons.map { "- " + $0.markdown }.joined(separator: "\n")) }
        }
        if let strengths = ReportPhrases.strengthsToBuildOn(need) { blocks.append(strengths.markdown) }
        if !need.advice.isEmpty {
            blocks.append("How to offer support:\n\n" + need.advice.map { "- \($0.advice)" }.joined(separator: "\n"))
        }
        return blocks
    }

    /// Text safe inside a table cell.
    private func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ")
    }
}
