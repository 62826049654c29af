import Foundation
import Testing

@testable import QuestionnaireDSL

/// The docs quote real files and name real codes; these tests keep them from drifting.
@Suite struct DocumentationTests {
    static let docs = Paths.root.appendingPathComponent("docs")

    static func read(_ path: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func examplesValidateAndLintClean() throws {
        let examples = Paths.yamlFiles(in: Self.docs.appendingPathComponent("examples"))
            .filter { !$0.lastPathComponent.contains("mistake") }
        #expect(!examples.isEmpty)
        for url in examples {
            let source = SourceFile(name: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
            let diagnostics = InstrumentCheck.run(source, lints: Lints.all)
            #expect(diagnostics.isEmpty, "\(url.lastPathComponent): \(diagnostics)")
        }
    }

    @Test func theTutorialMistakeIsTheOneItDescribes() throws {
        let url = Self.docs.appendingPathComponent("examples/first-instrument-mistake.yaml")
        let source = SourceFile(name: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
        let codes = Set(InstrumentCheck.run(source, lints: Lints.validation).map(\.code))
        #expect(codes.contains(.unknownKey))
    }

    @Test func theFormatReferenceQuotesTheExampleExactly() throws {
        let reference = try Self.read("instrument-format.md")
        let example = try Self.read("examples/first-instrument.yaml")
        #expect(reference.contains("```yaml\n" + example))
    }

    @Test func theCatalogueExplainsEveryCode() throws {
        let catalogue = try Self.read("diagnostics.md")
        let headings = Set(
            catalogue.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) })
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !headings.contains($0) }
        #expect(missing.isEmpty, "codes missing from docs/diagnostics.md: \(missing)")
    }

    @Test func theCLIReferenceDocumentsEveryExitCode() throws {
        let reference = try Self.read("cli.md")
        for code in ["0", "1", "64", "66"] { #expect(reference.contains("| `\(code)` |"), "exit code \(code)") }
    }
}
