import QuestionnaireDSL

/// What a report of one assessment says, in the order a worker goes through it with her,
/// whatever the format: ``TextReport``, ``MarkdownReport`` and ``HTMLReport`` each render it.
///
/// ```swift
/// let report = Report(result, instrument: compiled.instrument)
/// print(MarkdownReport(report).render())
/// ```
///
/// Built from the result alone, it names items by id; given the instrument as well, it
/// also carries each item's question and the labels of the options she chose, so a
/// renderer can show them in words, and each band's place among its need's bands, so a
/// chart can draw it. Texts are in the instrument's language, or in `language` where the
/// instrument has it.
public struct Report: Sendable, Hashable {
    /// A need or strength by id, with its name.
    public struct Name: Sendable, Hashable {
        /// The id.
        public var id: String
        /// Its name in the instrument's language (the id when unknown).
        public var title: String
    }

    /// One answer as the report shows it: what was asked and what she said.
    public struct Answer: Sendable, Hashable {
        /// The item's id.
        public var item: String
        /// The question as asked; nil when the report was built without the instrument.
        public var prompt: String?
        /// `answered`, `declined`, `dont_know`, `unanswered` or `not_applicable`.
        public var state: String
        /// The value in words as results write it (a code, `yes`, a number, codes joined by `;`).
        public var value: String?
        /// The labels of the options she chose, when the instrument is known; else empty.
        public var labels: [String]
    }

    /// A safeguarding action for today.
    public struct Alert: Sendable, Hashable {
        /// The rule's id.
        public var id: String
        /// What to do.
        public var action: String
    }

    /// A strength, with the needs it helps with.
    public struct Strength: Sendable, Hashable {
        /// The strength's id and name.
        public var name: Name
        /// Its band in words (`has someone`); nil when not assessed.
        public var band: String?
        /// True when its band is above the first (there is something to build on). The
        /// first band is known only from the instrument: without it, any band counts.
        public var present: Bool
        /// The needs it helps with.
        public var supports: [Name]
    }

    /// Responsivity advice: how and when to give support.
    public struct Advice: Sendable, Hashable {
        /// The rule's id.
        public var id: String
        /// The advice.
        public var advice: String
        /// The needs whose plan it belongs to.
        public var supports: [Name]
    }

    /// One edge of a reason: why one need drives the next, and the answers that show it.
    public struct Step: Sendable, Hashable {
        /// The driving need.
        public var from: Name
        /// The driven need.
        public var to: Name
        /// How strong the link is, from the driver's weight.
        public var weight: Double
        /// The driver's reason in plain words.
        public var because: String
        /// The answers its condition refers to.
        public var answers: [Answer]
    }

    /// How a need holds up another: the need reached, the way there and what it adds.
    public struct Reason: Sendable, Hashable {
        /// The need it drives.
        public var reaches: Name
        /// The needs in between, in order (empty for a direct edge).
        public var via: [Name]
        /// What it adds to the influence.
        public var contribution: Double
        /// Each edge of the path with its reason.
        public var steps: [Step]
    }

    /// A need as the report shows it.
    public struct Need: Sendable, Hashable {
        /// The need's id and name.
        public var name: Name
        /// Its place in the ranking, from 1; nil when it is not ranked (not present).
        public var rank: Int?
        /// Its band in words; nil when not assessed.
        public var band: String?
        /// Its score, unrounded; nil when not assessed.
        public var score: Double?
        /// The highest possible score.
        public var max: Double
        /// True when missing answers were allowed for by prorating.
        public var prorated: Bool
        /// The answers its score uses that are missing.
        public var missing: [Answer]
        /// Its influence: its own severity plus what it adds through the needs it drives.
        public var influence: Double?
        /// Its own severity (score ÷ max).
        public var severity: Double?
        /// True when its `urgent_if` holds (safety and basic needs now).
        public var tier0: Bool
        /// True for a lynch-pin that reaches no other need.
        public var noDriverEvidence: Bool
        /// Where she put it among her own priorities, from 1.
        public var herPriority: Int?
        /// The needs it drives, each with the way there and what it adds.
        public var reasons: [Reason]
        /// The assessed strengths whose `supports` name it.
        public var strengths: [Strength]
        /// The advice raised whose `supports` name it.
        public var advice: [Advice]
    }

