import ArgumentParser
import AssessmentEngine
import Foundation

/// `assess sessions list`.
struct ListSessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the sessions, most recently updated first.")

    @OptionGroup var store: StoreOption

    @ArgumentParser.Option(help: "text or json.")
    var format: ListFormat = .text

    enum ListFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let journal = try store.open()
        let sessions: [SessionSummary]
        do {
            sessions = try journal.sessions()
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCodes.storeUnavailable
        }
        switch format {
        case .json:
            print(try Self.json(sessions))
        case .text:
            guard !sessions.isEmpty else {
                print("No sessions in \(store.resolvedPath) yet. 'assess interview' starts one.")
                return
            }
            var rows = [["id", "instrument", "worker", "setting", "started", "updated", "status", "answered"]]
            for s in sessions {
                rows.append([
                    s.id, "\(s.instrumentID)@\(s.instrumentVersion)", s.worker ?? "-", s.setting ?? "-",
                    SessionTime.minute(s.startedAt), SessionTime.minute(s.updatedAt), s.status.words, "\(s.answered)",
                ])
            }
            print(TextTable.render(rows))
        }
    }

    private static func json(_ sessions: [SessionSummary]) throws -> String {
        let objects: [[String: Any]] = sessions.map { s in
            [
                "id": s.id, "instrument": s.instrumentID, "version": s.instrumentVersion,
                "worker": s.worker ?? NSNull(), "setting": s.setting ?? NSNull(),
                "started": SessionTime.iso(s.startedAt), "updated": SessionTime.iso(s.updatedAt),
                "status": s.status.rawValue, "answered": s.answered,
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Times as sessions show them, in UTC.
enum SessionTime {
    /// `2026-11-23T14:05:09Z`.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// `2026-11-23 14:05`.
    static func minute(_ date: Date) -> String {
        String(iso(date).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// `14:05:09`.
    static func clock(_ date: Date) -> String {
        String(iso(date).dropFirst(11).prefix(8))
    }
}

/// Columns padded to their widest cell.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
