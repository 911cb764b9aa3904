/// Whether a rate card prices what customers pay (sell) or what carriers charge (buy).
public enum RateDirection: String, Sendable { case sell, buy }
