extension InstrumentLoading {
    static let sectionKeys = ["id", "title", "introduction", "sensitive", "show_if", "items"]
    static let itemKeys = [
        "id", "prompt", "purpose", "type", "options", "scale", "min", "max", "sensitive", "required", "identifying",
        "show_if",
    ]
    static let optionKeys = ["code", "label", "value"]
    /// Option codes travel in CSV cells joined by ';', so they keep to a safe alphabet.
    static let reservedCodes: Set<String> = [AnswerValue.declinedWord, AnswerValue.dontKnowWord]
    /// A multi_choice answer is a 64-bit set.
    static let maxMultiChoiceOptions = 64

    func sections(_ node: YAMLNode) -> [Section] {
        var seen: [String: SourceLocation] = [:]
        var itemSeen: [String: SourceLocation] = [:]
        return (context.list(node, "'sections'") ?? []).compactMap { section($0, &seen, &itemSeen) }
    }

    private func section(
        _ node: YAMLNode, _ seen: inout [String: SourceLocation], _ itemSeen: inout [String: SourceLocation]
    ) -> Section? {
        guard let f = context.fields(node, "a section", allowed: Self.sectionKeys, required: ["id", "title", "items"])
        else { return nil }
        let id = f["id"].flatMap { context.id($0, "the section id") }
        if let id, let idNode = f["id"] { _ = register(id, at: idNode.start, in: &seen, kind: "a section") }
        let what = id.map { "the section '\($0)'" } ?? "the section"
        let title = f["title"].flatMap { context.text($0, "the title of \(what)", language: language) }
        let introduction = f["introduction"].flatMap {
            context.text($0, "the introduction of \(what)", language: language)
        }
        let sensitive = f["sensitive"].flatMap { context.bool($0, "'sensitive' of \(what)") } ?? false
        let showIf = f["show_if"].flatMap { context.scalar($0, "'show_if' of \(what)") }
        let itemNodes = f["items"].flatMap { context.list($0, "the items of \(what)") } ?? []
        let items = itemNodes.compactMap { item($0, section: id ?? "", &itemSeen) }
        guard let id, let title else { return nil }
        return Section(
            id: id, title: title, introduction: introduction, sensitive: sensitive, showIf: showIf, items: items,
            location: node.start)
    }

    private func item(_ node: YAMLNode, section: String, _ seen: inout [String: SourceLocation]) -> Item? {
        guard let f = context.fields(node, "an item", allowed: Self.itemKeys, required: ["id", "prompt", "type"])
        else { return nil }
        let id = f["id"].flatMap { context.id($0, "the item id") }
        var unique = true
        if let id, let idNode = f["id"] { unique = register(id, at: idNode.start, in: &seen, kind: "an item") }
        let what = id.map { "the item '\($0)'" } ?? "the item"
        let prompt = f["prompt"].flatMap { context.text($0, "the prompt of \(what)", language: language) }
        let purpose = f["purpose"].flatMap { context.text($0, "the purpose of \(what)", language: language) }
        let type = f["type"].flatMap { context.word($0, "an item type", as: ItemType.self) }
        let (options, scale) = itemOptions(f, type: type, what: what)
        let min = f["min"].flatMap { numberBound($0, "min", type: type, what: what) }
        let max = f["max"].flatMap { numberBound($0, "max", type: type, what: what) }
        if let min, let max, min > max, let node = f["max"] {
            context.report(
                .invalidValue, "the max of \(what) is below its min", at: node.start,
                hint: "swap them, or correct one")
        }
        let sensitive = f["sensitive"].flatMap { context.bool($0, "'sensitive' of \(what)") } ?? false
        let required = f["required"].flatMap { context.bool($0, "'required' of \(what)") } ?? false
        let identifying = f["identifying"].flatMap { context.bool($0, "'identifying' of \(what)") } ?? false
        let showIf = f["show_if"].flatMap { context.scalar($0, "'show_if' of \(what)") }
        guard let id, let prompt, let type else { return nil }
        let item = Item(
            id: id, prompt: prompt, purpose: purpose, type: type, options: options, scale: scale, min: min, max: max,
            sensitive: sensitive, required: required, identifying: identifying, showIf: showIf, section: section,
            location: node.start)
        if unique {
            items[id] = item
            itemOrder.append(id)
        }
        return item
    }

