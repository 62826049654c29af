/// An inline SVG chart of needs or strengths by band: one bar per need or strength, as far
/// along its scale as it scored, filled with its band's pattern (an outline for the first
/// band, hatching that grows denser for the bands between, solid for the highest), with the
/// band's lower bounds marked on the track and the band written beside it in words, so the
/// chart reads the same in greyscale. Sorted by band, highest first; those not assessed last.
/// Those that scored 0 in their first band are left out (``isNothing``): the caption names them.
struct MeasureChart {
    /// What the bars show, which also names the chart's patterns (`needs`, `strengths`).
    let kind: String
    /// The chart's accessible title.
    let title: String
    /// The bars' colour.
    let colour: String
    /// What the first band means, for the key: `not present`.
    let firstBand: String
    /// The needs or strengths.
    let measures: [Report.Measure]

    private let width = 680.0
    private let barX = 238.0
    private let barWidth = 300.0
    private let rowHeight = 40.0
    private let legendHeight = 34.0

    /// The chart as one `<svg>` element; nil when there is nothing to draw.
    func render() -> String? {
        let rows = ordered()
        guard !rows.isEmpty else { return nil }
        let height = legendHeight + rowHeight * Double(rows.count) + 4
        var svg = [
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(kind)-title\" viewBox=\"0 0 \(SVG.number(width)) "
                + "\(SVG.number(height))\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title id=\"\(kind)-title\">\(HTML.escape(title))</title>",
            "<defs>" + patterns(rows).joined() + "</defs>",
            legend(),
        ]
        for (i, measure) in rows.enumerated() { svg.append(row(measure, top: legendHeight + rowHeight * Double(i))) }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// True for a need or strength that scored 0 in its first band: nothing to draw.
    static func isNothing(_ measure: Report.Measure) -> Bool {
        measure.score == 0 && (measure.level ?? 0) == 0
    }

    /// Highest band first, then the larger share of the scale, then instrument order.
    private func ordered() -> [Report.Measure] {
        measures.enumerated().filter { !Self.isNothing($0.element) }.sorted { a, b in
            let (x, y) = (a.element, b.element)
            if (x.band == nil) != (y.band == nil) { return y.band == nil }
            let (lx, ly) = (fraction(x), fraction(y))
            if lx != ly { return lx > ly }
            let (sx, sy) = (share(x), share(y))
            if sx != sy { return sx > sy }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// How high its band is, from 0 (the first) to 1 (the highest); 0 when not known.
    private func fraction(_ measure: Report.Measure) -> Double {
        guard let level = measure.level, measure.levels > 1 else { return 0 }
        return Double(level) / Double(measure.levels - 1)
    }

    /// The scale a bar is drawn against: its `max`, else enough to hold its score and bounds.
    private func scale(_ measure: Report.Measure) -> Double {
        let top = measure.max ?? Swift.max(measure.score ?? 0, (measure.bounds.last ?? 0) + 1)
        return top > 0 ? top : 1
    }

    /// How far along its scale it scored, from 0 to 1.
    private func share(_ measure: Report.Measure) -> Double {
        Swift.min(Swift.max((measure.score ?? 0) / scale(measure), 0), 1)
    }

    /// The fill of a band `fraction` of the way up: white, a hatching, or the solid colour.
    private func fill(_ fraction: Double) -> String {
        if fraction <= 0 { return "#ffffff" }
        if fraction >= 1 { return colour }
        return "url(#\(patternID(fraction)))"
    }

    private func patternID(_ fraction: Double) -> String {
        "\(kind)-band-\(Int((fraction * 100).rounded()))"
    }

    /// One hatching per band between the first and the highest that the chart or its legend uses.
    private func patterns(_ rows: [Report.Measure]) -> [String] {
        var fractions = Set(rows.filter { $0.band != nil }.map(fraction))
        fractions.insert(0.5)
        return fractions.filter { $0 > 0 && $0 < 1 }.sorted().map { f in
            let gap = SVG.number(9 - 5 * f)
            return "<pattern id=\"\(patternID(f))\" width=\"\(gap)\" height=\"\(gap)\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"\(gap)\" height=\"\(gap)\" fill=\"#ffffff\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"\(gap)\" stroke=\"\(colour)\" "
                + "stroke-width=\"\(SVG.number(1.6 + 2 * f))\"/></pattern>"
        }
    }

    /// The key: what the outline, the hatching and the solid fill mean.
    private func legend() -> String {
        let keys = [(0.0, "lowest band (\(firstBand))"), (0.5, "bands between"), (1.0, "highest band")]
        var x = 0.0
        var parts: [String] = []
        for (f, words) in keys {
            parts.append(
                "<rect x=\"\(SVG.number(x))\" y=\"8\" width=\"26\" height=\"14\" fill=\"\(fill(f))\" "
                    + "stroke=\"\(colour)\" stroke-width=\"1.5\"/>")
            parts.append(SVG.text([words], x: x + 33, y: 20, lineHeight: 0, className: "key"))
            x += 33 + Double(words.count) * 7 + 22
        }
        return "<g class=\"legend\">" + parts.joined() + "</g>"
    }

    private func row(_ measure: Report.Measure, top: Double) -> String {
        let barY = top + 11
        let label = SVG.wrap(measure.name.title, width: 30, lines: 2)
        let labelY = label.count == 1 ? top + 24 : top + 16
        var parts = [SVG.text(label, x: 0, y: labelY, lineHeight: 16, className: "label")]
        let track =
            "<rect x=\"\(SVG.number(barX))\" y=\"\(SVG.number(barY))\" width=\"\(SVG.number(barWidth))\" "
            + "height=\"18\" fill=\"#f4f4f4\" stroke=\"#8a8a8a\" stroke-width=\"1\""
        guard let band = measure.band else {
            parts.append(track + " stroke-dasharray=\"4 3\"/>")
            parts.append(
                SVG.text(["not assessed"], x: barX + barWidth + 12, y: top + 19, lineHeight: 0, className: "band"))
            parts.append(
                SVG.text(
                    ["unknown, not absent"], x: barX + barWidth + 12, y: top + 34, lineHeight: 0, className: "score"))
            return "<g>" + parts.joined() + "</g>"
        }
        parts.append(track + "/>")
        let length = barWidth * share(measure)
        if length > 0 {
            parts.append(
                "<rect x=\"\(SVG.number(barX))\" y=\"\(SVG.number(barY))\" width=\"\(SVG.number(length))\" "
                    + "height=\"18\" fill=\"\(fill(fraction(measure)))\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>")
        }
        for bound in measure.bounds where bound > 0 && bound < scale(measure) {
            let x = SVG.number(barX + barWidth * bound / scale(measure))
            // A white line under the dashed one keeps the mark visible on a solid bar.
            let line = "<line x1=\"\(x)\" y1=\"\(SVG.number(barY - 4))\" x2=\"\(x)\" y2=\"\(SVG.number(barY + 22))\" "
            parts.append(line + "stroke=\"#ffffff\" stroke-width=\"3\"/>")
            parts.append(line + "stroke=\"#222222\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>")
        }
        let score = measure.score.map { score in
            let given = NumberText.format(score, decimals: 1)
            return measure.max.map { "\(given) of \(NumberText.format($0))" } ?? given
        }
        parts.append(SVG.text([band], x: barX + barWidth + 12, y: top + 19, lineHeight: 0, className: "band"))
        if let score {
            parts.append(SVG.text([score], x: barX + barWidth + 12, y: top + 34, lineHeight: 0, className: "score"))
        }
        return "<g>" + parts.joined() + "</g>"
    }
}
