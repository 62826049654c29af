/// Writes a large, realistic instrument in the project's format, the same every time: one
/// section of ten questions per need, shared scales, sensitive questions with a purpose,
/// `show_if` on earlier answers, needs that sum their questions, strengths, drivers,
/// responsivity and safeguarding rules, and two instrument tests. Every question is used
/// by some expression, so `assess lint` has nothing to say about unused items.
///
/// Nothing is random: the variety comes from the section's position, so the text (and
/// the benchmark's input) is byte-for-byte the same on every run and machine.
struct InstrumentGenerator {
    /// How many needs, and so sections of ten questions, to write.
    var needCount = 30

    /// One need, the section that asks about it, and the words used in its questions.
    struct Topic {
        let id: String
        let title: String
        let target: String
        /// How the questions name it: "your housing", "money".
        let noun: String
    }

    static let topics: [Topic] = [
        Topic(id: "housing", title: "A safe and settled home", target: "resettlement", noun: "your housing"),
        Topic(id: "money", title: "Money and income", target: "resettlement", noun: "money"),
        Topic(id: "debt", title: "Debts and arrears", target: "resettlement", noun: "debts or arrears"),
        Topic(id: "work", title: "Work and training", target: "prosocial_identity", noun: "finding or keeping work"),
        Topic(
            id: "learning", title: "Learning and skills", target: "prosocial_identity",
            noun: "reading, writing or numbers"),
        Topic(id: "physical_health", title: "Physical health", target: "other", noun: "your physical health"),
        Topic(id: "sleep", title: "Sleep and rest", target: "other", noun: "sleep"),
        Topic(id: "mood", title: "Low mood", target: "mental_health", noun: "low mood"),
        Topic(id: "anxiety", title: "Worry and anxiety", target: "mental_health", noun: "worry or panic"),
        Topic(id: "trauma", title: "Past harm and trauma", target: "mental_health", noun: "memories of past harm"),
        Topic(id: "grief", title: "Grief and loss", target: "mental_health", noun: "grief or loss"),
        Topic(
            id: "feelings", title: "Managing strong feelings", target: "emotional_management",
            noun: "strong feelings such as anger"),
        Topic(id: "alcohol", title: "Drinking", target: "substance_misuse", noun: "drinking"),
        Topic(id: "drugs", title: "Drug use", target: "substance_misuse", noun: "using drugs"),
        Topic(id: "gambling", title: "Gambling", target: "other", noun: "gambling"),
        Topic(
            id: "partner", title: "A partner or ex-partner", target: "family_relationships",
            noun: "a partner or ex-partner"),
        Topic(id: "family", title: "Family relationships", target: "family_relationships", noun: "your family"),
        Topic(
            id: "children", title: "Children and parenting", target: "family_relationships",
            noun: "looking after your children"),
        Topic(
            id: "friends", title: "Friends and the people around you", target: "prosocial_identity",
            noun: "the people you spend time with"),
        Topic(id: "safety", title: "Feeling safe", target: "other", noun: "feeling safe"),
        Topic(
            id: "exploitation", title: "Being pressured or exploited", target: "other",
            noun: "being pressured by someone"),
        Topic(
            id: "daily_living", title: "Managing everyday tasks", target: "everyday_life",
            noun: "everyday tasks like shopping and bills"),
        Topic(id: "goals", title: "Goals and confidence", target: "everyday_life", noun: "working towards your goals"),
        Topic(
            id: "transport", title: "Getting around", target: "everyday_life", noun: "getting to places you need to be"),
        Topic(id: "benefits", title: "Benefits and paperwork", target: "resettlement", noun: "benefits and forms"),
        Topic(id: "legal", title: "Court and legal matters", target: "other", noun: "court or legal matters"),
        Topic(id: "food", title: "Food and eating", target: "other", noun: "food and eating"),
        Topic(
            id: "digital", title: "Phones and the internet", target: "everyday_life",
            noun: "using a phone or the internet"),
        Topic(
            id: "community", title: "Belonging and community", target: "prosocial_identity",
            noun: "feeling part of a community"),
        Topic(
            id: "caring", title: "Caring for others", target: "family_relationships", noun: "caring for someone else"),
    ]

