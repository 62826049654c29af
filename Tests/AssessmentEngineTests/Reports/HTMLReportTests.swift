import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite("Session reports in HTML, Markdown and JSON")
struct HTMLReportTests {
    static let note = "She said: <script>alert('x')</script> & \"no\" [link](http://example.org)"
    static let taken = "Called the <b>refuge</b> & booked a room"
    static let start = Date(timeIntervalSince1970: 1_700_000_000)  // 14 November 2023, 22:13:20 UTC

    /// A whole interview of the example instrument: a note on the first question asked, an
    /// alert raised and acknowledged, her priorities and an agreement, each event a minute apart.
    static func session() throws -> (StoredSession, InterviewSession, AssessmentResult) {
        let compiled = try Fixture.compile(AssessmentResultTests.text)
        var session = InterviewSession(compiled)
        try session.begin()
        try session.consent(true)
        try session.answer(.text("Ann"))
        try session.note(note)
        try session.answer(.boolean(true))
        try session.answer(.codes(["partner"]))
        try session.answer(.number(6))
        let alerts = try session.answer(.number(1))
        try session.acknowledge(alerts[0], actionTaken: taken)
        try session.answer(.boolean(true))
        try session.priorities(["substance_use"])
        try session.agree(actions: "Call the housing team together.", reviewDate: "2027-01-31")
        try session.finish()
        let events = session.events.enumerated().map { TimedEvent(event: $1, at: start + Double($0 * 60)) }
        let stored = StoredSession(
            id: "k7m2q9xd",
            start: SessionStart(
                instrumentText: AssessmentResultTests.text, instrumentPath: "t.yaml",
                identity: InstrumentIdentity(id: "example", version: "1.0.0", sha256: "abc"), worker: "Jo <Evans>",
                setting: "community", startedAt: start),
            events: events, status: .finished)
        return (stored, session, session.result(at: stored.updatedAt))
    }

    static func report() throws -> (SessionReport, AssessmentResult) {
        let (stored, session, result) = try session()
        return (SessionReport(stored, session: session, result: result), result)
    }

