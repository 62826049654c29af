/// A named band of a score with its inclusive lower bound (`high: 6`).
public struct Band: Sendable, Hashable, Codable {
    /// The band's name, used in `band(need) == 'high'` and in results.
    public var name: String
    /// The inclusive lower bound.
    public var lowerBound: Double
    /// Where it was written.
    public var location: SourceLocation
}

extension Array where Element == Band {
    /// The index of the band a score falls in: the last band whose lower bound it reaches,
    /// and the first band for a score below every bound.
    public func index(for score: Double) -> Int {
        var result = 0
        for (i, band) in enumerated() where score >= band.lowerBound { result = i }
        return result
    }
}