    /// The strengths, each drawing on the "someone to talk to" answers of three sections.
    static let strengthNames: [(id: String, title: String)] = [
        ("practical_help", "Practical help close by"),
        ("family_support", "Support from family"),
        ("safe_person", "A safe person to turn to"),
        ("resilience", "Having come through hard things"),
        ("peer_support", "Support from women in a similar position"),
        ("motivation", "Motivation to make changes"),
        ("skills", "Skills and learning"),
        ("faith_community", "Faith, culture or community"),
        ("hope", "Hope and a picture of the future"),
        ("parenting", "Involvement in her children's lives"),
    ]

    static let reasonCodes = ["money", "health", "people", "the_past", "nobody_to_ask", "something_else"]
    static let changeCodes = ["better", "about_the_same", "a_bit_worse", "much_worse"]
    static let helpCodes = ["no_help", "some_help", "a_lot_of_help"]

    /// What was written, for the report.
    struct Output {
        var yaml: String
        var itemCount: Int
        var needCount: Int
    }

    private var out = ""
    private var items = 0

    init(needCount: Int = 30) {
        precondition(needCount >= 1 && needCount <= Self.topics.count, "at most \(Self.topics.count) needs")
        self.needCount = needCount
    }

    /// The instrument as YAML.
    mutating func generate() -> Output {
        out = ""
        items = 0
        header()
        scales()
        sections()
        needs()
        strengths()
        drivers()
        responsivity()
        safeguarding()
        tests()
        return Output(yaml: out, itemCount: items, needCount: needCount)
    }

    // MARK: Writing

    private mutating func line(_ text: String = "") { out += text + "\n" }

    private var usedTopics: ArraySlice<Topic> { Self.topics.prefix(needCount) }

    /// Whether section `k` asks how many days (a number question) or how hard it is to
    /// manage (a scale question) in its sixth question.
    private static func asksDays(_ k: Int) -> Bool { k % 3 != 2 }

    /// The highest score the need of section `k` can reach: the sum of each question's
    /// highest value, as `max` must be.
    static func maxScore(_ k: Int) -> Int {
        // 2 × problem + often + worry + change + count(reasons) + days|manage + 2 × unsafe
        // + hopeless + help
        2 + 3 + 3 + 3 + reasonCodes.count + (asksDays(k) ? 7 : 3) + 2 + 3 + 2
    }

    private mutating func header() {
        line("# A generated instrument for the validation benchmark (Benchmarks/README.md).")
        line("# It is made to look like a real, large instrument: \(needCount) needs, each asked about")
        line("# in a section of ten questions, with strengths, drivers and rules. It is not for use")
        line("# with anyone: the questions are written from templates.")
        line("instrument:")
        line("  id: benchmark-\(needCount * 10)-items")
        line("  version: 1.0.0")
        line("  title: Holistic needs assessment (generated, \(needCount * 10) questions)")
        line("  language: en-GB")
        line("  introduction: |")
        line("    This conversation helps us understand your life as a whole: what is going well, what")
        line("    is hard right now, and what you would most like help with. We use your answers to")
        line("    agree a support plan with you, not about you.")
        line("")
        line("    Some questions are personal. Before each part we will say why we ask. You can leave")
        line("    any question, stop for a break, or come back to something later.")
        line()
    }

    private mutating func scales() {
        line("scales:")
        let scales: [(String, [(String, String)])] = [
            (
                "how_often",
                [
                    ("never", "Never"), ("sometimes", "Sometimes"), ("often", "Often"),
                    ("most_of_the_time", "Most of the time"),
                ]
            ),
            (
                "how_much",
                [
                    ("not_at_all", "Not at all"), ("a_little", "A little"), ("quite_a_lot", "Quite a lot"),
                    ("very_much", "Very much"),
                ]
            ),
            (
                "how_true",
                [
                    ("not_true", "Not true for me"), ("a_little_true", "A little true"),
                    ("mostly_true", "Mostly true"), ("very_true", "Very true for me"),
                ]
            ),
            (
                "how_hard",
                [
                    ("easy", "Easy"), ("a_bit_hard", "A bit hard"), ("hard", "Hard"),
                    ("very_hard", "Very hard, or I cannot at the moment"),
                ]
            ),
        ]
        for (name, options) in scales {
            line("  \(name):")
            for (value, (code, label)) in options.enumerated() {
                let quoted = label.contains(",") ? "\"\(label)\"" : label
                line("    - {code: \(code), label: \(quoted), value: \(value)}")
            }
        }
        line()
    }

