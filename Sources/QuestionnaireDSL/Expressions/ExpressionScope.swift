/// The names an expression may use: items, and needs or strengths with their scores and bands.
public struct ExpressionScope: Sendable {
    /// An item: where its answer lives in the slot array and what kind of answer it is.
    public struct ItemSymbol: Sendable {
        /// The index of the item's slot.
        public var slot: Int
        /// What the answer looks like to expressions.
        public var kind: ItemValueKind

        /// Creates an item symbol.
        public init(slot: Int, kind: ItemValueKind) {
            self.slot = slot
            self.kind = kind
        }
    }

    /// A need or strength: `score(id)` is a number, `band(id)` is one of its band names (ordered).
    public struct ScoreSymbol: Sendable {
        /// The index of the score's slot.
        public var slot: Int
        /// The band names, lowest first.
        public var bands: [String]

        /// Creates a score symbol.
        public init(slot: Int, bands: [String]) {
            self.slot = slot
            self.bands = bands
        }
    }

    /// The items, by id.
    public var items: [String: ItemSymbol]
    /// The needs and strengths, by id.
    public var scores: [String: ScoreSymbol]

    /// Creates a scope.
    public init(items: [String: ItemSymbol], scores: [String: ScoreSymbol]) {
        self.items = items
        self.scores = scores
    }
}
