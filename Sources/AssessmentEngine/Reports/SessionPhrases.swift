import Foundation

/// Dates and times as a report shows them to people: `23 November 2026 at 10:42 GMT`.
struct ReportTime {
    private let moment: DateFormatter
    private let calendarDay: DateFormatter

    /// Times written in `timeZone`.
    init(_ timeZone: TimeZone) {
        moment = DateFormatter()
        moment.locale = Locale(identifier: "en_GB")
        moment.timeZone = timeZone
        moment.dateFormat = "d MMMM yyyy 'at' HH:mm zzz"
        calendarDay = DateFormatter()
        calendarDay.locale = Locale(identifier: "en_GB")
        calendarDay.timeZone = TimeZone(identifier: "UTC")
        calendarDay.dateFormat = "yyyy-MM-dd"
    }

    /// A moment: `23 November 2026 at 10:42 GMT`.
    func moment(_ date: Date) -> String { moment.string(from: date) }

    /// A calendar date written `YYYY-MM-DD` in words: `31 January 2027` (as given when it is not one).
    func day(_ text: String) -> String {
        guard let date = calendarDay.date(from: text) else { return text }
        let words = DateFormatter()
        words.locale = Locale(identifier: "en_GB")
        words.timeZone = calendarDay.timeZone
        words.dateFormat = "EEEE d MMMM yyyy"
        return words.string(from: date)
    }
}

/// The facts at the top of a session's report, as label and value.
enum SessionFacts {
    /// Who, where, when and with what, in the order shown.
    static func rows(_ details: SessionReport.Details, report: Report, time: ReportTime) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("Worker", details.worker ?? "not recorded"),
            ("Setting", details.setting.map(Report.words) ?? "not recorded"),
            ("Started", time.moment(details.startedAt)),
        ]
        let updated = time.moment(details.updatedAt)
        if updated != time.moment(details.startedAt) { rows.append(("Last updated", updated)) }
        rows.append(("Session", "\(details.id) (\(details.status.words))"))
        rows.append(("Questionnaire", "\(report.instrumentID) \(report.version)"))
        if let language = details.language { rows.append(("Language", language)) }
        return rows
    }
}

extension SessionReport {
    /// True when she chose not to go ahead: there are no answers, so nothing to assess.
    var endedWithoutConsent: Bool { details?.status == .endedWithoutConsent }

    /// What a reader must know first about where the session stands, if anything.
    var statusNote: String? {
        guard let details else { return nil }
        switch details.status {
        case .finished:
            return nil
        case .inProgress:
            return "This interview is not finished: what follows comes from the questions answered so far. "
                + "To carry on: assess resume \(details.id)"
        case .endedWithoutConsent:
            return "She chose not to go ahead with the questions, and nothing she said was stored, so there is "
                + "nothing to report. That was her choice; she can be offered the conversation again another time."
        }
    }
}

/// A safeguarding alert in words.
struct SafetyWords {
    let time: ReportTime

    init(_ timeZone: TimeZone) {
        time = ReportTime(timeZone)
    }

    /// The alert's sentences, to be read in order: without a session, `**Act today:** <action>`;
    /// in a session, when it was raised and after which question, the action, what was done,
    /// and whether her answers still raise it.
    func alert(_ alert: SessionReport.Alert) -> [Phrase] {
        guard let raised = alert.raisedAt else { return ["\(strong: "Act today:") \(alert.action)"] }
        var after = alert.afterQuestion.map { ", after her answer to “\($0)”" } ?? ""
        if !(alert.afterQuestion?.last.map { ".?!".contains($0) } ?? false) { after += "." }
        var phrases: [Phrase] = ["\(strong: "Raised \(time.moment(raised))")\(after)", "\(alert.action)"]
        if let taken = alert.actionTaken {
            let when = alert.acknowledgedAt.map { " (recorded \(time.moment($0)))" } ?? ""
            phrases.append("\(strong: "What was done")\(when): \(typed: taken)")
        } else {
            phrases.append("\(strong: "What was done has not been recorded yet.")")
        }
        if !alert.holdsNow { phrases.append("Her answers changed later, and no longer raise it.") }
        return phrases
    }
}

/// One row of her priorities beside the assessment's.
struct PriorityRow {
    /// The row's number, from 1.
    var number: Int
    /// The need she puts here; nil past her last.
    var hers: String?
    /// The need the assessment ranks here, marked when it is a lynch-pin; nil past the last.
    var assessment: String?

    /// As many rows as the longer list.
    static func rows(_ report: Report) -> [PriorityRow] {
        (0..<max(report.herPriorities.count, report.rankingTop.count)).map { i in
            var engine: String?
            if i < report.rankingTop.count {
                let id = report.rankingTop[i].id
                engine = report.rankingTop[i].title
                if report.lynchpins.contains(where: { $0.name.id == id }) { engine! += " (lynch-pin)" }
            }
            return PriorityRow(
                number: i + 1, hers: i < report.herPriorities.count ? report.herPriorities[i].title : nil,
                assessment: engine)
        }
    }
}

/// Her answers to the questions, in words.
enum QuestionWords {
    /// Said before the list of her answers.
    static let introduction =
        "What she said to each question she was asked, with your notes beside them. Questions she chose to "
        + "leave are marked; that was her choice."

    /// Said before the answers in the HTML report's appendix, which may start a new page.
    static let heading = "Her answers, question by question"

    /// The answer in words: her own text in quotes, the labels she chose, or why there is none.
    static func answer(_ question: SessionReport.Question) -> String {
        let given = question.answer.map { question.inHerWords ? "“\($0)”" : $0 }
        switch question.state {
        case "answered": return given ?? ""
        case "declined": return "she preferred not to say"
        case "dont_know": return "she did not know"
        case "not_applicable":
            return (given.map { "\($0) — " } ?? "") + "no longer asked after a later answer, so not counted"
        default: return "not answered"
        }
    }
}
