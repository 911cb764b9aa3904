import Foundation

/// The simulated operator: customers, carriers, DIDs and rate cards, generated from a seed and written once.
/// Later runs against the same store load what is there instead of creating it again.
struct SimulatedNetwork {
    struct Customer {
        var id: Int64
        var weight: Double
        var rateTableID: Int64?
        var dids: [(id: Int64, number: String)]
    }

    struct Carrier {
        var id: Int64
        var name: String
        var weight: Double
        var rateTableID: Int64?
        /// The share of attempts this carrier answers on a normal day (0.30–0.70).
        var baseASR: Double
    }

    var customers: [Customer]
    var carriers: [Carrier]
    var rateTables: [Int64: RateTable]
    var destinations: [Destination]

    struct Destination {
        var prefix: String
        var weight: Double
        var numberLength: Int
    }

    /// Country and mobile prefixes the simulated customers dial, with a base cost per minute in micros.
    static let destinationPlan: [(prefix: String, name: String, costMicros: Int64, weight: Double, length: Int)] = [
        ("1", "USA/Canada", 4_000, 20, 11), ("44", "United Kingdom", 6_000, 10, 12),
        ("447", "United Kingdom mobile", 18_000, 6, 12), ("49", "Germany", 7_000, 8, 12),
        ("4915", "Germany mobile", 25_000, 4, 13), ("33", "France", 8_000, 6, 11),
        ("336", "France mobile", 22_000, 3, 11), ("41", "Switzerland", 12_000, 7, 11),
        ("4179", "Switzerland mobile", 45_000, 3, 11), ("39", "Italy", 9_000, 4, 12),
        ("34", "Spain", 8_500, 4, 11), ("31", "Netherlands", 9_000, 3, 11), ("46", "Sweden", 10_000, 2, 11),
        ("48", "Poland", 11_000, 2, 11), ("351", "Portugal", 12_000, 2, 12), ("61", "Australia", 15_000, 2, 11),
        ("81", "Japan", 30_000, 1.5, 12), ("86", "China", 14_000, 2, 13), ("91", "India", 13_000, 4, 12),
        ("7", "Russia", 25_000, 1.5, 11), ("55", "Brazil", 16_000, 2, 12), ("52", "Mexico", 12_000, 2, 12),
        ("27", "South Africa", 35_000, 1, 11), ("234", "Nigeria", 90_000, 1, 13), ("254", "Kenya", 70_000, 1, 12),
        ("20", "Egypt", 60_000, 1, 12), ("971", "UAE", 95_000, 1, 12), ("90", "Turkey", 40_000, 1, 12),
    ]
    /// Dialled now and then, priced by no card: the simulator's source of unrated calls.
    static let unratedPrefix = "882"

    static func loadOrCreate(
        in ledger: any StoreLedger, seed: UInt64, customers: Int, carriers: Int, dids: Int, now: Int64
    ) throws -> SimulatedNetwork {
        if try ledger.accounts().customers.isEmpty {
            try create(in: ledger, seed: seed, customers: customers, carriers: carriers, dids: dids, now: now)
        }
        return try load(from: ledger, seed: seed)
    }

    private static func customerWeight(rank: Int) -> Double { 1 / pow(Double(rank + 1), 0.8) }

