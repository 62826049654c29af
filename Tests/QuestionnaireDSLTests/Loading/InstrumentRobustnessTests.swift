import Foundation
import Testing

@testable import QuestionnaireDSL

/// Damaged instruments must never crash the loader, the compiler or the lints: every check
/// ends in a compiled instrument or located diagnostics. Seeded, so failures repeat.
@Suite struct InstrumentRobustnessTests {
    /// The shipped instruments and every diagnostic fixture: near-valid files whose
    /// damage reaches past the YAML reader into loading, expressions and lints.
    static let corpus: [[UInt8]] = {
        let folders = [Paths.root.appendingPathComponent("Instruments"), Paths.fixtures("diagnostics")]
        return folders.flatMap(Paths.yamlFiles).compactMap { FileManager.default.contents(atPath: $0.path) }
            .map { [UInt8]($0) }
    }()

    static let iterations = 400

    @Test func corpusHoldsTheInstrumentsAndFixtures() {
        #expect(Self.corpus.count >= DiagnosticCode.allCases.count + 2)
    }

    @Test(arguments: YAMLMutation.allCases)
    func damagedInstrumentsAreCheckedOrDiagnosed(_ mutation: YAMLMutation) {
        var rng = SeededGenerator(seed: 0xA55E_55 + UInt64(YAMLMutation.allCases.firstIndex(of: mutation)!))
        var problems: [String] = []
        var outcomes = (clean: 0, diagnosed: 0)
        for iteration in 0..<Self.iterations {
            let bytes = mutation.apply(to: Self.corpus.randomElement(using: &rng)!, using: &rng)
            let source = SourceFile(name: "fuzz.yaml", bytes: bytes)
            let diagnostics = InstrumentCheck.run(source, lints: Lints.all)
            if diagnostics.hasErrors { outcomes.diagnosed += 1 } else { outcomes.clean += 1 }
            for error in diagnostics where error.severity == .error && error.code != .yamlTooLarge {
                guard let location = error.location, location.line >= 1, location.column >= 1,
                    location.line <= source.lineCount + 1
                else {
                    problems.append("iteration \(iteration): badly located \(error)")
                    continue
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(outcomes.diagnosed > 0)
    }
}
