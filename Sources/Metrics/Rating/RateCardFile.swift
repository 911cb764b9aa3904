import Foundation

/// A rate card in CSV, as documented in docs/rate-cards.md: a header row naming the columns (any order), then one
/// prefix per row. `prefix` and `rate` are required; `initial` and `increment` default to 60, `minimum`,
/// `connection_fee` to 0 and `description` to empty. Amounts are decimals in the card's currency.
public enum RateCardFile {
    /// The most a rate (a minute), a minimum or a connection fee may be: 10,000 in the card's currency.
    static let largestAmount = Money(micros: 10_000_000_000)

    public struct LineError: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var reason: String
        public var description: String { "\(path):\(line): \(reason)" }
    }

    static let known = ["prefix", "rate", "initial", "increment", "minimum", "connection_fee", "description"]

    /// Every rate of the file and every problem in it; a caller loads the card only when there is no problem
    /// (a rate card is loaded whole or not at all: `StoreLedger.storeRateCard`).
    public static func parse(_ bytes: [UInt8], path: String) -> (rates: [Rate], errors: [LineError]) {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else {
            return ([], [LineError(path: path, line: 1, reason: "empty file: expected a header row such as prefix,rate,initial,increment")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var errors: [LineError] = []
        for name in names where !known.contains(name) {
            errors.append(LineError(path: path, line: header.line, reason: "unknown column \"\(name)\" (known: \(known.joined(separator: ", ")))"))
        }
        for required in ["prefix", "rate"] where !names.contains(required) {
            errors.append(LineError(path: path, line: header.line, reason: "missing column \"\(required)\""))
        }
        guard errors.isEmpty else { return ([], errors) }
        let column = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var rates: [Rate] = []
        var seen: [String: Int] = [:]
        while let record = reader.next() {
            if let error = record.error {
                errors.append(LineError(path: path, line: record.line, reason: error))
                continue
            }
            guard record.fields.count == names.count else {
                errors.append(LineError(path: path, line: record.line,
                                        reason: "\(record.fields.count) fields, the header has \(names.count)"))
                continue
            }
            func value(_ name: String) -> String? {
                column[name].map { record.fields[$0].trimmingCharacters(in: .whitespaces) }
            }
            func fail(_ reason: String) { errors.append(LineError(path: path, line: record.line, reason: reason)) }
            let prefix = value("prefix") ?? ""
            guard !prefix.isEmpty, prefix.allSatisfy(\.isASCIIDigit), prefix.count <= RateTable.maximumPrefixLength else {
                fail("prefix \"\(prefix)\" must be 1 to \(RateTable.maximumPrefixLength) digits")
                continue
            }
            if let first = seen[prefix] {
                fail("prefix \(prefix) already given on line \(first)")
                continue
            }
            guard let rate = Money(decimal: value("rate") ?? ""), rate.micros >= 0 else {
                fail("rate \"\(value("rate") ?? "")\" must be a decimal amount ≥ 0 with at most 6 decimals")
                continue
            }
            // Beyond it, a call's charge (31 days at most) or a day's sum would leave 64 bits of micro-units.
            guard rate.micros <= Self.largestAmount.micros else {
                fail("rate \"\(value("rate") ?? "")\" must be at most \(Self.largestAmount.formatted(decimals: 0)) a minute")
                continue
            }
            func seconds(_ name: String) -> Int? {
                guard let text = value(name), !text.isEmpty else { return 60 }
                guard let number = Int(text), (1...3_600).contains(number) else {
                    fail("\(name) \"\(text)\" must be whole seconds from 1 to 3600")
                    return nil
                }
                return number
            }
            func amount(_ name: String) -> Money? {
                guard let text = value(name), !text.isEmpty else { return Money(micros: 0) }
                guard let money = Money(decimal: text), money.micros >= 0 else {
                    fail("\(name) \"\(text)\" must be a decimal amount ≥ 0 with at most 6 decimals")
                    return nil
                }
                guard money.micros <= Self.largestAmount.micros else {
                    fail("\(name) \"\(text)\" must be at most \(Self.largestAmount.formatted(decimals: 0))")
                    return nil
                }
                return money
            }
            guard let initial = seconds("initial"), let increment = seconds("increment"),
                  let minimum = amount("minimum"), let fee = amount("connection_fee") else { continue }
            seen[prefix] = record.line
            rates.append(Rate(prefix: prefix, description: value("description") ?? "", perMinute: rate,
                              initialSeconds: initial, incrementSeconds: increment, minimum: minimum,
                              connectionFee: fee))
        }
        if rates.isEmpty && errors.isEmpty {
            errors.append(LineError(path: path, line: header.line, reason: "no rates after the header"))
        }
        return (rates, errors)
    }
}
