/// Inline SVG charts written by hand: no script, no library, nothing fetched. Each chart names what its axes
/// count, and thins its category labels so they never overlap, however many bars there are.
enum SVGChart {
    struct Series {
        var name: String
        var color: String
    }

    /// One bar (or stack) per category.
    struct Bar {
        var label: String
        /// One value per series, stacked bottom-up.
        var values: [Int]
        var highlight: Bool = false
    }

    static let palette = ["#3b6ea8", "#e08a2e", "#5a9e4b", "#b5473a", "#7d62a8", "#8c6d4f", "#c45e9c", "#6f6f6f", "#2e9a9a", "#a8a23b"]

    /// Vertical bars over time. `xTitle`/`yTitle` say what the axes count.
    static func columns(bars: [Bar], series: [Series], xTitle: String, yTitle: String, highlightName: String? = nil, alwaysLegend: Bool = false, width: Int = 960, height: Int = 280) -> String {
        let left = 64, right = 16, top = 16 + (series.count > 1 || alwaysLegend || highlightName != nil ? 24 : 0), bottom = 58
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = max(1, bars.map { $0.values.reduce(0, +) }.max() ?? 1)
        let (tickStep, axisMax) = niceScale(maxValue)
        var svg = open(width, height, title: yTitle + " by " + xTitle)
        svg += axisY(left: left, top: top, plotW: plotW, plotH: plotH, step: tickStep, axisMax: axisMax, title: yTitle)
        let slot = Double(plotW) / Double(max(1, bars.count))
        // A few bars stay bar-shaped rather than filling the width.
        let barW = min(48, max(0.5, slot * (bars.count > 200 ? 1.0 : 0.8)))
        // A highlighted bar may be a sliver among a thousand: a band the height of the plot and a marker above it
        // keep it visible at any width.
        for (i, bar) in bars.enumerated() where bar.highlight {
            let w = max(3, slot)
            let x = Double(left) + (Double(i) + 0.5) * slot - w / 2
            svg += "<rect x=\"\(f(x))\" y=\"\(top)\" width=\"\(f(w))\" height=\"\(plotH)\" fill=\"#c0392b\" fill-opacity=\"0.15\"/>"
            let cx = Double(left) + (Double(i) + 0.5) * slot
            svg += "<path d=\"M\(f(cx - 5)) \(top - 9) L\(f(cx + 5)) \(top - 9) L\(f(cx)) \(top - 1) Z\" fill=\"#c0392b\"><title>\(HTML.escape(bar.label)) (\(HTML.escape(highlightName ?? "")))</title></path>"
        }
        for (i, bar) in bars.enumerated() {
            var y = Double(top + plotH)
            let x = Double(left) + Double(i) * slot + (slot - barW) / 2
            for (s, value) in bar.values.enumerated() where value > 0 {
                let h = Double(value) / Double(axisMax) * Double(plotH)
                y -= h
                let color = bar.highlight ? "#c0392b" : series[s].color
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barW))\" height=\"\(f(h))\" fill=\"\(color)\"><title>\(HTML.escape(bar.label)): \(value) \(HTML.escape(series[s].name))</title></rect>"
            }
        }
        // Category labels: at most one per 90 px, evenly spaced, always the first and the last.
        let maxLabels = max(2, plotW / 90)
        let every = max(1, Int((Double(bars.count) / Double(maxLabels)).rounded(.up)))
        var labelled = Set(stride(from: 0, to: bars.count, by: every))
        if let last = bars.indices.last, !labelled.contains(last) {
            if let near = labelled.max(), last - near < every / 2 + 1 { labelled.remove(near) }
            labelled.insert(last)
        }
        for i in labelled.sorted() {
            let x = Double(left) + (Double(i) + 0.5) * slot
            svg += "<line x1=\"\(f(x))\" y1=\"\(top + plotH)\" x2=\"\(f(x))\" y2=\"\(top + plotH + 4)\" stroke=\"#333\"/>"
            // The end labels stay inside the chart.
            let thinned = every > 1
            let anchor = thinned && i == 0 ? "start" : thinned && i == bars.count - 1 ? "end" : "middle"
            let tx = anchor == "start" ? x - slot / 2 : anchor == "end" ? x + slot / 2 : x
            svg += "<text x=\"\(f(tx))\" y=\"\(top + plotH + 18)\" text-anchor=\"\(anchor)\" font-size=\"11\">\(HTML.escape(bars[i].label))</text>"
        }
        svg += "<text x=\"\(left + plotW / 2)\" y=\"\(height - 8)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">\(HTML.escape(xTitle))</text>"
        // Legend across the top.
        var legendX = left
        var legend = series.count > 1 || alwaysLegend ? series.map { ($0.name, $0.color) } : []
        if let highlightName { legend.append((highlightName, "#c0392b")) }
        for (name, color) in legend {
            svg += "<rect x=\"\(legendX)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(legendX + 16)\" y=\"14\" font-size=\"12\">\(HTML.escape(name))</text>"
            legendX += 28 + name.count * 7
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one row per category: readable with fifty categories and long names.
    static func rows(_ items: [(label: String, value: Int)], valueTitle: String, width: Int = 960) -> String {
        let rowH = 20, top = 8, labelW = min(360, 24 + 7 * (items.map(\.label.count).max() ?? 8))
        let left = labelW, right = 70, bottom = 44
        let plotW = width - left - right
        let height = top + rowH * max(1, items.count) + bottom
        let (step, axisMax) = niceScale(max(1, items.map(\.value).max() ?? 1))
        var svg = open(width, height, title: valueTitle)
        let plotBottom = top + rowH * items.count
        var tick = 0
        while tick <= axisMax {
            let x = Double(left) + Double(tick) / Double(axisMax) * Double(plotW)
            svg += "<line x1=\"\(f(x))\" y1=\"\(top)\" x2=\"\(f(x))\" y2=\"\(plotBottom)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(f(x))\" y=\"\(plotBottom + 14)\" text-anchor=\"middle\" font-size=\"11\">\(ReportFormat.grouped(tick))</text>"
            tick += step
        }
        for (i, item) in items.enumerated() {
            let y = top + i * rowH
            let w = Double(item.value) / Double(axisMax) * Double(plotW)
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"12\">\(HTML.escape(item.label))</text>"
            svg += "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(f(max(1, w)))\" height=\"\(rowH - 6)\" fill=\"#b5473a\"/>"
            svg += "<text x=\"\(f(Double(left) + w + 4))\" y=\"\(y + 14)\" font-size=\"11\">\(ReportFormat.grouped(item.value))</text>"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(plotBottom)\" stroke=\"#333\"/>"
        svg += "<text x=\"\(left + plotW / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">\(HTML.escape(valueTitle))</text>"
        return svg + "</svg>"
    }

    private static func open(_ width: Int, _ height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" font-family=\"sans-serif\"><title>\(HTML.escape(title))</title>"
    }

    private static func axisY(left: Int, top: Int, plotW: Int, plotH: Int, step: Int, axisMax: Int, title: String) -> String {
        var svg = ""
        var tick = 0
        while tick <= axisMax {
            let y = Double(top + plotH) - Double(tick) / Double(axisMax) * Double(plotH)
            svg += "<line x1=\"\(left)\" y1=\"\(f(y))\" x2=\"\(left + plotW)\" y2=\"\(f(y))\" stroke=\"#e4e4e4\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"11\">\(ReportFormat.grouped(tick))</text>"
            tick += step
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotH)\" stroke=\"#333\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(left + plotW)\" y2=\"\(top + plotH)\" stroke=\"#333\"/>"
        let mid = top + plotH / 2
        svg += "<text x=\"14\" y=\"\(mid)\" transform=\"rotate(-90 14 \(mid))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">\(HTML.escape(title))</text>"
        return svg
    }

    /// A tick step of 1, 2 or 5 × 10^k giving at most five steps, and the axis maximum it reaches.
    static func niceScale(_ maxValue: Int) -> (step: Int, max: Int) {
        var magnitude = 1
        while true {
            for m in [1, 2, 5] {
                let step = m * magnitude
                if (maxValue + step - 1) / step <= 5 { return (step, max(step, (maxValue + step - 1) / step * step)) }
            }
            magnitude *= 10
        }
    }

    private static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
