import QuestionnaireDSL

/// One item's answer as people and other systems read it: its state and, when answered,
/// its value in words (an option code, `yes`/`no`, a number, codes joined by `;`).
public struct ItemAnswer: Sendable, Hashable, Codable {
    /// The item's id.
    public var item: String
    /// `answered`, `declined`, `dont_know`, `unanswered` or `not_applicable`.
    public var state: String
    /// The value when answered: an option code, `yes`/`no`, a number, or codes joined by `;`.
    public var value: String?

    /// Creates an answer.
    public init(item: String, state: String, value: String?) {
        self.item = item
        self.state = state
        self.value = value
    }

    /// The word for a slot state, as written in results.
    public static func word(for state: AnswerState) -> String {
        switch state {
        case .answered: "answered"
        case .declined: "declined"
        case .dontKnow: "dont_know"
        case .unanswered: "unanswered"
        case .notApplicable: "not_applicable"
        }
    }

    /// The answer to `item` (at `slot`) in `responses`.
    public init(_ item: Item, slot: Int, in responses: Responses) {
        let answer = responses.slots[slot]
        self.item = item.id
        self.state = Self.word(for: answer.state)
        self.value = answer.state == .answered ? Self.text(answer, of: item, text: responses.texts[slot]) : nil
    }

    /// An answered slot's value in words.
    static func text(_ slot: AnswerSlot, of item: Item, text: String?) -> String {
        switch item.type {
        case .yesNo:
            return slot.number != 0 ? "yes" : "no"
        case .choice, .scale:
            let index = Int(slot.code)
            return item.options.indices.contains(index) ? item.options[index].code : NumberText.format(slot.number)
        case .multiChoice:
            return item.options.indices.filter { $0 < 64 && slot.set & (1 << UInt64($0)) != 0 }
                .map { item.options[$0].code }.joined(separator: ";")
        case .number:
            return NumberText.format(slot.number)
        case .text, .date:
            return text ?? ""
        }
    }
}

/// Numbers in words: whole numbers without a decimal point, others with up to 4 decimals
/// (or as many as asked).
public enum NumberText {
    /// `3`, `2.5`, `0.3333`.
    public static func format(_ value: Double) -> String { format(value, decimals: 4) }

    /// With up to `decimals` decimals: `format(1.0 / 3, decimals: 9)` is `0.333333333`.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let scale = pow10(decimals)
        guard abs(value) * scale < 9e18 else { return "\(value)" }
        var text = fixed(value, decimals: decimals, scale: scale)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    private static func fixed(_ value: Double, decimals: Int, scale: Double) -> String {
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let unit = Int64(scale)
        let whole = magnitude / unit, fraction = magnitude % unit
        let digits = String(fraction)
        return (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
    }
}
