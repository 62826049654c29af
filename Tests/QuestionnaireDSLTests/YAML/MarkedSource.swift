@testable import QuestionnaireDSL

/// The reader's ``SourceLocation``, by a name that does not clash with Swift Testing's.
typealias Location = QuestionnaireDSL.SourceLocation

/// YAML written inline with position markers, in the style of swift-syntax's tests:
/// `"name: a\n1️⃣name: b"` is the text without the marker, and marker 1 is at line 2, column 1.
struct MarkedSource {
    /// The text with the markers removed.
    var text: String
    /// Where each marker stood, by its number.
    var markers: [Int: Location]

    /// The source to hand to the reader.
    var source: SourceFile { SourceFile(name: "test.yaml", text: text) }

    /// Finds the markers `1️⃣` to `9️⃣`; columns count Unicode scalars, like ``SourceLocation``.
    init(_ marked: String) {
        var text = ""
        var markers: [Int: Location] = [:]
        var line = 1
        var column = 1
        for character in marked {
            let scalars = Array(character.unicodeScalars)
            if scalars.count == 3, scalars[1] == "\u{FE0F}", scalars[2] == "\u{20E3}",
                let number = Int(String(scalars[0]))
            {
                markers[number] = Location(line: line, column: column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += scalars.count
            }
        }
        self.text = text
        self.markers = markers
    }

    /// The location of marker `number`; a missing marker is a mistake in the test.
    subscript(number: Int) -> Location {
        markers[number] ?? Location(line: 0, column: 0)
    }
}
