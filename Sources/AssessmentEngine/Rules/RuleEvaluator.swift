import QuestionnaireDSL

/// Evaluates safeguarding rules, responsivity rules and `urgent_if` over scored slots, in
/// three-valued logic.
///
/// A condition that is true fires (or raises a flag, or puts its need in tier 0); false is
/// silent; missing (it depends on a declined, don't-know or unanswered item, or on a score
/// that was not assessed) is listed as "could not be evaluated" with what is missing, never
/// read as false.
public struct RuleEvaluator: Sendable {
    /// The instrument whose rules are evaluated.
    public let compiled: CompiledInstrument

    /// Creates an evaluator for `compiled`.
    public init(_ compiled: CompiledInstrument) {
        self.compiled = compiled
    }

    /// The findings for `slots`, which must already be scored (see ``Scorer``).
    public func evaluate(_ slots: [AnswerSlot]) -> RuleFindings {
        let instrument = compiled.instrument
        let language = instrument.language
        var findings = RuleFindings()
        slots.withUnsafeBufferPointer { read in
            for (i, rule) in instrument.safeguarding.enumerated() {
                switch compiled.safeguarding[i].boolean(read) {
                case true?:
                    findings.safeguarding.append(SafeguardingAlert(id: rule.id, action: rule.action.text(in: language)))
                case false?: break
                case nil:
                    findings.unevaluated.append(unevaluated(rule.id, .safeguarding, compiled.safeguarding[i], slots))
                }
            }
            for (i, rule) in instrument.responsivity.enumerated() {
                switch compiled.responsivity[i].boolean(read) {
                case true?:
                    findings.flags.append(
                        ResponsivityFlag(id: rule.id, advice: rule.advice.text(in: language), supports: rule.supports))
                case false?: break
                case nil:
                    findings.unevaluated.append(unevaluated(rule.id, .responsivity, compiled.responsivity[i], slots))
                }
            }
            for (j, need) in instrument.needs.enumerated() {
                guard let condition = compiled.urgentIf[j] else { continue }
                switch condition.boolean(read) {
                case true?: findings.urgentNeeds.append(j)
                case false?: break
                case nil: findings.unevaluated.append(unevaluated(need.id, .urgentIf, condition, slots))
                }
            }
        }
        return findings
    }

    private func unevaluated(_ id: String, _ kind: RuleKind, _ expression: CompiledExpression, _ slots: [AnswerSlot])
        -> UnevaluatedRule
    {
        UnevaluatedRule(
            id: id, kind: kind, missingItems: MissingAnswers.items(of: expression, in: slots),
            notAssessedScores: MissingAnswers.scores(of: expression, in: slots, compiled: compiled))
    }
}
