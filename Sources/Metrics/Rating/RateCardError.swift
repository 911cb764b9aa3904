/// Why `StoreLedger.storeRateCard` stored nothing.
public enum RateCardError: Error, Equatable, CustomStringConvertible {
    case exists(String)
    case directionMismatch(String, String)

    public var description: String {
        switch self {
        case .exists(let name): return "rate card \"\(name)\" exists already (use --replace to replace its rates)"
        case .directionMismatch(let name, let direction):
            return "rate card \"\(name)\" is a \(direction) card; --direction must match"
        }
    }
}
