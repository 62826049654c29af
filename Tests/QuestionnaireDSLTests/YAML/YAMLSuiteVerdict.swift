@testable import QuestionnaireDSL

/// How the reader can part from the YAML test suite on one case.
enum YAMLSuiteDeviation: String, Sendable {
    /// libyaml reports a syntax error on input the suite says is valid.
    case rejectsValid
    /// libyaml reads valid input but its events differ from `test.event`.
    case differentEvents
    /// The reader refuses valid input with a code that is not a documented limit.
    case refusesValid
    /// The reader accepts input the suite says is invalid.
    case acceptsInvalid
}

/// What the reader did with one suite case.
struct YAMLSuiteVerdict: Sendable {
    /// Nil when the reader behaved as the suite requires.
    var deviation: YAMLSuiteDeviation?
    /// What happened, for failure messages.
    var detail: String
    /// For a conforming valid case, the diagnostic codes that refused it (documented limits).
    var limitCodes: Set<DiagnosticCode> = []
    /// For a conforming error case, true when libyaml itself rejects the input; false when
    /// only one of the reader's own rules (one document, not empty) refused it.
    var caughtByLibYAML = false

    /// The codes a valid document may be refused with: what an instrument file does not
    /// allow, although YAML does. `yaml-syntax` is never among them.
    static let documentedLimits: Set<DiagnosticCode> = [.yamlMultipleDocuments, .yamlComplexKey, .yamlEmpty]

    /// Runs `events` and `read` over the case and compares with what the suite expects.
    static func judge(_ suiteCase: YAMLSuiteCase) -> YAMLSuiteVerdict {
        let source = SourceFile(name: "in.yaml", bytes: suiteCase.input)
        return suiteCase.isError ? judgeInvalid(source) : judgeValid(source, expected: suiteCase.expectedEvents)
    }

    private static func judgeValid(_ source: SourceFile, expected: [String]) -> YAMLSuiteVerdict {
        let events: [YAMLEvent]
        switch YAMLReader.events(source) {
        case .failure(let error):
            return YAMLSuiteVerdict(
                deviation: .rejectsValid, detail: "libyaml: \(error.location): \(error.problem)")
        case .success(let list):
            events = list
        }
        let actual = events.map(\.testEventLine)
        if actual != expected {
            let index = zip(actual, expected).prefix { $0 == $1 }.count
            let got = index < actual.count ? actual[index] : "(end)"
            let want = index < expected.count ? expected[index] : "(end)"
            return YAMLSuiteVerdict(
                deviation: .differentEvents, detail: "event \(index + 1): got '\(got)', expected '\(want)'")
        }
        let (_, diagnostics) = YAMLReader().read(source)
        let errors = diagnostics.filter { $0.severity == .error }
        let codes = Set(errors.map(\.code))
        if !codes.isSubset(of: documentedLimits) || errors.contains(where: { $0.location == nil }) {
            return YAMLSuiteVerdict(
                deviation: .refusesValid, detail: errors.map(\.description).joined(separator: "; "))
        }
        return YAMLSuiteVerdict(deviation: nil, detail: "read", limitCodes: codes)
    }

    private static func judgeInvalid(_ source: SourceFile) -> YAMLSuiteVerdict {
        let (_, diagnostics) = YAMLReader().read(source)
        let errors = diagnostics.filter { $0.severity == .error && $0.location != nil }
        guard let first = errors.first else {
            return YAMLSuiteVerdict(deviation: .acceptsInvalid, detail: "no located error diagnostic")
        }
        let caught = if case .failure = YAMLReader.events(source) { true } else { false }
        return YAMLSuiteVerdict(deviation: nil, detail: first.description, caughtByLibYAML: caught)
    }
}
