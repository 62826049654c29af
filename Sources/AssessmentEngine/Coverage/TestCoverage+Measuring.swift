import QuestionnaireDSL

extension TestCoverage {
    /// The coverage of `compiled`'s tests, from the outcome of running them.
    public init(_ compiled: CompiledInstrument, cases: [TestCaseResult]) {
        self.init(compiled, runs: cases.map(\.run))
    }

    /// The coverage of `compiled` by `runs`, one per test case.
    public init(_ compiled: CompiledInstrument, runs: [AssessmentRun]) {
        let tally = CoverageTally(compiled, runs: runs)
        let gaps = CoverageGaps(compiled: compiled, tally: tally)
        let counted = compiled.items.filter { !$0.identifying }
        let choices = counted.filter(\.hasOptions)
        let instrument = compiled.instrument
        let bandCount =
            instrument.needs.reduce(0) { $0 + $1.bands.count } + instrument.strengths.reduce(0) { $0 + $1.bands.count }
        let ruleCount =
            instrument.safeguarding.count + instrument.responsivity.count
            + instrument.needs.count { $0.urgentIf != nil }
        self.init(
            file: compiled.source.name, instrument: instrument.id, cases: runs.count,
            categories: [
                CoverageCategory(.items, total: counted.count, uncovered: gaps.items()),
                CoverageCategory(
                    .options, total: choices.reduce(0) { $0 + $1.options.count }, uncovered: gaps.options()),
                CoverageCategory(.bands, total: bandCount, uncovered: gaps.bands()),
                CoverageCategory(.rules, total: 2 * ruleCount, uncovered: gaps.rules()),
                CoverageCategory(.drivers, total: instrument.drivers.count, uncovered: gaps.drivers()),
            ],
            exempt: compiled.items.filter(\.identifying).map {
                CoverageExemption(
                    item: $0.id, reason: "identifying: never scored, so tests need not answer it",
                    file: compiled.source.name, at: $0.location)
            })
    }
}

extension Item {
    /// True for the items whose options coverage counts: choice, scale and multi_choice.
    fileprivate var hasOptions: Bool { type == .choice || type == .scale || type == .multiChoice }
}

/// What the runs reached, counted point by point.
struct CoverageTally {
    /// How many runs were counted.
    var cases: Int
    /// Per item: cases where it was answered, and where it was asked (not hidden).
    var answered: [Int]
    var asked: [Int]
    /// Per item and option: chosen in some case.
    var chosen: [[Bool]]
    /// Per need and strength (needs first) and band: reached in some case.
    var needBands: [[Bool]]
    var strengthBands: [[Bool]]
    /// Per rule kind and index: how often each outcome happened.
    var outcomes: [RuleKind: [[RuleOutcome: Int]]]
    /// Per driver: active in some case; both needs present in some case.
    var active: [Bool]
    var bothPresent: [Bool]

