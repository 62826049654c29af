@testable import QuestionnaireDSL

/// Small instruments written inline for tests.
enum InstrumentText {
    /// A minimal valid instrument; `items` and `extra` are spliced in as YAML text.
    static func minimal(
        items: String = "      - {id: low_mood, prompt: Have you felt low lately?, type: yes_no}",
        needScore: String = "low_mood",
        extra: String = ""
    ) -> String {
        """
        instrument:
          id: example
          version: 1.0.0
          title: Example
          language: en-GB
        sections:
          - id: about
            title: About you
            items:
        \(items)
        needs:
          - id: mood
            title: Mood
            target: mental_health
            score: \(needScore)
            max: 10
            bands: {none: 0, present: 1}
        \(extra)
        """
    }

    static func load(_ text: String) -> (Instrument?, [Diagnostic]) {
        InstrumentLoader().load(SourceFile(name: "t.yaml", text: text))
    }

    static func check(_ text: String) -> [Diagnostic] {
        InstrumentCheck.run(SourceFile(name: "t.yaml", text: text), lints: Lints.all)
    }
}
