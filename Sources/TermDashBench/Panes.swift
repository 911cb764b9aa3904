import Foundation
import SQLiteReference
import Metrics

/// The panes of one snapshot, in the order they are read and reported.
enum Pane: Int, CaseIterable {
    case dashboard, liveSummary, dailySummary, carrierTotals, customerTotals, last24Hours

    var label: String {
        switch self {
        case .dashboard: return "dashboard (every dashboard pane, 1 h history)"
        case .liveSummary: return "summary live (customers x 24 hours)"
        case .dailySummary: return "summary daily (customers x 31 days)"
        case .carrierTotals: return "totals per carrier, live period"
        case .customerTotals: return "totals per customer, live period"
        case .last24Hours: return "network figures, last 24 h"
        }
    }
}

/// One timed pass over every pane: the whole set, and each pane.
struct PassTiming {
    var totalMilliseconds: Double
    var paneMilliseconds: [Double]
}

/// Times each pane of a pass, and the pass as a whole.
struct PassTimer {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var panes: [Double] = []

    init() { started = clock.now }

    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = clock.now
        let value = try body()
        panes.append(milliseconds(clock.now - start))
        return value
    }

    func finish() -> PassTiming { PassTiming(totalMilliseconds: milliseconds(clock.now - started), paneMilliseconds: panes) }
}

func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1_000 }

// MARK: - The engine

/// Every pane the engine serves today, through its public API at `now`.
enum EngineSnapshot {
    struct Result {
        var dashboard: DashboardSnapshot
        var live: SummaryGrid
        var daily: SummaryGrid
        var carriers: [FigureRow]
        var customers: [FigureRow]
        var last24Hours: [Int64: TrafficFigures]
    }

    /// What the monitor reads each refresh: every dashboard pane in one read, the history at its dearest range
    /// (1 h: 60 minute rows of the network rollup, 2,400 carrier rows for the quality table, which the checklist
    /// reuses).
    static let request = SnapshotRequest(liveWindow: 400, tableRows: 25, history: .oneHour)

    static func take(store: any StoreReader, at now: Int64) throws -> (Result, PassTiming) {
        var timer = PassTimer()
        let engine = MetricsEngine(store: store)
        let result = Result(
            dashboard: try timer.time { try engine.dashboard(at: now, request: request) },
            live: try timer.time { try engine.summary(.live, at: now) },
            daily: try timer.time { try engine.summary(.daily, at: now) },
            carriers: try timer.time { try engine.totals(.carrier, period: .live, at: now) },
            customers: try timer.time { try engine.totals(.customer, period: .live, at: now) },
            last24Hours: try timer.time { try engine.figures(from: now - 86_400, to: now, at: now) })
        return (result, timer.finish())
    }

    /// `runs` timed snapshots, each checked against `figures` (the warm-up's): the store is one nobody writes to.
    static func timed(_ runs: Int, store: any StoreReader, at now: Int64, figures: PaneFigures) throws -> [PassTiming] {
        note("timing \(runs) snapshots…")
        var snapshots: [PassTiming] = []
        for _ in 0..<runs {
            let (result, timing) = try take(store: store, at: now)
            guard Self.figures(of: result) == figures else {
                throw BenchmarkError("a snapshot differs from the first one on a store nobody writes to")
            }
            snapshots.append(timing)
        }
        return snapshots
    }

    /// The engine's answer in the compared shape (outside the timed part).
    static func figures(of result: Result) -> PaneFigures {
        func grid(_ grid: SummaryGrid) -> Grid {
            Grid(buckets: grid.buckets,
                 rows: grid.rows.map { GridRow(id: $0.customerID, name: $0.name, cells: $0.cells.map(\.counts)) })
        }
        func totals(_ rows: [FigureRow]) -> [Int64: NamedCounts] {
            Dictionary(rows.map { ($0.id, NamedCounts(name: $0.name, counts: $0.figures.counts)) },
                       uniquingKeysWith: { first, _ in first })
        }
        var dashboard = result.dashboard
        let checklist = dashboard.checklist ?? []
        dashboard.checklist = nil
        return PaneFigures(
            dashboard: dashboard, liveSummary: grid(result.live), dailySummary: grid(result.daily),
            carrierTotals: totals(result.carriers), customerTotals: totals(result.customers),
            last24Hours: result.last24Hours.mapValues(\.counts),
            checklist: checklist.map { ChecklistKey(kind: $0.kind.rawValue, subject: $0.subjectID) })
    }
}
