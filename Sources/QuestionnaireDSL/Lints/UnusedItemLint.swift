/// A question whose answer no need, strength, rule, driver or `show_if` uses is asked for
/// nothing: asking less is kinder. Identifying questions are exempt (they name the record).
public struct UnusedItemLint: Lint {
    public let code = DiagnosticCode.unusedItem

    public func check(_ input: LintInput) -> [Diagnostic] {
        guard let compiled = input.compiled else { return [] }
        let used = Set(compiled.expressionUses.flatMap(\.expression.referencedItems))
        return compiled.items.filter { !$0.identifying && !used.contains($0.id) }.map { item in
            input.diagnostic(
                code, "'\(item.id)' is asked but never used: why ask it?", at: item.location,
                hint: "use it in a score, rule, driver or show_if, or remove the question")
        }
    }
}
