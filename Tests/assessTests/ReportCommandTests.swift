import AssessmentEngine
import Foundation
import Testing

@Suite struct ReportCommandTests {
    typealias Script = InterviewScript

    static let note = "She would rather <talk> by phone & \"not\" at home"

    /// A store holding one finished interview with a note on the second question; its path and id.
    static func finished() throws -> (store: String, id: String) {
        let store = Script.store()
        let run = try CLI.run(
            ["interview", Script.instrument, "--store", store, "--worker", "Jo", "--setting", "probation"],
            stdin: Script.opening + "k\nn\n\(note)\n" + Script.dontKnowToTheEnd)
        return (store, try Script.sessionID(in: run.stdout))
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)-\(name)").path
    }

    @Test func markdownSaysWhoWhereWhatWasAgreedAndKeepsNotesBesideTheirQuestions() throws {
        let (store, id) = try Self.finished()
        let run = try CLI.run(["report", id, "--store", store], environment: ["TZ": "UTC"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Women's holistic needs assessment\n"))
        #expect(run.stdout.contains("| Worker | Jo |\n| Setting | probation |"))
        #expect(run.stdout.contains("| Session | \(id) (finished) |"))
        #expect(
            run.stdout.contains(
                "- Are you living in the community at the moment, or are you in prison? — **she did not know**\n"
                    + "  - *Note:* She would rather \\<talk\\> by phone & \"not\" at home"))
        #expect(
            run.stdout.contains(
                "## What we agreed\n\nCall the housing team together\n\n**Review date:** Sunday 31 January 2027"))
        #expect(!run.stdout.contains("What would you like us to call you?"), "her name's question stays out")
    }

    @Test func htmlIsWrittenPrivatelyAndNeverReplacesAFileUnasked() throws {
        let (store, id) = try Self.finished()
        let out = Self.temporaryPath("report.html")
        let run = try CLI.run(["report", String(id.prefix(5)), "--store", store, "--format", "html", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(
            html.contains(
                "<span class=\"note-text\">She would rather &lt;talk&gt; by phone &amp; &quot;not&quot; at home</span>")
        )
        #expect(html.contains("<h2 id=\"answers\">Her answers, question by question</h2>"))
        #expect(!html.contains("src=") && !html.contains("href="))

        let again = try CLI.run(["report", id, "--store", store, "--format", "html", "--out", out])
        #expect(again.status == 73)
        #expect(again.stderr.contains("add --force to replace it"))
        let forced = try CLI.run(["report", id, "--store", store, "--format", "markdown", "--out", out, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# Women's holistic needs assessment"))
    }

    @Test func jsonIsTheResultBesideTheSession() throws {
        let (store, id) = try Self.finished()
        let run = try CLI.run(["report", id, "--store", store, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["id"] as? String == id)
        #expect(session["worker"] as? String == "Jo")
        #expect((session["notes"] as? [[String: Any]])?.first?["item"] as? String == "setting")
        #expect((session["agreed"] as? [String: Any])?["review_date"] as? String == "2027-01-31")
        let result = try AssessmentResult(json: JSONSerialization.data(withJSONObject: try #require(object["result"])))
        #expect(result.instrument.id == "womens-needs")
    }

    @Test func anUnknownSessionIsAClearError() throws {
        let (store, _) = try Self.finished()
        let run = try CLI.run(["report", "zzzzzzzz", "--store", store])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("zzzzzzzz"))
        let usage = try CLI.run(["report", "zzzzzzzz", "--store", store, "--format", "pdf"])
        #expect(usage.status == 64)
    }

    @Test func withoutConsentThereIsNothingToReportAndAPausedSessionSaysSo() throws {
        let store = Script.store()
        let declined = try CLI.run(["interview", Script.instrument, "--store", store], stdin: "\n2\n")
        let list = try CLI.run(["sessions", "list", "--store", store, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        let id = try #require(rows?.first?["id"] as? String, "\(declined.stdout)")
        for format in ["markdown", "html"] {
            let run = try CLI.run(["report", id, "--store", store, "--format", format])
            #expect(run.status == 0)
            #expect(run.stdout.contains("She chose not to go ahead with the questions"))
            #expect(!run.stdout.contains("Still unknown"), "no list of unknowns for an interview she declined")
        }

        let paused = try CLI.run(["interview", Script.instrument, "--store", store], stdin: Script.opening + "k\nk\n")
        #expect(paused.status == 75)
        let pausedID = try Script.sessionID(in: paused.stdout)
        let report = try CLI.run(["report", pausedID, "--store", store])
        #expect(report.stdout.contains("This interview is not finished"))
        #expect(report.stdout.contains("To carry on: assess resume \(pausedID)"))
        #expect(report.stdout.contains("— **she did not know**"))
    }

    @Test func scoreWritesTheSameHTMLWithoutASession() throws {
        let run = try CLI.run([
            "score", "Instruments/womens-needs.yaml", "Instruments/examples/relationship-drives-drug-use.yaml",
            "--format", "html",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<h2 id=\"lynchpin\">The lynch-pin: Abusive or unhealthy relationships</h2>"))
        #expect(run.stdout.contains("<svg class=\"chart\""))
        #expect(run.stdout.contains("<svg class=\"drivers\""))
        #expect(!run.stdout.contains("Her answers, question by question"))
    }
}

@Suite struct PrintCommandTests {
    @Test func markdownNumbersQuestionsAndSaysWhenEachIsAskedInWords() throws {
        let run = try CLI.run(["print", "Instruments/womens-needs.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Women's holistic needs assessment\n\nwomens-needs 1.0.0 · 69 questions"))
        #expect(
            run.stdout.contains(
                "**16. Are you ever afraid of your partner or ex-partner?** `partner_afraid`\n"
                    + "- *Ask if:* question 15 (“Do you have a partner, or an ex-partner who is still part of your life?”) is yes.\n"
                    + "- *Why we ask (sensitive: say this first):* So we can check whether you are safe now and offer support that fits."
            ))
        #expect(run.stdout.contains("is not “In prison”."))
        #expect(run.stdout.contains("## At the end: her priorities"))
    }

    @Test func htmlIsOnePageToPrintWithBoxesToTick() throws {
        let run = try CLI.run(["print", "Instruments/phq-9.yaml", "--format", "html", "--language", "cy"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run.stdout.contains("<span class=\"box\" aria-hidden=\"true\"></span>"))
        #expect(run.stdout.contains("@page { size: A4 portrait"))
        #expect(!run.stdout.contains("src=") && !run.stdout.contains("href="))
    }

    @Test func anUnreadableOrBrokenInstrumentIsReported() throws {
        let missing = try CLI.run(["print", "no-such-file.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no-such-file.yaml"))
        let broken = try CLI.run(["print", "docs/examples/first-instrument-mistake.yaml"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("error[unknown-key]"))
    }
}
