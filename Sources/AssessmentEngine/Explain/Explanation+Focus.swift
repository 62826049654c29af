extension Explanation {
    /// The ids of the needs that can be focused on, in instrument order.
    public var needIDs: [String] { scores.filter { $0.kind == .need }.map(\.id) }

    /// The trace limited to one need: its score, the rules that name it (its `urgent_if`,
    /// rules whose `supports` name it, rules that use its score or band), the driver edges
    /// to or from it, and its place in the ranking (the top influence and the joint
    /// lynch-pin threshold are kept, as its place is measured against them).
    ///
    /// An id that is not a need gives an explanation with nothing in it; check ``needIDs`` first.
    public func focused(on need: String) -> Explanation {
        var focused = self
        focused.focus = need
        focused.scores = scores.filter { $0.kind == .need && $0.id == need }
        focused.rules = rules.filter { $0.needs.contains(need) }
        focused.drivers = drivers.filter { $0.from == need || $0.to == need }
        focused.ranking.entries = ranking.entries.filter { $0.need == need }
        focused.ranking.unranked = ranking.unranked.filter { $0.need == need }
        return focused
    }
}
