import Foundation

extension SessionReport {
    /// The session as one JSON document for other systems: the result exactly as
    /// `assess score --format json` writes it, under `result`, beside the session's details,
    /// alerts, notes and what was agreed, under `session` (keys sorted, snake_case, times in
    /// ISO 8601 UTC). Identifying questions' notes are left out, as their answers are.
    public func jsonString(result: AssessmentResult) throws -> String {
        let document = Document(schemaVersion: 1, session: details.map { Session(self, details: $0) }, result: result)
        return String(decoding: try AssessmentResult.encoder().encode(document), as: UTF8.self)
    }

    private struct Document: Encodable {
        var schemaVersion: Int
        var session: Session?
        var result: AssessmentResult
    }

    private struct Session: Encodable {
        var id: String
        var status: SessionStatus
        var worker: String?
        var setting: String?
        var language: String?
        var startedAt: String
        var updatedAt: String
        var alerts: [AlertRecord]
        var notes: [NoteRecord]
        var agreed: AgreedRecord?

        init(_ report: SessionReport, details: Details) {
            id = details.id
            status = details.status
            worker = details.worker
            setting = details.setting
            language = details.language
            startedAt = AssessmentResult.timestamp(details.startedAt)
            updatedAt = AssessmentResult.timestamp(details.updatedAt)
            alerts = report.alerts.map(AlertRecord.init)
            notes = report.sections.flatMap(\.questions).flatMap { question in
                question.notes.map {
                    NoteRecord(item: question.item, text: $0.text, at: $0.at.map(AssessmentResult.timestamp))
                }
            }
            agreed = report.agreed.map {
                AgreedRecord(actions: $0.actions, reviewDate: $0.reviewDate, at: $0.at.map(AssessmentResult.timestamp))
            }
        }
    }

    private struct AlertRecord: Encodable {
        var rule: String
        var action: String
        var raisedAt: String?
        var afterItem: String?
        var afterQuestion: String?
        var actionTaken: String?
        var acknowledgedAt: String?
        var holdsNow: Bool

        init(_ alert: Alert) {
            rule = alert.rule
            action = alert.action
            raisedAt = alert.raisedAt.map(AssessmentResult.timestamp)
            afterItem = alert.afterItem
            afterQuestion = alert.afterQuestion
            actionTaken = alert.actionTaken
            acknowledgedAt = alert.acknowledgedAt.map(AssessmentResult.timestamp)
            holdsNow = alert.holdsNow
        }
    }

    private struct NoteRecord: Encodable {
        var item: String
        var text: String
        var at: String?
    }

    private struct AgreedRecord: Encodable {
        var actions: String
        var reviewDate: String
        var at: String?
    }
}
