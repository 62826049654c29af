extension InstrumentLoading {
    static let needKeys = ["id", "title", "target", "score", "max", "bands", "missing", "urgent_if"]
    static let strengthKeys = ["id", "title", "supports", "score", "max", "bands", "missing"]

    func needs(_ node: YAMLNode) -> [Need] {
        (context.list(node, "'needs'") ?? []).compactMap(need)
    }

    func strengths(_ node: YAMLNode) -> [Strength] {
        (context.list(node, "'strengths'") ?? []).compactMap(strength)
    }

    /// Needs and strengths share one namespace, as `score(x)` and `band(x)` name either.
    private func scoredID(_ f: Fields, kind: String) -> String? {
        guard let node = f["id"], let id = context.id(node, "the \(kind) id") else { return nil }
        var all = needIDs.merging(strengthIDs) { a, _ in a }
        guard register(id, at: node.start, in: &all, kind: "a need or strength") else { return nil }
        if kind == "need" { needIDs[id] = node.start } else { strengthIDs[id] = node.start }
        return id
    }

    private func need(_ node: YAMLNode) -> Need? {
        guard
            let f = context.fields(
                node, "a need", allowed: Self.needKeys, required: ["id", "title", "target", "score", "max", "bands"])
        else { return nil }
        let id = scoredID(f, kind: "need")
        let what = id.map { "the need '\($0)'" } ?? "the need"
        let title = f["title"].flatMap { context.text($0, "the title of \(what)", language: language) }
        let target = f["target"].flatMap {
            context.word($0, "a priority target", as: PriorityTarget.self, code: .unknownTarget)
        }
        let score = f["score"].flatMap { context.scalar($0, "the score of \(what)") }
        let max = f["max"].flatMap { positiveMax($0, what) }
        let bands = f["bands"].map { self.bands($0, what) } ?? []
        let missing = f["missing"].flatMap { missingPolicy($0, what) } ?? MissingPolicy()
        let urgentIf = f["urgent_if"].flatMap { context.scalar($0, "'urgent_if' of \(what)") }
        if let id { bandNames[id] = bands.map(\.name) }
        guard let id, let title, let target, let score, let max, !bands.isEmpty else { return nil }
        return Need(
            id: id, title: title, target: target, score: score, max: max, bands: bands, missing: missing,
            urgentIf: urgentIf, location: node.start)
    }

    private func strength(_ node: YAMLNode) -> Strength? {
        guard
            let f = context.fields(
                node, "a strength", allowed: Self.strengthKeys, required: ["id", "title", "score", "bands"])
        else { return nil }
        let id = scoredID(f, kind: "strength")
        let what = id.map { "the strength '\($0)'" } ?? "the strength"
        let title = f["title"].flatMap { context.text($0, "the title of \(what)", language: language) }
        let supports = f["supports"].map { context.idList($0, "'supports' of \(what)") } ?? []
        let score = f["score"].flatMap { context.scalar($0, "the score of \(what)") }
        let max = f["max"].flatMap { positiveMax($0, what) }
        let bands = f["bands"].map { self.bands($0, what) } ?? []
        let missing = f["missing"].flatMap { missingPolicy($0, what) } ?? MissingPolicy()
        if let id { bandNames[id] = bands.map(\.name) }
        checkNeeds(supports, in: "'supports' of \(what)")
        guard let id, let title, let score, !bands.isEmpty else { return nil }
        return Strength(
            id: id, title: title, supports: supports.map(\.0), score: score, max: max, bands: bands, missing: missing,
            location: node.start)
    }

    private func positiveMax(_ node: YAMLNode, _ what: String) -> Double? {
        guard let value = context.number(node, "the max of \(what)") else { return nil }
        guard value > 0 else {
            context.report(
                .invalidValue, "the max of \(what) must be above 0", at: node.start,
                hint: "max is the highest score possible; severity is score ÷ max")
            return nil
        }
        return value
    }

    /// `bands: {low: 0, moderate: 3, high: 6}`: names with ascending lower bounds.
    private func bands(_ node: YAMLNode, _ what: String) -> [Band] {
        guard case .mapping(let pairs) = node.kind else {
            context.wrongType(
                node, "the bands of \(what)", expected: "a mapping of band names to lower bounds",
                hint: "write bands: {low: 0, moderate: 3, high: 6}")
            return []
        }
        if pairs.isEmpty {
            context.report(.invalidValue, "\(what) has no bands", at: node.start, hint: "add at least one band")
        }
        var result: [Band] = []
        for pair in pairs {
            guard let name = context.id(pair.key, "the band name"),
                let bound = context.number(pair.value, "the lower bound of band '\(pair.name)'")
            else { continue }
            if let previous = result.last, bound <= previous.lowerBound {
                context.report(
                    .bandsNotAscending,
                    "the band '\(name)' starts at \(LoadContext.format(bound)), not above '\(previous.name)' at \(LoadContext.format(previous.lowerBound))",
                    at: pair.value.start, hint: "list bands from lowest to highest, each starting above the one before")
            }
            result.append(Band(name: name, lowerBound: bound, location: pair.key.start))
        }
        return result
    }

    private func missingPolicy(_ node: YAMLNode, _ what: String) -> MissingPolicy? {
        guard let f = context.fields(node, "'missing' of \(what)", allowed: ["max_declined", "method"]) else {
            return nil
        }
        var policy = MissingPolicy()
        if let n = f["max_declined"].flatMap({ context.nonNegativeInteger($0, "'max_declined'") }) {
            policy.maxDeclined = n
        }
        if let method = f["method"].flatMap({ context.word($0, "a missing-data method", as: MissingPolicy.Method.self) }
        ) {
            policy.method = method
        }
        return policy
    }
}
