/// A small inline SVG diagram of the driver edges around a lynch-pin: the needs that drive
/// it on the left, the lynch-pin in the middle, the needs it drives on the right. Each arrow
/// is as thick as the link is strong; every box names its need, so it reads in greyscale.
struct DriverDiagram {
    /// The lynch-pin.
    let centre: Report.Name
    /// Every edge the report's reasons use, from any need.
    let steps: [Report.Step]
    /// The lynch-pin's outline colour.
    let colour: String

    private let boxWidth = 196.0
    private let boxHeight = 58.0
    private let rowHeight = 74.0
    private let gap = 46.0

    /// The edges into the lynch-pin (by driving need) and out of it (by driven need), each
    /// need once with its strongest edge.
    var incoming: [Report.Step] {
        strongest(steps.filter { $0.to.id == centre.id && $0.from.id != centre.id }, by: \.from.id)
    }
    /// The edges out of the lynch-pin.
    var outgoing: [Report.Step] {
        strongest(steps.filter { $0.from.id == centre.id && $0.to.id != centre.id }, by: \.to.id)
    }

    /// The diagram as one `<svg>` element; nil when no edge touches the lynch-pin.
    func render() -> String? {
        let (ins, outs) = (incoming, outgoing)
        guard !ins.isEmpty || !outs.isEmpty else { return nil }
        let rows = Double(Swift.max(ins.count, outs.count, 1))
        let height = rows * rowHeight
        let id = "drives-\(centre.id)"
        let centreY = (height - boxHeight) / 2
        // Only the columns in use, side by side, centred in the drawing.
        let used = Double(1 + (ins.isEmpty ? 0 : 1) + (outs.isEmpty ? 0 : 1))
        let left = (680 - used * boxWidth - (used - 1) * gap) / 2
        let columns = (
            left: left, centre: ins.isEmpty ? left : left + boxWidth + gap,
            right: (ins.isEmpty ? left : left + boxWidth + gap) + boxWidth + gap
        )
        var svg = [
            "<svg class=\"drivers\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 680 \(SVG.number(height))\" "
                + "xmlns=\"http://www.w3.org/2000/svg\">",
            "<title id=\"\(id)-title\">\(HTML.escape(title(ins, outs)))</title>",
            "<defs><marker id=\"\(id)-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" "
                + "markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#222222\"/></marker></defs>",
        ]
        for (i, step) in ins.enumerated() {
            let y = top(i, of: ins.count, height: height)
            svg.append(
                arrow(
                    from: (columns.left + boxWidth, y + boxHeight / 2),
                    to: (columns.centre - 2, centreY + boxHeight / 2), weight: step.weight, marker: id))
            svg.append(box(step.from.title, x: columns.left, y: y, lynchpin: false))
        }
        for (i, step) in outs.enumerated() {
            let y = top(i, of: outs.count, height: height)
            svg.append(
                arrow(
                    from: (columns.centre + boxWidth, centreY + boxHeight / 2),
                    to: (columns.right - 2, y + boxHeight / 2), weight: step.weight, marker: id))
            svg.append(box(step.to.title, x: columns.right, y: y, lynchpin: false))
        }
        svg.append(box(centre.title, x: columns.centre, y: centreY, lynchpin: true))
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// The diagram in words, for screen readers.
    private func title(_ ins: [Report.Step], _ outs: [Report.Step]) -> String {
        var parts: [String] = []
        if !ins.isEmpty { parts.append("\(ins.map(\.from.title).joined(separator: ", ")) drive \(centre.title)") }
        if !outs.isEmpty { parts.append("\(centre.title) drives \(outs.map(\.to.title).joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }

    private func strongest(_ steps: [Report.Step], by key: KeyPath<Report.Step, String>) -> [Report.Step] {
        var kept: [Report.Step] = []
        for step in steps {
            if let i = kept.firstIndex(where: { $0[keyPath: key] == step[keyPath: key] }) {
                if step.weight > kept[i].weight { kept[i] = step }
            } else {
                kept.append(step)
            }
        }
        return kept
    }

    /// The top of box `index` of `count` in a column, the column centred in the drawing.
    private func top(_ index: Int, of count: Int, height: Double) -> Double {
        let used = Double(count) * rowHeight
        return (height - used) / 2 + Double(index) * rowHeight + (rowHeight - boxHeight) / 2
    }

    private func arrow(from: (Double, Double), to: (Double, Double), weight: Double, marker: String) -> String {
        "<line x1=\"\(SVG.number(from.0))\" y1=\"\(SVG.number(from.1))\" x2=\"\(SVG.number(to.0))\" "
            + "y2=\"\(SVG.number(to.1))\" stroke=\"#222222\" stroke-width=\"\(SVG.number(1 + 3 * weight))\" "
            + "marker-end=\"url(#\(marker)-arrow)\"/>"
    }

    private func box(_ title: String, x: Double, y: Double, lynchpin: Bool) -> String {
        let lines = SVG.wrap(title, width: 24, lines: 3)
        let lineHeight = 16.0
        let firstBaseline = y + boxHeight / 2 - Double(lines.count - 1) * lineHeight / 2 + 5
        let rect =
            "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(boxWidth))\" "
            + "height=\"\(SVG.number(boxHeight))\" rx=\"6\" "
            + (lynchpin
                ? "fill=\"#fbeee8\" stroke=\"\(colour)\" stroke-width=\"3\"/>"
                : "fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1.5\"/>")
        return "<g>" + rect
            + SVG.text(
                lines, x: x + boxWidth / 2, y: firstBaseline, lineHeight: lineHeight, anchor: "middle",
                className: lynchpin ? "node lynchpin" : "node") + "</g>"
    }
}
