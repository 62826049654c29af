import Testing

@testable import QuestionnaireDSL

/// Damaged input must never crash or hang the reader: every read ends with a node or with
/// diagnostics, and every error is located. The damage is random but seeded, so a failure
/// can be repeated; a crash kills the test process, which is the point.
@Suite struct YAMLRobustnessTests {
    /// A small instrument in the shape the loader will read.
    static let instrument = """
        instrument:
          id: phq-9
          title: "Patient Health Questionnaire"
          language: en
        items:
          - id: interest
            prompt: 'Little interest or pleasure in doing things?'
            options: &frequency [not_at_all, several_days, more_than_half, nearly_every_day]
          - id: mood
            prompt: >
              Feeling down, depressed,
              or hopeless?
            options: *frequency
            show_if: interest != 'not_at_all'
        scores:
          total: {sum: [interest, mood], bands: [{from: 0, code: low}, {from: 5, code: high}]}
        notes: |
          Free text with é, 日本語 and 🙂.

        """

    /// The undamaged inputs: the instrument and every file of the YAML test suite.
    static let corpus: [[UInt8]] = [Array(instrument.utf8)] + YAMLTestSuite.cases.map(\.input)

    /// Iterations per mutation; seven mutations make a few thousand reads in all.
    static let iterations = 500

    @Test func corpusIsComplete() {
        #expect(Self.corpus.count == YAMLTestSuiteTests.expectedCaseCount + 1)
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "phq-9.yaml", text: Self.instrument))
        #expect(node != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: YAMLMutation.allCases)
    func damagedInputIsReadOrDiagnosed(_ mutation: YAMLMutation) {
        let clock = ContinuousClock()
        var rng = SeededGenerator(seed: 0x5EED_0000 + UInt64(YAMLMutation.allCases.firstIndex(of: mutation)!))
        var problems: [String] = []
        var slowest = Duration.zero
        var outcomes = (nodes: 0, refusals: 0)
        for iteration in 0..<Self.iterations {
            let base = Self.corpus.randomElement(using: &rng)!
            let bytes = mutation.apply(to: base, using: &rng)
            let source = SourceFile(name: "fuzz.yaml", bytes: bytes)
            var result: (YAMLNode?, [Diagnostic]) = (nil, [])
            slowest = max(slowest, clock.measure { result = YAMLReader().read(source) })
            let (node, diagnostics) = result
            if node == nil { outcomes.refusals += 1 } else { outcomes.nodes += 1 }
            var problem = Self.problem(node: node, diagnostics: diagnostics, source: source)
            // The raw event stream goes through the same parser, with no limits but size.
            if case .failure(let error) = YAMLReader.events(source), !Self.isInside(error.location, source) {
                problem = "events: location outside the file: \(error.location) \(error.problem)"
            }
            if let problem {
                problems.append("iteration \(iteration): \(problem)\n  input: \(String(reflecting: source.text))")
            }
        }
        #expect(problems.isEmpty, "\(problems.count) bad reads; first: \(problems.prefix(3).joined(separator: "\n"))")
        #expect(slowest < .seconds(1))
        // The damage must refuse some inputs, or it tests little; truncating and copying
        // slices must also leave some readable, or the seeds only ever test refusals.
        #expect(outcomes.refusals > 0)
        if mutation == .truncate || mutation == .duplicateSlice { #expect(outcomes.nodes > 0) }
    }

    /// What is wrong with one read, or nil when it kept its promises.
    private static func problem(node: YAMLNode?, diagnostics: [Diagnostic], source: SourceFile) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }
        if node == nil, errors.isEmpty {
            return "no node and no error"
        }
        for error in errors where error.code != .yamlTooLarge {
            guard let location = error.location else { return "unlocated: \(error)" }
            guard isInside(location, source) else { return "location outside the file: \(error)" }
        }
        return nil
    }

    /// True when `location` is on a line of the file, on one of its characters or just past
    /// the last. Characters are counted as the reader counts them: a final "\r" and each
    /// byte that is not UTF-8 count as one; a byte order mark does not.
    private static func isInside(_ location: Location, _ source: SourceFile) -> Bool {
        var lineLengths = source.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { line in line.count { $0 & 0xC0 != 0x80 } }
        if source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineLengths[0] -= 1 }
        return location.line >= 1 && location.line <= lineLengths.count
            && location.column >= 1 && location.column <= lineLengths[location.line - 1] + 1
    }
}
