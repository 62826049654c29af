/// Reads answers (`item id → value`) for an instrument, from an answers file or an
/// instrument test, checking each value against its item: unknown items, codes that are
/// not options, numbers out of range, declining a required question.
///
/// Values: an option code (a number picks the option with that `value`), a list of codes
/// for multi_choice, a number, yes/no, text, or the reserved words `declined` and
/// `dont_know`. Her own priorities go under `_priorities`: up to three need ids.
public struct AnswerReader: Sendable {
    /// The key under which her own priorities are given.
    public static let prioritiesKey = "_priorities"
    /// The most priorities she is asked for.
    public static let maxPriorities = 3

    let items: [String: Item]
    let itemOrder: [String]
    let needs: [String]

    /// Creates a reader for an instrument's items and needs.
    public init(instrument: Instrument) {
        let all = instrument.items
        self.items = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.itemOrder = all.map(\.id)
        self.needs = instrument.needs.map(\.id)
    }

    init(items: [String: Item], itemOrder: [String], needs: [String]) {
        self.items = items
        self.itemOrder = itemOrder
        self.needs = needs
    }

    /// Reads a whole answers document.
    public func read(_ source: SourceFile, limits: YAMLLimits = .standard) -> (
        answers: [AnswerEntry], priorities: [String], diagnostics: [Diagnostic]
    ) {
        let (root, yamlDiagnostics) = YAMLReader(limits: limits).read(source)
        guard let root else { return ([], [], yamlDiagnostics) }
        let context = LoadContext(file: source.name)
        let (answers, priorities) = read(root, context: context, what: "the answers")
        return (answers, priorities, (yamlDiagnostics + context.diagnostics).sortedByLocation())
    }

    func read(_ node: YAMLNode, context: LoadContext, what: String) -> ([AnswerEntry], [String]) {
        guard case .mapping(let pairs) = node.kind else {
            context.wrongType(node, what, expected: "a mapping of item ids to answers")
            return ([], [])
        }
        var answers: [AnswerEntry] = []
        var priorities: [String] = []
        for pair in pairs {
            if pair.name == Self.prioritiesKey {
                priorities = self.priorities(pair.value, context: context)
                continue
            }
            guard let item = items[pair.name] else {
                context.report(
                    .unknownReference, "\(what) name the item '\(pair.name)', which does not exist", at: pair.key.start,
                    hint: Suggestion.didYouMean(pair.name, among: itemOrder)
                        ?? "answers are keyed by the items' ids; her priorities go under '\(Self.prioritiesKey)'")
                continue
            }
            if let value = value(pair.value, for: item, context: context) {
                answers.append(AnswerEntry(item: item.id, value: value, location: pair.value.start))
            }
        }
        return (answers, priorities)
    }

    private func priorities(_ node: YAMLNode, context: LoadContext) -> [String] {
        let ids = context.idList(node, "'\(Self.prioritiesKey)'")
        if ids.count > Self.maxPriorities {
            context.report(
                .invalidValue, "her priorities list \(ids.count) needs; at most \(Self.maxPriorities) are asked for",
                at: node.start, hint: "keep the three that matter most to her, most important first")
        }
        var seen = Set<String>()
        return ids.compactMap { id, location in
            guard needs.contains(id) else {
                context.report(
                    .unknownReference, "'\(Self.prioritiesKey)' names '\(id)', which is not a need", at: location,
                    hint: Suggestion.didYouMean(id, among: needs) ?? "name needs by their ids")
                return nil
            }
            guard seen.insert(id).inserted else {
                context.report(.invalidValue, "'\(id)' is named twice in her priorities", at: location)
                return nil
            }
            return id
        }
    }

    /// The answer `node` gives to `item`, or nil after a report.
    func value(_ node: YAMLNode, for item: Item, context: LoadContext) -> AnswerValue? {
        // Built only when a message needs it: most answers are fine.
        func what() -> String { "the answer to '\(item.id)'" }
        // The reserved words count however they are written (JSON quotes every string),
        // except that a quoted 'declined' given to a text question is that text.
        let freeText = item.type == .text || item.type == .date
        if let word = node.scalar, node.isPlainScalar || !freeText,
            word == AnswerValue.declinedWord || word == AnswerValue.dontKnowWord
        {
            if item.required {
                context.report(
                    .invalidValue, "'\(item.id)' is required and cannot be left unanswered", at: node.start,
                    hint: "give an answer, or remove 'required' from the item")
                return nil
            }
            return word == AnswerValue.declinedWord ? .declined : .dontKnow
        }
        switch item.type {
        case .yesNo:
            return context.bool(node, what()).map(AnswerValue.boolean)
        case .choice, .scale:
            return code(node, for: item, context: context).map(AnswerValue.code)
        case .multiChoice:
            let elements: [YAMLNode]
            if case .sequence(let list) = node.kind { elements = list } else { elements = [node] }
            let codes = elements.compactMap { code($0, for: item, context: context) }
            return codes.count == elements.count ? .codes(codes) : nil
        case .number:
            guard let number = context.number(node, what()) else { return nil }
            if let min = item.min, number < min {
                context.report(
                    .invalidValue,
                    "\(what()) is \(LoadContext.format(number)), below its minimum \(LoadContext.format(min))",
                    at: node.start)
                return nil
            }
            if let max = item.max, number > max {
                context.report(
                    .invalidValue,
                    "\(what()) is \(LoadContext.format(number)), above its maximum \(LoadContext.format(max))",
                    at: node.start)
                return nil
            }
            return .number(number)
        case .text:
            return context.string(node, what()).map(AnswerValue.text)
        case .date:
            guard let text = context.string(node, what()) else { return nil }
            guard DateText.isValid(text) else {
                context.report(
                    .invalidValue, "\(what()) '\(text)' is not a date", at: node.start,
                    hint: "write dates as YYYY-MM-DD, e.g. 2026-03-01")
                return nil
            }
            return .text(text)
        }
    }

    /// An option's code, from its code or (for a plain number) its value.
    private func code(_ node: YAMLNode, for item: Item, context: LoadContext) -> String? {
        guard let text = context.string(node, "the answer to '\(item.id)'") else { return nil }
        if let option = item.options.first(where: { $0.code == text }) { return option.code }
        if let number = LoadContext.numberWord(node), let option = item.options.first(where: { $0.value == number }) {
            return option.code
        }
        let codes = item.options.map(\.code)
        context.report(
            .invalidValue, "'\(text)' is not one of the options of '\(item.id)'", at: node.start,
            hint: Suggestion.didYouMean(text, among: codes) ?? "the options are: \(codes.joined(separator: ", "))")
        return nil
    }
}

/// Dates as written in answers: `YYYY-MM-DD`.
enum DateText {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        let days = [
            31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
            31,
        ]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }
}
