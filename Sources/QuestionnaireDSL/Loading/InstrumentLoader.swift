/// Turns an instrument file into an ``Instrument``, reporting every problem in the file
/// together, in file order. Loading stops early only when the YAML itself cannot be read.
///
/// ```swift
/// let source = try SourceFile(contentsOf: "Instruments/phq-9.yaml")
/// let (instrument, diagnostics) = InstrumentLoader().load(source)
/// ```
///
/// The loader checks structure, types, ids and references between parts. Expressions are
/// checked by ``InstrumentCompiler``, which runs after it (``InstrumentLoader/compile(_:)``
/// does both).
public struct InstrumentLoader: Sendable {
    /// The YAML reader's limits.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// Reads and loads `source`. The instrument is nil only when the YAML cannot be read or
    /// its `instrument:` header is unusable; otherwise it is returned with the diagnostics.
    public func load(_ source: SourceFile) -> (Instrument?, [Diagnostic]) {
        let (root, yamlDiagnostics) = YAMLReader(limits: limits).read(source)
        guard let root else { return (nil, yamlDiagnostics) }
        let loading = InstrumentLoading(context: LoadContext(file: source.name))
        let instrument = loading.instrument(root)
        return (instrument, (yamlDiagnostics + loading.context.diagnostics).sortedByLocation())
    }

    /// The keys allowed at the top of an instrument file.
    public static let topLevelKeys = [
        "instrument", "scales", "sections", "needs", "strengths", "drivers", "responsivity", "safeguarding",
        "tests", "lint",
    ]
}

/// The state of one load: the context and what has been read so far.
final class InstrumentLoading {
    let context: LoadContext
    var language: String?
    var scales: [String: Scale] = [:]
    var items: [String: Item] = [:]
    var itemOrder: [String] = []
    var needIDs: [String: SourceLocation] = [:]
    var strengthIDs: [String: SourceLocation] = [:]
    var bandNames: [String: [String]] = [:]
    var responsivityIDs: [String: SourceLocation] = [:]
    var safeguardingIDs: [String: SourceLocation] = [:]

    init(context: LoadContext) {
        self.context = context
    }

    func instrument(_ root: YAMLNode) -> Instrument? {
        guard
            let fields = context.fields(
                root, "the instrument file", allowed: InstrumentLoader.topLevelKeys,
                required: ["instrument", "sections"])
        else { return nil }
        var header = fields["instrument"].flatMap(self.header)
        language = header?.language
        let scales = fields["scales"].map(self.scales) ?? []
        let sections = fields["sections"].map(self.sections) ?? []
        let needs = fields["needs"].map(self.needs) ?? []
        let strengths = fields["strengths"].map(self.strengths) ?? []
        let drivers = fields["drivers"].map(self.drivers) ?? []
        let responsivity = fields["responsivity"].map(self.responsivity) ?? []
        let safeguarding = fields["safeguarding"].map(self.safeguarding) ?? []
        let tests = fields["tests"].map(self.tests) ?? []
        let avoid = fields["lint"].map(self.lint) ?? []
        guard header != nil else { return nil }
        header!.scales = scales
        header!.sections = sections
        header!.needs = needs
        header!.strengths = strengths
        header!.drivers = drivers
        header!.responsivity = responsivity
        header!.safeguarding = safeguarding
        header!.tests = tests
        header!.avoidWords = avoid
        return header
    }

    /// The `instrument:` mapping, as an instrument with nothing else filled in yet.
    private func header(_ node: YAMLNode) -> Instrument? {
        guard
            let f = context.fields(
                node, "'instrument'", allowed: ["id", "version", "title", "language", "introduction"],
                required: ["id", "version", "title", "language"])
        else { return nil }
        let language = f["language"].flatMap { languageTag($0) }
        let id = f["id"].flatMap { context.id($0, "the instrument id", allowHyphen: true) }
        let version = f["version"].flatMap(self.version)
        let title = f["title"].flatMap { context.text($0, "the instrument title", language: language) }
        let introduction = f["introduction"].flatMap {
            context.text($0, "the instrument introduction", language: language)
        }
        guard let id, let version, let title, let language else { return nil }
        return Instrument(
            id: id, version: version, title: title, language: language, introduction: introduction, scales: [],
            sections: [], needs: [], strengths: [], drivers: [], responsivity: [], safeguarding: [], tests: [],
            avoidWords: [])
    }