    private mutating func sections() {
        line("sections:")
        for (k, topic) in usedTopics.enumerated() {
            section(k, topic)
        }
        line()
    }

    private mutating func section(_ k: Int, _ topic: Topic) {
        let t = topic.id
        let sensitive = k % 4 == 1
        line("  - id: \(t)_section")
        line("    title: \(topic.title)")
        if sensitive || k % 2 == 0 {
            line("    introduction: |")
            line("      These questions are about \(topic.noun). We ask so we can see whether it is")
            line("      getting in the way of things and what support might help.")
            if sensitive {
                line("      Some of them are personal. You can leave any question, and that will never count")
                line("      against you.")
            }
        }
        if sensitive { line("    sensitive: true") }
        line("    items:")
        // 1. yes/no
        line("      - id: \(t)_problem")
        line("        prompt: Is \(topic.noun) a problem for you at the moment?")
        line("        type: yes_no")
        // 2–3. shared scales, written in flow style as short items often are
        line(
            "      - {id: \(t)_often, prompt: \"How often does \(topic.noun) get in the way of things you want to do?\", type: scale, scale: how_often}"
        )
        line(
            "      - {id: \(t)_worry, prompt: \"How much do you worry about \(topic.noun)?\", type: scale, scale: how_much}"
        )
        // 4. choice with values; from the sixth section on, sometimes asked only after an
        //    earlier section's answer
        line("      - id: \(t)_change")
        line("        prompt: >-")
        line("          Over the last three months, has \(topic.noun) got better or worse, or stayed")
        line("          about the same?")
        line("        type: choice")
        line("        options:")
        let changeLabels = ["It has got better", "About the same", "A bit worse", "Much worse"]
        for (value, code) in Self.changeCodes.enumerated() {
            line("          - {code: \(code), label: \(changeLabels[value]), value: \(value)}")
        }
        if k >= 5, k % 5 == 0 {
            line("        show_if: \(Self.topics[k - 1].id)_problem or \(t)_problem")
        }
        // 5. multiple choice
        line("      - id: \(t)_reasons")
        line("        prompt: What makes \(topic.noun) harder for you? Choose any that apply.")
        line("        type: multi_choice")
        line("        options:")
        let reasonLabels = [
            "Not having enough money", "My health", "Other people", "Things that happened in the past",
            "Not knowing who to ask", "Something else",
        ]
        for (i, code) in Self.reasonCodes.enumerated() {
            line("          - code: \(code)")
            line("            label: \(reasonLabels[i])")
        }
        // 6. a number, or a scale
        if Self.asksDays(k) {
            line("      - id: \(t)_days")
            line("        prompt: >-")
            line("          On how many days in the last week did \(topic.noun) stop you doing something")
            line("          you needed to do?")
            line("        type: number")
            line("        min: 0")
            line("        max: 7")
        } else {
            line(
                "      - {id: \(t)_manage, prompt: \"How hard is it to manage \(topic.noun) day to day?\", type: scale, scale: how_hard}"
            )
        }
        // 7. a strength
        line("      - id: \(t)_support")
        line("        prompt: \"How true is this for you: there is someone I can talk to about \(topic.noun).\"")
        line("        type: scale")
        line("        scale: how_true")
        // 8–9. sensitive, each with a purpose, each shown only after an earlier answer
        line("      - id: \(t)_unsafe")
        line("        prompt: Has \(topic.noun) ever left you feeling unsafe, or at risk of being harmed?")
        line("        purpose: >-")
        line("          If you are not safe, we want to know so that we can help you make a plan to stay")
        line("          safe, starting today.")
        line("        sensitive: true")
        line("        type: yes_no")
        line("        show_if: \(t)_problem")
        line("      - id: \(t)_hopeless")
        line("        prompt: How often does \(topic.noun) leave you feeling hopeless?")
        line("        purpose: So that we can offer support for how you are feeling, not only for the practical side.")
        line("        sensitive: true")
        line("        type: scale")
        line("        scale: how_often")
        line("        show_if: \(t)_often >= 1")
        // 10. choice
        line("      - id: \(t)_help")
        line("        prompt: How much help would you like with \(topic.noun)?")
        line("        type: choice")
        line("        options:")
        let helpLabels = ["None for now", "Some help", "A lot of help"]
        for (value, code) in Self.helpCodes.enumerated() {
            line("          - {code: \(code), label: \(helpLabels[value]), value: \(value)}")
        }
        items += 10
        line()
    }

