import Foundation
import Testing

@testable import QuestionnaireDSL

/// The reader's promises: positions, styles, the refusals an instrument needs, and limits.
@Suite struct YAMLReaderTests {
    // MARK: Positions

    /// Marker 1 stands where the node with the given text starts.
    @Test(arguments: [
        ("1️⃣key: value", "key"),
        ("key: 1️⃣value", "value"),
        ("a:\n  - b\n  - 1️⃣c", "c"),
        ("a:\n  b:\n    c: 1️⃣'quoted'", "quoted"),
        ("a: [x, {y: 1️⃣z}]", "z"),
        ("a: 1️⃣|\n  block\n", "block\n"),
        // One column per character, not per UTF-8 byte: é is 2 bytes, 🙂 is 4.
        ("é: 1️⃣ü", "ü"),
        ("🙂🙂: 1️⃣x", "x"),
        ("名前: 1️⃣\"日本語\"\n次: y", "日本語"),
        ("a: é\n1️⃣ü: b", "ü"),
        ("a: b\r\nc: 1️⃣d\r\n", "d"),
        // Lines end only at a line feed, as in the SourceFile a diagnostic quotes; libyaml
        // (YAML 1.1) also ends them at U+2028, U+0085 and a lone carriage return.
        ("a: \"x\u{2028}y\"\nb: 1️⃣c", "c"),
        ("a: \"x\u{85}y\"\nb: 1️⃣c", "c"),
        ("a: b\rc: 1️⃣d\n", "d"),
    ])
    func nodeStartsAtMarker(marked: String, text: String) throws {
        let marked = MarkedSource(marked)
        let (node, diagnostics) = YAMLReader().read(marked.source)
        #expect(diagnostics.isEmpty)
        let root = try #require(node)
        let match = root.descendants.first { $0.scalar == text }
        #expect(match?.start == marked[1])
    }

    @Test func mappingsAndSequencesStartAtTheirFirstToken() throws {
        let marked = MarkedSource("1️⃣a:\n  2️⃣- 3️⃣[x]\n  - 4️⃣{k: v}\n")
        let root = try #require(YAMLReader().read(marked.source).0)
        let list = try #require(root.mapping?.first?.value)
        let items = try #require(list.sequence)
        #expect(root.start == marked[1])
        #expect(list.start == marked[2])
        #expect(items.map(\.start) == [marked[3], marked[4]])
    }

    @Test func nodeEndsJustPastItsLastCharacter() throws {
        let (node, _) = YAMLReader().read(SourceFile(name: "t.yaml", text: "key: 'välue'\nnext: [a, b]\n"))
        let pairs = try #require(node?.mapping)
        #expect(pairs[0].value.end == Location(line: 1, column: 13))
        #expect(pairs[1].value.end == Location(line: 2, column: 13))
    }

    // MARK: Styles

    @Test(arguments: [
        ("yes", "yes", ScalarStyle.plain),
        ("'yes'", "yes", .singleQuoted),
        ("\"yes\"", "yes", .doubleQuoted),
        ("|\n  yes\n", "yes\n", .literal),
        (">\n  yes\n  no\n", "yes no\n", .folded),
    ])
    func scalarKeepsItsStyle(written: String, text: String, style: ScalarStyle) throws {
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", text: "v: \(written)"))
        let value = try #require(node?.mapping?.first?.value)
        #expect(diagnostics.isEmpty)
        #expect(value.scalar == text)
        #expect(value.style == style)
        #expect(value.isPlainScalar == (style == .plain))
    }

    @Test func tagMakesAPlainScalarNotPlain() throws {
        let (node, _) = YAMLReader().read(SourceFile(name: "t.yaml", text: "v: !!str yes"))
        let value = try #require(node?.mapping?.first?.value)
        #expect(value.style == .plain)
        #expect(value.tag == "tag:yaml.org,2002:str")
        #expect(!value.isPlainScalar)
    }

    // MARK: Byte order mark

