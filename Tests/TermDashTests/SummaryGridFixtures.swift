@testable import Metrics
import TermDashTestSupport

@testable import TermDash

/// Summary grids built by hand (no store): a few customers over a few UTC buckets.
enum SummaryGridFixtures {
    /// 2026-11-21 00:00 UTC.
    static let day: Int64 = CivilDate(year: 2026, month: 11, day: 21).unixDay * 86_400

    /// Live hours 10:00–13:00 UTC for three customers. Acme has an empty hour (ASR N/A) and a loss at 11:00;
    /// Initech's stored name carries an escape sequence and a tab.
    static let small = SummaryGrid(
        period: .live,
        buckets: (10...13).map { day + Int64($0) * 3_600 },
        rows: [
            SummaryGrid.Row(customerID: 1, name: "Acme Telecom", cells: [
                Figures.traffic(120, 60, billsec: 5_400, dtmfKnown: 60, dtmfCalls: 15, sell: 12_345_678, buy: 10_000_000),
                Figures.traffic(130, 52, billsec: 4_160, sell: 8_500_000, buy: 9_000_000),
                Figures.traffic(),
                Figures.traffic(7, 7, billsec: 700, dtmfKnown: 7, dtmfCalls: 2, sell: 1_000_000, buy: 500_000),
            ]),
            SummaryGrid.Row(customerID: 2, name: "Globex", cells: [
                Figures.traffic(7),
                Figures.traffic(9, 3, billsec: 100, sell: 250_000, buy: 200_000),
                Figures.traffic(12, 6, billsec: 600, sell: 600_000, buy: 400_000),
                Figures.traffic(14, 14, billsec: 1_400, sell: 1_400_000, buy: 1_000_000),
            ]),
            SummaryGrid.Row(customerID: 3, name: "Ini\u{1b}[31mtech\tLtd", cells: [
                Figures.traffic(1_000, 999, billsec: 99_900, sell: 99_900_000, buy: 50_000_000),
                Figures.traffic(1, 1, billsec: 30, sell: 5_000, buy: 1_000),
                Figures.traffic(2, 1, billsec: 30, sell: 5_000, buy: 1_000),
                Figures.traffic(3, 1, billsec: 30, sell: 5_000, buy: 1_000),
            ]),
        ])

    /// `rows` customers × `columns` buckets of a daily grid with varied, deterministic figures.
    static func large(rows: Int, columns: Int, period: SummaryPeriod = .daily) -> SummaryGrid {
        let step: Int64 = period == .live ? 3_600 : 86_400
        return SummaryGrid(
            period: period,
            buckets: (0..<columns).map { day - Int64(columns - 1 - $0) * step },
            rows: (0..<rows).map { r in
                SummaryGrid.Row(customerID: Int64(100 + r), name: "Customer \(r)", cells: (0..<columns).map { c in
                    let attempts = Int64((r * 7 + c * 13) % 50)
                    let answered = attempts * Int64((r + c) % 4) / 4
                    return Figures.traffic(attempts, answered, billsec: answered * Int64(30 + (r * c) % 90),
                                           dtmfKnown: answered / 2, dtmfCalls: answered / 5,
                                           sell: answered * 123_457, buy: answered * 100_003 + Int64(c % 3) * 7)
                })
            })
    }

    static func state(for grid: SummaryGrid, metric: CellMetric = .attempts) -> SummaryGridViewState {
        var state = SummaryGridViewState(period: grid.period, metric: metric)
        state.update(to: grid)
        return state
    }
}