    private func languageTag(_ node: YAMLNode) -> String? {
        guard let tag = context.string(node, "the instrument language") else { return nil }
        guard LanguageTag.isWellFormed(tag) else {
            context.report(
                .invalidValue, "'\(tag)' is not a language tag", at: node.start,
                hint: "use a tag such as en-GB, en or cy")
            return nil
        }
        return tag
    }

    /// A semantic version `MAJOR.MINOR.PATCH`. A plain `1.2` would be read by YAML as a
    /// number, so it is refused with a hint rather than silently turned into "1.2".
    private func version(_ node: YAMLNode) -> String? {
        guard let text = context.string(node, "the instrument version") else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }) else {
            context.report(
                .invalidValue, "the version '\(text)' is not of the form MAJOR.MINOR.PATCH",
                at: node.start, hint: "write a semantic version such as 1.0.0")
            return nil
        }
        return text
    }

    private func scales(_ node: YAMLNode) -> [Scale] {
        guard case .mapping(let pairs) = node.kind else {
            context.wrongType(node, "'scales'", expected: "a mapping of scale names to lists of options")
            return []
        }
        var result: [Scale] = []
        for pair in pairs {
            guard let id = context.id(pair.key, "the scale name") else { continue }
            let options = self.options(pair.value, "the scale '\(id)'")
            let scale = Scale(id: id, options: options, location: pair.key.start)
            scales[id] = scale
            result.append(scale)
        }
        return result
    }

    private func lint(_ node: YAMLNode) -> [AvoidWord] {
        guard let f = context.fields(node, "'lint'", allowed: ["avoid"]), let avoid = f["avoid"] else { return [] }
        guard case .mapping(let pairs) = avoid.kind else {
            context.wrongType(avoid, "'avoid'", expected: "a mapping of words to avoid to kinder words")
            return []
        }
        return pairs.compactMap { pair in
            guard let word = context.string(pair.key, "a word to avoid"),
                let instead = context.string(pair.value, "the word to use instead of '\(word)'")
            else { return nil }
            return AvoidWord(word: word, instead: instead)
        }
    }

    /// Reports each id that is not a need.
    func checkNeeds(_ ids: [(String, SourceLocation)], in what: String) {
        for (id, location) in ids where needIDs[id] == nil {
            reportUnknown(id, at: location, kind: "need", candidates: needIDs.keys, in: what)
        }
    }

    func reportUnknown(
        _ id: String, at location: SourceLocation, kind: String, candidates: some Sequence<String>, in what: String
    ) {
        let sorted = candidates.sorted()
        context.report(
            .unknownReference, "\(what) names '\(id)', which is not a \(kind)", at: location,
            hint: Suggestion.didYouMean(id, among: sorted)
                ?? (sorted.isEmpty
                    ? "there are no \(kind)s defined" : "the \(kind)s are: \(sorted.joined(separator: ", "))"))
    }

    /// Records an id in `seen`, reporting a duplicate with a note at the first use.
    func register(_ id: String, at location: SourceLocation, in seen: inout [String: SourceLocation], kind: String)
        -> Bool
    {
        if let first = seen[id] {
            context.report(
                .duplicateID, "there is already \(kind) with the id '\(id)'", at: location,
                hint: "ids must be unique; rename one of them",
                notes: [context.note("'\(id)' was first used here", at: first)])
            return false
        }
        seen[id] = location
        return true
    }
}