    @Test func byteOrderMarkIsAcceptedAndTakesNoColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: b\nc: d\n".utf8)
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", bytes: bytes))
        let pairs = try #require(node?.mapping)
        #expect(diagnostics.isEmpty)
        #expect(pairs.map(\.name) == ["a", "c"])
        #expect(pairs[0].key.start == Location(line: 1, column: 1))
        #expect(pairs[0].value.start == Location(line: 1, column: 4))
        #expect(pairs[1].key.start == Location(line: 2, column: 1))
    }

    // MARK: What an instrument file does not allow

    @Test func duplicateKeyPointsAtBothPlaces() {
        let marked = MarkedSource("1️⃣name: a\nage: 3\n2️⃣'name': b\n")
        let (_, diagnostics) = YAMLReader().read(marked.source)
        let diagnostic = diagnostics.first
        #expect(diagnostics.count == 1)
        #expect(diagnostic?.code == .yamlDuplicateKey)
        #expect(diagnostic?.location == marked[2])
        #expect(diagnostic?.notes.first?.location == marked[1])
        #expect(diagnostic?.message.contains("'name'") == true)
    }

    @Test func sameKeyInDifferentMappingsIsFine() {
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", text: "a: {id: 1}\nb: {id: 2}\n"))
        #expect(node != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func secondDocumentIsRefused() {
        let marked = MarkedSource("a: 1\n1️⃣---\nb: 2\n")
        let (node, diagnostics) = YAMLReader().read(marked.source)
        #expect(node == nil)
        #expect(diagnostics.map(\.code) == [.yamlMultipleDocuments])
        #expect(diagnostics.first?.location == marked[1])
    }

    @Test func oneExplicitDocumentIsFine() {
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", text: "---\na: 1\n...\n"))
        #expect(node?.mapping?.first?.name == "a")
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: ["", "\n", "   \n\n", "# only a comment\n", "---\n", "~\n", "\u{FEFF}"])
    func emptyFileIsRefused(text: String) {
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", text: text))
        #expect(node == nil)
        #expect(diagnostics.map(\.code) == [.yamlEmpty])
        #expect(diagnostics.first?.location == Location(line: 1, column: 1))
    }

    @Test(arguments: ["a: &x 1\nb: 1️⃣*y\n", "a: &x [1️⃣*x]\n", "1️⃣*x\n"])
    func undefinedAliasIsRefused(marked: String) {
        // `&x [*x]`: an anchor names its node only once the node is finished.
        let marked = MarkedSource(marked)
        let (node, diagnostics) = YAMLReader().read(marked.source)
        #expect(node == nil)
        #expect(diagnostics.map(\.code) == [.yamlUndefinedAlias])
        #expect(diagnostics.first?.location == marked[1])
    }

    @Test func aliasSharesTheAnchoredNodeAtItsOwnPlace() throws {
        let marked = MarkedSource("a: &x [1, 2]\nb: 1️⃣*x\n")
        let (node, diagnostics) = YAMLReader().read(marked.source)
        let alias = try #require(node?.mapping?.last?.value)
        #expect(diagnostics.isEmpty)
        #expect(alias.sequence?.compactMap(\.scalar) == ["1", "2"])
        #expect(alias.start == marked[1])
    }

    @Test(arguments: ["1️⃣[a, b]: 1\n", "1️⃣{a: 1}: 2\n", "? 1️⃣- a\n: b\n", "x: {1️⃣[a]: b}\n"])
    func nonScalarKeyIsRefused(marked: String) {
        let marked = MarkedSource(marked)
        let (_, diagnostics) = YAMLReader().read(marked.source)
        #expect(diagnostics.map(\.code) == [.yamlComplexKey])
        #expect(diagnostics.first?.location == marked[1])
    }

    // MARK: libyaml's own errors

    /// Each mistake gives `yaml-syntax` at marker 1 with a hint containing the given words.
    @Test(arguments: [
        ("tab as indentation", "a:\n1️⃣\tb: c\n", "tabs"),
        ("tab after spaces", "a:\n  b: c\n1️⃣\t  d: e\n", "tabs"),
        ("line indented less than its siblings", "a:\n  b: c\n 1️⃣d: e\n", "indentation"),
        ("key with no colon", "a: b\n1️⃣c\n", "indentation"),
        ("line indented more than its key", "a: b\n  c1️⃣: d\n", "quotes"),
        ("unclosed single quote", "a: 1️⃣'abc\nb: c\n", "close the quote"),
        ("unclosed double quote", "a: 1️⃣\"abc\n", "close the quote"),
        ("unclosed list", "a: 1️⃣[x, y\n", "']'"),
        ("unclosed mapping", "a: 1️⃣{x: 1,\n  y: 2\n", "'}'"),
        ("tab as indentation, Windows line ends", "a: b\r\nc:\r\n1️⃣\td: e\r\n", "tabs"),
        ("unclosed quote, Windows line ends", "a: b\r\nc: 1️⃣'x\r\nd: e\r\n", "close the quote"),
        // After a comma libyaml expects another item and names no list; it stops at the end.
        ("unclosed list ending in a comma", "a: [x,\n# note\n1️⃣", "unclosed '['"),
    ])
    func syntaxErrorIsLocatedWithAHint(_ mistake: String, marked: String, hintWords: String) throws {
        let marked = MarkedSource(marked)
        let (node, diagnostics) = YAMLReader().read(marked.source)
        let diagnostic = try #require(diagnostics.first)
        #expect(node == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.location == marked[1])
        #expect(diagnostic.hint?.contains(hintWords) == true, "\(diagnostic.hint ?? "no hint")")
    }

    @Test func unclosedQuoteNotesWhereTheFileEnds() {
        let marked = MarkedSource("a: 1️⃣'abc\nb: c\n2️⃣")
        let (_, diagnostics) = YAMLReader().read(marked.source)
        #expect(diagnostics.first?.location == marked[1])
        #expect(diagnostics.first?.notes.map(\.location) == [marked[2]])
    }

    @Test func endOfFileWithoutLineBreakIsOnTheLastLine() {
        // libyaml puts the end of the stream on a line of its own after such a file.
        let marked = MarkedSource("a: b\nc: 1️⃣[x, y2️⃣")
        let (_, diagnostics) = YAMLReader().read(marked.source)
        #expect(diagnostics.first?.location == marked[1])
        #expect(diagnostics.first?.notes.map(\.location) == [marked[2]])
    }

    /// Bytes that are not UTF-8, and where the reader must locate them: at the bad byte,
    /// counting the characters before it.
    static let invalidUTF8: [(bytes: [UInt8], location: Location)] = [
        (Array("a: b\nc: d".utf8) + [0xFF, 0x0A], Location(line: 2, column: 5)),
        (Array("a: b\nc: éd".utf8) + [0xFF], Location(line: 2, column: 6)),
        // libyaml blames the byte that cannot continue the sequence: here "(" after é's lead byte.
        (Array("a: ".utf8) + [0xC3, 0x28], Location(line: 1, column: 5)),
        (Array("é: ".utf8) + [0xC3], Location(line: 1, column: 4)),
        (Array("a: ".utf8) + [0xC0, 0xAF], Location(line: 1, column: 4)),
        ([0xFF, 0xFE, 0x61, 0x00], Location(line: 1, column: 1)),
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8IsLocated(bytes: [UInt8], location: Location) {
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", bytes: bytes))
        #expect(node == nil)
        #expect(diagnostics.map(\.code) == [.yamlSyntax])
        #expect(diagnostics.first?.location == location)
        #expect(diagnostics.first?.hint?.contains("UTF-8") == true)
    }

    @Test func controlCharacterIsLocated() {
        let (_, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", bytes: Array("a: b".utf8) + [0x00]))
        #expect(diagnostics.map(\.code) == [.yamlSyntax])
        #expect(diagnostics.first?.location == Location(line: 1, column: 5))
        #expect(diagnostics.first?.hint?.contains("control character") == true)
    }

    // MARK: Limits

    @Test func sizeLimitIsExact() {
        let limit = YAMLLimits.standard.maxBytes
        #expect(limit == 8 << 20)
        // A real document padded with a comment to exactly the limit, then one byte more.
        let head = Array("a: b\n#".utf8)
        let atLimit = head + [UInt8](repeating: UInt8(ascii: "x"), count: limit - head.count)
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", bytes: atLimit))
        #expect(node?.mapping?.first?.name == "a")
        #expect(diagnostics.isEmpty)

        let (tooLarge, refusal) = YAMLReader().read(SourceFile(name: "t.yaml", bytes: atLimit + [0x0A]))
        #expect(tooLarge == nil)
        #expect(refusal.map(\.code) == [.yamlTooLarge])
        #expect(refusal.first?.message.contains("\(limit + 1) bytes") == true)
    }

    @Test(arguments: [64, 65])
    func flowNestingDeeperThan64IsRefused(depth: Int) {
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", text: text))
        if depth <= 64 {
            #expect(node != nil)
            #expect(diagnostics.isEmpty)
        } else {
            #expect(node == nil)
            #expect(diagnostics.map(\.code) == [.yamlTooDeep])
            #expect(diagnostics.first?.location == Location(line: 1, column: 65))
        }
    }

    @Test func blockNestingDeeperThan64IsRefused() {
        // 65 mappings, each indented one more space: "k0:\n k1:\n  k2: …".
        let text = (0..<65).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", text: text))
        #expect(node == nil)
        #expect(diagnostics.map(\.code) == [.yamlTooDeep])
        #expect(diagnostics.first?.location == Location(line: 65, column: 65))
    }

    @Test func billionLaughsIsRefusedQuickly() {
        // Ten levels of ten aliases each: 10^10 nodes if expanded.
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(aliases)]\n"
        }
        let clock = ContinuousClock()
        var result: (YAMLNode?, [Diagnostic]) = (nil, [])
        let elapsed = clock.measure { result = YAMLReader().read(SourceFile(name: "t.yaml", text: text)) }
        #expect(result.0 == nil)
        #expect(result.1.map(\.code) == [.yamlAliasLimit])
        #expect(result.1.first?.location != nil)
        #expect(elapsed < .milliseconds(500))
    }

    @Test func aliasesBelowTheNodeLimitAreRead() {
        let text = "a: &a [x, y]\nb: &b [*a, *a, *a]\nc: [*b, *b]\n"
        let (node, diagnostics) = YAMLReader().read(SourceFile(name: "t.yaml", text: text))
        #expect(diagnostics.isEmpty)
        #expect(node?.descendants.count(where: { $0.scalar == "x" }) == 1 + 3 + 6)
    }

    @Test func nodeLimitCountsExpandedAliases() {
        // 1 mapping + 3 keys + [x, y] (3) + [*a, *a] (1 + 6) + [*b, *b] (1 + 14) = 29 nodes.
        let text = "a: &a [x, y]\nb: &b [*a, *a]\nc: [*b, *b]\n"
        let read = { (maxNodes: Int) in
            YAMLReader(limits: YAMLLimits(maxNodes: maxNodes)).read(SourceFile(name: "t.yaml", text: text)).1
        }
        #expect(read(29).isEmpty)
        #expect(read(28).map(\.code) == [.yamlAliasLimit])
    }
}

extension YAMLNode {
    /// The node and every node under it, keys included, in document order.
    var descendants: [YAMLNode] {
        switch kind {
        case .scalar: [self]
        case .sequence(let items): [self] + items.flatMap(\.descendants)
        case .mapping(let pairs): [self] + pairs.flatMap { $0.key.descendants + $0.value.descendants }
        }
    }

    /// The pairs of a mapping, or nil.
    var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The items of a sequence, or nil.
    var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }
}
