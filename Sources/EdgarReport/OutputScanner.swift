import Foundation

/// Reads an output folder into a `QualityReport`: the manifests for the totals and the skipped forms, the
/// part files they list for the days, forms, layouts, rejects and issues, and whatever is not committed.
/// It never opens an input.
public struct OutputScanner: Sendable {
    public var output: String
    /// Reject samples kept per error code.
    public var samplesPerCode: Int
    /// Days before a day that its median is taken over, and how many must exist before a day is judged.
    public var trailingWindow: Int
    public var minimumHistory: Int
    /// A day below this share of the trailing median is a short day.
    public var shortDayRatio: Double

    public init(output: String, samplesPerCode: Int = 3, trailingWindow: Int = 20, minimumHistory: Int = 5, shortDayRatio: Double = 0.5) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        self.samplesPerCode = samplesPerCode
        self.trailingWindow = trailingWindow
        self.minimumHistory = minimumHistory
        self.shortDayRatio = shortDayRatio
    }

    private struct ManifestSummary {
        var path: String
        var size: Int
        var filings: Int
        var rows: [String: Int]
        var rejects: [String: Int]
        var skipped: [String: Int]
        var files: [(path: String, bytes: Int)]
    }

    private struct IssueKey: Hashable, Comparable {
        var table: String, column: String, code: String
        static func < (a: IssueKey, b: IssueKey) -> Bool { (a.table, a.column, a.code) < (b.table, b.column, b.code) }
    }

    public func scan() throws -> QualityReport {
        let fm = FileManager.default
        let known = ["_manifests", "_rejects", "_staging"].filter { isDirectory(output + "/" + $0) }
        guard !known.isEmpty else { throw ReportError.notAnOutputFolder(output) }

        let manifests = try readManifests()
        var totals = QualityReport.Totals(sources: manifests.count, inputBytes: 0, filings: 0, rows: [:], rejects: [:], skipped: [:], files: 0, fileBytes: 0)
        var committedFiles = Set<String>()
        for m in manifests {
            totals.inputBytes += m.size
            totals.filings += m.filings
            for (k, v) in m.rows { totals.rows[k, default: 0] += v }
            for (k, v) in m.rejects { totals.rejects[k, default: 0] += v }
            for (k, v) in m.skipped { totals.skipped[k, default: 0] += v }
            totals.files += m.files.count
            for f in m.files {
                totals.fileBytes += f.bytes
                committedFiles.insert(f.path)
            }
        }

        var days: [String: QualityReport.Day] = [:]
        var rejects: [String: QualityReport.RejectCodeCount] = [:]
        var issues: [IssueKey: QualityReport.IssueCount] = [:]
        var missing: [String] = []

        func countRejects(_ rows: [[String: Any]], committed: Bool) {
            for row in rows {
                let code = row["error_code"] as? String ?? "unknown"
                var entry = rejects[code] ?? .init(code: code, committed: 0, uncommitted: 0, samples: [])
                if committed { entry.committed += 1 } else { entry.uncommitted += 1 }
                if entry.samples.count < samplesPerCode {
                    let source = row["source"] as? [String: Any]
                    entry.samples.append(.init(
                        input: source?["archive"] as? String ?? "", member: source?["member"] as? String,
                        message: row["message"] as? String ?? "", excerpt: row["excerpt"] as? String ?? ""))
                }
                rejects[code] = entry
            }
        }

        for relative in committedFiles.sorted() {
            let table = String(relative.split(separator: "/").first ?? "")
            let path = output + "/" + relative
            guard fm.fileExists(atPath: path) else {
                missing.append(relative)
                continue
            }
            do {
                if table == "_rejects" {
                    countRejects(try PartFileLines.rows(at: path), committed: true)
                    continue
                }
                let isFilings = table == "filings"
                let rows = try PartFileLines.rows(at: path) { isFilings || !PartFileLines.hasNoIssues($0) }
                for row in rows {
                    if isFilings {
                        let date = row["filing_date"] as? String ?? "unknown"
                        var day = days[date] ?? .init(date: date, filings: 0, forms: [:], layouts: [:], trailingMedian: nil, isShort: false)
                        day.filings += 1
                        day.forms[row["form_type"] as? String ?? "unknown", default: 0] += 1
                        day.layouts[row["layout"] as? String ?? "unknown", default: 0] += 1
                        days[date] = day
                    }
                    for issue in row["issues"] as? [[String: Any]] ?? [] {
                        let key = IssueKey(table: table, column: issue["field"] as? String ?? "", code: issue["code"] as? String ?? "")
                        var entry = issues[key] ?? .init(table: key.table, column: key.column, code: key.code, count: 0, sampleRaw: nil)
                        entry.count += 1
                        if entry.sampleRaw == nil { entry.sampleRaw = issue["raw"] as? String }
                        issues[key] = entry
                    }
                }
            } catch {
                missing.append(relative)
            }
        }

        // Reject files no manifest lists: a source that failed (a damaged input) or has not committed yet.
        var uncommitted: [QualityReport.Uncommitted] = []
        for relative in filesUnder("_rejects") where !committedFiles.contains(relative) {
            let rows = (try? PartFileLines.rows(at: output + "/" + relative)) ?? []
            countRejects(rows, committed: false)
            let input = (rows.first?["source"] as? [String: Any])?["archive"] as? String
            uncommitted.append(.init(kind: "rejects", path: relative, input: input))
        }
        let staging = (try? fm.contentsOfDirectory(atPath: output + "/_staging")) ?? []
        for name in staging.sorted() {
            uncommitted.append(.init(kind: "staging", path: "_staging/" + name, input: nil))
        }

        let skipped = manifests.filter { !$0.skipped.isEmpty }.map { QualityReport.SkippedForms(input: $0.path, forms: $0.skipped) }
        return QualityReport(
            output: output, totals: totals, days: flagShortDays(days),
            rejects: rejects.values.sorted { ($0.total, $1.code) > ($1.total, $0.code) },
            issues: issues.sorted { $0.key < $1.key }.map(\.value),
            skipped: skipped.sorted { $0.input < $1.input },
            uncommitted: uncommitted, missingFiles: missing)
    }

    /// Days in date order (`unknown` last); a dated day is judged against the median of the dated days before
    /// it in the window, once there are enough of them.
    private func flagShortDays(_ byDate: [String: QualityReport.Day]) -> [QualityReport.Day] {
        var days = byDate.values.sorted { a, b in
            a.date == "unknown" ? false : b.date == "unknown" ? true : a.date < b.date
        }
        var history: [Int] = []
        for i in days.indices where days[i].date != "unknown" {
            if history.count >= minimumHistory {
                let window = history.suffix(trailingWindow).sorted()
                let median = window.count % 2 == 1
                    ? Double(window[window.count / 2])
                    : Double(window[window.count / 2 - 1] + window[window.count / 2]) / 2
                days[i].trailingMedian = median
                days[i].isShort = Double(days[i].filings) < median * shortDayRatio
            }
            history.append(days[i].filings)
        }
        return days
    }

    private func readManifests() throws -> [ManifestSummary] {
        let folder = output + "/_manifests"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let source = object["source"] as? [String: Any]
            else { throw ReportError.unreadableManifest(path: path, reason: "not a JSON manifest") }
            let files = (object["files"] as? [[String: Any]] ?? []).compactMap { f -> (String, Int)? in
                guard let p = f["path"] as? String else { return nil }
                return (p, f["bytes"] as? Int ?? 0)
            }
            return ManifestSummary(
                path: source["path"] as? String ?? name, size: source["size"] as? Int ?? 0,
                filings: object["filings"] as? Int ?? 0, rows: object["rows"] as? [String: Int] ?? [:],
                rejects: object["rejects"] as? [String: Int] ?? [:], skipped: object["skipped"] as? [String: Int] ?? [:],
                files: files.map { (path: $0.0, bytes: $0.1) })
        }
    }

    private func filesUnder(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: output + "/" + folder) else { return [] }
        var out: [String] = []
        while let next = walker.nextObject() as? String {
            if !isDirectory(output + "/" + folder + "/" + next) { out.append(folder + "/" + next) }
        }
        return out.sorted()
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
