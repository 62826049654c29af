import Foundation
import QuestionnaireDSL

/// What a typed line means at a question: one of the short commands shown in the footer,
/// or an answer. Front ends read a line and hand it here, so every front end understands
/// the same keys.
public enum InterviewInput: Sendable, Hashable {
    /// `?`: why we ask.
    case why
    /// `d`: she prefers not to say.
    case decline
    /// `k`: she does not know.
    case dontKnow
    /// `b`: back to the previous question.
    case back
    /// `s`: skip the rest of this section.
    case skipSection
    /// `r`: review the answers so far.
    case review
    /// `n`: the worker adds a note.
    case note
    /// `p`: pause, to carry on later.
    case pause
    /// An answer to the question.
    case answer(AnswerValue)

    /// The footer's keys and what they do, in the order shown.
    public static let keys: [(key: String, meaning: String)] = [
        ("?", "why we ask"), ("d", "prefer not to say"), ("k", "don't know"), ("b", "back"),
        ("s", "skip section"), ("r", "review"), ("n", "note"), ("p", "pause"),
    ]

    /// Reads `line` typed at `question`; a line that is neither a command nor an answer of
    /// the right kind is an ``InterviewProblem`` with a gentle message.
    public static func parse(_ line: String, at question: InterviewQuestion) throws(InterviewProblem) -> InterviewInput
    {
        let text = line.trimmingCharacters(in: .whitespaces)
        if let command = command(text) { return command }
        if text.isEmpty { throw .empty }
        return .answer(try value(text, for: question))
    }

    private static func command(_ text: String) -> InterviewInput? {
        switch text.lowercased() {
        case "?": .why
        case "d": .decline
        case "k": .dontKnow
        case "b": .back
        case "s": .skipSection
        case "r": .review
        case "n": .note
        case "p": .pause
        default: nil
        }
    }

    private static func value(_ text: String, for question: InterviewQuestion) throws(InterviewProblem) -> AnswerValue {
        switch question.type {
        case .yesNo:
            switch text.lowercased() {
            case "1", "y", "yes": return .boolean(true)
            case "2", "n", "no": return .boolean(false)
            default: throw .wrongKind(expected: "1 for yes or 2 for no")
            }
        case .choice, .scale:
            return .code(try option(text, in: question.options))
        case .multiChoice:
            let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
            var codes: [String] = []
            for part in parts {
                let code = try option(String(part), in: question.options)
                if !codes.contains(code) { codes.append(code) }
            }
            return .codes(codes)
        case .number:
            guard let number = Double(text), number.isFinite else { throw .wrongKind(expected: "a number") }
            return .number(number)
        case .text, .date:
            return .text(text)
        }
    }

    /// The code of the option numbered or named by `text`.
    private static func option(_ text: String, in options: [NumberedOption]) throws(InterviewProblem) -> String {
        if let number = Int(text) {
            guard let option = options.first(where: { $0.number == number }) else {
                throw .notAnOption(text, count: options.count)
            }
            return option.code
        }
        guard let option = options.first(where: { $0.code == text }) else {
            throw .notAnOption(text, count: options.count)
        }
        return option.code
    }
}
