/// An assessment result in plain text, as a caseworker reads it: what to act on today
/// first, then the lynch-pin with its reasons in plain words, the other needs, her own
/// priorities beside the engine's, strengths, how to give support, and what is still unknown.
///
/// ```swift
/// print(TextReport(result).render())
/// ```
public struct TextReport: Sendable {
    /// What the report says.
    public let report: Report

    /// Creates a report of `result`; `title` is the instrument's title.
    public init(_ result: AssessmentResult, title: String = "") {
        self.report = Report(result, title: title)
    }

    /// Creates a text rendering of `report`.
    public init(_ report: Report) {
        self.report = report
    }

    /// The report, ending with a line break.
    public func render() -> String {
        var lines: [String] = []
        let name = report.title.isEmpty ? report.instrumentID : "\(report.title) (\(report.instrumentID))"
        lines.append("\(name) \(report.version) · assessed \(report.assessedAt)")
        for section in [actToday(), lynchpins(), otherNeeds(), herView(), strengths(), support(), unknowns()]
        where !section.isEmpty {
            lines.append("")
            lines += section
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func actToday() -> [String] {
        guard !report.safeguarding.isEmpty || !report.tier0.isEmpty else { return [] }
        var lines = ["Act today"]
        for alert in report.safeguarding { lines.append("  ! \(alert.action) [\(alert.id)]") }
        for need in report.tier0 {
            lines.append("  ! \(need.name.title) needs attention first: safety and basic needs come first.")
        }
        return lines
    }

    private func lynchpins() -> [String] {
        guard !report.lynchpins.isEmpty else {
            return report.anyNeedAssessed ? ["No need is present on these answers."] : []
        }
        var lines = [report.lynchpins.count == 1 ? "Lynch-pin" : "Joint lynch-pins"]
        for need in report.lynchpins {
            lines.append("  \(need.name.title) — \(describe(need))")
            if need.noDriverEvidence {
                lines.append("    It ranks first on its own severity; no answer shows it driving another need.")
            }
            lines += reasons(need)
        }
        return lines
    }

    private func otherNeeds() -> [String] {
        guard !report.otherNeeds.isEmpty else { return [] }
        var lines = ["Other needs, by how much they hold up"]
        for need in report.otherNeeds {
            lines.append("  \(need.rank ?? 0). \(need.name.title) — \(describe(need))")
            lines += reasons(need)
        }
        return lines
    }

    private func describe(_ need: Report.Need) -> String {
        let score = need.score.map { "\(NumberText.format($0)) of \(NumberText.format(need.max))" } ?? "no score"
        var words = "\(need.band ?? "unknown"), score \(score)"
        if need.prorated { words += " (prorated: \(need.missing.map(\.item).joined(separator: ", ")) not answered)" }
        words += ", influence \(NumberText.format(need.influence ?? 0))"
        return words
    }

    private func reasons(_ need: Report.Need) -> [String] {
        need.reasons.map { reason in
            let route = reason.via.isEmpty ? "" : " through \(reason.via.map(\.title).joined(separator: ", "))"
            let why = reason.steps.map { step in
                let answers = step.answers.map { "\($0.item): \($0.value ?? $0.state)" }.joined(separator: "; ")
                return answers.isEmpty ? step.because : "\(step.because) (\(answers))"
            }.joined(separator: " ")
            return
                "    drives \(reason.reaches.title)\(route): adds \(NumberText.format(reason.contribution)). \(why)"
        }
    }

    private func herView() -> [String] {
        guard !report.herPriorities.isEmpty else { return [] }
        var lines = ["Her own priorities"]
        for (i, need) in report.herPriorities.enumerated() { lines.append("  \(i + 1). \(need.title)") }
        if !report.talkingPoints.isEmpty {
            let names = report.talkingPoints.map(\.need.title).joined(separator: ", ")
            lines.append("  To talk about with her: her view and the ranking differ on \(names).")
        }
        return lines
    }

    /// The strengths to build on: those above their lowest band.
    private func strengths() -> [String] {
        let present = report.strengths.filter(\.present)
        guard !present.isEmpty else { return [] }
        return ["Strengths to build on"]
            + present.map { strength in
                let helps =
                    strength.supports.isEmpty
                    ? "" : " — helps with \(strength.supports.map(\.title).joined(separator: ", "))"
                return "  \(strength.name.title): \(strength.band ?? "")\(helps)"
            }
    }

    private func support() -> [String] {
        guard !report.advice.isEmpty else { return [] }
        return ["How to give support"]
            + report.advice.map { advice in
                let needs = advice.supports.isEmpty ? "" : " (\(advice.supports.map(\.title).joined(separator: ", ")))"
                return "  • \(advice.advice)\(needs)"
            }
    }

    private func unknowns() -> [String] {
        let lines = report.unknowns.map { unknown in
            let missing = missing(unknown)
            switch unknown.subject {
            case .need(let name), .strength(let name):
                return "  \(name.title): not assessed — \(missing)"
            case .urgent(let need):
                return "  Could not tell whether \(need.title) is urgent — \(missing)"
            case .safeguarding(let id, _):
                return "  Could not tell the safeguarding rule '\(id)' — \(missing)"
            case .responsivity(let id, _):
                return "  Could not tell the responsivity rule '\(id)' — \(missing)"
            }
        }
        return lines.isEmpty ? [] : ["Still unknown"] + lines
    }

    private func missing(_ unknown: Report.Unknown) -> String {
        var parts: [String] = []
        if !unknown.missing.isEmpty { parts.append("missing: \(unknown.missing.map(\.item).joined(separator: ", "))") }
        if !unknown.notAssessedScores.isEmpty {
            parts.append("not assessed: \(unknown.notAssessedScores.map(\.title).joined(separator: ", "))")
        }
        return parts.isEmpty ? "cannot be worked out from these answers" : parts.joined(separator: "; ")
    }
}
