/// How a call ended, as the switch reported it.
public enum Disposition: String, Sendable, CaseIterable {
    case answered, noAnswer = "no_answer", busy, failed, congestion
}
