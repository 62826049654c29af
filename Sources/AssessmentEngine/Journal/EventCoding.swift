import Foundation

/// Interview events as the JSON stored in the journal's `event.payload` column.
enum EventCoding {
    static func encode(_ event: InterviewEvent) throws(JournalError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(event), as: UTF8.self)
        } catch {
            throw .failed(action: "record the event", reason: "\(error)")
        }
    }

    static func decode(_ payload: String, session: String) throws(JournalError) -> InterviewEvent {
        do {
            return try JSONDecoder().decode(InterviewEvent.self, from: Data(payload.utf8))
        } catch {
            throw .failed(
                action: "read session \(session)",
                reason: "an event was written by a newer or different version of assess")
        }
    }
}
