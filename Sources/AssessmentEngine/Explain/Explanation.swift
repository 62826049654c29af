import Foundation
import QuestionnaireDSL

/// The full trace of how one assessment came about: every score with its arithmetic and
/// band, every rule with its answers and outcome, every driver edge and why it is or is
/// not in the graph, and the ranking with each influence summed and each tie broken.
///
/// ```swift
/// let (explanation, diagnostics) = Explainer(compiled).explain(answers, priorities: priorities)
/// let relationships = explanation.focused(on: "relationships")
/// print(ExplanationReport(relationships).render())
/// ```
///
/// Built by ``Explainer`` from the same steps as ``Assessor``, so its numbers are the
/// result's numbers. Plain data: rendering is ``ExplanationReport``'s job.
public struct Explanation: Sendable, Hashable, Codable {
    /// The instrument explained with.
    public var instrument: InstrumentIdentity
    /// The instrument's title.
    public var title: String
    /// The need the trace is limited to (see ``focused(on:)``); nil for the whole trace.
    public var focus: String?
    /// Every need, then every strength, in instrument order.
    public var scores: [ScoreTrace]
    /// Safeguarding rules, responsivity rules, then `urgent_if`, each in instrument order.
    public var rules: [RuleTrace]
    /// Every driver, in instrument order.
    public var drivers: [DriverTrace]
    /// How the present needs were ranked.
    public var ranking: RankingTrace

    /// Creates an explanation from its parts.
    public init(
        instrument: InstrumentIdentity, title: String, focus: String? = nil, scores: [ScoreTrace], rules: [RuleTrace],
        drivers: [DriverTrace], ranking: RankingTrace
    ) {
        self.instrument = instrument
        self.title = title
        self.focus = focus
        self.scores = scores
        self.rules = rules
        self.drivers = drivers
        self.ranking = ranking
    }
}

extension Explanation {
    /// The explanation as JSON, written like results (sorted keys, snake_case names).
    public func jsonString() throws -> String {
        String(decoding: try AssessmentResult.encoder().encode(self), as: UTF8.self)
    }
}

/// One item an expression refers to, with what it held.
public struct ItemTrace: Sendable, Hashable, Codable {
    /// The item's id.
    public var item: String
    /// `answered`, `declined`, `dont_know`, `unanswered` or `not_applicable` (hidden by `show_if`).
    public var state: String
    /// The answer in words (an option code, `yes`/`no`, a number, codes joined by `;`);
    /// nil when not answered, and for identifying items, which are never shown.
    public var value: String?
    /// The number arithmetic reads (yes/no as 1 or 0, an option's value, a number); nil
    /// when not answered and for multi_choice, text and date items.
    public var number: Double?
    /// For an answered multi_choice item, the codes chosen (perhaps none); else nil.
    public var chosen: [String]?

    /// Creates an item trace.
    public init(item: String, state: String, value: String?, number: Double?, chosen: [String]? = nil) {
        self.item = item
        self.state = state
        self.value = value
        self.number = number
        self.chosen = chosen
    }

    /// True when declined, don't know or unanswered: missing, never read as 0.
    public var isMissing: Bool { state == "declined" || state == "dont_know" || state == "unanswered" }
}

/// A need's or strength's score used by an expression through `score()` or `band()`.
public struct ScoreUse: Sendable, Hashable, Codable {
    /// The need's or strength's id.
    public var id: String
    /// Assessed or not assessed.
    public var status: ScoreOutcome.Status
    /// Its score; nil when not assessed.
    public var score: Double?
    /// Its band; nil when not assessed.
    public var band: String?

    /// Creates a score use.
    public init(id: String, status: ScoreOutcome.Status, score: Double?, band: String?) {
        self.id = id
        self.status = status
        self.score = score
        self.band = band
    }
}

/// A band's name and inclusive lower bound.
public struct BandTrace: Sendable, Hashable, Codable {
    /// The band's name.
    public var name: String
    /// Its inclusive lower bound.
    public var lowerBound: Double

    /// Creates a band trace.
    public init(name: String, lowerBound: Double) {
        self.name = name
        self.lowerBound = lowerBound
    }
}

