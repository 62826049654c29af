/// An ``Explanation`` in plain text: every score with its items, arithmetic and band, every
/// rule with its answers and outcome, every driver edge, and the ranking's sums, ties and
/// lynch-pin threshold. For instrument designers and for a worker who wants to know why.
///
/// ```swift
/// print(ExplanationReport(explanation).render())
/// ```
///
/// Numbers are shown with up to 9 decimals, the precision the ranking compares at.
public struct ExplanationReport: Sendable {
    /// The trace shown.
    public let explanation: Explanation

    /// Creates a rendering of `explanation`.
    public init(_ explanation: Explanation) {
        self.explanation = explanation
    }

    /// The trace, ending with a line break.
    public func render() -> String {
        var lines = heading()
        for section in [scores(), rules(), drivers(), ranking()] {
            lines.append("")
            lines += section
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var focus: String? { explanation.focus }

    private func heading() -> [String] {
        let identity = explanation.instrument
        var lines = ["How \(identity.id) \(identity.version) (\(explanation.title)) reached its result"]
        if let focus {
            lines.append(
                "Limited to the need '\(focus)': its score, the rules that name it, the driver edges to or from it, "
                    + "and its place in the ranking.")
        }
        return lines
    }

    // MARK: - Scores

    private func scores() -> [String] {
        var lines = ["Scores"]
        for trace in explanation.scores {
            lines.append("")
            lines += score(trace)
        }
        if explanation.scores.isEmpty { lines.append("  (none)") }
        return lines
    }

    private func score(_ trace: ScoreTrace) -> [String] {
        var lines = ["  \(trace.kind.rawValue) \(trace.id) — \(trace.title)", "    score = \(trace.expression)"]
        lines += values(trace.items, trace.scoresUsed, indent: 6)
        let allowed = "at most \(trace.maxDeclined) allowed (max_declined)"
        let items = trace.applicable == 1 ? "item" : "items"
        lines.append("    missing: \(trace.missing) of \(trace.applicable) applicable \(items); \(allowed)")
        switch trace.notAssessedBecause {
        case .tooManyMissing?:
            lines.append("    not assessed: more items are missing than allowed, so no score and no band")
        case .nothingAnswered?:
            lines.append("    not assessed: none of the applicable items was answered, so no score and no band")
        case .noValue?:
            let unscored = trace.scoresUsed.filter { $0.status == .notAssessed }.map(\.id)
            let why =
                unscored.isEmpty
                ? "the expression has no value (it divides by 0, or gives no finite number)"
                : "it uses \(unscored.joined(separator: ", ")), which could not be assessed"
            lines.append("    not assessed: \(why), so no score and no band")
        case nil:
            lines += arithmetic(trace)
        }
        if trace.status == .notAssessed {
            lines.append("    shown as unknown, never as absent")
            return lines
        }
        lines.append(
            "    bands: " + trace.bands.map { "\($0.name) from \(number($0.lowerBound))" }.joined(separator: ", "))
        if let index = trace.bandIndex, let score = trace.score {
            lines.append("    band: \(trace.bands[index].name), as \(bandReason(score, index, trace.bands))")
        }
        if trace.kind == .need, let first = trace.bands.first {
            let present =
                trace.present == true
                ? "present: yes, its band is above the first ('\(first.name)')"
                : "present: no, its band is the first ('\(first.name)')"
            let severity = trace.severity.map { severity in
                "; severity = \(number(trace.score ?? 0)) ÷ \(number(trace.max ?? 0)) = \(number(severity))"
            }
            lines.append("    \(present)\(severity ?? "")")
        }
        return lines
    }

    private func arithmetic(_ trace: ScoreTrace) -> [String] {
        guard let score = trace.score else { return [] }
        guard let proration = trace.proration else {
            let max = trace.max.map { " (of \(number($0)))" } ?? ""
            return ["    score: \(number(score))\(max), straight from the expression"]
        }
        let missing = trace.items.filter(\.isMissing).map(\.item).joined(separator: ", ")
        var lines = [
            "    prorated: with \(missing) read as 0 the expression gives \(number(proration.readAsZero));",
            "      \(number(proration.readAsZero)) × \(proration.applicable) applicable ÷ \(proration.answered) answered"
                + " = \(number(proration.prorated))",
        ]
        if proration.capped, let cap = proration.cap {
            lines.append("      capped at the max, \(number(cap))")
        } else if let cap = proration.cap {
            lines.append("      not above the max, \(number(cap)), so not capped")
        }
        lines.append("    score: \(number(score))")
        return lines
    }

    private func bandReason(_ score: Double, _ index: Int, _ bands: [BandTrace]) -> String {
        let bound = bands[index].lowerBound
        if score < bound { return "\(number(score)) is below every bound, so the first band" }
        if index + 1 < bands.count {
            return "\(number(bound)) ≤ \(number(score)) < \(number(bands[index + 1].lowerBound))"
        }
        return "\(number(score)) ≥ \(number(bound))"
    }

    // MARK: - Rules

    private func rules() -> [String] {
        var lines = ["Rules"]
        for rule in explanation.rules {
            lines.append("")
            let title: String
            switch rule.kind {
            case .urgentIf: title = "urgent_if of \(rule.id)"
            case .safeguarding: title = "safeguarding \(rule.id)"
            case .responsivity:
                let supports = rule.needs.isEmpty ? "" : " (supports \(rule.needs.joined(separator: ", ")))"
                title = "responsivity \(rule.id)\(supports)"
            }
            lines.append("  \(title): \(outcome(rule))")
            lines.append("    when: \(rule.condition)")
            lines += values(rule.items, rule.scoresUsed, indent: 6)
        }
        if explanation.rules.isEmpty { lines.append("  (none\(focus.map { " names \($0)" } ?? ""))") }
        return lines
    }

    private func outcome(_ rule: RuleTrace) -> String {
        switch rule.outcome {
        case .fired:
            switch rule.kind {
            case .safeguarding: return "fired, so its action is raised today"
            case .responsivity: return "fired, so its advice is given"
            case .urgentIf: return "fired, so the need is in tier 0 (safety and basic needs first)"
            }
        case .silent:
            return "silent, the condition is false"
        case .unevaluated:
            let missing =
                rule.items.filter(\.isMissing).map(\.item)
                + rule.scoresUsed.filter { $0.status == .notAssessed }.map { "\($0.id) (not assessed)" }
            return "could not be evaluated, it depends on what is missing: \(missing.joined(separator: ", "))"
        }
    }

    // MARK: - Drivers

    private func drivers() -> [String] {
        var lines = ["Driver edges (active only when the condition holds and both needs are present)"]
        for driver in explanation.drivers {
            lines.append("")
            lines.append("  \(driver.from) → \(driver.to), weight \(number(driver.weight)): \(status(driver))")
            if let condition = driver.condition {
                let value: String
                switch driver.conditionValue {
                case .holds: value = "holds"
                case .isFalse: value = "false"
                case .unknown: value = "could not be evaluated (missing answers are never evidence)"
                case .always: value = "holds"
                }
                lines.append("    when: \(condition) → \(value)")
                lines += values(driver.items, driver.scoresUsed, indent: 6)
            } else {
                lines.append("    when: (none, so always)")
            }
            lines.append("    because: \(driver.because)")
        }
        if explanation.drivers.isEmpty { lines.append("  (none\(focus.map { " touches \($0)" } ?? ""))") }
        return lines
    }

    private func status(_ driver: DriverTrace) -> String {
        switch driver.status {
        case .inGraph:
            return "in the graph"
        case .conditionFalse:
            return "not active, its condition is false"
        case .conditionUnknown:
            return "not active, its condition could not be evaluated"
        case .needNotPresent:
            let absent = [(driver.from, driver.fromPresent), (driver.to, driver.toPresent)].filter { !$0.1 }.map(\.0)
            let verb = absent.count == 1 ? "is" : "are"
            return "not in the graph, \(absent.joined(separator: " and ")) \(verb) not present"
        case .parallelEdgeUsed:
            let other = driver.usedInstead.map { "driver \($0 + 1)" } ?? "another driver"
            return "not in the graph, \(other) between the same needs is heavier (or as heavy and written first)"
        }
    }

    // MARK: - Ranking

    private func ranking() -> [String] {
        let trace = explanation.ranking
        var lines = [
            "Ranking (present needs only)",
            "  influence = own severity + severity × path product for each present need it reaches",
            "  compared rounded to \(trace.decimals) decimals; ties go to her priority, then severity, then instrument order",
        ]
        if !trace.herPriorities.isEmpty {
            lines.append("  her priorities: \(trace.herPriorities.joined(separator: ", "))")
        }
        for entry in trace.entries {
            lines.append("")
            lines += rank(entry, trace)
        }
        if let top = trace.top, let influence = trace.topInfluence, let threshold = trace.threshold {
            lines.append("")
            lines.append(
                "  lynch-pin: \(top), with the top influence \(number(influence)); a joint lynch-pin needs at least "
                    + "\(number(trace.jointShare * 100)) % of it: \(number(trace.jointShare)) × \(number(influence)) = "
                    + "\(number(threshold))")
        } else if focus == nil || trace.entries.isEmpty {
            lines.append("  no need is present, so there is no lynch-pin")
        }
        if !trace.unranked.isEmpty {
            lines.append("")
            lines.append("  not ranked:")
            for need in trace.unranked {
                switch need.reason {
                case .notPresent:
                    lines.append("    \(need.need): not present, its band is the first (\(need.band ?? ""))")
                case .notAssessed:
                    lines.append("    \(need.need): not assessed, so unknown (never read as absent)")
                }
            }
        }
        return lines
    }

    private func rank(_ entry: RankTrace, _ trace: RankingTrace) -> [String] {
        var lines = ["  \(entry.rank). \(entry.need): influence \(number(entry.influence))"]
        let width =
            ([entry.severity, entry.influence] + entry.contributions.map(\.contribution))
            .map { number($0).count }.max() ?? 0
        func pad(_ value: Double) -> String { number(value).padding(width) }
        lines.append(
            "       \(pad(entry.severity))  own severity, \(number(entry.score)) ÷ \(number(entry.max))"
                + (entry.contributions.isEmpty ? "; it reaches no other present need" : ""))
        for reason in entry.contributions {
            let path = reason.path.map { "\($0.from) → \($0.to) \(number($0.weight))" }.joined(separator: ", ")
            lines.append(
                "     + \(pad(reason.contribution))  reaches \(reason.reaches): severity \(number(reason.severity)) × "
                    + "path \(number(reason.pathProduct)) (\(path))")
        }
        lines.append("     = \(pad(entry.influence))  rounded: \(number(entry.rounded))")
        for tie in entry.tieBreaks {
            let order = tie.otherFirst ? "\(tie.other) comes first" : "it comes before \(tie.other)"
            let why: String
            switch tie.decidedBy {
            case .herPriority: why = "she names \(tie.otherFirst ? tie.other : entry.need) earlier among her priorities"
            case .severity: why = "\(tie.otherFirst ? tie.other : entry.need) has the higher severity"
            case .instrumentOrder: why = "\(tie.otherFirst ? tie.other : entry.need) is written first in the instrument"
            }
            lines.append("     tied with \(tie.other) at \(number(entry.rounded)): \(order), as \(why)")
        }
        if let threshold = trace.threshold {
            if entry.rank == 1 {
                lines.append(
                    "     lynch-pin: ranked first" + (entry.noDriverEvidence ? ", with no driver evidence" : ""))
            } else if entry.lynchpin {
                lines.append("     joint lynch-pin: \(number(entry.rounded)) ≥ \(number(threshold))")
            } else {
                lines.append("     not a lynch-pin: \(number(entry.rounded)) < \(number(threshold))")
            }
        }
        if entry.tier0 { lines.append("     also in tier 0: its urgent_if holds") }
        return lines
    }

    // MARK: - Values

    /// Each item and score an expression uses, one a line, names aligned.
    private func values(_ items: [ItemTrace], _ scores: [ScoreUse], indent: Int) -> [String] {
        let names = items.map(\.item) + scores.map { "score(\($0.id))" }
        let width = names.map(\.count).max() ?? 0
        let space = String(repeating: " ", count: indent)
        var lines = items.map { "\(space)\($0.item.padding(width))  \(value($0))" }
        for score in scores {
            let text =
                score.score.map { "\(number($0))\(score.band.map { " (\($0))" } ?? "")" }
                ?? "not assessed (missing)"
            lines.append("\(space)\("score(\(score.id))".padding(width))  \(text)")
        }
        return lines
    }

    private func value(_ item: ItemTrace) -> String {
        switch item.state {
        case "answered":
            guard let value = item.value else { return "answered (identifying: not shown)" }
            if let number = item.number {
                let shown = self.number(number)
                return shown == value ? value : "\(value) (\(shown))"
            }
            if let chosen = item.chosen {
                return chosen.isEmpty ? "nothing chosen" : "\(chosen.joined(separator: ", ")) (\(chosen.count) chosen)"
            }
            return value
        case "declined": return "declined: missing"
        case "dont_know": return "don't know: missing"
        case "unanswered": return "unanswered: missing"
        default: return "not applicable: hidden by show_if, reads as 0, false or nothing chosen"
        }
    }

    private func number(_ value: Double) -> String { NumberText.format(value, decimals: 9) }
}

extension String {
    /// The string padded with spaces to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
