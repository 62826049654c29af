/// An assessment result in plain text, as a caseworker reads it: what to act on today
/// first, then the lynch-pin with its reasons in plain words, the other needs, her own
/// priorities beside the engine's, strengths, how to give support, and what is still unknown.
///
/// ```swift
/// print(TextReport(result).render())
/// ```
public struct TextReport: Sendable {
    /// The result shown.
    public let result: AssessmentResult
    /// The instrument's title, shown in the heading.
    public let title: String

    /// Creates a report of `result`; `title` is the instrument's title.
    public init(_ result: AssessmentResult, title: String = "") {
        self.result = result
        self.title = title
    }

    /// The report, ending with a line break.
    public func render() -> String {
        var lines: [String] = []
        let name = title.isEmpty ? result.instrument.id : "\(title) (\(result.instrument.id))"
        lines.append("\(name) \(result.instrument.version) · assessed \(result.assessedAt)")
        for section in [actToday(), lynchpins(), otherNeeds(), herView(), strengths(), support(), unknowns()]
        where !section.isEmpty {
            lines.append("")
            lines += section
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func title(of need: String) -> String { result.need(need)?.title ?? need }

    private func actToday() -> [String] {
        guard !result.safeguarding.isEmpty || !result.tier0.isEmpty else { return [] }
        var lines = ["Act today"]
        for alert in result.safeguarding { lines.append("  ! \(alert.action) [\(alert.id)]") }
        for need in result.tier0 {
            lines.append("  ! \(title(of: need)) needs attention first: safety and basic needs come first.")
        }
        return lines
    }

    private func lynchpins() -> [String] {
        let pins = result.ranking.filter(\.lynchpin)
        guard !pins.isEmpty else {
            return result.needs.contains(where: { $0.status == .assessed })
                ? ["No need is present on these answers."] : []
        }
        var lines = [pins.count == 1 ? "Lynch-pin" : "Joint lynch-pins"]
        for need in pins {
            lines.append("  \(title(of: need.need)) — \(describe(need))")
            if need.noDriverEvidence {
                lines.append("    It ranks first on its own severity; no answer shows it driving another need.")
            }
            lines += reasons(need)
        }
        return lines
    }

    private func otherNeeds() -> [String] {
        let others = result.ranking.filter { !$0.lynchpin }
        guard !others.isEmpty else { return [] }
        var lines = ["Other needs, by how much they hold up"]
        for need in others {
            lines.append("  \(need.rank). \(title(of: need.need)) — \(describe(need))")
            lines += reasons(need)
        }
        return lines
    }

    private func describe(_ need: RankedNeed) -> String {
        let n = result.need(need.need)
        let band = n?.band.map(Self.words) ?? "unknown"
        let score = n?.score.map { "\(NumberText.format($0)) of \(NumberText.format(n?.max ?? 0))" } ?? "no score"
        var words = "\(band), score \(score)"
        if n?.prorated == true { words += " (prorated: \(n?.missingItems.joined(separator: ", ") ?? "") not answered)" }
        words += ", influence \(NumberText.format(need.influence))"
        return words
    }

    private func reasons(_ need: RankedNeed) -> [String] {
        need.reasons.map { reason in
            let via = reason.path.dropLast().map { title(of: $0.to) }
            let route = via.isEmpty ? "" : " through \(via.joined(separator: ", "))"
            let why = reason.path.map { step in
                let answers = step.answers.map { "\($0.item): \($0.value ?? $0.state)" }.joined(separator: "; ")
                return answers.isEmpty ? step.because : "\(step.because) (\(answers))"
            }.joined(separator: " ")
            return
                "    drives \(title(of: reason.reaches))\(route): adds \(NumberText.format(reason.contribution)). \(why)"
        }
    }

    private func herView() -> [String] {
        guard !result.herPriorities.isEmpty else { return [] }
        var lines = ["Her own priorities"]
        for (i, need) in result.herPriorities.enumerated() { lines.append("  \(i + 1). \(title(of: need))") }
        if !result.herViewDiffers.isEmpty {
            let names = result.herViewDiffers.map(title(of:)).joined(separator: ", ")
            lines.append("  To talk about with her: her view and the ranking differ on \(names).")
        }
        return lines
    }

    private func strengths() -> [String] {
        let shown = result.strengths.filter { $0.status == .assessed }
        guard !shown.isEmpty else { return [] }
        return ["Strengths"]
            + shown.map { strength in
                let helps =
                    strength.supports.isEmpty
                    ? "" : " — helps with \(strength.supports.map(title(of:)).joined(separator: ", "))"
                return "  \(strength.title): \(strength.band.map(Self.words) ?? "")\(helps)"
            }
    }

    private func support() -> [String] {
        guard !result.flags.isEmpty else { return [] }
        return ["How to give support"]
            + result.flags.map { flag in
                let needs = flag.supports.isEmpty ? "" : " (\(flag.supports.map(title(of:)).joined(separator: ", ")))"
                return "  • \(flag.advice)\(needs)"
            }
    }

    private func unknowns() -> [String] {
        var lines: [String] = []
        for need in result.needs where need.status == .notAssessed {
            lines.append("  \(need.title): not assessed — \(missing(need.missingItems, need.notAssessedScores))")
        }
        for strength in result.strengths where strength.status == .notAssessed {
            lines.append("  \(strength.title): not assessed — \(missing(strength.missingItems, []))")
        }
        for rule in result.unevaluated {
            let what =
                rule.kind == .urgentIf
                ? "whether \(title(of: rule.id)) is urgent" : "the \(rule.kind.rawValue) rule '\(rule.id)'"
            lines.append("  Could not tell \(what) — \(missing(rule.missingItems, rule.notAssessedScores))")
        }
        return lines.isEmpty ? [] : ["Still unknown"] + lines
    }

    /// A band name in words: `moderately_severe` → `moderately severe`.
    static func words(_ name: String) -> String { name.split(separator: "_").joined(separator: " ") }

    private func missing(_ items: [String], _ scores: [String]) -> String {
        var parts: [String] = []
        if !items.isEmpty { parts.append("missing: \(items.joined(separator: ", "))") }
        if !scores.isEmpty { parts.append("not assessed: \(scores.map(title(of:)).joined(separator: ", "))") }
        return parts.isEmpty ? "cannot be worked out from these answers" : parts.joined(separator: "; ")
    }
}
