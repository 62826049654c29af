import AssessmentEngine
import Foundation

/// Input for piped interviews of the women's needs instrument, and a store to keep them in.
enum InterviewScript {
    static let instrument = CLI.root.appendingPathComponent("Instruments/womens-needs.yaml").path

    /// A new store path in its own temporary folder.
    static func store() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("assess-store-\(UUID().uuidString)")
            .appendingPathComponent("sessions.sqlite").path
    }

    /// Introduction and consent.
    static let opening = "\n1\n"

    /// "Don't know" to every question, no priorities, then the agreement: finishes any
    /// interview of the instrument (extra lines at the priorities are re-prompted gently).
    static let dontKnowToTheEnd =
        String(repeating: "k\n", count: 80) + "0\nCall the housing team together\n2027-01-31\n"

    /// The session id from a pause or finish message.
    static func sessionID(in output: String) throws -> String {
        let patterns = ["assess resume ", "saved as session ", "Session "]
        for pattern in patterns {
            if let range = output.range(of: pattern) {
                let id = output[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
                if id.count == 8 { return String(id) }
            }
        }
        throw CocoaError(.coderValueNotFound)
    }
}
