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
        /// Where this frame's children start in `itemScratch` or `pairScratch`.
        var childStart: Int
        var pendingKey: YAMLNode?
        /// The keys of a large mapping, made once it has `smallMapping` pairs: a small one
        /// is searched in its pairs, which is cheaper than hashing, and a huge one stays linear.
        var keyIndex: [String: SourceLocation] = [:]

        static let smallMapping = 16
        var size = 1
    }

    private var stack: [Frame] = []
    /// The children of every open list and mapping, innermost last; each finished
    /// container takes its own off the end as one exactly sized array.
    private var itemScratch: [YAMLNode] = []
    private var pairScratch: [YAMLPair] = []
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
            stack.append(
                Frame(
                    start: event.start, tag: event.tag, anchor: event.anchor, isMapping: isMapping,
                    childStart: isMapping ? pairScratch.count : itemScratch.count))
            return countNodes(1, at: event.start)
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return true }
            let kind: YAMLNode.Kind
            if frame.isMapping {
                kind = .mapping(Array(pairScratch[frame.childStart...]))
                pairScratch.removeSubrange(frame.childStart...)
            } else {
                kind = .sequence(Array(itemScratch[frame.childStart...]))
                itemScratch.removeSubrange(frame.childStart...)
            }
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
            itemScratch.append(node)
        } else if let key = stack[top].pendingKey.take() {
            pairScratch.append(YAMLPair(key: key, value: node))
        } else {
            let pairs = pairScratch[stack[top].childStart...]
            if let problem = Self.checkKey(node, among: pairs, in: &stack[top], file: file) {
                diagnostics.append(problem)
            }
            stack[top].pendingKey = node
        }
        return true
    }

    /// The problem with the next key of a mapping whose pairs so far are `pairs`, if any.
    private static func checkKey(
        _ key: YAMLNode, among pairs: ArraySlice<YAMLPair>, in frame: inout Frame, file: String
    ) -> Diagnostic? {
        guard let name = key.scalar else {
            return Diagnostic(
                .yamlComplexKey, "a mapping key must be a word, not \(key.kindDescription)",
                file: file, at: key.start, hint: "instrument keys are plain words such as 'id' or 'prompt'")
        }
        let first: SourceLocation?
        if pairs.count < Frame.smallMapping {
            first = pairs.first { $0.key.scalar == name }?.key.start
        } else {
            if frame.keyIndex.isEmpty {
                for pair in pairs {
                    if let earlier = pair.key.scalar, frame.keyIndex[earlier] == nil {
                        frame.keyIndex[earlier] = pair.key.start
                    }
                }
            }
            first = frame.keyIndex[name]
            if first == nil { frame.keyIndex[name] = key.start }
        }
        guard let first else { return nil }
        return Diagnostic(
            .yamlDuplicateKey, "the key '\(name)' appears twice in this mapping",
            file: file, at: key.start, hint: "remove one of them, or merge their values",
            notes: [DiagnosticNote(message: "'\(name)' was first given here", file: file, location: first)])
    }
}