    private mutating func needs() {
        line("needs:")
        for (k, topic) in usedTopics.enumerated() {
            let t = topic.id
            let max = Self.maxScore(k)
            let sixth = Self.asksDays(k) ? "\(t)_days" : "\(t)_manage"
            line("  - id: \(t)")
            line("    title: \(topic.title)")
            line("    target: \(topic.target)")
            line("    score: >-")
            line("      2 * \(t)_problem + \(t)_often + \(t)_worry + \(t)_change + count(\(t)_reasons)")
            line("      + \(sixth) + 2 * \(t)_unsafe + \(t)_hopeless + \(t)_help")
            line("    max: \(max)")
            line("    bands: {low: 0, moderate: \(max * 3 / 10), high: \(max * 6 / 10)}")
            if k % 3 != 1 { line("    missing: {max_declined: \(k % 2 == 0 ? 1 : 2), method: prorate}") }
            if k % 4 == 1 { line("    urgent_if: \(t)_unsafe and \(t)_hopeless >= 2") }
            line()
        }
    }

    private mutating func strengths() {
        let count = min(Self.strengthNames.count, needCount / 3)
        guard count > 0 else { return }
        line("strengths:")
        for s in 0..<count {
            let three = (0..<3).map { Self.topics[3 * s + $0].id }
            line("  - id: \(Self.strengthNames[s].id)")
            line("    title: \(Self.strengthNames[s].title)")
            line("    supports: [\(three.joined(separator: ", "))]")
            line("    score: \(three.map { "\($0)_support" }.joined(separator: " + "))")
            line("    max: 9")
            line("    bands: {not_yet: 0, some: 3, strong: 6}")
            line("    missing: {max_declined: 1, method: prorate}")
            line()
        }
        // Questions in sections past the last whole strength still need a use.
        let rest = (3 * count)..<needCount
        if !rest.isEmpty {
            let ids = rest.map { Self.topics[$0].id }
            line("  - id: other_support")
            line("    title: Someone to talk to about other things")
            line("    supports: [\(ids.joined(separator: ", "))]")
            line("    score: \(ids.map { "\($0)_support" }.joined(separator: " + "))")
            line("    max: \(3 * ids.count)")
            line("    bands: {not_yet: 0, some: 1}")
            line()
        }
    }

    private mutating func drivers() {
        guard needCount > 1 else { return }
        line("drivers:")
        let topics = Array(usedTopics)
        for k in 0..<(needCount - 1) {
            let from = topics[k], to = topics[k + 1]
            driver(from: from, to: to, weight: 0.5 + 0.1 * Double(k % 5), k: k)
            if k + 7 < needCount, k % 3 == 0 {
                driver(from: from, to: topics[k + 7], weight: 0.6, k: k + 1)
            }
        }
        line()
    }

    private mutating func driver(from: Topic, to: Topic, weight: Double, k: Int) {
        line("  - from: \(from.id)")
        line("    to: \(to.id)")
        line("    weight: \(weight == weight.rounded() ? "1" : String(format1(weight)))")
        switch k % 3 {
        case 0:
            let code = Self.reasonCodes[k % Self.reasonCodes.count]
            line("    when: \(to.id)_reasons has '\(code)' or \(from.id)_worry >= 2")
        case 1:
            line("    when: \(from.id)_problem and \(to.id)_often in ['often', 'most_of_the_time']")
        default:
            break
        }
        line("    because: >-")
        line("      She says \(from.noun) makes \(to.noun) harder; support with the first may ease the")
        line("      second.")
    }