/// The arithmetic of a prorated score: the expression with missing items read as 0,
/// × applicable referenced items ÷ answered ones, unrounded, capped at `max`.
public struct Proration: Sendable, Hashable, Codable {
    /// The expression's value with the missing items read as 0.
    public var readAsZero: Double
    /// The referenced items that apply (not hidden by `show_if`).
    public var applicable: Int
    /// The applicable items that were answered.
    public var answered: Int
    /// readAsZero × applicable ÷ answered, before the cap.
    public var prorated: Double
    /// The cap (the score's `max`), when there is one.
    public var cap: Double?
    /// True when the cap lowered the score.
    public var capped: Bool

    /// Creates a proration.
    public init(readAsZero: Double, applicable: Int, answered: Int, prorated: Double, cap: Double?, capped: Bool) {
        self.readAsZero = readAsZero
        self.applicable = applicable
        self.answered = answered
        self.prorated = prorated
        self.cap = cap
        self.capped = capped
    }
}

/// How one need's or strength's score, band and presence came about.
public struct ScoreTrace: Sendable, Hashable, Codable {
    /// A need or a strength.
    public enum Kind: String, Sendable, Hashable, Codable {
        case need, strength
    }

    /// Why a score could not be given.
    public enum NotAssessedReason: String, Sendable, Hashable, Codable {
        /// More items are missing than `max_declined` allows.
        case tooManyMissing = "too_many_missing"
        /// Some items are missing and none of the applicable ones was answered.
        case nothingAnswered = "nothing_answered"
        /// The expression has no value: it uses a score that was not assessed, divides by 0,
        /// or does not give a finite number.
        case noValue = "no_value"
    }

    /// Need or strength.
    public var kind: Kind
    /// Its id.
    public var id: String
    /// Its name.
    public var title: String
    /// The score expression as written.
    public var expression: String
    /// Each item the expression refers to, in the order it names them.
    public var items: [ItemTrace]
    /// Each score the expression uses through `score()` or `band()`.
    public var scoresUsed: [ScoreUse]
    /// Referenced items that apply (not hidden).
    public var applicable: Int
    /// Applicable items answered.
    public var answered: Int
    /// Applicable items missing (declined, don't know, unanswered).
    public var missing: Int
    /// How many missing items its `missing` policy tolerates.
    public var maxDeclined: Int
    /// The prorating arithmetic, when some items were missing and it was used.
    public var proration: Proration?
    /// Why there is no score, when not assessed.
    public var notAssessedBecause: NotAssessedReason?
    /// Assessed or not assessed.
    public var status: ScoreOutcome.Status
    /// The score, unrounded; nil when not assessed.
    public var score: Double?
    /// The highest possible score (always for needs; for strengths when given).
    public var max: Double?
    /// The bands, lowest first.
    public var bands: [BandTrace]
    /// The index of the band the score falls in; nil when not assessed.
    public var bandIndex: Int?
    /// For a need: present when assessed and its band is above the first; nil for strengths.
    public var present: Bool?
    /// For a need: score ÷ max; nil when not assessed and for strengths.
    public var severity: Double?

    /// The band's name; nil when not assessed.
    public var band: String? { bandIndex.map { bands[$0].name } }

    /// Creates a score trace.
    public init(
        kind: Kind, id: String, title: String, expression: String, items: [ItemTrace], scoresUsed: [ScoreUse],
        applicable: Int, answered: Int, missing: Int, maxDeclined: Int, proration: Proration?,
        notAssessedBecause: NotAssessedReason?, status: ScoreOutcome.Status, score: Double?, max: Double?,
        bands: [BandTrace], bandIndex: Int?, present: Bool?, severity: Double?
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.expression = expression
        self.items = items
        self.scoresUsed = scoresUsed
        self.applicable = applicable
        self.answered = answered
        self.missing = missing
        self.maxDeclined = maxDeclined
        self.proration = proration
        self.notAssessedBecause = notAssessedBecause
        self.status = status
        self.score = score
        self.max = max
        self.bands = bands
        self.bandIndex = bandIndex
        self.present = present
        self.severity = severity
    }
}

