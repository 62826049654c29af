extension InstrumentLoading {
    func drivers(_ node: YAMLNode) -> [Driver] {
        (context.list(node, "'drivers'") ?? []).compactMap(driver)
    }

    private func driver(_ node: YAMLNode) -> Driver? {
        guard
            let f = context.fields(
                node, "a driver", allowed: ["from", "to", "weight", "when", "because"],
                required: ["from", "to", "weight", "because"])
        else { return nil }
        let from = f["from"].flatMap { needReference($0, "'from' of a driver") }
        let to = f["to"].flatMap { needReference($0, "'to' of a driver") }
        if let from, let to, from == to, let node = f["to"] {
            context.report(
                .driverSelfLoop, "this driver goes from '\(from)' to itself", at: node.start,
                hint: "a driver links two different needs; remove it or change 'to'")
        }
        var weight = f["weight"].flatMap { context.number($0, "the driver weight") }
        if let w = weight, let node = f["weight"], !(w > 0 && w <= 1) {
            context.report(
                .driverWeight, "the driver weight \(LoadContext.format(w)) is outside (0, 1]", at: node.start,
                hint: "use a weight above 0 and at most 1, e.g. 0.8 for strong evidence")
            weight = nil
        }
        let when = f["when"].flatMap { context.scalar($0, "'when' of a driver") }
        let because = f["because"].flatMap { context.text($0, "'because' of a driver", language: language) }
        guard let from, let to, from != to, let weight, let because else { return nil }
        return Driver(from: from, to: to, weight: weight, when: when, because: because, location: node.start)
    }

    private func needReference(_ node: YAMLNode, _ what: String) -> String? {
        guard let id = context.string(node, what) else { return nil }
        guard needIDs[id] != nil else {
            reportUnknown(id, at: node.start, kind: "need", candidates: needIDs.keys, in: what)
            return nil
        }
        return id
    }

    func responsivity(_ node: YAMLNode) -> [ResponsivityRule] {
        (context.list(node, "'responsivity'") ?? []).compactMap { element in
            guard
                let f = context.fields(
                    element, "a responsivity rule", allowed: ["id", "when", "advice", "supports"],
                    required: ["id", "when", "advice"])
            else { return nil }
            let id = ruleID(f, &responsivityIDs, kind: "a responsivity rule")
            let what = id.map { "the responsivity rule '\($0)'" } ?? "the responsivity rule"
            let when = f["when"].flatMap { context.scalar($0, "'when' of \(what)") }
            let advice = f["advice"].flatMap { context.text($0, "the advice of \(what)", language: language) }
            let supports = f["supports"].map { context.idList($0, "'supports' of \(what)") } ?? []
            checkNeeds(supports, in: "'supports' of \(what)")
            guard let id, let when, let advice else { return nil }
            return ResponsivityRule(
                id: id, when: when, advice: advice, supports: supports.map(\.0), location: element.start)
        }
    }

    func safeguarding(_ node: YAMLNode) -> [SafeguardingRule] {
        (context.list(node, "'safeguarding'") ?? []).compactMap { element in
            guard
                let f = context.fields(
                    element, "a safeguarding rule", allowed: ["id", "when", "action"],
                    required: ["id", "when", "action"])
            else { return nil }
            let id = ruleID(f, &safeguardingIDs, kind: "a safeguarding rule")
            let what = id.map { "the safeguarding rule '\($0)'" } ?? "the safeguarding rule"
            let when = f["when"].flatMap { context.scalar($0, "'when' of \(what)") }
            let action = f["action"].flatMap { context.text($0, "the action of \(what)", language: language) }
            guard let id, let when, let action else { return nil }
            return SafeguardingRule(id: id, when: when, action: action, location: element.start)
        }
    }

    private func ruleID(_ f: Fields, _ seen: inout [String: SourceLocation], kind: String) -> String? {
        guard let node = f["id"], let id = context.id(node, "the rule id") else { return nil }
        return register(id, at: node.start, in: &seen, kind: kind) ? id : nil
    }
}
