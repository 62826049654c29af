import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

/// `assess sessions show ID`.
struct ShowSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a session: who, where, and what happened when.")

    @Argument(help: "The session's id (or its first characters).")
    var id: String

    @OptionGroup var store: StoreOption

    func run() throws {
        let stored = try store.open().load(id)
        let start = stored.start
        print("Session \(stored.id): \(stored.status.words)")
        print("  instrument  \(start.identity.id) \(start.identity.version) (from \(start.instrumentPath))")
        print("  worker      \(start.worker ?? "-")")
        print("  setting     \(start.setting ?? "-")")
        print("  language    \(start.language ?? "the instrument's own")")
        print("  started     \(SessionTime.iso(start.startedAt))")
        print("")
        for timed in stored.events {
            print("  \(SessionTime.clock(timed.at))  \(Self.words(timed.event))")
        }
    }

    /// One event in plain words.
    static func words(_ event: InterviewEvent) -> String {
        switch event {
        case .began: "introduction read"
        case .consent(true): "she agreed to go ahead"
        case .consent(false): "she chose not to go ahead"
        case .answered(let item, let value): "\(item): \(AnswerWords.text(value))"
        case .declined(let item): "\(item): prefers not to say"
        case .dontKnow(let item): "\(item): does not know"
        case .back(_, let to): "went back to \(to)"
        case .skipped(let section, let items): "skipped the rest of \(section) (\(items.count) left)"
        case .note(let item, let text): "note on \(item): \(text)"
        case .alertRaised(let alert): "SAFEGUARDING raised (\(alert.rule)) after \(alert.afterItem)"
        case .alertAcknowledged(let rule, let action): "safeguarding \(rule) acknowledged: \(action)"
        case .priorities(let needs): "her priorities: \(needs.isEmpty ? "none chosen" : needs.joined(separator: ", "))"
        case .agreed(let actions, let date): "agreed: \(actions) (review on \(date))"
        case .finished: "finished"
        }
    }
}

/// An answer value as plain text.
enum AnswerWords {
    static func text(_ value: AnswerValue) -> String {
        switch value {
        case .boolean(let yes): yes ? "yes" : "no"
        case .code(let code): code
        case .codes(let codes): codes.isEmpty ? "none of these" : codes.joined(separator: ", ")
        case .number(let number): NumberText.format(number)
        case .text(let text): text
        case .declined: "prefers not to say"
        case .dontKnow: "does not know"
        }
    }
}