    private func itemOptions(_ f: Fields, type: ItemType?, what: String) -> ([Option], String?) {
        let optionsNode = f["options"], scaleNode = f["scale"]
        guard let type else { return ([], nil) }
        guard type.hasOptions else {
            for (key, node) in [("options", optionsNode), ("scale", scaleNode)] {
                if let node {
                    context.report(
                        .invalidValue, "\(what) is a \(type.rawValue) question, which has no '\(key)'",
                        at: node.start, hint: "remove '\(key)', or make it a choice or scale question")
                }
            }
            return ([], nil)
        }
        var options: [Option] = []
        var scaleID: String?
        switch (optionsNode, scaleNode) {
        case (nil, nil):
            context.report(
                .missingKey, "\(what) is a \(type.rawValue) question with no 'options' or 'scale'",
                at: f.node.start, hint: "list its options, or name a scale with 'scale: …'")
        case (let o?, let s?):
            context.report(
                .invalidValue, "\(what) has both 'options' and 'scale'", at: s.start,
                hint: "keep one of them")
            options = self.options(o, "the options of \(what)")
        case (let o?, nil):
            options = self.options(o, "the options of \(what)")
        case (nil, let s?):
            if let name = context.string(s, "'scale' of \(what)") {
                if let scale = scales[name] {
                    options = scale.options
                    scaleID = name
                } else {
                    context.report(
                        .unknownReference, "there is no scale named '\(name)'", at: s.start,
                        hint: Suggestion.didYouMean(name, among: scales.keys.sorted())
                            ?? "define it under 'scales:'")
                }
            }
        }
        if type == .multiChoice, options.count > Self.maxMultiChoiceOptions, let node = optionsNode ?? scaleNode {
            context.report(
                .invalidValue,
                "\(what) has \(options.count) options; a multi_choice question may have at most \(Self.maxMultiChoiceOptions)",
                at: node.start, hint: "split it into two questions")
        }
        return (options, scaleID)
    }

    func options(_ node: YAMLNode, _ what: String) -> [Option] {
        var seen: [String: SourceLocation] = [:]
        let elements = context.list(node, what) ?? []
        if elements.isEmpty, case .sequence = node.kind {
            context.report(.invalidValue, "\(what) is an empty list", at: node.start, hint: "add at least one option")
        }
        return elements.enumerated().compactMap { index, element in
            guard let f = context.fields(element, "an option", allowed: Self.optionKeys, required: ["code", "label"])
            else { return nil }
            let code = f["code"].flatMap { self.code($0) }
            if let code, let codeNode = f["code"], let first = seen[code] {
                context.report(
                    .duplicateOptionCode, "the code '\(code)' is used twice in \(what)", at: codeNode.start,
                    hint: "give each option its own code",
                    notes: [context.note("'\(code)' was first used here", at: first)])
            } else if let code, let codeNode = f["code"] {
                seen[code] = codeNode.start
            }
            let label = f["label"].flatMap { context.text($0, "the label of an option", language: language) }
            let value = f["value"].flatMap { context.number($0, "the option value") } ?? Double(index)
            guard let code, let label else { return nil }
            return Option(code: code, label: label, value: value, location: element.start)
        }
    }

    /// An option code: `[a-z0-9][a-z0-9_]*`, never a reserved word. Plain `yes`, `no`, `1`
    /// are codes here, as written.
    private func code(_ node: YAMLNode) -> String? {
        guard let text = context.string(node, "an option code") else { return nil }
        let valid =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && !(text.first == "_")
        guard valid else {
            context.report(
                .invalidValue, "the option code '\(text)' may use only lower-case letters, digits and '_'",
                at: node.start, hint: "try '\(Identifier.suggest(from: text))'")
            return nil
        }
        guard !Self.reservedCodes.contains(text) else {
            context.report(
                .invalidValue, "'\(text)' is reserved for answers and cannot be an option code",
                at: node.start, hint: "the interview offers 'prefer not to say' and 'don't know' itself")
            return nil
        }
        return text
    }

    private func numberBound(_ node: YAMLNode, _ key: String, type: ItemType?, what: String) -> Double? {
        if let type, type != .number {
            context.report(
                .invalidValue, "'\(key)' applies only to number questions, and \(what) is \(type.rawValue)",
                at: node.start, hint: "remove '\(key)'")
            return nil
        }
        return context.number(node, "'\(key)' of \(what)")
    }
}
