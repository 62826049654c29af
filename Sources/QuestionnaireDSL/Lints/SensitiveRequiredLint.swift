/// Any sensitive question can be declined without penalty: `required: true` is never
/// allowed on one.
public struct SensitiveRequiredLint: Lint {
    public let code = DiagnosticCode.sensitiveRequired

    public func check(_ input: LintInput) -> [Diagnostic] {
        input.instrument.sections.flatMap { section in
            section.items.filter { $0.required && ($0.sensitive || section.sensitive) }.map { item in
                input.diagnostic(
                    code, "the sensitive question '\(item.id)' is required, so she could not decline it",
                    at: item.location, hint: "remove 'required: true'; she may always choose not to answer")
            }
        }
    }
}
