/// Builds a node tree from the event stream, checking what libyaml does not: duplicate
/// keys, extra documents, non-scalar keys, undefined aliases, depth and expansion limits.
struct NodeBuilder {
    let file: String
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    var root: YAMLNode?
    /// Set when reading had to stop before the end of the stream.
    var stopped = false

    private struct Frame {
        var start: SourceLocation
        var tag: String?
        var anchor: String?
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// The keys so far: a list while the mapping is small (cheaper than hashing), a
        /// dictionary once it grows, so a huge mapping stays linear.
        var keyList: [(String, SourceLocation)] = []
        var keyIndex: [String: SourceLocation] = [:]

        static let smallMapping = 16

        func firstUse(of name: String) -> SourceLocation? {
            if keyList.count < Frame.smallMapping { return keyList.first { $0.0 == name }?.1 }
            return keyIndex[name]
        }

        mutating func record(_ name: String, at location: SourceLocation) {
            if keyList.count < Frame.smallMapping {
                keyList.append((name, location))
                if keyList.count == Frame.smallMapping {
                    keyIndex = Dictionary(keyList, uniquingKeysWith: { first, _ in first })
                }
            } else {
                keyIndex[name] = location
            }
        }
        var size = 1
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var documents = 0
    private var nodeCount = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// Takes one event; returns false to stop the parse.
    mutating func consume(_ event: YAMLEvent) -> Bool {
        switch event.kind {
        case .streamStart, .streamEnd, .documentEnd:
            return true
        case .documentStart:
            documents += 1
            if documents > 1 {
                return fail(
                    Diagnostic(
                        .yamlMultipleDocuments, "the file holds more than one document", file: file,
                        at: event.start, hint: "keep one instrument per file and remove this '---'"))
            }
            return true
        case .scalar(let text, let style):
            let node = YAMLNode(kind: .scalar(text, style), start: event.start, end: event.end, tag: event.tag)
            return add(node, size: 1, anchor: event.anchor)
        case .alias(let name):
            guard let target = anchors[name] else {
                return fail(
                    Diagnostic(
                        .yamlUndefinedAlias, "the alias '*\(name)' names no anchor defined before it",
                        file: file, at: event.start, hint: "define '&\(name)' on a value above this line"))
            }
            var node = target.node
            node.start = event.start
            node.end = event.end
            return add(node, size: target.size, anchor: nil)
        case .sequenceStart, .mappingStart:
            guard stack.count < limits.maxDepth else {
                return fail(
                    Diagnostic(
                        .yamlTooDeep, "lists and mappings are nested more than \(limits.maxDepth) deep",
                        file: file, at: event.start,
                        hint: "an instrument needs only a few levels; check the indentation"))
            }
            var isMapping = false
            if case .mappingStart = event.kind { isMapping = true }
            stack.append(Frame(start: event.start, tag: event.tag, anchor: event.anchor, isMapping: isMapping))
            return countNodes(1, at: event.start)
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return true }
            let kind: YAMLNode.Kind = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            let node = YAMLNode(kind: kind, start: frame.start, end: event.end, tag: frame.tag)
            return add(node, size: frame.size, anchor: frame.anchor, counted: true)
        }
    }

    private mutating func fail(_ diagnostic: Diagnostic) -> Bool {
        diagnostics.append(diagnostic)
        stopped = true
        return false
    }

    private mutating func countNodes(_ n: Int, at location: SourceLocation) -> Bool {
        nodeCount += n
        guard nodeCount <= limits.maxNodes else {
            return fail(
                Diagnostic(
                    .yamlAliasLimit,
                    "the document has more than \(limits.maxNodes) values, counting each alias as a copy of what it names",
                    file: file, at: location,
                    hint: "an instrument needs far fewer; look for aliases that repeat large parts many times"))
        }
        return true
    }

    /// Adds a finished node to its parent (or makes it the root).
    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, counted: Bool = false) -> Bool {
        if !counted, !countNodes(size, at: node.start) { return false }
        if let anchor { anchors[anchor] = (node, size) }
        // The parent is changed in place: moving the frame out and back costs a copy of
        // its lists on every node.
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return true
        }
        stack[top].size += size
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            if let problem = Self.checkKey(node, in: &stack[top], file: file) { diagnostics.append(problem) }
            stack[top].pendingKey = node
        }
        return true
    }

    /// Records a key in its mapping; the problem with it, if any.
    private static func checkKey(_ key: YAMLNode, in frame: inout Frame, file: String) -> Diagnostic? {
        guard let name = key.scalar else {
            return Diagnostic(
                .yamlComplexKey, "a mapping key must be a word, not \(key.kindDescription)",
                file: file, at: key.start, hint: "instrument keys are plain words such as 'id' or 'prompt'")
        }
        if let first = frame.firstUse(of: name) {
            return Diagnostic(
                .yamlDuplicateKey, "the key '\(name)' appears twice in this mapping",
                file: file, at: key.start, hint: "remove one of them, or merge their values",
                notes: [DiagnosticNote(message: "'\(name)' was first given here", file: file, location: first)])
        }
        frame.record(name, at: key.start)
        return nil
    }
}
