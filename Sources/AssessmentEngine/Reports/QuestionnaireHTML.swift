/// A questionnaire on paper as one self-contained HTML page, to print on A4 and fill in by
/// hand during a phone call, or to review: numbered questions with numbered options and a
/// box to tick, lines to write on, and each question kept whole on its page.
///
/// ```swift
/// let html = QuestionnaireHTML(PrintedQuestionnaire(compiled)).render()
/// ```
public struct QuestionnaireHTML: Sendable {
    /// What is printed.
    public let questionnaire: PrintedQuestionnaire

    /// Creates an HTML rendering of `questionnaire`.
    public init(_ questionnaire: PrintedQuestionnaire) {
        self.questionnaire = questionnaire
    }

    /// The whole document.
    public func render() -> String {
        let paper = questionnaire
        var parts = [
            """
            <header>
            <p class="kicker">The questionnaire on paper</p>
            <h1>\(e(paper.title))</h1>
            <dl class="facts"><dt>Questionnaire</dt><dd>\(e(paper.instrumentID)) \(e(paper.version))</dd>\
            <dt>Questions</dt><dd>\(paper.sections.flatMap(\.questions).count)</dd>\
            <dt>Reference</dt><dd><div class="write-in"></div></dd><dt>Date</dt><dd><div class="write-in"></div></dd></dl>
            </header>
            <p class="lead">\(e(PrintedQuestionnaire.leaving))</p>
            <section><h2>Before you start</h2>
            \(paper.introduction.map(paragraphs) ?? "")
            <div class="question"><p class="prompt">Ask: \(e(paper.consent))</p>
            <ol><li>\(box)Yes, go ahead</li><li>\(box)No: stop here, kindly</li></ol></div>
            </section>
            """
        ]
        for (i, section) in paper.sections.enumerated() {
            let mark = section.sensitive ? "<span class=\"mark\">sensitive</span>" : ""
            var head = "<h2>\(i + 1). \(e(section.title))\(mark)</h2>"
            if let askIf = section.askIf {
                head += "<p class=\"meta\"><strong>Ask this section if:</strong> \(e(askIf)).</p>"
            }
            head += section.introduction.map(paragraphs) ?? ""
            parts.append("<section>\n\(head)\n\(section.questions.map(question).joined(separator: "\n"))\n</section>")
        }
        let needs = paper.needs.map { "<li>\(box)\(e($0))</li>" }.joined()
        parts.append(
            """
            <section class="keep"><h2>At the end: her priorities</h2>
            <div class="question"><p class="prompt">Ask: \(e(paper.prioritiesQuestion))</p>
            <p class="meta muted">Write 1, 2 and 3 beside the ones she chooses.</p><ol>\(needs)</ol></div>
            </section>
            """)
        return HTMLPage.document(title: "\(paper.title): questionnaire", body: parts.joined(separator: "\n"))
    }

    private func question(_ question: PrintedQuestionnaire.Question) -> String {
        var marks = ""
        if question.sensitive { marks += "<span class=\"mark\">sensitive</span>" }
        if question.required { marks += "<span class=\"mark\">cannot be left</span>" }
        if question.identifying { marks += "<span class=\"mark\">identifies her</span>" }
        var lines = [
            "<p class=\"prompt\">\(question.number). \(e(question.prompt)) <span class=\"qid\">\(e(question.id))</span>"
                + "\(marks)</p>"
        ]
        if let askIf = question.askIf { lines.append("<p class=\"meta\"><strong>Ask if:</strong> \(e(askIf)).</p>") }
        if let purpose = question.purpose {
            lines.append("<p class=\"meta\"><strong>Why we ask:</strong> \(e(purpose))</p>")
        }
        lines.append("<p class=\"meta muted\">\(e(question.answer))</p>")
        if question.options.isEmpty {
            lines.append("<div class=\"write-in\"></div>")
        } else {
            lines.append("<ol>" + question.options.map { "<li>\(box)\(e($0))</li>" }.joined() + "</ol>")
        }
        return "<div class=\"question\">\n" + lines.joined(separator: "\n") + "\n</div>"
    }

    /// An empty box to tick on paper.
    private var box: String { "<span class=\"box\" aria-hidden=\"true\"></span>" }

    /// Text with blank lines between paragraphs, as paragraphs.
    private func paragraphs(_ text: String) -> String {
        text.split(separator: "\n\n").map { "<p>\(e(String($0)))</p>" }.joined(separator: "\n")
    }

    private func e(_ text: String) -> String { HTML.escape(text) }
}
