public enum AssessmentEngineVersion { public static let current = "0.1.0" }