    private func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private mutating func responsivity() {
        line("responsivity:")
        for k in stride(from: 0, to: needCount, by: 3) {
            let t = Self.topics[k]
            line("  - id: \(t.id)_high")
            line("    when: band(\(t.id)) == 'high'")
            line("    advice: >-")
            line("      \(t.title) is a high need for her. Offer one-to-one support first, agree one small")
            line("      step at a time, and check in between appointments.")
            line("    supports: [\(t.id)]")
        }
        for k in stride(from: 1, to: needCount, by: 7) {
            let t = Self.topics[k]
            line("  - id: \(t.id)_getting_worse")
            line("    when: \(t.id)_change in ['a_bit_worse', 'much_worse'] and \(t.id)_help != 'no_help'")
            line("    advice: >-")
            line("      Things with \(t.noun) are getting worse and she would like help. Make this an")
            line("      early part of the plan and agree who will do what.")
            line("    supports: [\(t.id)]")
        }
        line()
    }

    private mutating func safeguarding() {
        line("safeguarding:")
        for k in stride(from: 0, to: needCount, by: 3) {
            let t = Self.topics[k]
            line("  - id: \(t.id)_unsafe_now")
            line("    when: \(t.id)_unsafe and \(t.id)_hopeless >= 2")
            line("    action: >-")
            line("      She feels unsafe and often hopeless because of \(t.noun). Talk with her today about")
            line("      her safety, follow the service's safeguarding procedure, and agree a safety plan")
            line("      before she leaves.")
        }
        line()
    }

    /// Two tests: every answer at its lowest (the questions that depend on them hidden),
    /// and every answer at its highest (every score at its `max`).
    private mutating func tests() {
        let topics = Array(usedTopics)
        line("tests:")
        line("  - name: nothing present; the follow-up questions are hidden and not missing")
        var answers: [String] = []
        for (k, t) in topics.enumerated() {
            answers.append("\(t.id)_problem: no")
            answers.append("\(t.id)_often: never")
            answers.append("\(t.id)_worry: not_at_all")
            if !(k >= 5 && k % 5 == 0) { answers.append("\(t.id)_change: better") }
            answers.append("\(t.id)_reasons: []")
            answers.append(Self.asksDays(k) ? "\(t.id)_days: 0" : "\(t.id)_manage: easy")
            answers.append("\(t.id)_support: very_true")
            answers.append("\(t.id)_help: no_help")
        }
        flowMap("answers", answers)
        flowMap("expect: {scores", topics.map { "\($0.id): 0" }, close: "}")
        line("  - name: everything at its most reaches each need's max")
        answers = []
        for (k, t) in topics.enumerated() {
            answers.append("\(t.id)_problem: yes")
            answers.append("\(t.id)_often: most_of_the_time")
            answers.append("\(t.id)_worry: very_much")
            answers.append("\(t.id)_change: much_worse")
            answers.append("\(t.id)_reasons: [\(Self.reasonCodes.joined(separator: ", "))]")
            answers.append(Self.asksDays(k) ? "\(t.id)_days: 7" : "\(t.id)_manage: very_hard")
            answers.append("\(t.id)_support: not_true")
            answers.append("\(t.id)_unsafe: yes")
            answers.append("\(t.id)_hopeless: most_of_the_time")
            answers.append("\(t.id)_help: a_lot_of_help")
        }
        flowMap("answers", answers)
        flowMap("expect: {scores", topics.enumerated().map { "\($1.id): \(Self.maxScore($0))" }, close: "}")
    }

    /// `    key: {a: 1, b: 2, …}` wrapped at about 100 columns, as people write long maps.
    private mutating func flowMap(_ key: String, _ entries: [String], close: String = "") {
        var current = "    \(key): {"
        for (i, entry) in entries.enumerated() {
            let piece = entry + (i == entries.count - 1 ? "}" + close : ",")
            if current.count + piece.count + 1 > 100, !current.hasSuffix("{") {
                line(current)
                current = "      " + piece
            } else {
                current += (current.hasSuffix("{") ? "" : " ") + piece
            }
        }
        line(current)
    }
}
