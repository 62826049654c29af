import Testing
@testable import QuestionnaireDSL

@Suite struct YAMLReaderSmokeTests {
    @Test func readsNestedNodesWithPositions() throws {
        let source = SourceFile(name: "t.yaml", text: "a:\n  - 'yes'\n  - no\n")
        let (node, diagnostics) = YAMLReader().read(source)
        #expect(diagnostics.isEmpty)
        guard case .mapping(let pairs)? = node?.kind, case .sequence(let items) = pairs[0].value.kind else {
            Issue.record("expected a mapping of a list"); return
        }
        #expect(items[0].style == .singleQuoted)
        #expect(items[0].start == SourceLocation(line: 2, column: 5))
        #expect(items[1].isPlainScalar)
    }
}
