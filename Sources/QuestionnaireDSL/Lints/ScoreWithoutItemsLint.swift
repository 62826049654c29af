/// A need or strength whose score uses no question is a constant: almost always a
/// mistake, and never an assessment of anything.
public struct ScoreWithoutItemsLint: Lint {
    public let code = DiagnosticCode.scoreWithoutItems

    public func check(_ input: LintInput) -> [Diagnostic] {
        guard let compiled = input.compiled else { return [] }
        let needs = zip(input.instrument.needs.map { ("need", $0.id, $0.score) }, compiled.needScores)
        let strengths = zip(input.instrument.strengths.map { ("strength", $0.id, $0.score) }, compiled.strengthScores)
        return (Array(needs) + Array(strengths)).filter {
            $0.1.referencedItems.isEmpty && $0.1.referencedScores.isEmpty
        }
        .map { owner, _ in
            input.diagnostic(
                code, "the score of the \(owner.0) '\(owner.1)' uses no question", at: owner.2.start,
                hint: "base the score on the answers that show this \(owner.0)")
        }
    }
}
