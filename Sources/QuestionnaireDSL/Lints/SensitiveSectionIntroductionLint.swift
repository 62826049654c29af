/// A section of personal or painful questions opens with an introduction, so she knows
/// what is coming and that she can skip any of it.
public struct SensitiveSectionIntroductionLint: Lint {
    public let code = DiagnosticCode.sensitiveSectionWithoutIntroduction

    public func check(_ input: LintInput) -> [Diagnostic] {
        input.instrument.sections.filter { $0.sensitive && $0.introduction == nil }.map { section in
            input.diagnostic(
                code, "the sensitive section '\(section.id)' has no introduction", at: section.location,
                hint: "add 'introduction:' saying what the questions are about and that any can be left")
        }
    }
}
