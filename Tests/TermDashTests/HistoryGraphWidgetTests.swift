import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The history graph drawn into buffers of several sizes and glyph sets, compared with the text a user should see;
/// the dashboard's graphs built from a history snapshot; the display zone of the axis.
final class HistoryGraphWidgetTests: XCTestCase {
    private let braille = GlyphSet.unicodeBraille
    private let block = GlyphSet.unicodeBlock
    private let ascii = GlyphSet.ascii

    private func lines(_ width: Int, _ height: Int, _ model: HistoryGraphModel?, _ glyphs: GlyphSet) -> [String] {
        var buffer = CellBuffer(width: width, height: height)
        HistoryGraphWidget(model: model, glyphs: glyphs).render(buffer.bounds, into: &buffer)
        return buffer.lines()
    }

    /// 2026-11-20 14:00 UTC.
    private let start: Int64 = 1_795_183_200

    /// Eight minutes of CPS (a gap at the fifth) with each minute's busiest second as points, shown at UTC+1.
    private var cps: HistoryGraphModel {
        HistoryGraphModel(
            start: start, step: 60, primary: GraphSeries(label: "cps", values: [0, 1, 2, 3, nil, 5, 6, 8]),
            secondary: GraphSeries(label: "peak", values: [2, 3, 4, 6, nil, 8, 8, 12]), format: .decimal,
            zone: .fixed(3_600), caption: ["now 8.0/s", "peak 12/s at 15:07:09"])
    }

    /// Six hours of profit, two of them losses.
    private var profit: HistoryGraphModel {
        HistoryGraphModel(
            start: start, step: 3_600, primary: GraphSeries(label: "profit", values: [12.5, -4, 30, -15.25, 0, 8]),
            secondary: nil, format: .money, zone: .utc, caption: ["profit 31.25", "worst -15.25 at 17:00"])
    }

    func testAtZeroAndOne() {
        assertScreen(lines(0, 0, cps, braille), [])
        // One cell holds the two halves of the series as two braille columns (3 and 8 of 12, in four dots)…
        assertScreen(lines(1, 1, cps, braille), ["⣰"])
        // …or the largest value in view in block or ASCII; no point drawn over a single row.
        assertScreen(lines(1, 1, cps, ascii), ["+"])
        assertScreen(lines(1, 1, nil, block), ["l"])
    }

    func testLoadingAndNoData() {
        assertScreen(lines(12, 2, nil, block), ["loading…    ", "            "])
        assertScreen(lines(12, 1, nil, ascii), ["loading...  "])
        var empty = cps
        empty.primary.values = []
        empty.secondary = nil
        assertScreen(lines(9, 2, empty, block), ["no data  ", "         "])
        empty.primary.values = [nil, nil]
        assertScreen(lines(9, 1, empty, ascii), ["no data  "], "gaps only: nothing to draw, not a zero line")
    }

    /// Narrow: no room for the y-axis; the legend comes first in the caption, cut segments are left out.
    func testSmallInBrailleAndAscii() {
        assertScreen(lines(12, 4, cps, braille), [
            "        ••••",
            "•••••• ⢰⣶⣿⣿⣿",
            "15:00  15:05",
            "⣿ cps       ",
        ])
        assertScreen(lines(12, 4, cps, ascii), [
            "        oooo",
            "oooooo  *###",
            "15:00  15:05",
            "# cps       ",
        ])
    }

    /// The scale (12.0 for the highest peak, 0.0), bars stretched over the width, a gap for the missing minute,
    /// points for the second series, times every two minutes at UTC+1.
    func testWideInBrailleAndAscii() {
        assertScreen(lines(40, 6, cps, braille), [
            "12.0                                ••••",
            "                           •••••••••⣶⣶⣶⣶",
            "              •••••••••    ⣶⣶⣶⣶⣾⣿⣿⣿⣿⣿⣿⣿⣿",
            " 0.0 •••••••••⣶⣶⣶⣶⣾⣿⣿⣿⡇    ⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿",
            "     15:00   15:02    15:04    15:06    ",
            "⣿ cps  • peak  now 8.0/s                ",
        ])
        assertScreen(lines(40, 6, cps, ascii), [
            "12.0                                oooo",
            "                           ooooooooo++++",
            "              ooooooooo    +++++########",
            " 0.0 ooooooooo+++++####    #############",
            "     15:00   15:02    15:04    15:06    ",
            "# cps  o peak  now 8.0/s                ",
        ])
    }

    /// The same buckets in another zone: only the labels move.
    func testTimeLabelsFollowTheDisplayZone() {
        var west = cps
        west.zone = .fixed(-5 * 3_600)
        assertScreen(lines(40, 6, west, block), [
            "12.0                                ••••",
            "                           •••••••••▅▅▅▅",
            "              •••••••••    ▅▅▅▅▅████████",
            " 0.0 •••••••••▅▅▅▅▅████    █████████████",
            "     09:00   09:02    09:04    09:06    ",
            "█ cps  • peak  now 8.0/s                ",
        ])
    }

