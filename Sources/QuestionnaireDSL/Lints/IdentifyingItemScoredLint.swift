/// Identifying answers (a name, a date of birth) must never shape a score, a rule or a
/// driver: they are kept out of batch output, so scoring that used them could not be
/// reproduced, and judging a person by who she is has no place in an assessment.
public struct IdentifyingItemScoredLint: Lint {
    public let code = DiagnosticCode.identifyingItemScored

    public func check(_ input: LintInput) -> [Diagnostic] {
        guard let compiled = input.compiled else { return [] }
        let identifying = Set(compiled.items.filter(\.identifying).map(\.id))
        guard !identifying.isEmpty else { return [] }
        return compiled.expressionUses.filter { $0.role != .showIf }.flatMap { use in
            use.expression.referencedItems.filter(identifying.contains).map { id in
                input.diagnostic(
                    code, "the identifying question '\(id)' is used in \(use.owner)", at: use.source.start,
                    hint: "remove '\(id)' from this expression; identifying answers never reach results")
            }
        }
    }
}
