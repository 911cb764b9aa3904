/// What a call counts as in the figures: answered (answer time and billed seconds), busy, no answer or failed.
public enum Outcome: Sendable { case answered, busy, noAnswer, failed }