/// How one rule's condition came out.
public struct RuleTrace: Sendable, Hashable, Codable {
    /// True, false or missing, in three-valued logic.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The condition holds: the alert is raised, the flag set, the need put in tier 0.
        case fired
        /// The condition is false.
        case silent
        /// The condition is missing: it depends on answers or scores that are missing.
        case unevaluated
    }

    /// Safeguarding, responsivity or urgent_if.
    public var kind: RuleKind
    /// The rule's id; for `urgent_if`, the need's id.
    public var id: String
    /// The condition as written.
    public var condition: String
    /// Each item the condition refers to.
    public var items: [ItemTrace]
    /// Each score it uses through `score()` or `band()`.
    public var scoresUsed: [ScoreUse]
    /// Fired, silent or could not be evaluated.
    public var outcome: Outcome
    /// The needs it names: its own need (urgent_if), its `supports`, and needs whose score it uses.
    public var needs: [String]
    /// Its action (safeguarding) or advice (responsivity); empty for urgent_if.
    public var text: String

    /// Creates a rule trace.
    public init(
        kind: RuleKind, id: String, condition: String, items: [ItemTrace], scoresUsed: [ScoreUse], outcome: Outcome,
        needs: [String], text: String
    ) {
        self.kind = kind
        self.id = id
        self.condition = condition
        self.items = items
        self.scoresUsed = scoresUsed
        self.outcome = outcome
        self.needs = needs
        self.text = text
    }
}

/// Whether one driver gave an edge of the graph, and why.
public struct DriverTrace: Sendable, Hashable, Codable {
    /// What the driver's `when` gave.
    public enum Condition: String, Sendable, Hashable, Codable {
        /// It has no `when`: always active.
        case always
        /// Its `when` holds.
        case holds
        /// Its `when` is false.
        case isFalse = "false"
        /// Its `when` is missing (it depends on missing answers): not active.
        case unknown
    }

    /// Why the edge is or is not in the graph.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Active between two present needs: an edge of the graph.
        case inGraph = "in_graph"
        /// Its `when` is false.
        case conditionFalse = "condition_false"
        /// Its `when` could not be evaluated.
        case conditionUnknown = "condition_unknown"
        /// Active, but one or both needs are not present.
        case needNotPresent = "need_not_present"
        /// Active, but a heavier (or earlier, equally heavy) driver between the same needs is used.
        case parallelEdgeUsed = "parallel_edge_used"
    }

    /// Its position among the instrument's drivers, from 0.
    public var index: Int
    /// The driving need.
    public var from: String
    /// The driven need.
    public var to: String
    /// Its weight.
    public var weight: Double
    /// Its `when` as written; nil when it has none.
    public var condition: String?
    /// Each item its `when` refers to.
    public var items: [ItemTrace]
    /// Each score its `when` uses.
    public var scoresUsed: [ScoreUse]
    /// What the `when` gave.
    public var conditionValue: Condition
    /// True when `from` is present.
    public var fromPresent: Bool
    /// True when `to` is present.
    public var toPresent: Bool
    /// In the graph or, if not, why not.
    public var status: Status
    /// For ``Status/parallelEdgeUsed``: the index of the driver used instead.
    public var usedInstead: Int?
    /// The reason in plain words.
    public var because: String

    /// Creates a driver trace.
    public init(
        index: Int, from: String, to: String, weight: Double, condition: String?, items: [ItemTrace],
        scoresUsed: [ScoreUse], conditionValue: Condition, fromPresent: Bool, toPresent: Bool, status: Status,
        usedInstead: Int?, because: String
    ) {
        self.index = index
        self.from = from
        self.to = to
        self.weight = weight
        self.condition = condition
        self.items = items
        self.scoresUsed = scoresUsed
        self.conditionValue = conditionValue
        self.fromPresent = fromPresent
        self.toPresent = toPresent
        self.status = status
        self.usedInstead = usedInstead
        self.because = because
    }
}

