/// The strongest (largest product of weights) path from one need to every other, found by
/// rounds of relaxation over the edges, max-product instead of min-sum.
///
/// Weights are in (0, 1], so going round a cycle never makes a path stronger, and a
/// strongest path visits each need at most once: with n nodes, n − 1 rounds suffice (the
/// rounds stop early once nothing changes). Only strict improvements are taken, in edge
/// order, so ties between equally strong paths resolve the same way every time, and each
/// node's product equals its predecessor's product times the last edge's weight exactly.
public struct StrongestPaths: Sendable, Hashable {
    /// The source node.
    public var source: Int
    /// For each node, the product of the strongest path from the source; 0 when unreached;
    /// 1 for the source itself.
    public var product: [Double]
    /// For each reached node, the index (into the graph's edges) of the last edge of its path.
    public var lastEdge: [Int]

    /// The strongest paths from `source` in `graph`, with `rounds` rounds of relaxation at most.
    public init(from source: Int, in graph: DriverGraph, rounds: Int) {
        self.source = source
        var product = [Double](repeating: 0, count: graph.needCount)
        var lastEdge = [Int](repeating: -1, count: graph.needCount)
        product[source] = 1
        var round = 0
        var changed = true
        while changed && round < rounds {
            changed = false
            round += 1
            for (e, edge) in graph.edges.enumerated() where edge.to != source && product[edge.from] > 0 {
                let candidate = product[edge.from] * edge.weight
                if candidate > product[edge.to] {
                    product[edge.to] = candidate
                    lastEdge[edge.to] = e
                    changed = true
                }
            }
        }
        self.product = product
        self.lastEdge = lastEdge
    }

    /// The nodes reached from the source (not the source itself), in index order.
    public var reached: [Int] { product.indices.filter { $0 != source && product[$0] > 0 } }

    /// The edges (indexes into `graph`'s edges) of the strongest path to `target`, in order.
    public func path(to target: Int, in graph: DriverGraph) -> [Int] {
        var edges: [Int] = []
        var node = target
        while node != source, lastEdge[node] >= 0, edges.count <= product.count {
            edges.append(lastEdge[node])
            node = graph.edges[lastEdge[node]].from
        }
        return edges.reversed()
    }
}