    init(_ compiled: CompiledInstrument, runs: [AssessmentRun]) {
        let instrument = compiled.instrument
        let items = compiled.items
        cases = runs.count
        answered = Array(repeating: 0, count: items.count)
        asked = Array(repeating: 0, count: items.count)
        chosen = items.map { Array(repeating: false, count: $0.options.count) }
        needBands = instrument.needs.map { Array(repeating: false, count: $0.bands.count) }
        strengthBands = instrument.strengths.map { Array(repeating: false, count: $0.bands.count) }
        outcomes = [
            .safeguarding: Array(repeating: [:], count: instrument.safeguarding.count),
            .responsivity: Array(repeating: [:], count: instrument.responsivity.count),
            .urgentIf: Array(repeating: [:], count: instrument.needs.count),
        ]
        active = Array(repeating: false, count: instrument.drivers.count)
        bothPresent = Array(repeating: false, count: instrument.drivers.count)
        let needIndex = Dictionary(instrument.needs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        for run in runs {
            let slots = run.responses.slots
            for (i, item) in items.enumerated() {
                let slot = slots[i]
                if slot.state != .notApplicable { asked[i] += 1 }
                guard slot.state == .answered else { continue }
                answered[i] += 1
                switch item.type {
                case .choice, .scale:
                    if chosen[i].indices.contains(Int(slot.code)) { chosen[i][Int(slot.code)] = true }
                case .multiChoice:
                    for o in chosen[i].indices where o < 64 && slot.set & (1 << UInt64(o)) != 0 { chosen[i][o] = true }
                default: break
                }
            }
            var present = [Bool](repeating: false, count: instrument.needs.count)
            for j in instrument.needs.indices {
                let slot = slots[compiled.needSlot(j)]
                guard slot.state == .answered, needBands[j].indices.contains(Int(slot.code)) else { continue }
                needBands[j][Int(slot.code)] = true
                present[j] = slot.code > 0
            }
            for k in instrument.strengths.indices {
                let slot = slots[compiled.strengthSlot(k)]
                guard slot.state == .answered, strengthBands[k].indices.contains(Int(slot.code)) else { continue }
                strengthBands[k][Int(slot.code)] = true
            }
            for kind in [RuleKind.safeguarding, .responsivity, .urgentIf] {
                for index in outcomes[kind]!.indices {
                    guard let outcome = run.findings.outcome(kind, at: index, in: instrument) else { continue }
                    outcomes[kind]![index][outcome, default: 0] += 1
                }
            }
            for d in run.ranking.activeDrivers where active.indices.contains(d) { active[d] = true }
            for (d, driver) in instrument.drivers.enumerated() {
                if let from = needIndex[driver.from], let to = needIndex[driver.to], present[from], present[to] {
                    bothPresent[d] = true
                }
            }
        }
    }

    /// How often the rule of `kind` at `index` gave `outcome`.
    func count(_ kind: RuleKind, _ index: Int, _ outcome: RuleOutcome) -> Int {
        outcomes[kind]?[index][outcome] ?? 0
    }
}

/// The uncovered points of each category, with subjects and hints in words.
struct CoverageGaps {
    var compiled: CompiledInstrument
    var tally: CoverageTally

    private var file: String { compiled.source.name }

    func items() -> [CoverageGap] {
        compiled.items.enumerated().compactMap { i, item in
            guard !item.identifying, tally.answered[i] == 0 else { return nil }
            let hint: String
            if tally.cases > 0, tally.asked[i] == 0, let condition = showIf(of: i) {
                hint =
                    "hidden in every test (show_if: \(Self.words(condition))); add one where it is asked and answered"
            } else if tally.asked[i] > 0 {
                hint = "asked in \(Self.tests(tally.asked[i])) but never answered; add a test that answers it"
            } else {
                hint = "add a test that answers it"
            }
            return CoverageGap(
                kind: .item, never: .answered, id: item.id, subject: "'\(item.id)'", hint: hint, file: file,
                at: item.location)
        }
    }

    func options() -> [CoverageGap] {
        compiled.items.enumerated().flatMap { i, item -> [CoverageGap] in
            guard !item.identifying, item.hasOptions else { return [] }
            return item.options.enumerated().compactMap { o, option in
                guard !tally.chosen[i][o] else { return nil }
                return CoverageGap(
                    kind: .option, never: .chosen, id: item.id, option: option.code,
                    subject: "'\(item.id)' option '\(option.code)'",
                    hint: "add a test that answers '\(item.id)' with '\(option.code)'", file: file,
                    // A scale's options are written once for many items: point at the item.
                    at: item.scale == nil ? option.location : item.location)
            }
        }
    }

    func bands() -> [CoverageGap] {
        let instrument = compiled.instrument
        let needs = instrument.needs.enumerated().flatMap { j, need in
            bandGaps("need", need.id, need.bands, max: need.max, reached: tally.needBands[j])
        }
        let strengths = instrument.strengths.enumerated().flatMap { k, strength in
            bandGaps("strength", strength.id, strength.bands, max: strength.max, reached: tally.strengthBands[k])
        }
        return needs + strengths
    }

    private func bandGaps(_ what: String, _ id: String, _ bands: [Band], max: Double?, reached: [Bool])
        -> [CoverageGap]
    {
        bands.enumerated().compactMap { b, band in
            guard !reached[b] else { return nil }
            return CoverageGap(
                kind: .band, never: .reached, id: id, band: band.name, subject: "\(what) '\(id)' band '\(band.name)'",
                hint: Self.bandHint(id, bands, b, max: max), file: file, at: band.location)
        }
    }