/// How two needs with the same rounded influence were put in order.
public struct TieBreak: Sendable, Hashable, Codable {
    /// The rule that decided.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// She names one of them earlier among her priorities (named needs first).
        case herPriority = "her_priority"
        /// One has the higher severity (rounded the same way).
        case severity
        /// The one written first in the instrument.
        case instrumentOrder = "instrument_order"
    }

    /// The other need of the tie.
    public var other: String
    /// True when the other need ranks above this one.
    public var otherFirst: Bool
    /// The rule that decided.
    public var decidedBy: Rule

    /// Creates a tie break.
    public init(other: String, otherFirst: Bool, decidedBy: Rule) {
        self.other = other
        self.otherFirst = otherFirst
        self.decidedBy = decidedBy
    }
}

/// How one present need's influence and place came about.
public struct RankTrace: Sendable, Hashable, Codable {
    /// The need.
    public var need: String
    /// Its place, from 1.
    public var rank: Int
    /// Its score.
    public var score: Double
    /// Its highest possible score.
    public var max: Double
    /// Its own severity: score ÷ max.
    public var severity: Double
    /// What each need it reaches adds: severity × the product of the weights along the strongest path.
    public var contributions: [InfluenceReason]
    /// severity + the sum of the contributions.
    public var influence: Double
    /// The influence rounded to ``LynchpinRanker/decimals`` decimals, as compared.
    public var rounded: Double
    /// Where she put it among her priorities, from 1.
    public var herPriority: Int?
    /// True when its `urgent_if` holds.
    public var tier0: Bool
    /// True for the lynch-pin and joint lynch-pins.
    public var lynchpin: Bool
    /// True for a lynch-pin that reaches no other need.
    public var noDriverEvidence: Bool
    /// The ties with the needs next to it (same rounded influence) and how each was broken.
    public var tieBreaks: [TieBreak]

    /// Creates a rank trace.
    public init(
        need: String, rank: Int, score: Double, max: Double, severity: Double, contributions: [InfluenceReason],
        influence: Double, rounded: Double, herPriority: Int?, tier0: Bool, lynchpin: Bool, noDriverEvidence: Bool,
        tieBreaks: [TieBreak]
    ) {
        self.need = need
        self.rank = rank
        self.score = score
        self.max = max
        self.severity = severity
        self.contributions = contributions
        self.influence = influence
        self.rounded = rounded
        self.herPriority = herPriority
        self.tier0 = tier0
        self.lynchpin = lynchpin
        self.noDriverEvidence = noDriverEvidence
        self.tieBreaks = tieBreaks
    }
}

/// A need left out of the ranking, and why.
public struct UnrankedNeed: Sendable, Hashable, Codable {
    /// Why a need is not ranked.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// It was assessed but its band is the first.
        case notPresent = "not_present"
        /// It was not assessed.
        case notAssessed = "not_assessed"
    }
    /// The need.
    public var need: String
    /// Why.
    public var reason: Reason
    /// Its band when assessed.
    public var band: String?

    /// Creates an entry.
    public init(need: String, reason: Reason, band: String?) {
        self.need = need
        self.reason = reason
        self.band = band
    }
}

/// How the present needs were ranked and the lynch-pin(s) chosen.
public struct RankingTrace: Sendable, Hashable, Codable {
    /// Influences and severities are compared after rounding to this many decimals.
    public var decimals: Int
    /// The share of the top influence a joint lynch-pin needs.
    public var jointShare: Double
    /// The present needs in rank order.
    public var entries: [RankTrace]
    /// The top-ranked need; nil when no need is present.
    public var top: String?
    /// The top need's rounded influence.
    public var topInfluence: Double?
    /// The rounded influence a joint lynch-pin needs: rounded(top × jointShare).
    public var threshold: Double?
    /// The needs not ranked, in instrument order.
    public var unranked: [UnrankedNeed]
    /// Her own priorities, most important first (they break ties).
    public var herPriorities: [String]

    /// Creates a ranking trace.
    public init(
        decimals: Int, jointShare: Double, entries: [RankTrace], top: String?, topInfluence: Double?,
        threshold: Double?, unranked: [UnrankedNeed], herPriorities: [String]
    ) {
        self.decimals = decimals
        self.jointShare = jointShare
        self.entries = entries
        self.top = top
        self.topInfluence = topInfluence
        self.threshold = threshold
        self.unranked = unranked
        self.herPriorities = herPriorities
    }
}
