import Foundation

/// An assessment as one self-contained HTML page, written for the worker to go through with
/// her: on screen, or printed on A4.
///
/// ```swift
/// let html = HTMLReport(SessionReport(stored, session: session, result: result)).render()
/// ```
///
/// It says what ``MarkdownReport`` says, in the same words, and adds an inline SVG chart of
/// her needs and strengths by band and a small diagram of the needs linked to the lynch-pin.
/// Nothing is loaded from anywhere (the style is inline, and the page forbids loading), every
/// text is escaped, and bands are told by words and patterns as well as colour.
public struct HTMLReport: Sendable {
    /// What the report says.
    public let session: SessionReport
    /// The time zone dates and times are written in.
    public let timeZone: TimeZone

    /// The assessment alone.
    public var report: Report { session.report }

    /// Creates an HTML rendering of `report`, an assessment with no session.
    public init(_ report: Report) {
        self.init(SessionReport(report))
    }

    /// Creates an HTML rendering of `session`, with times in `timeZone`.
    public init(_ session: SessionReport, timeZone: TimeZone = .gmt) {
        self.session = session
        self.timeZone = timeZone
    }

    /// The whole document.
    public func render() -> String {
        let status = session.statusNote.map { "<p class=\"status\">\(e($0))</p>" } ?? ""
        let parts =
            session.endedWithoutConsent
            ? [header(), status, footer()]
            : [header(), status, safetyFirst(), glance(), lynchpins(), otherNeeds(), herView(), strengths()]
                + [otherAdvice(), unknowns(), agreed(), answers(), footer()]
        let title = report.title.isEmpty ? report.instrumentID : report.title
        return HTMLPage.document(
            title: "\(title): summary", body: parts.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    // MARK: - Sections

    private func header() -> String {
        let title = report.title.isEmpty ? report.instrumentID : report.title
        var facts: [(String, String)]
        if let details = session.details {
            facts = SessionFacts.rows(details, report: report, time: ReportTime(timeZone))
        } else {
            let assessed = ISO8601DateFormatter().date(from: report.assessedAt).map(ReportTime(timeZone).moment)
            facts = [
                ("Assessed", assessed ?? report.assessedAt),
                ("Questionnaire", "\(report.instrumentID) \(report.version)"),
            ]
        }
        let rows = facts.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }.joined()
        return """
            <header>
            <p class="kicker">A summary to go through together</p>
            <h1>\(e(title))</h1>
            <p class="lead">\(e(ReportPhrases.startingPoint))</p>
            <dl class="facts">\(rows)</dl>
            </header>
            """
    }

    private func safetyFirst() -> String {
        guard !session.alerts.isEmpty || !report.tier0.isEmpty else { return "" }
        let words = SafetyWords(timeZone)
        var items = session.alerts.map { alert in
            "<li class=\"alert\">" + words.alert(alert).map { "<p>\($0.html)</p>" }.joined() + "</li>"
        }
        items += report.tier0.map { "<li class=\"alert\"><p>\(ReportPhrases.tier0($0).html)</p></li>" }
        return """
            <section class="safety" aria-labelledby="safety">
            <h2 id="safety">Safety and basic needs first</h2>
            <p>\(e(ReportPhrases.safetyFirst))</p>
            <ul>\(items.joined(separator: "\n"))</ul>
            </section>
            """
    }

    private func glance() -> String {
        guard report.needMeasures.contains(where: { $0.band != nil }) else { return "" }
        var figures = [
            "<h3>Her needs</h3>",
            figure(
                MeasureChart(
                    kind: "needs", title: "Her needs by band", colour: HTMLPage.needColour, firstBand: "not present",
                    measures: report.needMeasures
                ).render(),
                caption: "Needs, highest band first. The longer the bar, the higher the score; a dashed mark "
                    + "shows where a band begins.",
                zero: ("Nothing shows on her answers for", report.needMeasures)),
        ]
        if !report.strengthMeasures.isEmpty {
            figures.append("<h3>Her strengths</h3>")
            figures.append(
                figure(
                    MeasureChart(
                        kind: "strengths", title: "Her strengths by band", colour: HTMLPage.strengthColour,
                        firstBand: "not yet", measures: report.strengthMeasures
                    ).render(),
                    caption: "Strengths, highest band first: the higher the band, the more there is to build on.",
                    zero: ("Not yet found on her answers", report.strengthMeasures)))
        }
        return """
            <section aria-labelledby="glance">
            <h2 id="glance">At a glance</h2>
            \(figures.joined(separator: "\n"))
            </section>
            """
    }

    private func lynchpins() -> String {
        guard !report.lynchpins.isEmpty else {
            guard report.anyNeedAssessed else { return "" }
            return "<section><h2>Needs</h2><p>No need shows on these answers.</p></section>"
        }
        let single = report.lynchpins.count == 1
        let heading = single ? "The lynch-pin: \(report.lynchpins[0].name.title)" : "Joint lynch-pins"
        let lead =
            single
            ? "The need that holds up the others most: work on it early."
            : "These needs hold up the others almost equally: work on them together."
        let cards = report.lynchpins.map { card($0, heading: $0.name.title, lynchpin: true) }
        return """
            <section aria-labelledby="lynchpin">
            <div class="keep">
            <h2 id="lynchpin">\(e(heading))</h2>
            <p>\(e(lead))</p>
            \(cards[0])
            </div>
            \(cards.dropFirst().joined(separator: "\n"))
            </section>
            """
    }

    private func otherNeeds() -> String {
        guard !report.otherNeeds.isEmpty else { return "" }
        let cards = report.otherNeeds.map { card($0, heading: "\($0.rank ?? 0). \($0.name.title)", lynchpin: false) }
        return """
            <section aria-labelledby="others">
            <div class="keep">
            <h2 id="others">Other needs, by how much they hold up</h2>
            \(cards[0])
            </div>
            \(cards.dropFirst().joined(separator: "\n"))
            </section>
            """
    }

    private func herView() -> String {
        guard !report.herPriorities.isEmpty else {
            guard !report.rankingTop.isEmpty else { return "" }
            return """
                <section aria-labelledby="priorities">
                <h2 id="priorities">Her priorities and the assessment's</h2>
                <p>She has not named her own priorities yet: ask her what matters most to her now.</p>
                </section>
                """
        }
        let rows = PriorityRow.rows(report).map { row in
            "<tr><td>\(row.number)</td><td>\(e(row.hers ?? "—"))</td><td>\(e(row.assessment ?? "—"))</td></tr>"
        }
        let talk =
            report.talkingPoints.isEmpty
            ? "<p>Her priorities and the assessment agree.</p>"
            : """
            <div class="talk">
            <h3>To talk about with her</h3>
            <ul>\(report.talkingPoints.map { "<li>\(ReportPhrases.talkingPoint($0).html)</li>" }.joined())</ul>
            </div>
            """
        return """
            <section class="keep" aria-labelledby="priorities">
            <h2 id="priorities">Her priorities and the assessment's</h2>
            <table>
            <thead><tr><th class="num" scope="col"><span class="muted">#</span></th><th scope="col">Her priorities</th>\
            <th scope="col">The assessment</th></tr></thead>
            <tbody>\(rows.joined())</tbody>
            </table>
            \(talk)
            </section>
            """
    }

    private func strengths() -> String {
        guard !report.strengths.isEmpty else { return "" }
        let rows = report.strengths.map { strength in
            let helps = strength.supports.map(\.title).joined(separator: ", ")
            return "<tr><td>\(e(strength.name.title))</td><td>\(e(strength.band ?? ""))</td><td>\(e(helps))</td></tr>"
        }
        return """
            <section aria-labelledby="strengths">
            <h2 id="strengths">Her strengths</h2>
            <table>
            <colgroup><col style="width: 36%"><col style="width: 20%"><col></colgroup>
            <thead><tr><th scope="col">Strength</th><th scope="col">How strong</th><th scope="col">Helps with</th></tr></thead>
            <tbody>\(rows.joined())</tbody>
            </table>
            </section>
            """
    }

    private func otherAdvice() -> String {
        guard let (heading, lines) = ReportPhrases.otherAdvice(report) else { return "" }
        return """
            <section>
            <h2>\(e(heading))</h2>
            <ul>\(lines.map { "<li>\(e($0))</li>" }.joined())</ul>
            </section>
            """
    }

    private func unknowns() -> String {
        guard !report.unknowns.isEmpty else { return "" }
        let note = ReportPhrases.anyDeclined(report) ? "<p>\(e(ReportPhrases.declinedNote))</p>" : ""
        return """
            <section aria-labelledby="unknown">
            <h2 id="unknown">Still unknown</h2>
            \(note)
            <ul>\(report.unknowns.map { "<li>\(ReportPhrases.unknown($0).html)</li>" }.joined(separator: "\n"))</ul>
            </section>
            """
    }

    private func agreed() -> String {
        guard let agreed = session.agreed else { return "" }
        return """
            <section aria-labelledby="agreed">
            <h2 id="agreed">What we agreed</h2>
            <div class="agreed">
            <p class="actions">\(e(agreed.actions))</p>
            <p><strong>Review date:</strong> \(e(ReportTime(timeZone).day(agreed.reviewDate)))</p>
            </div>
            </section>
            """
    }

    private func answers() -> String {
        guard !session.sections.isEmpty else { return "" }
        let sections = session.sections.map { section in
            let rows = section.questions.map { question in
                let answerClass = question.state == "answered" ? "" : " class=\"left\""
                let notes = question.notes.map { "<span class=\"note-text\">\(e($0.text))</span>" }.joined()
                return "<tr><td>\(e(question.prompt))</td><td\(answerClass)>\(e(QuestionWords.answer(question)))</td>"
                    + "<td class=\"note\">\(notes)</td></tr>"
            }
            return """
                <h3>\(e(section.title))</h3>
                <table>
                <colgroup><col style="width: 44%"><col style="width: 26%"><col></colgroup>
                <thead><tr><th scope="col">Question</th><th scope="col">Her answer</th><th scope="col">Notes</th></tr></thead>
                <tbody>\(rows.joined(separator: "\n"))</tbody>
                </table>
                """
        }
        return """
            <section class="answers" aria-labelledby="answers">
            <h2 id="answers">\(e(QuestionWords.heading))</h2>
            <p>\(e(QuestionWords.introduction))</p>
            \(sections.joined(separator: "\n"))
            </section>
            """
    }

    private func footer() -> String {
        """
        <footer>Written by assess \(e(AssessmentEngineVersion.current)) from the questionnaire \(e(report.instrumentID)) \
        \(e(report.version)). It holds personal information: keep it as safely as her answers, and share it only \
        as agreed with her.</footer>
        """
    }

    // MARK: - One need

    private func card(_ need: Report.Need, heading: String, lynchpin: Bool) -> String {
        var parts = ["<div class=\"card-head\"><h3>\(e(heading))</h3>\(tag(need))</div>"]
        if let summary = ReportPhrases.summary(need, band: false) { parts.append("<p>\(summary.html)</p>") }
        if lynchpin,
            let diagram = DriverDiagram(centre: need.name, steps: allSteps, colour: HTMLPage.needColour).render()
        {
            parts.append(
                figure(
                    diagram,
                    caption: "How \(need.name.title) links with her other needs: an arrow means her answers show "
                        + "the first need driving the second, and the thicker the arrow, the stronger the link."))
        }
        if let (sentence, reasons) = ReportPhrases.influence(need) {
            parts.append("<p>\(sentence.html)</p>")
            if !reasons.isEmpty { parts.append("<ul>\(reasons.map { "<li>\($0.html)</li>" }.joined())</ul>") }
        }
        if let strengths = ReportPhrases.strengthsToBuildOn(need) { parts.append("<p>\(strengths.html)</p>") }
        if !need.advice.isEmpty {
            parts.append(
                "<div class=\"support\"><p class=\"support-label\">How to offer support</p><ul>"
                    + need.advice.map { "<li>\(e($0.advice))</li>" }.joined() + "</ul></div>")
        }
        let classes = lynchpin ? "card lynchpin" : "card"
        return "<article class=\"\(classes)\">\n" + parts.joined(separator: "\n") + "\n</article>"
    }

    /// The need's band as a label: solid for the highest band, plain for the ones between.
    private func tag(_ need: Report.Need) -> String {
        guard let band = need.band else { return "<span class=\"tag first\">not assessed</span>" }
        let measure = report.needMeasures.first { $0.name.id == need.name.id }
        let top = measure.map { $0.levels > 1 && $0.level == $0.levels - 1 } ?? false
        let score =
            need.score.map { " · \(NumberText.format($0, decimals: 1)) of \(NumberText.format(need.max))" } ?? ""
        return
            "<span class=\"tag\(top ? " top" : "")\">\(e(band.prefix(1).uppercased() + band.dropFirst()))\(e(score))</span>"
    }

    /// Every driver edge the report's reasons use.
    private var allSteps: [Report.Step] {
        (report.tier0 + report.lynchpins + report.otherNeeds).flatMap(\.reasons).flatMap(\.steps)
    }

    /// A drawing with its caption; with `zero`, the caption goes on to name those scoring 0,
    /// which the chart leaves out.
    private func figure(
        _ svg: String?, caption: String, zero: (words: String, measures: [Report.Measure])? = nil
    ) -> String {
        var text = e(caption)
        let none = zero?.measures.filter(MeasureChart.isNothing) ?? []
        if let zero, !none.isEmpty {
            text += " \(e(zero.words)): " + e(none.map(\.name.title).joined(separator: ", ")) + "."
        }
        return "<figure>\n\(svg.map { $0 + "\n" } ?? "")<figcaption>\(text)</figcaption>\n</figure>"
    }

    private func e(_ text: String) -> String { HTML.escape(text) }
}
