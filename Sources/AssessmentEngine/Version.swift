/// The engine's own version, stored with every result.
public enum AssessmentEngineVersion {
    /// The current version.
    public static let current = "0.1.0"
}
