/// Why a portal account change was refused.
public enum PortalError: Error, Equatable, CustomStringConvertible {
    case unknownCustomer(Int64)
    case invalid(ProfileField, String, reason: String)

    public var description: String {
        switch self {
        case .unknownCustomer(let id): return "no customer \(id)"
        case .invalid(let field, _, let reason): return "\(field.rawValue): \(reason)"
        }
    }
}
