import Foundation
import QuestionnaireDSL

/// The whole engine in one call: answers → responses → scores → rules → ranking → result.
///
/// ```swift
/// let assessor = Assessor(compiled)
/// let (result, diagnostics) = assessor.assess(answers, priorities: priorities, at: Date())
/// ```
///
/// Answers with problems (see ``ResponseBuilder``) are left out and reported; the rest is
/// still scored, so the caller decides whether to use the result.
public struct Assessor: Sendable {
    /// The instrument assessed with.
    public let compiled: CompiledInstrument
    /// The instrument's identity, with the hash of its source bytes.
    public let identity: InstrumentIdentity
    private let builder: ResponseBuilder
    let scorer: Scorer
    let rules: RuleEvaluator
    let ranker: LynchpinRanker

    /// Creates an assessor for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
        self.identity = InstrumentIdentity(
            id: compiled.instrument.id, version: compiled.instrument.version, sha256: SHA256.hex(compiled.source.bytes))
        self.builder = ResponseBuilder(compiled)
        self.scorer = Scorer(compiled)
        self.rules = RuleEvaluator(compiled)
        self.ranker = LynchpinRanker(compiled)
    }

    /// Assesses `answers` with her `priorities` at `time`; `file` names the answers in diagnostics.
    public func assess(_ answers: [AnswerEntry], priorities: [String] = [], at time: Date, file: String = "answers")
        -> (AssessmentResult, [Diagnostic])
    {
        let (responses, diagnostics) = builder.build(answers, priorities: priorities, file: file)
        return (assess(responses, at: time), diagnostics)
    }

    /// Assesses `responses` (their score slots are computed here) at `time`; with
    /// `details: false` the result's per-item ``AssessmentResult/answers`` and the ranking's
    /// reasons are left empty, for callers such as batch scoring that never read them.
    public func assess(_ responses: Responses, at time: Date, details: Bool = true) -> AssessmentResult {
        run(responses, at: time, details: details).result
    }

    /// Assesses `answers` like ``assess(_:priorities:at:file:)``, keeping the working behind the result.
    public func run(_ answers: [AnswerEntry], priorities: [String] = [], at time: Date, file: String = "answers")
        -> (AssessmentRun, [Diagnostic])
    {
        let (responses, diagnostics) = builder.build(answers, priorities: priorities, file: file)
        return (run(responses, at: time), diagnostics)
    }

    /// Assesses `responses` like ``assess(_:at:details:)``, keeping the working behind the result.
    public func run(_ responses: Responses, at time: Date, details: Bool = true) -> AssessmentRun {
        var scored = responses
        scorer.score(&scored.slots)
        let outcomes = scorer.outcomes(scored.slots)
        let findings = rules.evaluate(scored.slots)
        let ranking = ranker.rank(scored, needs: outcomes.needs, tier0: findings.urgentNeeds, reasons: details)
        let instrument = compiled.instrument
        let language = instrument.language

        let answers =
            details
            ? compiled.items.enumerated().filter { !$1.identifying }.map { slot, item in
                ItemAnswer(item, slot: slot, in: scored)
            } : []
        let urgent = Set(findings.urgentNeeds)
        let needs = instrument.needs.enumerated().map { j, need in
            let outcome = outcomes.needs[j]
            return NeedResult(
                id: need.id, title: need.title.text(in: language), target: need.target, status: outcome.status,
                score: outcome.score, max: need.max, band: outcome.band.map { need.bands[$0].name },
                present: outcome.isPresent, severity: outcome.score.map { need.max > 0 ? $0 / need.max : 0 },
                prorated: outcome.prorated, missingItems: outcome.missingItems,
                notAssessedScores: outcome.notAssessedScores, tier0: urgent.contains(j),
                strengths: instrument.strengths.filter { $0.supports.contains(need.id) }.map(\.id),
                flags: findings.flags.filter { $0.supports.contains(need.id) }.map(\.id))
        }
        let strengths = instrument.strengths.enumerated().map { k, strength in
            let outcome = outcomes.strengths[k]
            return StrengthResult(
                id: strength.id, title: strength.title.text(in: language), status: outcome.status, score: outcome.score,
                max: strength.max, band: outcome.band.map { strength.bands[$0].name }, prorated: outcome.prorated,
                missingItems: outcome.missingItems, supports: strength.supports)
        }
        let result = AssessmentResult(
            instrument: identity, engineVersion: AssessmentEngineVersion.current,
            assessedAt: AssessmentResult.timestamp(time), answers: answers, needs: needs, strengths: strengths,
            tier0: findings.urgentNeeds.map { instrument.needs[$0].id }, safeguarding: findings.safeguarding,
            flags: findings.flags, unevaluated: findings.unevaluated, ranking: ranking.ranked,
            lynchpins: ranking.lynchpins, herPriorities: ranking.herPriorities, herViewDiffers: ranking.herViewDiffers)
        return AssessmentRun(result: result, responses: scored, findings: findings, ranking: ranking)
    }
}
