import Foundation

/// One simulated call, decided in full when it starts; the simulator reveals it as time passes.
struct SimulatedCall {
    var callKey: String
    var startAt: Int64
    var answerAt: Int64?
    var endAt: Int64
    var disposition: Disposition
    var hangupCause: String
    var customerID: Int64
    var carrierID: Int64
    var didID: Int64?
    var src: String
    var dst: String
    var callerName: String
    var dtmfDigits: Int
    var sell: Money?
    var buy: Money?

    var billsec: Int { answerAt.map { Int(endAt - $0) } ?? 0 }

    func record(source: String) -> CallRecord {
        CallRecord(
            source: source, rowKey: RowKey(callKey), callKey: callKey, legID: callKey, startAt: startAt, answerAt: answerAt,
            endAt: endAt, duration: Int(endAt - startAt), billsec: billsec, disposition: disposition,
            hangupCause: hangupCause, customerID: customerID, carrierID: carrierID, didID: didID, src: src,
            dst: dst, callerName: callerName, dtmfDigits: dtmfDigits, sell: sell, buy: buy)
    }
}

/// The shape of simulated traffic: a daily CPS curve, per-carrier ASR with an occasional degrading carrier,
/// ACD around three minutes with a long tail, and DTMF on some calls.
struct TrafficModel {
    let network: SimulatedNetwork
    let peakCPS: Double
    let seed: UInt64
    private let customerPicker: WeightedPicker
    private let carrierPicker: WeightedPicker
    private let destinationPicker: WeightedPicker
    private let rater: Rater

    init(network: SimulatedNetwork, peakCPS: Double, seed: UInt64) {
        self.network = network
        self.peakCPS = peakCPS
        self.seed = seed
        customerPicker = WeightedPicker(weights: network.customers.map(\.weight))
        carrierPicker = WeightedPicker(weights: network.carriers.map(\.weight))
        destinationPicker = WeightedPicker(weights: network.destinations.map(\.weight))
        rater = Rater(tables: network.rateTables)
    }

    /// Mean attempts per second at `second`: quiet nights, a business-day hump (UTC), lighter weekends.
    func cps(at second: Int64) -> Double {
        let day = floorDiv(second, 86_400)
        let hour = Double(second - day * 86_400) / 3_600
        let daytime = hour > 6 && hour < 22 ? pow(sin(.pi * (hour - 6) / 16), 1.5) : 0
        let weekday = (day + 4) % 7  // 1970-01-01 was a Thursday: 0 = Sunday
        let weekend = weekday == 0 || weekday == 6 ? 0.55 : 1.0
        let wobble = 1 + 0.08 * sin(Double(second) / 1_700) + 0.05 * sin(Double(second) / 347)
        return peakCPS * (0.12 + 0.88 * daytime) * weekend * wobble
    }

    /// A carrier answers its base share of calls, except while it is the one degrading: every two hours one carrier
    /// (picked from the seed) loses most of its answers for half an hour somewhere in the window.
    func answerRatio(carrier index: Int, at second: Int64) -> Double {
        let base = network.carriers[index].baseASR
        let slot = floorDiv(second, 7_200)
        var hash = RandomSource(seed: seed ^ UInt64(bitPattern: slot) &* 0x9E37_79B9)
        let victim = Int(hash.next() % UInt64(network.carriers.count))
        let offset = Int64(hash.next() % 5_400)
        let inWindow = second - slot * 7_200 >= offset && second - slot * 7_200 < offset + 1_800
        return victim == index && inWindow ? base * 0.25 : base
    }

