extension Instrument {
    /// Every text a person sees (the woman or the worker), with what it belongs to.
    public var visibleTexts: [(owner: String, text: LocalizedText)] {
        var texts: [(String, LocalizedText)] = [("the title", title)]
        if let introduction { texts.append(("the introduction", introduction)) }
        for scale in scales {
            texts += scale.options.map { ("an option of the scale '\(scale.id)'", $0.label) }
        }
        for section in sections {
            texts.append(("the title of '\(section.id)'", section.title))
            if let introduction = section.introduction {
                texts.append(("the introduction of '\(section.id)'", introduction))
            }
            for item in section.items {
                texts.append(("the prompt of '\(item.id)'", item.prompt))
                if let purpose = item.purpose { texts.append(("the purpose of '\(item.id)'", purpose)) }
                if item.scale == nil {
                    texts += item.options.map { ("an option of '\(item.id)'", $0.label) }
                }
            }
        }
        texts += needs.map { ("the title of '\($0.id)'", $0.title) }
        texts += strengths.map { ("the title of '\($0.id)'", $0.title) }
        texts += drivers.map { ("the reason of the driver '\($0.from)' → '\($0.to)'", $0.because) }
        texts += responsivity.map { ("the advice of '\($0.id)'", $0.advice) }
        texts += safeguarding.map { ("the action of '\($0.id)'", $0.action) }
        return texts
    }
}