    /// A loss hangs below the zero line, labelled; the caption's second segment does not fit and is left out whole.
    func testNegativeValuesHangBelowZero() {
        assertScreen(lines(30, 7, profit, braille), [
            " 30.00         ⣿⣿⣿⡇           ",
            "               ⣿⣿⣿⡇           ",
            "  0.00 ⣿⣿⣿⣿    ⣿⣿⣿⡇       ⢠⣤⣤⣤",
            "           ⠿⠿⠿⠿   ⢸⣿⣿⣿⡇       ",
            "-15.25            ⢸⣿⣿⣿⡇       ",
            "       14:00  16:00   18:00   ",
            "profit 31.25                  ",
        ])
        assertScreen(lines(30, 7, profit, block), [
            " 30.00         ████           ",
            "       ▁▁▁▁    ████           ",
            "  0.00 ████    ████        ▅▅▅",
            "           ████    ████       ",
            "-15.25             ████       ",
            "       14:00  16:00   18:00   ",
            "profit 31.25                  ",
        ])
        assertScreen(lines(30, 7, profit, ascii), [
            " 30.00         ####           ",
            "               ####           ",
            "  0.00 ####    ####        ===",
            "           ####    ####       ",
            "-15.25             ####       ",
            "       14:00  16:00   18:00   ",
            "profit 31.25                  ",
        ])
    }

    /// Seven days by the hour: dates at local midnight (UTC+1), every other day where one day is too narrow.
    func testDaysAreLabelledByDate() {
        let days = HistoryGraphModel(
            start: 1_794_614_400, step: 3_600,
            primary: GraphSeries(label: "channels", values: (0..<168).map { Double($0 % 24) }), secondary: nil,
            format: .count, zone: .fixed(3_600), caption: ["now 23", "max 23"])
        assertScreen(lines(50, 5, days, ascii), [
            "23     .=#    :+#    :*#   .-#    :=#    :+#    -#",
            "     .+###  :*###  -#### .=###  :+###  -*###  =###",
            " 0 :+#####-*#####=######+#####-+#####=*#####+#####",
            "         11-15        11-17         11-19         ",
            "now 23  max 23                                    ",
        ])
    }

    /// Spend as bars and cost as points, told apart by glyph and legend; money on the axis in whole units.
    func testTwoSeriesWithALegend() {
        let money = HistoryGraphModel(
            start: start, step: 3_600, primary: GraphSeries(label: "spend", values: [120, 250.5, 90, 310]),
            secondary: GraphSeries(label: "cost", values: [80, 100, 95, 150]), format: .money, zone: .utc,
            caption: ["spend 770.50", "cost 425.00", "profit 345.50"])
        assertScreen(lines(36, 6, money, block), [
            "310         ▂▂▂▂▂▂▂▂        ████████",
            "            ████████        ████████",
            "    ▄▄▄▄▄▄▄▄••••••••••••••••••••••••",
            "  0 ••••••••████████████████████████",
            "    14:00   15:00   16:00   17:00   ",
            "█ spend  • cost  spend 770.50       ",
        ])
        assertScreen(lines(36, 6, money, ascii), [
            "310         ::::::::        ########",
            "            ########        ########",
            "    ========oooooooooooooooooooooooo",
            "  0 oooooooo########################",
            "    14:00   15:00   16:00   17:00   ",
            "# spend  o cost  spend 770.50       ",
        ])
        let buffer: CellBuffer = {
            var buffer = CellBuffer(width: 36, height: 6)
            HistoryGraphWidget(model: money, glyphs: block).render(buffer.bounds, into: &buffer)
            return buffer
        }()
        XCTAssertEqual(buffer[12, 2].style.role, .value, "points")
        XCTAssertEqual(buffer[12, 3].style.role, .accent, "bars")
    }

    /// Several buckets in one slot show the one of largest magnitude (a loss is not averaged away); fewer buckets
    /// than slots are stretched.
    func testSampling() {
        XCTAssertEqual(HistoryGraphWidget.sample([1, -5, 3, nil], slots: 2, buckets: 4), [-5, 3])
        XCTAssertEqual(HistoryGraphWidget.sample([1, 2], slots: 4, buckets: 2), [1, 1, 2, 2])
        XCTAssertEqual(HistoryGraphWidget.sample([nil, nil, 4], slots: 3, buckets: 3), [nil, nil, 4])
        XCTAssertEqual(HistoryGraphWidget.sample([1], slots: 0, buckets: 1), [])
    }