    /// A point where her view and the ranking differ, to talk about with her.
    public struct TalkingPoint: Sendable, Hashable {
        /// Why it is a point to talk about.
        public enum Kind: Sendable, Hashable {
            /// She names the need (at `position` among her priorities) but it is neither in
            /// tier 0 nor in the first three of the ranking: ranked at `rank`, not present
            /// (`rank` nil, `assessed` true) or not assessed (`assessed` false).
            case sheNamesIt(position: Int, rank: Int?, assessed: Bool)
            /// It is a lynch-pin and she does not name it.
            case lynchpinNotNamed
        }
        /// The need.
        public var need: Name
        /// Why.
        public var kind: Kind
    }

    /// Something still unknown: a score that could not be given or a rule that could not be evaluated.
    public struct Unknown: Sendable, Hashable {
        /// What is unknown.
        public enum Subject: Sendable, Hashable {
            /// A need that was not assessed.
            case need(Name)
            /// A strength that was not assessed.
            case strength(Name)
            /// Whether a need is urgent (its `urgent_if`).
            case urgent(Name)
            /// A safeguarding rule, with its action.
            case safeguarding(id: String, action: String)
            /// A responsivity rule, with its advice.
            case responsivity(id: String, advice: String)
        }
        /// What is unknown.
        public var subject: Subject
        /// The answers that are missing.
        public var missing: [Answer]
        /// The needs and strengths it uses that were not assessed.
        public var notAssessedScores: [Name]
    }

    /// A need or strength as a chart draws it: how far along its scale, and in which band.
    public struct Measure: Sendable, Hashable {
        /// The need's or strength's id and name.
        public var name: Name
        /// Its score, unrounded; nil when not assessed.
        public var score: Double?
        /// The highest possible score, when known.
        public var max: Double?
        /// Its band in words; nil when not assessed.
        public var band: String?
        /// Its band's place among the bands, from 0 (the first, lowest band); nil when
        /// not assessed or when the report was built without the instrument.
        public var level: Int?
        /// How many bands it has (0 when the instrument is not known).
        public var levels: Int
        /// The lower bounds of its bands after the first, where a chart marks them.
        public var bounds: [Double]
    }

    /// The instrument's title (its id when not given).
    public var title: String
    /// The instrument's id.
    public var instrumentID: String
    /// The instrument's version.
    public var version: String
    /// When it was assessed (ISO 8601, UTC).
    public var assessedAt: String
    /// The safeguarding actions for today.
    public var safeguarding: [Alert]
    /// The needs whose `urgent_if` holds, in instrument order.
    public var tier0: [Need]
    /// The lynch-pin and joint lynch-pins, in ranking order.
    public var lynchpins: [Need]
    /// The other present needs, by influence.
    public var otherNeeds: [Need]
    /// True when at least one need was assessed (so "no need is present" means something).
    public var anyNeedAssessed: Bool
    /// Her own priorities, most important first.
    public var herPriorities: [Name]
    /// The first three of the engine's ranking, beside hers.
    public var rankingTop: [Name]
    /// Where her view and the ranking differ.
    public var talkingPoints: [TalkingPoint]
    /// The assessed strengths, in instrument order.
    public var strengths: [Strength]
    /// All the advice raised, in instrument order.
    public var advice: [Advice]
    /// What is still unknown: needs, strengths, then rules.
    public var unknowns: [Unknown]
    /// Every need, in instrument order, for a chart.
    public var needMeasures: [Measure]
    /// Every strength, in instrument order, for a chart.
    public var strengthMeasures: [Measure]

