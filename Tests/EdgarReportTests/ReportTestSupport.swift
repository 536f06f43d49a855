import Foundation

enum ReportScratch {
    static func folder(_ label: String) -> String {
        let path = FileManager.default.temporaryDirectory.path
            + "/edgar-report-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func manifests(_ out: String) throws -> [[String: Any]] {
        try FileManager.default.contentsOfDirectory(atPath: out + "/_manifests").sorted().map {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/_manifests/" + $0))) as! [String: Any]
        }
    }

    static func grouped(_ n: Int) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.usesGroupingSeparator = true
        return f.string(from: NSNumber(value: n)) ?? String(n)
    }
}

/// Reads the tables of our report page the way a person copying them would: cell text, entities decoded.
enum HTMLTables {
    struct Missing: Error { var id: String }

    /// The body rows (header row dropped) of `<table id="…">`.
    static func rows(_ page: String, id: String) throws -> [[String]] {
        guard let start = page.range(of: "<table id=\"\(id)\">"), let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex) else {
            throw Missing(id: id)
        }
        let body = page[start.upperBound..<end.lowerBound]
        var rows: [[String]] = []
        for match in body.matches(of: /<tr[^>]*>(.*?)<\/tr>/.dotMatchesNewlines()) {
            let cells = match.1.matches(of: /<t([dh])[^>]*>(.*?)<\/t[dh]>/.dotMatchesNewlines())
            if cells.first?.1 == "h" { continue }
            rows.append(cells.map { decode(String($0.2)) })
        }
        return rows
    }

    /// A two-column table as name → number.
    static func counts(_ page: String, id: String) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try rows(page, id: id).map { ($0[0], Int($0[1])!) })
    }

    static func decode(_ cell: String) -> String {
        cell.replacing(/<[^>]+>/, with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every element we open is closed, in order (the page is ours, so this small check is enough).
    static func isBalanced(_ page: String) -> Bool {
        var stack: [String] = []
        let void: Set<String> = ["meta", "br", "!DOCTYPE"]
        for m in page.matches(of: /<(\/?)([A-Za-z!][A-Za-z0-9]*)[^>]*?(\/?)>/) {
            let name = String(m.2)
            if m.3 == "/" || void.contains(name) && m.1 != "/" { continue }
            if m.1 == "/" {
                guard stack.last == name else { return false }
                stack.removeLast()
            } else {
                stack.append(name)
            }
        }
        return stack.isEmpty
    }
}
