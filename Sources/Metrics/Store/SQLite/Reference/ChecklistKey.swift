/// A checklist item as both sides name it: its kind and what it is about (nil for a summing item). The wording is
/// the engine's; the figures behind it (the carriers' ASR) are what is compared.
public struct ChecklistKey: Equatable, CustomStringConvertible {
    public var kind: String
    public var subject: Int64? = nil

    public var description: String { "\(kind)#\(subject.map(String.init) ?? "-")" }

    public init(kind: String, subject: Int64? = nil) {
        self.kind = kind
        self.subject = subject
    }
}