    /// The report of `result`; `title` (else the instrument's title, else its id) heads it.
    /// With `instrument`, answers carry their questions and option labels, in `language`
    /// where the instrument has it (else in the instrument's own).
    public init(
        _ result: AssessmentResult, title: String = "", instrument: Instrument? = nil, language: String? = nil
    ) {
        let builder = Builder(result: result, instrument: instrument, language: language)
        let instrumentTitle = instrument.map { builder.text($0.title) } ?? ""
        self.title = !title.isEmpty ? title : instrumentTitle
        self.instrumentID = result.instrument.id
        self.version = result.instrument.version
        self.assessedAt = result.assessedAt
        self.safeguarding = result.safeguarding.map { Alert(id: $0.id, action: builder.action(of: $0)) }
        self.tier0 = result.tier0.map(builder.need)
        self.lynchpins = result.ranking.filter(\.lynchpin).map { builder.need($0.need) }
        self.otherNeeds = result.ranking.filter { !$0.lynchpin }.map { builder.need($0.need) }
        self.anyNeedAssessed = result.needs.contains { $0.status == .assessed }
        self.herPriorities = result.herPriorities.map(builder.name)
        self.rankingTop = result.ranking.prefix(HerView.topCount).map { builder.name($0.need) }
        self.talkingPoints = result.herViewDiffers.map { id in
            let need = builder.name(id)
            guard let position = result.herPriorities.firstIndex(of: id) else {
                return TalkingPoint(need: need, kind: .lynchpinNotNamed)
            }
            let rank = result.ranking.first { $0.need == id }?.rank
            let assessed = result.need(id)?.status == .assessed
            return TalkingPoint(need: need, kind: .sheNamesIt(position: position + 1, rank: rank, assessed: assessed))
        }
        self.strengths = result.strengths.filter { $0.status == .assessed }.map(builder.strength)
        self.advice = result.flags.map(builder.advice)
        var unknowns: [Unknown] = []
        for need in result.needs where need.status == .notAssessed {
            unknowns.append(
                Unknown(
                    subject: .need(builder.name(need.id)), missing: need.missingItems.map(builder.answer),
                    notAssessedScores: need.notAssessedScores.map(builder.name)))
        }
        for strength in result.strengths where strength.status == .notAssessed {
            unknowns.append(
                Unknown(
                    subject: .strength(builder.name(strength.id)), missing: strength.missingItems.map(builder.answer),
                    notAssessedScores: []))
        }
        for rule in result.unevaluated {
            unknowns.append(
                Unknown(
                    subject: builder.subject(of: rule), missing: rule.missingItems.map(builder.answer),
                    notAssessedScores: rule.notAssessedScores.map(builder.name)))
        }
        self.unknowns = unknowns
        self.needMeasures = result.needs.map { need in
            builder.measure(
                need.id, score: need.score, max: need.max, band: need.band,
                bands: instrument?.needs.first { $0.id == need.id }?.bands)
        }
        self.strengthMeasures = result.strengths.map { strength in
            builder.measure(
                strength.id, score: strength.score, max: strength.max, band: strength.band,
                bands: instrument?.strengths.first { $0.id == strength.id }?.bands)
        }
    }

    /// A band name in words: `moderately_severe` → `moderately severe`.
    public static func words(_ name: String) -> String { name.split(separator: "_").joined(separator: " ") }
}

extension Report {
    /// Looks things up in the result (and the instrument, when given) to build the report's parts.
    private struct Builder {
        let result: AssessmentResult
        let instrument: Instrument?
        let language: String
        let items: [String: Item]
        let answers: [String: ItemAnswer]

