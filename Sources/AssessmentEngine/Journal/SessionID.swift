/// Short random session ids: 8 characters from an alphabet without look-alikes
/// (no 0/o, 1/l/i), easy to read aloud and type.
enum SessionID {
    static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    /// A new random id (about 39 bits).
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