    /// Europe/Zurich leaves summer time on 2026-10-25 at 01:00 UTC: the labels follow.
    func testZoneFromTheTimeZoneDatabaseAcrossAChange() throws {
        let zurich = try XCTUnwrap(TimeZone(identifier: "Europe/Zurich"))
        let zone = GraphZone.of(zurich, from: 1_792_800_000, to: 1_792_972_800)
        XCTAssertEqual(zone.changes, [.init(from: .min, offset: 7_200), .init(from: 1_792_890_000, offset: 3_600)])
        XCTAssertEqual(zone.clock(1_792_890_000 - 1, seconds: true), "02:59:59")
        XCTAssertEqual(zone.clock(1_792_890_000, seconds: true), "02:00:00")
        XCTAssertEqual(zone.date(1_792_800_000), "10-24")
        XCTAssertEqual(GraphZone.utc.clock(start), "14:00")
        XCTAssertEqual(GraphZone.fixed(-5 * 3_600).date(start - 15 * 3_600), "11-19")
    }

    // MARK: The dashboard's graphs from a history snapshot

    /// Three minutes, the last one 30 s old at `now`; the middle one idle.
    private var history: HistorySnapshot {
        HistorySnapshot(
            range: .oneHour, now: start + 150, from: start, step: 60,
            figures: [Figures.traffic(120, 60, billsec: 3_600, dtmfKnown: 40, dtmfCalls: 10, dtmfDigits: 25, sell: 1_500_000, buy: 1_000_000),
                      Figures.traffic(0, 0),
                      Figures.traffic(60, 30, billsec: 900, sell: 250_000, buy: 400_000)],
            channelSeconds: [600, 0, 300], peakAttempts: [5, 0, 7], peakSeconds: [start + 17, nil, start + 129],
            registrations: [10, 12, 11],
            daily: (0..<7).map { MoneyPoint(bucket: 1_794_700_800 + Int64($0) * 86_400, spend: Money(micros: 1_000_000 * Int64($0)),
                                            cost: Money(micros: 2_500_000)) })
    }

    func testGraphsFromAHistorySnapshot() {
        let zone = GraphZone.fixed(3_600)
        let cps = HistoryGraphModel.cps(history, zone: zone)
        XCTAssertEqual(cps.primary.values, [2, 0, 2], "the running minute over its 30 elapsed seconds")
        XCTAssertEqual(cps.secondary?.values, [5, 0, 7])
        XCTAssertEqual(cps.caption, ["now 2.0/s", "max 2.0/s", "peak 7/s at 15:02:09"])
        XCTAssertEqual(cps.start, start)
        XCTAssertEqual(cps.step, 60)

        let channels = HistoryGraphModel.channels(history, zone: zone)
        XCTAssertEqual(channels.primary.values, [10, 0, 10])
        XCTAssertEqual(channels.caption, ["now 10", "max 10"])

        let money = HistoryGraphModel.spendAndCost(history, zone: zone)
        XCTAssertEqual(money.primary.values, [1.5, 0, 0.25])
        XCTAssertEqual(money.secondary?.values, [1, 0, 0.4])
        XCTAssertEqual(money.caption, ["spend 1.75", "cost 1.40", "profit 0.35"])

        let profit = HistoryGraphModel.profit(history, zone: zone)
        XCTAssertEqual(profit.primary.values, [0.5, 0, -0.15])
        XCTAssertEqual(profit.caption, ["profit 0.35", "worst -0.15 at 15:02"])

        let daily = HistoryGraphModel.dailyProfit(history)
        XCTAssertEqual(daily.primary.values, [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5])
        XCTAssertEqual(daily.step, 86_400)
        XCTAssertEqual(daily.zone, .utc, "days are UTC days, like the summaries")
        XCTAssertEqual(daily.caption, ["today 3.50", "7 d 3.50", "UTC days"])

        XCTAssertEqual(HistoryGraphModel.registrations(history, zone: zone).caption, ["now 11", "max 12", "min 10"])

        let asr = HistoryGraphModel.asr(history, zone: zone)
        XCTAssertEqual(asr.primary.values, [50, nil, 50], "no attempt: a gap, never 0 %")
        XCTAssertEqual(asr.caption, ["ASR 50.0%"])
        let acd = HistoryGraphModel.acd(history, zone: zone)
        XCTAssertEqual(acd.primary.values, [60, nil, 30])
        XCTAssertEqual(acd.caption, ["ACD 0:50"])
        let dtmf = HistoryGraphModel.dtmf(history, zone: zone)
        XCTAssertEqual(dtmf.primary.values, [25, nil, nil], "DTMF unknown in the last minute: a gap, not 0 %")
        XCTAssertEqual(dtmf.caption, ["DTMF 25.0%", "25 digits"])

        // Scaled to the busiest second (7); the idle minute's peak of 0 sits on the zero line.
        assertScreen(lines(30, 5, cps, ascii), [
            "7.0 ooooooooo         oooooooo",
            "                              ",
            "0.0 *********ooooooooo********",
            "    15:00   15:01    15:02    ",
            "# cps  o peak  now 2.0/s      ",
        ])
    }
}
