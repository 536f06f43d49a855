#if canImport(Glibc)
import Glibc
#endif
import EdgarCore
import EdgarWriters
import FuzzSupport

// ManifestReader.check over fuzzed manifest bytes, for the source key below (the seeds use it). Oracles: no
// crash or hang; an accepted manifest names only part files of this key, relative, inside OUT, in the
// contract's layout (checked here independently of OutputLayout.isPartPath), each once.

let key = "day.zip-0123456789ab"
let tables: Set<Substring> = [
    "filings", "reporting_owners", "non_derivative_transactions", "non_derivative_holdings", "derivative_transactions",
    "derivative_holdings", "footnotes", "signatures", "_rejects",
]

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = fuzzBytes(data, count)
    guard let checked = try? ManifestReader.check(bytes, sourceKey: key) else { return 0 }
    if checked.sourcePath.isEmpty { fuzzFailure("accepted an empty source.path") }
    var seen: Set<String> = []
    for file in checked.files {
        let path = file.path
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            fuzzFailure("accepted a path that can leave OUT: \(path)")
        }
        if path.utf8.contains(0) || path.contains("\\") { fuzzFailure("accepted an odd byte in \(path)") }
        guard let first = components.first, tables.contains(first) else { fuzzFailure("accepted a path outside the tables: \(path)") }
        guard let name = components.last, name.hasPrefix("part-" + key + "-") else { fuzzFailure("accepted another source's file: \(path)") }
        if !(name.hasSuffix(".ndjson") || name.hasSuffix(".ndjson.gz")) { fuzzFailure("accepted a non-part file: \(path)") }
        if components.count > 5 { fuzzFailure("accepted a path deeper than the layout: \(path)") }
        if !seen.insert(path).inserted { fuzzFailure("accepted a duplicate path: \(path)") }
        if file.rows < 0 || file.bytes < 0 { fuzzFailure("accepted a negative count") }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 { fuzzOne(data, count) }

runFuzzer { data, count in fuzzOne(data, count) }