    private static func create(
        in ledger: any StoreLedger, seed: UInt64, customers customerCount: Int, carriers carrierCount: Int, dids didCount: Int,
        now: Int64
    ) throws {
        var random = RandomSource(seed: seed ^ 0x5EED)
        let sellCards: [(name: String, markup: Double, initial: Int, increment: Int, fee: Int64)] = [
            ("Retail 60/60", 1.9, 60, 60, 0), ("Business 30/6", 1.6, 30, 6, 0), ("Wholesale 1/1", 1.25, 1, 1, 0),
            ("Premium 60/60", 2.4, 60, 60, 20_000), ("Startup 30/6", 1.45, 30, 6, 5_000),
        ]
        var sellCardIDs: [Int64] = []
        for card in sellCards {
            let rates = destinationPlan.map { plan in
                Rate(
                    prefix: plan.prefix, description: plan.name,
                    perMinute: Money(micros: roundTo100(Double(plan.costMicros) * card.markup)),
                    initialSeconds: card.initial, incrementSeconds: card.increment,
                    connectionFee: Money(micros: card.fee))
            }
            sellCardIDs.append(try ledger.addRateCard(name: card.name, direction: .sell, rates: rates))
        }
        let names = NameMaker(seed: seed)
        for index in 0..<carrierCount {
            let name = names.carrierName(index)
            let factor = 0.6 + random.unit() * 0.35
            let billing = random.chance(0.5) ? (1, 1) : (60, 60)
            let rates = destinationPlan.map { plan in
                Rate(
                    prefix: plan.prefix, description: plan.name,
                    perMinute: Money(micros: roundTo100(Double(plan.costMicros) * factor)),
                    initialSeconds: billing.0, incrementSeconds: billing.1)
            }
            let cardID = try ledger.addRateCard(name: "\(name) buy", direction: .buy, rates: rates)
            try ledger.addCarrier(name: name, channelsConfigured: 30 * random.int(in: 2...20), rateCardID: cardID)
        }
        // Configured channels follow each customer's share of traffic, with headroom.
        let totalWeight = (0..<customerCount).reduce(0.0) { $0 + customerWeight(rank: $1) }
        var customerIDs: [Int64] = []
        for index in 0..<customerCount {
            let share = customerWeight(rank: index) / totalWeight
            let channels = max(4, Int((share * 900).rounded(.up)) / 2 * 2 + 4)
            // A couple of customers have no rate card: the checklist flags them and their calls stay unrated.
            let cardID: Int64? = index % 97 == 41 ? nil : sellCardIDs[index % sellCardIDs.count]
            let balance = Money(micros: Int64(random.int(in: -200...5_000)) * Money.microsPerUnit)
            let customer = Accounts.NewCustomer(
                accountCode: String(format: "C%04d", index + 1), name: names.companyName(index),
                active: index % 23 != 22, channelsConfigured: channels, balance: balance,
                debitLimit: Money(micros: -Int64(random.int(in: 1...5) * 100) * Money.microsPerUnit),
                rateCardID: cardID)
            customerIDs.append(try ledger.addCustomer(customer, createdAt: now - 86_400 * 400))
        }
        for index in 0..<didCount {
            // DIDs are spread over customers, busier customers holding more numbers.
            let owner = customerIDs.isEmpty ? nil : customerIDs[(index * 7 + index / 3) % customerIDs.count]
            try ledger.addDID(number: String(format: "+4122%07d", 1_000_000 + index * 37), customerID: owner)
        }
    }

    private static func load(from ledger: any StoreLedger, seed: UInt64) throws -> SimulatedNetwork {
        var random = RandomSource(seed: seed ^ 0xCA11)
        let book = try ledger.accounts()
        var didsByCustomer: [Int64: [(Int64, String)]] = [:]
        for did in book.dids {
            if let owner = did.customerID { didsByCustomer[owner, default: []].append((did.id, did.number)) }
        }
        let customers = book.customers.filter(\.active).enumerated().map { rank, customer in
            Customer(
                id: customer.id, weight: customerWeight(rank: rank), rateTableID: customer.rateCardID,
                dids: (didsByCustomer[customer.id] ?? []).map { (id: $0.0, number: $0.1) })
        }
        let carriers = book.carriers.filter(\.active).enumerated().map { rank, carrier in
            Carrier(
                id: carrier.id, name: carrier.name, weight: 1 / pow(Double(rank + 1), 0.5),
                rateTableID: carrier.rateCardID, baseASR: 0.30 + random.unit() * 0.40)
        }
        let destinations =
            destinationPlan.map { Destination(prefix: $0.prefix, weight: $0.weight, numberLength: $0.length) }
            + [Destination(prefix: unratedPrefix, weight: 0.4, numberLength: 12)]
        return SimulatedNetwork(
            customers: customers, carriers: carriers, rateTables: try ledger.rateTables(),
            destinations: destinations)
    }

    private static func roundTo100(_ micros: Double) -> Int64 { Int64((micros / 100).rounded()) * 100 }
}

/// Plausible company and carrier names from a seed.
struct NameMaker {
    let seed: UInt64
    private static let first = [
        "Alpine", "Baltic", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper",
        "Keystone", "Lumen", "Meridian", "Nordic", "Orbit", "Pioneer", "Quartz", "Riviera", "Summit", "Tundra",
        "Unity", "Vertex", "Willow", "Xenon", "Yarrow", "Zenith", "Zürich", "Genève", "Málaga", "Kraków",
    ]
    private static let second = [
        "Telecom", "Voice", "Networks", "Communications", "Connect", "Systems", "Call Center", "Logistics",
        "Hotels", "Clinic", "Insurance", "Travel", "Legal", "Media", "Energy", "Bank",
    ]
    private static let carriers = [
        "Telia", "BT Wholesale", "Orange IC", "Swisscom", "DT ICSS", "Tata", "Sparkle", "iBasis", "Bics", "Lumen",
        "Zayo", "Colt", "Vodafone", "Telefonica", "PCCW", "Singtel", "Airtel", "Etisalat", "Verizon", "AT&T",
    ]

    func companyName(_ index: Int) -> String {
        let a = NameMaker.first[(index * 7 + Int(seed % 11)) % NameMaker.first.count]
        let b = NameMaker.second[(index * 5 + index / NameMaker.first.count) % NameMaker.second.count]
        return "\(a) \(b) \(index + 1)"
    }

    func carrierName(_ index: Int) -> String {
        let base = NameMaker.carriers[index % NameMaker.carriers.count]
        let route = index / NameMaker.carriers.count
        return route == 0 ? base : "\(base) R\(route + 1)"
    }
}
