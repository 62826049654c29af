import QuestionnaireDSL

/// One active "A drives B" edge between two present needs.
public struct DriverEdge: Sendable, Hashable {
    /// The driving need's index.
    public var from: Int
    /// The driven need's index.
    public var to: Int
    /// The edge's weight in (0, 1].
    public var weight: Double
    /// The index of the driver that gave it (the heaviest, first written on a tie).
    public var driver: Int
}

/// The active driver edges among present needs: a directed weighted graph, cycles allowed.
///
/// A driver is active when its `when` holds or it has none; a `when` that is false or
/// cannot be evaluated gives no edge. Edges touching a need that is not present are left
/// out, so paths run only through present needs. Of parallel edges between the same pair
/// the largest weight is kept.
public struct DriverGraph: Sendable, Hashable {
    /// How many needs the instrument has (nodes are need indexes).
    public var needCount: Int
    /// The edges, sorted by source then target index.
    public var edges: [DriverEdge]
    /// Every driver that is active, by index into the instrument's drivers, in instrument
    /// order: its `when` holds and both its needs are present. This includes a driver whose
    /// edge gave way to a heavier parallel one, which `edges` leaves out (test coverage
    /// counts it as exercised).
    public var activeDrivers: [Int]

    /// Creates a graph from its edges; `activeDrivers` defaults to the drivers of `edges`.
    public init(needCount: Int, edges: [DriverEdge], activeDrivers: [Int]? = nil) {
        self.needCount = needCount
        self.edges = edges
        self.activeDrivers = activeDrivers ?? Array(Set(edges.map(\.driver))).sorted()
    }

    /// The active edges among the needs marked `present`, for scored `slots`.
    public init(_ compiled: CompiledInstrument, slots: [AnswerSlot], present: [Bool]) {
        self.init(compiled, ends: Self.ends(compiled), slots: slots, present: present)
    }

    /// Each driver's need indices, once per instrument (nil for a driver naming an unknown need).
    static func ends(_ compiled: CompiledInstrument) -> [(from: Int, to: Int)?] {
        let instrument = compiled.instrument
        let index = Dictionary(instrument.needs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return instrument.drivers.map { driver in
            guard let from = index[driver.from], let to = index[driver.to] else { return nil }
            return (from, to)
        }
    }

    /// The graph with the drivers' need indices worked out beforehand (see ``ends(_:)``).
    init(_ compiled: CompiledInstrument, ends: [(from: Int, to: Int)?], slots: [AnswerSlot], present: [Bool]) {
        let instrument = compiled.instrument
        var best: [Int: DriverEdge] = [:]  // keyed by from * count + to
        var active: [Int] = []
        let count = instrument.needs.count
        slots.withUnsafeBufferPointer { read in
            for (d, driver) in instrument.drivers.enumerated() {
                guard let (from, to) = ends[d], from != to,
                    present[from], present[to], Self.isActive(compiled.drivers[d], read)
                else { continue }
                active.append(d)
                let key = from * count + to
                if let existing = best[key], existing.weight >= driver.weight { continue }
                best[key] = DriverEdge(from: from, to: to, weight: driver.weight, driver: d)
            }
        }
        self.init(
            needCount: count, edges: best.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) }, activeDrivers: active)
    }

    /// True when a driver's `when` holds or it has none; false when it is false or missing.
    static func isActive(_ when: CompiledExpression?, _ slots: UnsafeBufferPointer<AnswerSlot>) -> Bool {
        guard let when else { return true }
        return when.boolean(slots) == true
    }
}
