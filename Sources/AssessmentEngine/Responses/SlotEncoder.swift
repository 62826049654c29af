import QuestionnaireDSL

/// Turns one answer into the slot expressions read: an option code into its index and
/// value, multi_choice codes into bits, yes/no into 1 or 0.
struct SlotEncoder {
    /// Why an answer could not be placed in its slot.
    struct Problem: Error {
        var code: DiagnosticCode
        var message: String
        var hint: String?
    }

    /// The slot for `value` given to `item`, or the problem with it.
    static func slot(for value: AnswerValue, of item: Item) -> Result<AnswerSlot, Problem> {
        switch (value, item.type) {
        case (.declined, _):
            return .success(.declined)
        case (.dontKnow, _):
            return .success(.dontKnow)
        case (.boolean(let answer), .yesNo):
            return .success(.boolean(answer))
        case (.code(let code), .choice), (.code(let code), .scale):
            return option(code, of: item).map { .choice(index: $0, value: item.options[$0].value) }
        case (.number(let number), .choice), (.number(let number), .scale):
            guard let index = item.options.firstIndex(where: { $0.value == number }) else {
                return .failure(notAnOption(NumberText.format(number), of: item))
            }
            return .success(.choice(index: index, value: number))
        case (.code(let code), .multiChoice):
            return option(code, of: item).map { .set(1 << UInt64($0)) }
        case (.codes(let codes), .multiChoice):
            var bits: UInt64 = 0
            for code in codes {
                switch option(code, of: item) {
                case .success(let index): bits |= 1 << UInt64(index)
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(.set(bits))
        case (.number(let number), .number):
            if let min = item.min, number < min {
                return .failure(
                    Problem(
                        code: .invalidValue,
                        message:
                            "the answer to '\(item.id)' is \(NumberText.format(number)), below its minimum \(NumberText.format(min))"
                    ))
            }
            if let max = item.max, number > max {
                return .failure(
                    Problem(
                        code: .invalidValue,
                        message:
                            "the answer to '\(item.id)' is \(NumberText.format(number)), above its maximum \(NumberText.format(max))"
                    ))
            }
            return .success(.number(number))
        case (.text, .text), (.text, .date):
            return .success(AnswerSlot(state: .answered))
        default:
            return .failure(
                Problem(
                    code: .wrongType, message: "the answer to '\(item.id)' should be \(expected(item.type))",
                    hint: "write 'declined' or 'dont_know' when she did not answer"))
        }
    }

    private static func option(_ code: String, of item: Item) -> Result<Int, Problem> {
        guard let index = item.options.firstIndex(where: { $0.code == code }), index < 64 else {
            return .failure(notAnOption(code, of: item))
        }
        return .success(index)
    }

    private static func notAnOption(_ text: String, of item: Item) -> Problem {
        let codes = item.options.map(\.code)
        return Problem(
            code: .invalidValue, message: "'\(text)' is not one of the options of '\(item.id)'",
            hint: Suggestion.didYouMean(text, among: codes) ?? "the options are: \(codes.joined(separator: ", "))")
    }

    private static func expected(_ type: ItemType) -> String {
        switch type {
        case .yesNo: "yes or no"
        case .choice, .scale: "one of its option codes"
        case .multiChoice: "a list of its option codes"
        case .number: "a number"
        case .text: "text"
        case .date: "a date"
        }
    }
}