        init(result: AssessmentResult, instrument: Instrument?, language: String?) {
            self.result = result
            self.instrument = instrument
            self.language = language ?? instrument?.language ?? ""
            self.items = Dictionary(
                (instrument?.items ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            self.answers = Dictionary(result.answers.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        }

        /// `text` in the report's language, falling back to the instrument's.
        func text(_ text: LocalizedText) -> String {
            text.resolve(language, fallback: instrument?.language ?? language)
        }

        func name(_ id: String) -> Name {
            let given =
                instrument?.needs.first { $0.id == id }?.title ?? instrument?.strengths.first { $0.id == id }?.title
            return Name(id: id, title: given.map(text) ?? result.need(id)?.title ?? result.strength(id)?.title ?? id)
        }

        func action(of alert: SafeguardingAlert) -> String {
            instrument?.safeguarding.first { $0.id == alert.id }.map { text($0.action) } ?? alert.action
        }

        func measure(_ id: String, score: Double?, max: Double?, band: String?, bands: [Band]?) -> Measure {
            Measure(
                name: name(id), score: score, max: max, band: band.map(Report.words),
                level: band.flatMap { band in bands?.firstIndex { $0.name == band } }, levels: bands?.count ?? 0,
                bounds: (bands ?? []).dropFirst().map(\.lowerBound))
        }

        func answer(_ id: String) -> Answer {
            answer(answers[id] ?? ItemAnswer(item: id, state: "unanswered", value: nil))
        }

        func answer(_ given: ItemAnswer) -> Answer {
            let item = items[given.item]
            return Answer(
                item: given.item, prompt: item.map { text($0.prompt) }, state: given.state,
                value: given.value, labels: item.map { labels(given, of: $0) } ?? [])
        }

        /// The labels of the options chosen (or the value itself for yes/no and numbers).
        private func labels(_ given: ItemAnswer, of item: Item) -> [String] {
            guard given.state == "answered", let value = given.value else { return [] }
            switch item.type {
            case .choice, .scale, .multiChoice:
                return value.split(separator: ";").map { code in
                    item.options.first { $0.code == code }.map { text($0.label) } ?? String(code)
                }
            case .yesNo, .number, .text, .date:
                return [value]
            }
        }

        func strength(_ strength: StrengthResult) -> Strength {
            let first = instrument?.strengths.first { $0.id == strength.id }?.bands.first?.name
            return Strength(
                name: name(strength.id), band: strength.band.map(Report.words),
                present: strength.band != nil && strength.band != first, supports: strength.supports.map(name))
        }

        func strength(_ id: String) -> Strength? {
            result.strength(id).flatMap { $0.status == .assessed ? strength($0) : nil }
        }

        func advice(_ flag: ResponsivityFlag) -> Advice {
            let advice = instrument?.responsivity.first { $0.id == flag.id }.map { text($0.advice) } ?? flag.advice
            return Advice(id: flag.id, advice: advice, supports: flag.supports.map(name))
        }

        func need(_ id: String) -> Need {
            let need = result.need(id)
            let ranked = result.ranking.first { $0.need == id }
            return Need(
                name: name(id), rank: ranked?.rank, band: need?.band.map(Report.words), score: need?.score,
                max: need?.max ?? 0, prorated: need?.prorated ?? false,
                missing: (need?.missingItems ?? []).map(answer), influence: ranked?.influence,
                severity: need?.severity, tier0: need?.tier0 ?? false,
                noDriverEvidence: ranked?.noDriverEvidence ?? false,
                herPriority: result.herPriorities.firstIndex(of: id).map { $0 + 1 },
                reasons: (ranked?.reasons ?? []).map(reason),
                strengths: (need?.strengths ?? []).compactMap(strength),
                advice: result.flags.filter { $0.supports.contains(id) }.map(advice))
        }

        func reason(_ reason: InfluenceReason) -> Reason {
            Reason(
                reaches: name(reason.reaches), via: reason.path.dropLast().map { name($0.to) },
                contribution: reason.contribution,
                steps: reason.path.map(step))
        }

        func step(_ step: DriverStep) -> Step {
            let driver = instrument?.drivers.first {
                $0.from == step.from && $0.to == step.to && $0.weight == step.weight
            }
            return Step(
                from: name(step.from), to: name(step.to), weight: step.weight,
                because: driver.map { text($0.because) } ?? step.because,
                answers: step.answers.map(answer))
        }

        func subject(of rule: UnevaluatedRule) -> Unknown.Subject {
            switch rule.kind {
            case .urgentIf:
                return .urgent(name(rule.id))
            case .safeguarding:
                let action = instrument?.safeguarding.first { $0.id == rule.id }.map { text($0.action) } ?? ""
                return .safeguarding(id: rule.id, action: action)
            case .responsivity:
                let advice = instrument?.responsivity.first { $0.id == rule.id }.map { text($0.advice) } ?? ""
                return .responsivity(id: rule.id, advice: advice)
            }
        }
    }
}
