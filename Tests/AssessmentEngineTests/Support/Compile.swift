import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

/// Small instruments written inline for tests, and the steps of scoring them.
enum Fixture {
    /// The standard header; `body` follows it.
    static func instrument(_ body: String) -> String {
        """
        instrument:
          id: example
          version: 1.0.0
          title: Example
          language: en-GB
        \(body)
        """
    }

    /// The standard header and one section, `s`, holding `items` (each a YAML flow mapping);
    /// `rest` (needs, rules, drivers) follows it.
    static func oneSection(_ items: [String], _ rest: String) -> String {
        instrument(
            "sections:\n  - id: s\n    title: S\n    items:\n" + items.map { "      - \($0)\n" }.joined() + rest)
    }

    /// Compiles YAML text, failing the test on any error.
    static func compile(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> CompiledInstrument
    {
        let (compiled, diagnostics) = InstrumentLoader().compile(SourceFile(name: "t.yaml", text: text))
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)", sourceLocation: sourceLocation)
        return try #require(compiled, sourceLocation: sourceLocation)
    }

    /// Answers as entries, in the order given.
    static func answers(_ pairs: KeyValuePairs<String, AnswerValue>) -> [AnswerEntry] {
        pairs.enumerated().map { i, pair in
            AnswerEntry(item: pair.key, value: pair.value, location: .init(line: i + 1, column: 1))
        }
    }

    /// Reads an answers document (YAML text) the way `assess score` does.
    static func readAnswers(_ text: String, for compiled: CompiledInstrument) -> ([AnswerEntry], [String]) {
        let (answers, priorities, diagnostics) = AnswerReader(instrument: compiled.instrument)
            .read(SourceFile(name: "answers.yaml", text: text))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return (answers, priorities)
    }

    /// Builds the responses and scores them, failing the test on answer diagnostics.
    static func scored(
        _ compiled: CompiledInstrument, _ answers: [AnswerEntry],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Responses {
        let (responses, diagnostics) = ResponseBuilder(compiled).build(answers)
        #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
        var scored = responses
        Scorer(compiled).score(&scored.slots)
        return scored
    }

    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A shipped instrument, compiled.
    static func shipped(_ name: String) throws -> CompiledInstrument {
        let path = root.appendingPathComponent("Instruments").appendingPathComponent(name).path
        let source = try SourceFile.read(path: path)
        let (compiled, diagnostics) = InstrumentLoader().compile(source)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(compiled)
    }
}
