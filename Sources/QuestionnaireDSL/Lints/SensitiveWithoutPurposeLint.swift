/// A sensitive question must say why it is asked, so the worker can explain before asking
/// and she can decide whether to answer. An error, reported by `assess validate` too.
public struct SensitiveWithoutPurposeLint: Lint {
    public let code = DiagnosticCode.sensitiveWithoutPurpose

    public func check(_ input: LintInput) -> [Diagnostic] {
        input.instrument.items.filter { $0.sensitive && $0.purpose == nil }.map { item in
            input.diagnostic(
                code, "the sensitive question '\(item.id)' has no purpose", at: item.location,
                hint: "add 'purpose:' saying in plain words why it is asked and how the answer helps her")
        }
    }
}
