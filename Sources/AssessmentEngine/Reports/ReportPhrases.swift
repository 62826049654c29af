/// The sentences a report says about each part of an assessment, shared by the Markdown and
/// HTML renderings so that both say exactly the same thing in the same words.
enum ReportPhrases {
    /// Said under the title: what the report is for.
    static let startingPoint =
        "This is a starting point to go through with her and agree a plan together, not a verdict."

    /// Said before the safety section's list.
    static let safetyFirst = "Whatever else the assessment shows, these come first."

    /// Said when she declined a question that is still unknown.
    static let declinedNote =
        "Where she preferred not to answer, that was her choice: if you come back to a question, say why it is "
        + "asked and that she can still decline it."

    /// A need in tier 0: `**Housing** needs attention first: high, score 1 of 7.`
    static func tier0(_ need: Report.Need) -> Phrase {
        "\(strong: need.name.title) needs attention first\(bandAndScore(need, prefix: ": "))."
    }

    /// `high, score 6 of 12`, or an empty string when there is no band.
    static func bandAndScore(_ need: Report.Need, prefix: String) -> String {
        guard let band = need.band else { return "" }
        let score = need.score.map { ", score \(NumberText.format($0)) of \(NumberText.format(need.max))" } ?? ""
        return "\(prefix)\(band)\(score)"
    }

    /// Band and score (unless `band` is false, for a format that shows them apart), how
    /// missing answers were allowed for, her view of it and whether it is urgent:
    /// `**High**, score 6 of 12. She names it as her priority number 1.`
    static func summary(_ need: Report.Need, band showBand: Bool = true) -> Phrase? {
        var parts: [Phrase] = []
        if showBand, let band = need.band {
            let score =
                need.score.map { ", score \(NumberText.format($0)) of \(NumberText.format(need.max))" } ?? ""
            parts.append("\(strong: band.prefix(1).uppercased() + band.dropFirst())\(score).")
        }
        if need.prorated, !need.missing.isEmpty {
            let missing = need.missing.map(missingAnswer).joined(separator: "; ")
            parts.append("Worked out from the answers she gave, allowing for: \(missing).")
        }
        if let position = need.herPriority { parts.append("She names it as her priority number \(position).") }
        if need.tier0 { parts.append("It is also among the safety and basic needs above.") }
        return parts.isEmpty ? nil : Phrase.joined(parts, separator: " ")
    }

    /// How much the need holds up: a sentence, then (when it drives others) one line per reason.
    static func influence(_ need: Report.Need) -> (sentence: Phrase, reasons: [Phrase])? {
        guard let influence = need.influence else { return nil }
        if need.reasons.isEmpty {
            let alone =
                need.noDriverEvidence
                ? "It comes first on its own weight; nothing in her answers shows it driving another need."
                : "Her answers do not show it driving another need."
            return ("\(alone) It counts for itself alone: \(NumberText.format(influence)) (score ÷ highest score).", [])
        }
        let own = need.severity ?? 0
        let sentence: Phrase =
            "How much it holds up: \(NumberText.format(influence)) in all, \(NumberText.format(own)) for itself "
            + "(score ÷ highest score) and \(NumberText.format(influence - own)) through the needs it drives:"
        return (sentence, reasons(need.reasons))
    }

    /// Each reason, direct ones first; an edge explained once is not explained again.
    static func reasons(_ reasons: [Report.Reason]) -> [Phrase] {
        var explained: Set<String> = []
        let ordered = reasons.enumerated().sorted {
            ($0.element.steps.count, $0.offset) < ($1.element.steps.count, $1.offset)
        }
        return ordered.map { _, reason in
            let route = reason.via.isEmpty ? "" : " (through \(reason.via.map(\.title).joined(separator: ", ")))"
            var line: Phrase =
                "It drives \(strong: reason.reaches.title)\(route), adding \(NumberText.format(reason.contribution))."
            for step in reason.steps where explained.insert(step.because).inserted {
                line = line + " \(step.because)"
                let given = step.answers.filter { $0.state == "answered" }
                if !given.isEmpty { line = line + " Her answers: \(given.map(answered).joined(separator: "; "))." }
            }
            return line
        }
    }

