import AssessmentEngine
import QuestionnaireDSL

/// How one question is drawn: section heading when it changes, progress, the question,
/// its numbered choices or what kind of answer it takes, what was said before, and the
/// footer of short commands.
struct QuestionView {
    let question: InterviewQuestion
    let out: ConsoleText

    func show(newSection: Bool) {
        let progress = question.progress
        out.gap()
        if newSection {
            out.say(out.bold("Section \(progress.section) of \(progress.sections): \(question.sectionTitle)"))
            if let introduction = question.sectionIntroduction { out.say(introduction) }
            out.gap()
        }
        out.say(out.dim("Question \(progress.question) of \(progress.questions) in this section"))
        out.say(out.bold(question.prompt))
        for line in answerLines { out.say(line, indent: 2) }
        if let previous = question.previousAnswer { out.say("Answer so far: \(previous)", indent: 2) }
        for note in question.notes { out.say("Note: \(note)", indent: 2) }
        out.write(out.dim(out.wrapItems(InterviewInput.keys.map { "\($0.key) \($0.meaning)" })) + "\n")
    }

    private var answerLines: [String] {
        switch question.type {
        case .choice, .scale:
            return question.options.map { "\($0.number). \($0.label)" }
        case .multiChoice:
            return question.options.map { "\($0.number). \($0.label)" } + ["(one or more numbers, for example: 1 3)"]
        case .yesNo:
            return ["1. Yes", "2. No"]
        case .number:
            switch (question.min, question.max) {
            case (let min?, let max?): return ["(a number from \(NumberText.format(min)) to \(NumberText.format(max)))"]
            case (let min?, nil): return ["(a number, at least \(NumberText.format(min)))"]
            case (nil, let max?): return ["(a number, at most \(NumberText.format(max)))"]
            case (nil, nil): return ["(a number)"]
            }
        case .text:
            return ["(her answer in words)"]
        case .date:
            return ["(a date, year-month-day, for example 2024-05-31)"]
        }
    }
}