    @Test func typedTextIsEscapedAndNothingIsLoadedFromAnywhere() throws {
        let html = HTMLReport(try Self.report().0).render()
        #expect(html.contains(HTMLTestText.escaped(Self.note)))
        #expect(html.contains(HTMLTestText.escaped(Self.taken)))
        #expect(html.contains("Jo &lt;Evans&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        for reference in ["src=", "href=", "<link", "@import", "<iframe", "<object", "<img"] {
            #expect(!html.contains(reference), "\(reference)")
        }
        #expect(html.contains("default-src 'none'"))
        // Every url() points inside the page, and the only address in an attribute is the SVG
        // namespace (the note's address is text, escaped, not a link).
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        let addresses = html.components(separatedBy: "=\"http").dropFirst()
        #expect(!addresses.isEmpty && addresses.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") })
    }

    @Test func chartsDiagramEveryNeedAndPrintStyleArePresent() throws {
        let html = HTMLReport(try Self.report().0).render()
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 3, "a chart of needs and of strengths")
        #expect(html.contains("<svg class=\"drivers\""))
        #expect(
            html.contains("<title id=\"drives-relationships-title\">Relationships drives Drug and alcohol use</title>"))
        for need in ["Relationships", "Drug and alcohol use", "Housing"] { #expect(html.contains(">\(need)<")) }
        // substance_use (6 of 7) is in its highest band of three: solid; family support in its top band too.
        #expect(html.contains("fill=\"\(HTMLTestText.needColour)\" stroke=\"\(HTMLTestText.needColour)\""))
        #expect(html.contains("@page { size: A4 portrait"))
        #expect(html.contains(".card { border") && html.contains("break-inside: avoid"))
    }

    @Test func alertsAreListedWithTheTimeRaisedAndWhatWasDone() throws {
        let (report, _) = try Self.report()
        let alert = try #require(report.alerts.first)
        #expect(alert.rule == "nowhere_tonight")
        #expect(alert.raisedAt == Self.start + 8 * 60)
        #expect(alert.afterQuestion == "Nights with nowhere safe to sleep")
        #expect(alert.actionTaken == Self.taken)
        #expect(alert.holdsNow)
        let html = HTMLReport(report).render()
        #expect(
            html.contains(
                "<strong>Raised 14 November 2023 at 22:21 GMT</strong>, after her answer to “Nights with nowhere safe to sleep”."
            ))
        #expect(
            html.contains(
                "<strong>What was done</strong> (recorded 14 November 2023 at 22:22 GMT): Called the &lt;b&gt;refuge"))
        let markdown = MarkdownReport(report).render()
        #expect(
            markdown.contains(
                "- **Raised 14 November 2023 at 22:21 GMT**, after her answer to “Nights with nowhere safe to sleep”. Find somewhere safe tonight. **What was done** (recorded 14 November 2023 at 22:22 GMT): Called the \\<b\\>refuge\\</b\\> & booked a room"
            ))
    }

    @Test func notesStandBesideTheirQuestionsAndIdentifyingAnswersAreLeftOut() throws {
        let (report, _) = try Self.report()
        let questions = report.sections.flatMap(\.questions)
        #expect(!questions.contains { $0.item == "name" }, "her name stays out, as in every result")
        let afraid = try #require(questions.first { $0.item == "afraid" })
        #expect(afraid.notes.map(\.text) == [Self.note])
        #expect(afraid.answer == "Yes")
        #expect(questions.first { $0.item == "use_reasons" }?.answer == "My relationship")
        let html = HTMLReport(report).render()
        let row = try #require(
            html.components(separatedBy: "<tr>").first { $0.contains("Are you afraid of your partner?</td>") })
        #expect(row.contains("<td>Yes</td>"))
        #expect(row.contains(HTMLTestText.escaped(Self.note)))
        let markdown = MarkdownReport(report).render()
        #expect(
            markdown.contains(
                """
                - Are you afraid of your partner? — **Yes**
                  - *Note:* She said: \\<script\\>alert('x')\\</script\\> & "no" \\[link\\](http://example.org)
                """))
    }

    @Test func whatWasAgreedAndTheReviewDateClose() throws {
        let (report, _) = try Self.report()
        #expect(report.agreed?.actions == "Call the housing team together.")
        #expect(report.agreed?.at == Self.start + 12 * 60)
        #expect(HTMLReport(report).render().contains("<strong>Review date:</strong> Sunday 31 January 2027"))
        #expect(
            MarkdownReport(report).render().contains(
                "## What we agreed\n\nCall the housing team together.\n\n**Review date:** Sunday 31 January 2027"))
    }

    @Test func jsonHoldsTheResultBesideTheSession() throws {
        let (report, result) = try Self.report()
        let json = try report.jsonString(result: result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["id"] as? String == "k7m2q9xd")
        #expect(session["status"] as? String == "finished")
        #expect(session["started_at"] as? String == "2023-11-14T22:13:20Z")
        let alerts = try #require(session["alerts"] as? [[String: Any]])
        #expect(alerts.first?["raised_at"] as? String == "2023-11-14T22:21:20Z")
        #expect(alerts.first?["action_taken"] as? String == Self.taken)
        let notes = try #require(session["notes"] as? [[String: Any]])
        #expect(notes.first?["item"] as? String == "afraid")
        #expect((session["agreed"] as? [String: Any])?["review_date"] as? String == "2027-01-31")
        let resultData = try JSONSerialization.data(withJSONObject: try #require(object["result"]))
        #expect(try AssessmentResult(json: resultData) == result)
    }

    @Test func textsAreInTheChosenLanguageWhereTheInstrumentHasThem() throws {
        let compiled = try Fixture.compile(
            Fixture.instrument(
                """
                sections:
                  - id: s
                    title: {en-GB: You, cy: Chi}
                    items:
                      - {id: low, prompt: {en-GB: Do you feel low?, cy: Ydych chi'n teimlo'n isel?}, type: yes_no}
                needs:
                  - {id: mood, title: {en-GB: Mood, cy: Hwyliau}, target: mental_health, score: low, max: 1, bands: {low: 0, high: 1}}
                """))
        let (result, _) = Assessor(compiled).assess(Fixture.answers(["low": .dontKnow]), at: Self.start)
        let welsh = MarkdownReport(Report(result, instrument: compiled.instrument, language: "cy")).render()
        #expect(
            welsh.contains(
                "- **Hwyliau** could not be assessed, so it is unknown, not absent. Missing: “Ydych chi'n teimlo'n isel?” (she did not know)."
            ))
        let fallback = MarkdownReport(Report(result, instrument: compiled.instrument, language: "fr")).render()
        #expect(
            fallback.contains(
                "- **Mood** could not be assessed, so it is unknown, not absent. Missing: “Do you feel low?” (she did not know)."
            ))
        let paper = QuestionnaireMarkdown(PrintedQuestionnaire(compiled, language: "cy")).render()
        #expect(paper.contains("## 1. Chi") && paper.contains("**1. Ydych chi'n teimlo'n isel?** `low`"))
    }

    @Test func withoutASessionTheActionsAreForToday() throws {
        let compiled = try Fixture.compile(AssessmentResultTests.text)
        let (result, _) = Assessor(compiled).assess(
            Fixture.answers(["nights_unsafe": .number(2)]), at: Date(timeIntervalSince1970: 0))
        let html = HTMLReport(Report(result, instrument: compiled.instrument)).render()
        #expect(html.contains("<strong>Act today:</strong> Find somewhere safe tonight."))
        #expect(html.contains("<dt>Assessed</dt><dd>1 January 1970 at 00:00 GMT</dd>"))
        #expect(!html.contains("Her answers, question by question"))
        #expect(!html.contains("What we agreed"))
    }
}

/// What the tests compare HTML with.
enum HTMLTestText {
    static let needColour = "#a8431f"

    /// `text` as the report escapes it.
    static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;").replacing("'", with: "&#39;")
    }
}
