import Foundation
import Testing

@testable import QuestionnaireDSL

/// One fixture per diagnostic code, in `Fixtures/diagnostics/CODE.yaml`. Its header says
/// what it must report: `# expect: CODE LINE:COLUMN, …` (or `CODE -` for no position), and
/// optionally `# limits: max-bytes N`. The whole check (load, compile, every lint) must
/// report exactly those errors and warnings, no more.
@Suite struct DiagnosticFixtureTests {
    static let folder = Paths.fixtures("diagnostics")

    struct Expected: Equatable, CustomStringConvertible {
        var code: String
        var place: String
        var description: String { "\(code) \(place)" }
    }

    @Test func everyCodeHasAFixture() {
        let names = Set(Paths.yamlFiles(in: Self.folder).map { $0.deletingPathExtension().lastPathComponent })
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !names.contains($0) }
        #expect(missing.isEmpty, "codes without a fixture: \(missing)")
        let unknown = names.filter { DiagnosticCode(rawValue: $0) == nil }
        #expect(unknown.isEmpty, "fixtures for no code: \(unknown)")
    }

    @Test(arguments: DiagnosticCode.allCases)
    func fixtureReportsItsCodeAtTheMarkedPlace(_ code: DiagnosticCode) throws {
        let url = Self.folder.appendingPathComponent("\(code.rawValue).yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let expected = try Self.expectations(in: text)
        #expect(expected.contains { $0.code == code.rawValue }, "the header must expect \(code.rawValue)")
        var limits = YAMLLimits.standard
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("# limits: max-bytes ") }) {
            limits.maxBytes = try #require(Int(line.dropFirst("# limits: max-bytes ".count)))
        }
        let source = SourceFile(name: url.lastPathComponent, text: text)
        let found = Self.check(source, limits: limits)
            .filter { $0.severity != .note }
            .map { Expected(code: $0.code.rawValue, place: $0.location.map(\.description) ?? "-") }
        #expect(found == expected)
    }

    /// The full check with the given reader limits.
    static func check(_ source: SourceFile, limits: YAMLLimits) -> [Diagnostic] {
        guard limits.maxBytes != YAMLLimits.standard.maxBytes else {
            return InstrumentCheck.run(source, lints: Lints.all)
        }
        return InstrumentLoader(limits: limits).load(source).1
    }

    static func expectations(in text: String) throws -> [Expected] {
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("# expect: ") })
        return line.dropFirst("# expect: ".count).split(separator: ",").map { entry in
            let parts = entry.split(separator: " ")
            return Expected(code: String(parts[0]), place: String(parts.count > 1 ? parts[1] : "-"))
        }
    }
}
