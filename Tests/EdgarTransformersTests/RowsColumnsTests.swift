import EdgarCore
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// The column lists written once in `Columns` must be the lists of OUTPUT.md, read from the contract itself.
@Suite struct RowsColumnsTests {
    static let outputMD = Corpus.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/spec/OUTPUT.md")

    /// Each `### <table>` section's column list: the backticked names outside parentheses, up to the end of the
    /// first sentence.
    static func contractColumns() throws -> [String: [String]] {
        let text = try String(contentsOf: outputMD, encoding: .utf8)
        var result: [String: [String]] = [:]
        for section in text.components(separatedBy: "\n### ").dropFirst() {
            let heading = section.prefix { $0 != "\n" }
            let name = String(heading.prefix { $0 != " " })
            var columns: [String] = []
            var depth = 0
            var token: String?
            scan: for ch in section.dropFirst(heading.count) {
                if token != nil {
                    if ch == "`" {
                        if depth == 0 { columns.append(token!) }
                        token = nil
                    } else {
                        token!.append(ch)
                    }
                    continue
                }
                switch ch {
                case "`": token = ""
                case "(": depth += 1
                case ")": depth -= 1
                case "." where depth == 0: break scan
                default: break
                }
            }
            result[name] = columns
        }
        return result
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: outputMD.path), "OUTPUT.md is absent: skipping"))
    func columnListsMatchTheContract() throws {
        let contract = try Self.contractColumns()
        for table in Table.allCases {
            let name = table == .rejects ? "rejects" : table.rawValue
            let listed = try #require(contract[name], "OUTPUT.md has no section for \(name)")
            #expect(Columns.of(table).names == listed, "\(name)")
        }
    }

    @Test func everyTableButRejectsHasIssuesLast() {
        for table in Table.dataTables {
            #expect(Columns.of(table).names.last == "issues")
            #expect(Columns.of(table).names.first == "filing_id")
        }
        #expect(!Columns.of(.rejects).names.contains("issues"))
    }
}