    /// The need's strengths above their first band: `Strengths to build on: **Family** (some).`
    static func strengthsToBuildOn(_ need: Report.Need) -> Phrase? {
        let strengths = need.strengths.filter(\.present)
        guard !strengths.isEmpty else { return nil }
        let names = strengths.map { strength -> Phrase in "\(strong: strength.name.title) (\(strength.band ?? ""))" }
        return "Strengths to build on: \(Phrase.joined(names, separator: ", "))."
    }

    /// A point where her view and the assessment differ, as something to ask her about.
    static func talkingPoint(_ point: Report.TalkingPoint) -> Phrase {
        let name = point.need.title
        switch point.kind {
        case .sheNamesIt(let position, let rank, let assessed):
            let named: Phrase = "She puts \(strong: name) at number \(position) of her priorities"
            if let rank {
                return named
                    + "; the assessment ranks it number \(rank) of the needs present. Ask what makes it matter to her."
            }
            if assessed {
                return named
                    + "; on these answers it does not show as a need. Ask her what she sees that the questions did not."
            }
            return named + "; the assessment could not score it because answers are missing. Talk it through with her."
        case .lynchpinNotNamed:
            return
                "The assessment finds that \(strong: name) holds up the other needs most, and she does not name it. "
                + "Ask whether she sees it that way."
        }
    }

    /// Something still unknown, with the questions still to ask.
    static func unknown(_ unknown: Report.Unknown) -> Phrase {
        var phrase: Phrase
        switch unknown.subject {
        case .need(let name), .strength(let name):
            phrase = "\(strong: name.title) could not be assessed, so it is unknown, not absent."
        case .urgent(let need):
            phrase = "Whether \(strong: need.title) needs attention today could not be told."
        case .safeguarding(let id, let action):
            phrase = "Could not tell whether this safeguarding action is needed: \(action.isEmpty ? id : action)"
        case .responsivity(let id, let advice):
            phrase = "Could not tell whether this advice applies: \(advice.isEmpty ? id : advice)"
        }
        if !unknown.missing.isEmpty {
            phrase = phrase + " Missing: \(unknown.missing.map(missingAnswer).joined(separator: "; "))."
        }
        if !unknown.notAssessedScores.isEmpty {
            let names = unknown.notAssessedScores.map { name -> Phrase in "\(strong: name.title)" }
            phrase = phrase + " It depends on \(Phrase.joined(names, separator: ", ")), which could not be assessed."
        }
        return phrase
    }

    /// True when a question still unknown was one she preferred not to answer.
    static func anyDeclined(_ report: Report) -> Bool {
        report.unknowns.contains { $0.missing.contains { $0.state == "declined" } }
    }

    /// The advice not already shown under a need, with the heading it goes under.
    static func otherAdvice(_ report: Report) -> (heading: String, lines: [String])? {
        let shown = Set((report.tier0 + report.lynchpins + report.otherNeeds).flatMap(\.advice).map(\.id))
        let rest = report.advice.filter { !shown.contains($0.id) }
        guard !rest.isEmpty else { return nil }
        let lines = rest.map { advice in
            let needs = advice.supports.isEmpty ? "" : " (for \(advice.supports.map(\.title).joined(separator: ", ")))"
            return "\(advice.advice)\(needs)"
        }
        return (shown.isEmpty ? "How to offer support" : "More on how to offer support", lines)
    }

    /// An answer she gave: `“Do you have a partner?” — yes`, or `has_partner: yes` without the instrument.
    static func answered(_ answer: Report.Answer) -> String {
        guard let prompt = answer.prompt else { return "\(answer.item): \(answer.value ?? "")" }
        let value = answer.labels.isEmpty ? (answer.value ?? "") : answer.labels.joined(separator: ", ")
        return "“\(prompt)” — \(value)"
    }

    /// A missing answer: `“Were you harmed as a child?” (she preferred not to say)`.
    static func missingAnswer(_ answer: Report.Answer) -> String {
        let state = stateWords(answer.state)
        guard let prompt = answer.prompt else { return "\(answer.item) (\(state))" }
        return "“\(prompt)” (\(state))"
    }

    /// Why an answer is missing, in words.
    static func stateWords(_ state: String) -> String {
        switch state {
        case "declined": "she preferred not to say"
        case "dont_know": "she did not know"
        case "not_applicable": "not asked"
        default: "not answered yet"
        }
    }
}