    /// How to reach band `b`: the range of scores that falls in it.
    static func bandHint(_ id: String, _ bands: [Band], _ b: Int, max: Double?) -> String {
        let lower = bands[b].lowerBound
        let upper = b + 1 < bands.count ? bands[b + 1].lowerBound : nil
        if b > 0, let max, lower > max {
            return "cannot be reached: its lower bound \(NumberText.format(lower)) is above the highest score, "
                + NumberText.format(max)
        }
        if b > 0, let upper, upper <= lower {
            return "cannot be reached: the next band starts at \(NumberText.format(upper))"
        }
        let range: String
        switch (b, upper) {
        case (0, let upper?): range = "scores below \(NumberText.format(upper))"
        case (0, nil): range = "is assessed"
        case (_, let upper?):
            range = "scores at least \(NumberText.format(lower)) and below \(NumberText.format(upper))"
        case (_, nil): range = "scores \(NumberText.format(lower)) or more"
        }
        return "add a test where '\(id)' \(range)"
    }

    func rules() -> [CoverageGap] {
        let instrument = compiled.instrument
        var gaps: [CoverageGap] = []
        for (i, rule) in instrument.safeguarding.enumerated() {
            gaps += ruleGaps(.safeguarding, i, rule.id, "safeguarding '\(rule.id)'", rule.when, rule.location)
        }
        for (i, rule) in instrument.responsivity.enumerated() {
            gaps += ruleGaps(.responsivity, i, rule.id, "responsivity '\(rule.id)'", rule.when, rule.location)
        }
        for (j, need) in instrument.needs.enumerated() {
            guard let condition = need.urgentIf else { continue }
            gaps += ruleGaps(.urgentIf, j, need.id, "urgent_if of '\(need.id)'", condition, condition.start)
        }
        return gaps
    }

    private func ruleGaps(
        _ kind: RuleKind, _ index: Int, _ id: String, _ subject: String, _ condition: ExpressionSource,
        _ location: SourceLocation
    ) -> [CoverageGap] {
        let gapKind: CoverageGap.Kind =
            switch kind {
            case .safeguarding: .safeguarding
            case .responsivity: .responsivity
            case .urgentIf: .urgentIf
            }
        let when = Self.words(condition)
        var gaps: [CoverageGap] = []
        if tally.count(kind, index, .fired) == 0 {
            gaps.append(
                CoverageGap(
                    kind: gapKind, never: .fired, id: id, subject: subject,
                    hint: "add a test where it holds: \(when)", file: file, at: location))
        }
        if tally.count(kind, index, .silent) == 0 {
            let unevaluated = tally.count(kind, index, .unevaluated)
            let note = unevaluated > 0 ? " (it could not be evaluated in \(Self.tests(unevaluated)))" : ""
            gaps.append(
                CoverageGap(
                    kind: gapKind, never: .silent, id: id, subject: subject,
                    hint: "add a test where it is false\(note): \(when)", file: file, at: location))
        }
        return gaps
    }

    func drivers() -> [CoverageGap] {
        compiled.instrument.drivers.enumerated().compactMap { d, driver in
            guard !tally.active[d] else { return nil }
            let hint: String
            if !tally.bothPresent[d] {
                hint =
                    "its needs are never both present in one test; add one where they are"
                    + (driver.when.map { " and this holds: \(Self.words($0))" } ?? "")
            } else {
                hint =
                    "its when never held while both needs were present; add a test where it does: "
                    + (driver.when.map(Self.words) ?? "")
            }
            return CoverageGap(
                kind: .driver, never: .active, from: driver.from, to: driver.to,
                subject: "driver '\(driver.from)' → '\(driver.to)'", hint: hint, file: file, at: driver.location)
        }
    }

    /// The `show_if` that hides item `index`: its own, else its section's.
    private func showIf(of index: Int) -> ExpressionSource? {
        compiled.items[index].showIf ?? compiled.instrument.sections[compiled.itemSection[index]].showIf
    }

    /// An expression on one line, its whitespace collapsed.
    static func words(_ source: ExpressionSource) -> String {
        source.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "1 test", "3 tests".
    static func tests(_ count: Int) -> String { count == 1 ? "1 test" : "\(count) tests" }
}
