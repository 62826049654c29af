/// An assessment result as Markdown: the summary a worker goes through with her, to print
/// or paste into a case note or a plan.
///
/// ```swift
/// let report = Report(result, instrument: compiled.instrument)
/// print(MarkdownReport(report).render())
/// ```
///
/// In order: safety and basic needs now, with the safeguarding actions; the lynch-pin with
/// its reasons in plain words; the other needs by how much they hold up, each with the
/// strengths and advice that belong to it; her own priorities beside the assessment's and
/// the points to talk about; her strengths; the remaining advice; what is still unknown.
/// Built with the instrument, answers are quoted as the questions she was asked.
public struct MarkdownReport: Sendable {
    /// What the report says.
    public let report: Report

    /// Creates a Markdown rendering of `report`.
    public init(_ report: Report) {
        self.report = report
    }

    /// The report, ending with a line break.
    public func render() -> String {
        var blocks: [String] = [heading()]
        blocks += safetyFirst()
        blocks += lynchpins()
        blocks += otherNeeds()
        blocks += herView()
        blocks += strengths()
        blocks += otherAdvice()
        blocks += unknowns()
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func heading() -> String {
        let title = report.title.isEmpty ? report.instrumentID : report.title
        return """
            # \(title)

            Assessed \(report.assessedAt) with \(report.instrumentID) \(report.version). This is a starting \
            point to go through with her and agree a plan together, not a verdict.
            """
    }

    // MARK: - Sections

    private func safetyFirst() -> [String] {
        guard !report.safeguarding.isEmpty || !report.tier0.isEmpty else { return [] }
        var lines: [String] = []
        for alert in report.safeguarding { lines.append("- **Act today:** \(alert.action)") }
        for need in report.tier0 {
            lines.append("- **\(need.name.title)** needs attention first\(bandAndScore(need, prefix: ": ")).")
        }
        return [
            "## Safety and basic needs first",
            "Whatever else the assessment shows, these come first.",
            lines.joined(separator: "\n"),
        ]
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
        for i in 0..<max(report.herPriorities.count, report.rankingTop.count) {
            let hers = i < report.herPriorities.count ? cell(report.herPriorities[i].title) : "—"
            var engine = "—"
            if i < report.rankingTop.count {
                let id = report.rankingTop[i].id
                engine = cell(report.rankingTop[i].title)
                if report.lynchpins.contains(where: { $0.name.id == id }) { engine += " (lynch-pin)" }
            }
            rows.append("| \(i + 1) | \(hers) | \(engine) |")
        }
        blocks.append(rows.joined(separator: "\n"))
        if report.talkingPoints.isEmpty {
            blocks.append("Her priorities and the assessment agree.")
        } else {
            blocks.append("### To talk about with her")
            blocks.append(report.talkingPoints.map { "- " + talkingPoint($0) }.joined(separator: "\n"))
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
        let shown = Set((report.tier0 + report.lynchpins + report.otherNeeds).flatMap(\.advice).map(\.id))
        let rest = report.advice.filter { !shown.contains($0.id) }
        guard !rest.isEmpty else { return [] }
        let lines = rest.map { advice in
            let needs = advice.supports.isEmpty ? "" : " (for \(advice.supports.map(\.title).joined(separator: ", ")))"
            return "- \(advice.advice)\(needs)"
        }
        let heading = shown.isEmpty ? "## How to offer support" : "## More on how to offer support"
        return [heading, lines.joined(separator: "\n")]
    }

    private func unknowns() -> [String] {
        guard !report.unknowns.isEmpty else { return [] }
        let lines = report.unknowns.map { unknown -> String in
            let what: String
            switch unknown.subject {
            case .need(let name), .strength(let name):
                what = "**\(name.title)** could not be assessed, so it is unknown, not absent."
            case .urgent(let need):
                what = "Whether **\(need.title)** needs attention today could not be told."
            case .safeguarding(let id, let action):
                what = "Could not tell whether this safeguarding action is needed: \(action.isEmpty ? id : action)"
            case .responsivity(let id, let advice):
                what = "Could not tell whether this advice applies: \(advice.isEmpty ? id : advice)"
            }
            var parts = [what]
            if !unknown.missing.isEmpty {
                parts.append("Missing: \(unknown.missing.map(missingAnswer).joined(separator: "; ")).")
            }
            if !unknown.notAssessedScores.isEmpty {
                let names = unknown.notAssessedScores.map { "**\($0.title)**" }.joined(separator: ", ")
                parts.append("It depends on \(names), which could not be assessed.")
            }
            return "- " + parts.joined(separator: " ")
        }
        let declined = report.unknowns.contains { $0.missing.contains { $0.state == "declined" } }
        let note =
            "Where she preferred not to answer, that was her choice: if you come back to a question, say why it is "
            + "asked and that she can still decline it."
        return ["## Still unknown"] + (declined ? [note] : []) + [lines.joined(separator: "\n")]
    }

    // MARK: - One need

    /// What is said about one need: band and score, why it ranks where it does, her view of
    /// it, and the strengths and advice that belong to it.
    private func body(_ need: Report.Need) -> [String] {
        var blocks: [String] = []
        var summary = ""
        if let band = need.band {
            summary = "**" + band.prefix(1).uppercased() + band.dropFirst() + "**"
            if let score = need.score {
                summary += ", score \(NumberText.format(score)) of \(NumberText.format(need.max))"
            }
            summary += "."
        }
        if need.prorated, !need.missing.isEmpty {
            summary += " Worked out from the answers she gave, allowing for: "
            summary += need.missing.map(missingAnswer).joined(separator: "; ") + "."
        }
        if let position = need.herPriority { summary += " She names it as her priority number \(position)." }
        if need.tier0 { summary += " It is also among the safety and basic needs above." }
        if !summary.isEmpty { blocks.append(summary.trimmingLeadingSpace()) }

        if let influence = need.influence {
            let own = need.severity ?? 0
            if need.reasons.isEmpty {
                let alone =
                    need.noDriverEvidence
                    ? "It comes first on its own weight; nothing in her answers shows it driving another need."
                    : "Her answers do not show it driving another need."
                blocks.append(
                    "\(alone) It counts for itself alone: \(NumberText.format(influence)) (score ÷ highest score).")
            } else {
                blocks.append(
                    "How much it holds up: \(NumberText.format(influence)) in all, \(NumberText.format(own)) for "
                        + "itself (score ÷ highest score) and \(NumberText.format(influence - own)) through the "
                        + "needs it drives:")
                blocks.append(reasons(need.reasons).joined(separator: "\n"))
            }
        }
        let strengths = need.strengths.filter(\.present)
        if !strengths.isEmpty {
            let names = strengths.map { "**\($0.name.title)** (\($0.band ?? ""))" }.joined(separator: ", ")
            blocks.append("Strengths to build on: \(names).")
        }
        if !need.advice.isEmpty {
            blocks.append("How to offer support:\n\n" + need.advice.map { "- \($0.advice)" }.joined(separator: "\n"))
        }
        return blocks
    }

    /// `high, score 6 of 12`, or an empty string when there is no band.
    private func bandAndScore(_ need: Report.Need, prefix: String) -> String {
        guard let band = need.band else { return "" }
        let score = need.score.map { ", score \(NumberText.format($0)) of \(NumberText.format(need.max))" } ?? ""
        return "\(prefix)\(band)\(score)"
    }

    /// Each reason as a bullet, direct ones first; an edge explained once is not explained again.
    private func reasons(_ reasons: [Report.Reason]) -> [String] {
        var explained: Set<String> = []
        let ordered = reasons.enumerated().sorted {
            ($0.element.steps.count, $0.offset) < ($1.element.steps.count, $1.offset)
        }
        return ordered.map { _, reason in
            let route = reason.via.isEmpty ? "" : " (through \(reason.via.map(\.title).joined(separator: ", ")))"
            var line =
                "- It drives **\(reason.reaches.title)**\(route), adding \(NumberText.format(reason.contribution))."
            for step in reason.steps where explained.insert(step.because).inserted {
                line += " \(step.because)"
                let given = step.answers.filter { $0.state == "answered" }
                if !given.isEmpty { line += " Her answers: " + given.map(answered).joined(separator: "; ") + "." }
            }
            return line
        }
    }

    private func talkingPoint(_ point: Report.TalkingPoint) -> String {
        let name = "**\(point.need.title)**"
        switch point.kind {
        case .sheNamesIt(let position, let rank, let assessed):
            let named = "She puts \(name) at number \(position) of her priorities"
            if let rank {
                return
                    "\(named); the assessment ranks it number \(rank) of the needs present. Ask what makes it matter to her."
            }
            if assessed {
                return
                    "\(named); on these answers it does not show as a need. Ask her what she sees that the questions did not."
            }
            return "\(named); the assessment could not score it because answers are missing. Talk it through with her."
        case .lynchpinNotNamed:
            return
                "The assessment finds that \(name) holds up the other needs most, and she does not name it. "
                + "Ask whether she sees it that way."
        }
    }

    // MARK: - Answers in words

    /// An answer she gave: `“Do you have a partner?” yes`, or `has_partner: yes` without the instrument.
    private func answered(_ answer: Report.Answer) -> String {
        guard let prompt = answer.prompt else { return "\(answer.item): \(answer.value ?? "")" }
        let value = answer.labels.isEmpty ? (answer.value ?? "") : answer.labels.joined(separator: ", ")
        return "“\(prompt)” — \(value)"
    }

    /// A missing answer: `“Were you harmed as a child?” (she preferred not to say)`.
    private func missingAnswer(_ answer: Report.Answer) -> String {
        let state: String
        switch answer.state {
        case "declined": state = "she preferred not to say"
        case "dont_know": state = "she did not know"
        default: state = "not answered yet"
        }
        guard let prompt = answer.prompt else { return "\(answer.item) (\(state))" }
        return "“\(prompt)” (\(state))"
    }

    /// Text safe inside a table cell.
    private func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ")
    }
}

extension String {
    fileprivate func trimmingLeadingSpace() -> String {
        String(drop { $0 == " " })
    }
}
