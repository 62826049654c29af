import Testing

@testable import QuestionnaireDSL

@Suite struct ScalarPositionTests {
    static func scalar(_ yaml: String) throws -> (ScalarSource, SourceFile) {
        let file = SourceFile(name: "t.yaml", text: yaml)
        let node = try #require(YAMLReader().read(file).0)
        guard case .mapping(let pairs) = node.kind, let value = pairs.first?.value, let text = value.scalar else {
            throw PositionError()
        }
        return (ScalarSource(text: text, start: value.start, end: value.end, style: value.style ?? .plain), file)
    }

    struct PositionError: Error {}

    @Test(arguments: [
        // (yaml, offset into the value, expected line:column)
        ("when: a and b", 6, "1:13"),
        ("when: 'a and b'", 6, "1:14"),
        ("when: \"a and b\"", 0, "1:8"),
        ("when: a and\n  b or c", 6, "2:3"),
        ("when: >-\n  a and\n  b", 6, "3:3"),
        ("when: é + b", 4, "1:11"),
    ])
    func offsetsMapToTheRawText(yaml: String, offset: Int, expected: String) throws {
        let (scalar, file) = try Self.scalar(yaml)
        #expect(scalar.location(ofOffset: offset, in: file).description == expected)
    }
}
