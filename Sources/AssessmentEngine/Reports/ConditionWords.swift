import QuestionnaireDSL

/// A checked expression said in plain words, for people reading a questionnaire on paper:
/// `has_partner and partner_afraid` becomes
/// `question 12 (“Do you have a partner?”) is yes and question 13 (“Are you ever afraid…?”) is yes`.
///
/// ```swift
/// let words = ConditionWords(compiled, numbers: ["has_partner": 12])
/// words.condition(compiled.itemShowIf[13]!.ast)
/// ```
///
/// Questions are named by their number on the page and their prompt, options by their
/// labels (a comparison of a scale with a number lists the options it allows), needs and
/// strengths by their titles; `and`, `or` and `not` are written out, with parentheses
/// where the grouping would otherwise be unclear.
public struct ConditionWords: Sendable {
    private let compiled: CompiledInstrument
    private let language: String
    private let numbers: [String: Int]
    private let items: [String: Item]

    /// Words for expressions of `compiled`, in `language` where it has it; `numbers` gives
    /// each question's number on the page (questions without one are named by prompt alone).
    public init(_ compiled: CompiledInstrument, language: String? = nil, numbers: [String: Int] = [:]) {
        self.compiled = compiled
        self.language = language ?? compiled.instrument.language
        self.numbers = numbers
        self.items = Dictionary(compiled.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A condition (a `show_if`, a rule's `when`) in words.
    public func condition(_ e: TypedExpression) -> String {
        switch e.kind {
        case .boolean(let value):
            return value ? "always" : "never"
        case .item(let id, _) where e.type == .boolean:
            return "\(question(id)) is yes"
        case .not(let inner):
            if case .item(let id, _) = inner.kind, inner.type == .boolean { return "\(question(id)) is no" }
            if case .answered(let id, _) = inner.kind { return "\(question(id)) was not answered" }
            if case .declined(let id, _) = inner.kind { return "\(question(id)) was answered" }
            return "not (\(condition(inner)))"
        case .and(let a, let b):
            return "\(grouped(a, inside: e)) and \(grouped(b, inside: e))"
        case .or(let a, let b):
            return "\(grouped(a, inside: e)) or \(grouped(b, inside: e))"
        case .compare(let op, let a, let b):
            return comparison(op, a, b)
        case .compareWithCode(let op, let x, let code):
            return "\(value(x)) \(Self.verb(op)) \(codeWords(code.code, of: x))"
        case .oneOf(let x, let codes):
            return "\(value(x)) \(Self.oneOf(codes.map { codeWords($0.code, of: x) }))"
        case .has(let set, let code):
            return "the answers to \(value(set)) include \(codeWords(code.code, of: set))"
        case .answered(let id, _):
            return "\(question(id)) was answered"
        case .declined(let id, _):
            return "\(question(id)) was left (she preferred not to say or did not know)"
        default:
            return "\(value(e)) is not 0"
        }
    }

    /// A number, answer, score or band in words.
    public func value(_ e: TypedExpression) -> String {
        switch e.kind {
        case .number(let number):
            return NumberText.format(number)
        case .boolean(let value):
            return value ? "yes" : "no"
        case .item(let id, _):
            return question(id)
        case .score(let id, _):
            return "the score for \(title(id))"
        case .band(let id, _):
            return "the band of \(title(id))"
        case .negate(let x):
            return "minus \(value(x))"
        case .arithmetic(let op, let a, let b):
            return "\(groupedValue(a)) \(Self.words(op)) \(groupedValue(b))"
        case .call(let function, let arguments):
            return call(function, arguments)
        default:
            return "whether \(condition(e))"
        }
    }

    // MARK: - Pieces

    /// `question 12 (“Do you have a partner?”)`, or the prompt alone when it has no number.
    private func question(_ id: String) -> String {
        let prompt = items[id].map { "“\(text($0.prompt))”" } ?? "'\(id)'"
        guard let number = numbers[id] else { return prompt }
        return "question \(number) (\(prompt))"
    }

    private func title(_ id: String) -> String {
        let ins = compiled.instrument
        let given = ins.needs.first { $0.id == id }?.title ?? ins.strengths.first { $0.id == id }?.title
        return given.map(text) ?? id
    }

    private func text(_ text: LocalizedText) -> String {
        text.resolve(language, fallback: compiled.instrument.language)
    }

    /// An option's label (for an answer) or a band's name (for `band(x)`), in quotes.
    private func codeWords(_ code: String, of x: TypedExpression) -> String {
        if case .item(let id, _) = x.kind, let option = items[id]?.options.first(where: { $0.code == code }) {
            return "“\(text(option.label))”"
        }
        return "‘\(Report.words(code))’"
    }

    /// A comparison; a scale or choice compared with a number lists the options it allows.
    private func comparison(_ op: ComparisonOperator, _ a: TypedExpression, _ b: TypedExpression) -> String {
        if let options = allowedOptions(op, a, b) ?? allowedOptions(op.mirrored, b, a) { return options }
        return "\(value(a)) \(Self.verb(op)) \(value(b))"
    }

    /// `question 3 (“…”) is “Sometimes”, “Often” or “Most of the time”`, when `x op number`
    /// compares an answer picked from options with a number; nil otherwise, or when every
    /// option or none is allowed (then the comparison itself says more).
    private func allowedOptions(_ op: ComparisonOperator, _ x: TypedExpression, _ n: TypedExpression) -> String? {
        guard case .item(let id, _) = x.kind, case .choice = x.type, case .number(let bound) = n.kind,
            let options = items[id]?.options
        else { return nil }
        let allowed = options.filter { Self.holds(op, $0.value, bound) }
        guard !allowed.isEmpty, allowed.count < options.count else { return nil }
        return "\(question(id)) \(Self.oneOf(allowed.map { "“\(text($0.label))”" }))"
    }

    private func call(_ function: ExpressionFunction, _ arguments: [TypedExpression]) -> String {
        let parts = arguments.map { argument -> String in
            argument.type == .boolean && function == .count ? condition(argument) : value(argument)
        }
        switch function {
        case .count:
            if arguments.count == 1, case .set = arguments[0].type {
                return "how many answers were chosen for \(parts[0])"
            }
            return "how many of these hold: \(Self.list(parts, last: "and"))"
        case .sum: return "the total of \(Self.list(parts, last: "and"))"
        case .min: return "the smallest of \(Self.list(parts, last: "and"))"
        case .max: return "the largest of \(Self.list(parts, last: "and"))"
        case .answered, .declined, .score, .band: return "\(function.rawValue)(\(parts.joined(separator: ", ")))"
        }
    }

    /// A condition inside `and`/`or`, in parentheses when it is the other of the two.
    private func grouped(_ child: TypedExpression, inside parent: TypedExpression) -> String {
        switch (child.kind, parent.kind) {
        case (.or, .and), (.and, .or): "(\(condition(child)))"
        default: condition(child)
        }
    }

    /// An operand of arithmetic, in parentheses when it is itself arithmetic or a function.
    private func groupedValue(_ e: TypedExpression) -> String {
        switch e.kind {
        case .arithmetic, .call: "(\(value(e)))"
        default: value(e)
        }
    }

    private static func holds(_ op: ComparisonOperator, _ a: Double, _ b: Double) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }

    private static func verb(_ op: ComparisonOperator) -> String {
        switch op {
        case .equal: "is"
        case .notEqual: "is not"
        case .less: "is less than"
        case .lessOrEqual: "is at most"
        case .greater: "is more than"
        case .greaterOrEqual: "is at least"
        }
    }

    private static func words(_ op: ArithmeticOperator) -> String {
        switch op {
        case .add: "plus"
        case .subtract: "minus"
        case .multiply: "times"
        case .divide: "divided by"
        }
    }

    /// `is a`, or `is one of a, b, c`: with no `or` inside, so it cannot be confused with the
    /// `or` between conditions.
    private static func oneOf(_ parts: [String]) -> String {
        parts.count == 1 ? "is \(parts[0])" : "is one of \(parts.joined(separator: ", "))"
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ parts: [String], last: String) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " \(last) " + parts[parts.count - 1]
    }
}
