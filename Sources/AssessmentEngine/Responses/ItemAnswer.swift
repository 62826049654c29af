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

/// Numbers in words: whole numbers without a decimal point, others with up to 4 decimals.
public enum NumberText {
    /// `3`, `2.5`, `0.3333`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format4(value))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func format4(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / 10_000, fraction = magnitude % 10_000
        let digits = String(fraction)
        return (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
