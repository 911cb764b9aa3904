import Foundation
import Metrics
import TermDashTestSupport

/// A dashboard snapshot built by hand (no store), for the screen's and the loop's tests.
enum DashboardFixtures {
    static let hostile = "\u{1B}[31mEvil\u{7}"
    /// 2026-11-22 15:30:05 UTC.
    static let now: Int64 = 1_795_361_405

    /// Two alerts (one naming the hostile customer) and a warning.
    static let checklist = [
        ChecklistItem(kind: .cdrFileError, severity: .alert, title: "CDR file in error",
                      reason: "Master.csv: line 3: broken quote", subjectID: 1),
        ChecklistItem(kind: .balancePastLimit, severity: .alert, title: "Balance past debit limit",
                      reason: hostile + ": balance -600.00 USD, limit -500.00 USD", subjectID: 2),
        ChecklistItem(kind: .profileNotVerified, severity: .warning, title: "Profile not verified",
                      reason: "New Co (X9) was created by importing Master-2026-11.csv", subjectID: 3),
    ]

    /// Four minutes of history ending at `now`, three carriers (the hostile one among them), carrier and DID tables,
    /// three checklist items and a balance past its limit.
    static let snapshot: DashboardSnapshot = {
        let from = now - now % 60 - 180
        let history = HistorySnapshot(
            range: .oneHour, now: now, from: from, step: 60,
            figures: [Figures.traffic(120, 60, billsec: 3_600, dtmfKnown: 40, dtmfCalls: 10, dtmfDigits: 25, sell: 1_500_000, buy: 1_000_000),
                      Figures.traffic(0, 0),
                      Figures.traffic(60, 30, billsec: 900, sell: 250_000, buy: 400_000),
                      Figures.traffic(30, 20, billsec: 600, sell: 100_000, buy: 50_000)],
            channelSeconds: [600, 0, 300, 100], peakAttempts: [5, 0, 7, 2], peakSeconds: [from + 17, nil, from + 129, from + 190],
            registrations: [10, 12, 11, 11],
            daily: (0..<7).map { MoneyPoint(bucket: now - now % 86_400 - Int64(6 - $0) * 86_400,
                                            spend: Money(micros: 1_000_000 * Int64($0)), cost: Money(micros: 2_500_000)) })
        let carriers = [
            CarrierQuality(id: 1, name: "Alpha Telecom", active: true, counts: Figures.quality(1_234, 558, billsec: 84_258)),
            CarrierQuality(id: 2, name: hostile, active: true, counts: Figures.quality(80, 10, billsec: 650)),
            CarrierQuality(id: 3, name: "Idle", active: true, counts: Figures.quality(0, 0, billsec: 0)),
        ]
        return DashboardSnapshot(
            takenAt: Date(timeIntervalSince1970: TimeInterval(now)),
            counters: Counters(liveChannels: 1_234, configuredChannels: 4_000, activeCustomers: 87, carriers: 12, rateCards: 5),
            liveChannels: [0, 3, 6, 9, 12, 15, 18, 21, 24],
            topCustomers: [
                ChannelUsage(name: "Acme Telecom", inUse: 120, configured: 150),
                ChannelUsage(name: hostile, inUse: 98, configured: 100),
                ChannelUsage(name: "Initech", inUse: 40, configured: nil),
            ],
            bottomCustomers: [ChannelUsage(name: "Tiny", inUse: 0, configured: 10)],
            storePath: "/var/lib/termdash/store.sqlite",
            history: history,
            quality: QualitySnapshot(range: .oneHour, from: from, to: from + 240, carriers: carriers),
            channelTables: ChannelTables(
                topCarriers: [ChannelUsage(name: hostile + " Carrier", inUse: 57, configured: 60),
                              ChannelUsage(name: "Telia", inUse: 3, configured: 120)],
                bottomCarriers: [ChannelUsage(name: "Telia", inUse: 3, configured: 120)],
                topDIDs: [ChannelUsage(name: "+41220000002", inUse: 2, configured: nil)],
                bottomDIDs: [ChannelUsage(name: "+41220000009", inUse: 0, configured: nil)]),
            checklist: checklist,
            balance: AccountBalance(accounts: 1, balance: Money(micros: -612_000_000), floor: Money(micros: -500_000_000),
                                    currency: "USD", accountsPastLimit: 1))
    }()
}
