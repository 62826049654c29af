import QuestionnaireDSL

/// Decides, item by item in the order asked, which items `show_if` hides: a section's
/// `show_if` is read once, when its first item comes; an item's own on the answers so far.
/// A missing `show_if` shows (when we do not know whether a question applies, it is asked).
struct ShowIfWalk {
    private var currentSection = -1
    private(set) var sectionHidden = false

    /// True when item `index` of `compiled` is not asked, given the slots of the items before it.
    mutating func hides(_ index: Int, of compiled: CompiledInstrument, slots: [AnswerSlot]) -> Bool {
        let section = compiled.itemSection[index]
        if section != currentSection {
            currentSection = section
            sectionHidden = slots.withUnsafeBufferPointer { compiled.sectionShowIf[section]?.boolean($0) == false }
        }
        return sectionHidden || slots.withUnsafeBufferPointer { compiled.itemShowIf[index]?.boolean($0) == false }
    }
}
