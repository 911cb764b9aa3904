import Metrics

/// The one-line summary of a selection of grid cells, for the grid pane and the status bar:
///
/// ```
/// n 6 · Σ 1,234 · avg 205.67 · weighted N/A           (a count: the sum is exact, a weighted figure means nothing)
/// n 6 (1 N/A) · Σ N/A · avg 45.23% · weighted 44.10%  (a ratio: no sum; avg of the cells vs recomputed)
/// ```
///
/// `avg` is the mean of the cells' values, N/A cells left out (the average of averages the portal shows);
/// `weighted` is the ratio of the cells' summed numerators and denominators. Both come from `SelectionSummary`; sums of
/// counts and money are the cells' exact integer totals, added here because the summary's sum is a double.
enum SelectionLine {
    static func text(_ cells: [TrafficFigures], metric: CellMetric, glyphs: GlyphSet, moneyDecimals: Int = 2) -> String {
        let summary = SelectionSummary(cells, metric: metric)
        let total = cells.reduce(TrafficFigures(), +)
        let na = FigureText.notApplicable
        var count = "n " + FigureText.integer(Int64(summary.count), grouped: true)
        if summary.notApplicable > 0 {
            count += " (" + FigureText.integer(Int64(summary.notApplicable), grouped: true) + " " + na + ")"
        }
        let sum: String
        let average: String
        let weighted: String
        switch metric {
        case .attempts, .answered:
            sum = FigureText.cell(total, metric: metric) ?? na
            average = summary.averageOfAverages.map { FigureText.fixed($0, decimals: 2, grouped: true) } ?? na
            weighted = na
        case .spend, .providerCost, .profit:
            sum = FigureText.money(micros: FigureText.micros(of: total, metric), decimals: moneyDecimals, grouped: true)
            average = summary.averageOfAverages.map { FigureText.fixed($0, decimals: moneyDecimals, grouped: true) } ?? na
            weighted = na
        case .asr, .acd, .dtmfShare:
            let unit = metric == .acd ? " s" : "%"
            sum = na
            average = summary.averageOfAverages.map { FigureText.fixed($0, decimals: 2, grouped: true) + unit } ?? na
            weighted = summary.weighted.map { FigureText.fixed($0, decimals: 2, grouped: true) + unit } ?? na
        }
        let separator = glyphs.unicode ? " · " : " | "
        let sigma = glyphs.unicode ? "Σ " : "sum "
        return [count, sigma + sum, "avg " + average, "weighted " + weighted].joined(separator: separator)
    }
}
