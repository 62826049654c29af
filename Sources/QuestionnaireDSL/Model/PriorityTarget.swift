/// The seven priority targets for work with women in the justice system, plus `other`.
public enum PriorityTarget: String, Sendable, Codable, CaseIterable {
    case substanceMisuse = "substance_misuse"
    case mentalHealth = "mental_health"
    case emotionalManagement = "emotional_management"
    case prosocialIdentity = "prosocial_identity"
    case everydayLife = "everyday_life"
    case familyRelationships = "family_relationships"
    case resettlement
    case other

    /// The target in plain words.
    public var title: String {
        switch self {
        case .substanceMisuse: "Substance misuse"
        case .mentalHealth: "Mental health"
        case .emotionalManagement: "Emotional management skills"
        case .prosocialIdentity: "A pro-social identity"
        case .everydayLife: "Control of everyday life and achieving goals"
        case .familyRelationships: "Family contact and healthy relationships"
        case .resettlement: "Resettlement and social capital"
        case .other: "Other"
        }
    }
}
