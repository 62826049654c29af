extension InstrumentLoading {
    func tests(_ node: YAMLNode) -> [InstrumentTest] {
        (context.list(node, "'tests'") ?? []).compactMap(test)
    }

    private func test(_ node: YAMLNode) -> InstrumentTest? {
        guard
            let f = context.fields(
                node, "a test", allowed: ["name", "answers", "expect"], required: ["name", "answers", "expect"])
        else { return nil }
        let name = f["name"].flatMap { context.string($0, "the test name") }
        let what = name.map { "the test '\($0)'" } ?? "the test"
        let reader = AnswerReader(items: items, itemOrder: itemOrder, needs: Array(needIDs.keys))
        let (answers, priorities) =
            f["answers"].map { reader.read($0, context: context, what: "the answers of \(what)") }
            ?? ([], [])
        let expect = f["expect"].flatMap { expectation($0, what) }
        guard let name, let expect else { return nil }
        return InstrumentTest(
            name: name, answers: answers, priorities: priorities, expect: expect, location: node.start)
    }

    private func expectation(_ node: YAMLNode, _ what: String) -> Expectation? {
        guard let f = context.fields(node, "'expect' of \(what)", allowed: Expectation.keys) else { return nil }
        let scored = needIDs.merging(strengthIDs) { a, _ in a }
        var e = Expectation()
        e.bands = f["bands"].map { idMap($0, "'bands'", ids: scored.keys, kind: "need or strength", value: bandValue) }
        e.statuses = f["statuses"].map {
            idMap($0, "'statuses'", ids: scored.keys, kind: "need or strength") { [self] id, node in
                guard let word = context.string(node, "the status of '\(id)'") else { return nil }
                guard Expectation.statusWords.contains(word) else {
                    context.report(
                        .invalidValue, "'\(word)' is not a status", at: node.start,
                        hint: "a status is one of: \(Expectation.statusWords.joined(separator: ", "))")
                    return nil
                }
                return word
            }
        }
        e.scores = f["scores"].map {
            idMap($0, "'scores'", ids: scored.keys, kind: "need or strength") { [self] id, node in
                context.number(node, "the score of '\(id)'")
            }
        }
        e.lynchpin = f["lynchpin"].map { ids($0, "'lynchpin'", among: needIDs.keys, kind: "need") }
        e.ranking = f["ranking"].map { ids($0, "'ranking'", among: needIDs.keys, kind: "need") }
        e.flags = f["flags"].map { ids($0, "'flags'", among: responsivityIDs.keys, kind: "responsivity rule") }
        e.safeguarding = f["safeguarding"].map {
            ids($0, "'safeguarding'", among: safeguardingIDs.keys, kind: "safeguarding rule")
        }
        let ruleIDs = Array(responsivityIDs.keys) + Array(safeguardingIDs.keys) + Array(needIDs.keys)
        e.unevaluated = f["unevaluated"].map { ids($0, "'unevaluated'", among: ruleIDs, kind: "rule or need") }
        e.herViewDiffers = f["her_view_differs"].map {
            ids($0, "'her_view_differs'", among: needIDs.keys, kind: "need")
        }
        return e
    }

    private func bandValue(_ id: String, _ node: YAMLNode) -> String? {
        guard let band = context.string(node, "the band of '\(id)'") else { return nil }
        let names = bandNames[id] ?? []
        guard names.contains(band) else {
            context.report(
                .unknownReference, "'\(id)' has no band '\(band)'", at: node.start,
                hint: Suggestion.didYouMean(band, among: names) ?? "its bands are: \(names.joined(separator: ", "))")
            return nil
        }
        return band
    }

    private func ids(_ node: YAMLNode, _ what: String, among known: some Collection<String>, kind: String) -> [String] {
        let list = context.idList(node, what)
        for (id, location) in list where !known.contains(id) {
            reportUnknown(id, at: location, kind: kind, candidates: known, in: what)
        }
        return list.map(\.0)
    }

    private func idMap<Value>(
        _ node: YAMLNode, _ what: String, ids known: some Collection<String>, kind: String,
        value: (String, YAMLNode) -> Value?
    ) -> [String: Value] {
        guard case .mapping(let pairs) = node.kind else {
            context.wrongType(node, what, expected: "a mapping of ids to values")
            return [:]
        }
        var result: [String: Value] = [:]
        for pair in pairs {
            guard known.contains(pair.name) else {
                reportUnknown(pair.name, at: pair.key.start, kind: kind, candidates: known, in: what)
                continue
            }
            if let v = value(pair.name, pair.value) { result[pair.name] = v }
        }
        return result
    }
}