    func makeCall(key: String, startAt: Int64, using random: inout RandomSource) -> SimulatedCall {
        let customer = network.customers[customerPicker.pick(using: &random)]
        let carrierIndex = carrierPicker.pick(using: &random)
        let carrier = network.carriers[carrierIndex]
        let destination = network.destinations[destinationPicker.pick(using: &random)]
        // Dialled in the three international forms real switches log: +41…, 0041…, 41….
        let style = random.int(in: 0...9)
        var digits: [UInt8] = style < 5 ? [UInt8(ascii: "+")] : style < 8 ? [48, 48] : []
        digits.append(contentsOf: destination.prefix.utf8)
        for _ in destination.prefix.utf8.count..<max(destination.prefix.utf8.count, destination.numberLength) {
            digits.append(48 + UInt8(random.next() % 10))
        }
        let dst = String(decoding: digits, as: UTF8.self)
        let did = customer.dids.isEmpty ? nil : customer.dids[random.int(in: 0...(customer.dids.count - 1))]

        var answerAt: Int64?
        var endAt: Int64
        var disposition: Disposition
        var cause: String
        if random.chance(answerRatio(carrier: carrierIndex, at: startAt)) {
            let ringing = Int64(random.int(in: 2...20))
            // Log-normal holding time: mean about 180 s, median about 110 s, a tail of long calls.
            let talk = Int64(min(14_400, max(1, random.logNormal(mu: log(180) - 0.5, sigma: 1.0).rounded())))
            answerAt = startAt + ringing
            endAt = startAt + ringing + talk
            disposition = .answered
            cause = "NORMAL_CLEARING"
        } else {
            let roll = random.unit()
            switch roll {
            case ..<0.30: (disposition, cause, endAt) = (.busy, "USER_BUSY", startAt + Int64(random.int(in: 1...4)))
            case ..<0.75:
                (disposition, cause, endAt) = (.noAnswer, "NO_ANSWER", startAt + Int64(random.int(in: 15...45)))
            case ..<0.90:
                (disposition, cause, endAt) = (.failed, "CALL_REJECTED", startAt + Int64(random.int(in: 0...2)))
            default:
                (disposition, cause, endAt) = (
                    .congestion, "NORMAL_CIRCUIT_CONGESTION", startAt + Int64(random.int(in: 0...1))
                )
            }
        }
        let billsec = answerAt.map { Int(endAt - $0) } ?? 0
        let answered = billsec > 0
        let dtmf = answered && random.chance(0.2) ? random.int(in: 1...12) : 0
        return SimulatedCall(
            callKey: key, startAt: startAt, answerAt: answerAt, endAt: endAt, disposition: disposition,
            hangupCause: cause, customerID: customer.id, carrierID: carrier.id, didID: did?.id,
            src: did?.number ?? "anonymous", dst: dst, callerName: callerName(using: &random),
            dtmfDigits: dtmf,
            sell: rater.price(card: customer.rateTableID, dialled: dst, billsec: billsec, answered: answered),
            buy: rater.price(card: carrier.rateTableID, dialled: dst, billsec: billsec, answered: answered))
    }

    /// The call as it ends if the switch drops it at `now` (the simulator stopping): answered calls keep the
    /// seconds they had, calls still ringing end unanswered.
    func cutOff(_ call: SimulatedCall, at now: Int64) -> SimulatedCall {
        guard call.endAt > now else { return call }
        var cut = call
        cut.endAt = max(call.startAt, now)
        cut.hangupCause = "SYSTEM_SHUTDOWN"
        if let answerAt = call.answerAt, answerAt < now {
            cut.dtmfDigits = call.dtmfDigits
        } else {
            cut.answerAt = nil
            cut.disposition = .failed
            cut.dtmfDigits = 0
        }
        let customer = network.customers.first { $0.id == call.customerID }
        let carrier = network.carriers.first { $0.id == call.carrierID }
        let answered = cut.billsec > 0
        cut.sell = rater.price(card: customer?.rateTableID, dialled: call.dst, billsec: cut.billsec, answered: answered)
        cut.buy = rater.price(card: carrier?.rateTableID, dialled: call.dst, billsec: cut.billsec, answered: answered)
        return cut
    }

    private static let callerNames = [
        "Reception", "Sales", "Support", "J. Müller", "A. Dubois", "M. Rossi", "K. Nowak", "S. García",
        "Front Desk", "Dispatch", "Night Line", "O'Brien", "Åsa Lind", "Zoë Chen", "",
    ]

    private func callerName(using random: inout RandomSource) -> String {
        TrafficModel.callerNames[random.int(in: 0...(TrafficModel.callerNames.count - 1))]
    }
}
