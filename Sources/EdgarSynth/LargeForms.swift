import EdgarCore
import Foundation

/// The submissions that carry most of a real daily feed's bytes (10-K, 10-Q, N-PORT, prospectuses): an HTML
/// primary document, XBRL exhibits and uuencoded images or PDFs. Sizes and compressibility follow the real
/// feed: HTML/text ~5:1, XBRL ~9:1 and uuencoded binaries ~1.35:1 under gzip, so that a benchmark
/// over them spends its time where a real one does: inflating, then skipping.
public enum LargeForms {
    static let types: [(String, Int)] = [
        ("10-K", 10), ("10-Q", 25), ("NPORT-P", 20), ("424B2", 20), ("S-1", 3), ("20-F", 2), ("N-CSR", 5), ("497", 15),
    ]

    /// Shares of a submission's bytes: HTML 55%, XBRL 38%, binaries 7%, which gives the real feed's ~4.9:1.
    static func make(filingDate: CivilDate, rng: inout SplitMix64) -> (SubmissionHeader, [EnvelopeDocument]) {
        let type = rng.weighted(types)
        // Log-uniform 100 KB … 6 MB, and one in a hundred 20 … 50 MB (an annual report with its exhibits).
        let size = rng.chance(1) ? rng.int(20_000_000...50_000_000) : Int(100_000 * pow(60, Double(rng.int(0...1_000_000)) / 1_000_000))
        return make(type: type, bytes: size, filingDate: filingDate, rng: &rng)
    }

    /// A submission of `type` of about `bytes` bytes (tests use it for one very large member).
    public static func make(type: String, bytes: Int, filingDate: CivilDate, rng: inout SplitMix64)
        -> (SubmissionHeader, [EnvelopeDocument])
    {
        let company = Issuer(cik: pad(rng.int(1_000...2_050_000), 10),
                             name: rng.pick(Vocabulary.companyStems) + " " + rng.pick(Vocabulary.companySuffixes), tradingSymbol: nil)
        var filer = HeaderFactory.issuerEntity(company, role: .filer)
        filer.filingValues = FilingValues(formType: type, fileNumber: HeaderFactory.fileNumber(company.cik ?? ""), filmNumber: rng.digits(8))
        let period: String? = ["10-K", "10-Q", "NPORT-P", "20-F", "N-CSR"].contains(type) ? filingDate.adding(days: -rng.int(30...120)).compact : nil
        let header = SubmissionHeader(type: type, period: period, items: [], entities: [filer])
        let stem = type.lowercased().filter { $0.isLetter || $0.isNumber }
        var docs: [EnvelopeDocument] = []
        let htmlBytes = bytes * 55 / 100, xbrlBytes = bytes * 38 / 100, binaryBytes = bytes - htmlBytes - xbrlBytes
        if type == "NPORT-P" {
            docs.append(EnvelopeDocument(type: type, sequence: 1, filename: "primary_doc.xml", description: nil,
                                         body: .xml(BulkBodies.xbrl(bytes: xbrlBytes + htmlBytes, rng: &rng))))
        } else {
            docs.append(EnvelopeDocument(type: type, sequence: 1, filename: "\(stem)-\(rng.digits(6)).htm", description: type,
                                         body: .text(BulkBodies.html(bytes: htmlBytes, rng: &rng))))
            docs.append(EnvelopeDocument(type: "EX-101.INS", sequence: 2, filename: "\(stem)-\(rng.digits(8))_htm.xml",
                                         description: "XBRL INSTANCE DOCUMENT", body: .xml(BulkBodies.xbrl(bytes: xbrlBytes, rng: &rng))))
        }
        // A few images or PDFs make up the binary share.
        var left = binaryBytes
        while left > 0 {
            let piece = min(left, max(20_000, binaryBytes / rng.int(1...4)))
            let pdf = rng.chance(30)
            docs.append(EnvelopeDocument(type: pdf ? "PDF" : "GRAPHIC", sequence: docs.count + 1,
                                         filename: pdf ? "\(stem)\(rng.digits(4)).pdf" : "img\(rng.digits(6))_\(docs.count).jpg",
                                         description: nil, body: .uuencoded(BulkBodies.binary(bytes: piece * 3 / 4, rng: &rng))))
            left -= piece
        }
        return (header, docs)
    }
}

/// Fast bulk bodies, built as bytes: a 50 MB document must not take longer to generate than to read.
enum BulkBodies {
    /// ~2,000 made-up words from common English syllables, in a fixed order (rank = frequency).
    static let words: [[UInt8]] = {
        let syllables = ["ac", "ad", "al", "an", "ar", "as", "at", "be", "ca", "ce", "co", "com", "con", "de", "di", "ed", "en",
                         "er", "es", "ex", "fi", "in", "io", "is", "it", "le", "li", "ma", "men", "mi", "na", "ne", "no", "on",
                         "or", "pe", "per", "po", "pro", "ra", "re", "ri", "ro", "se", "si", "st", "ta", "te", "ter", "ti",
                         "tion", "to", "ty", "un", "ur", "ve"].map { Array($0.utf8) }
        var rng = SplitMix64(seed: 0x5EC_0F_FEED)
        var seen: Set<[UInt8]> = []
        var list: [[UInt8]] = []
        while list.count < 2_048 {
            var word: [UInt8] = []
            for _ in 0..<rng.pick([1, 2, 2, 3, 3, 4]) { word += rng.pick(syllables) }
            if seen.insert(word).inserted { list.append(word) }
        }
        return list
    }()

    static let conceptParts = ["Revenue", "Cost", "Net", "Income", "Asset", "Liabilit", "Equity", "Cash", "Deferred", "Tax",
                               "Operating", "Expense", "Share", "Stock", "Debt", "Current", "Noncurrent", "Other",
                               "Comprehensive", "Gain", "Loss"]

    /// Paragraphs in table cells, as EDGARized 10-K HTML is; words Zipf-like, a few dollar amounts.
    static func html(bytes: Int, rng: inout SplitMix64) -> String {
        var out: [UInt8] = Array("<html>\n<head><title>Annual report</title></head>\n<body>\n<table>\n".utf8)
        out.reserveCapacity(bytes + 256)
        let open = Array("<tr><td style=\"font-family:Times New Roman;font-size:10pt\"><p style=\"margin:0\">".utf8)
        let close = Array(".</p></td></tr>\n".utf8)
        while out.count < bytes {
            out += open
            for i in 0..<rng.int(8...40) {
                if i > 0 { out.append(0x20) }
                if rng.int(0...99) < 5 {
                    out += Array("$\(rng.int(1...999)),\(pad(rng.int(0...999), 3))".utf8)
                } else {
                    out += words[zipfRank(rng.next(), count: words.count)]
                }
            }
            out += close
        }
        out += Array("</table>\n</body>\n</html>\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Facts of an inline-free XBRL instance: a few hundred concepts, rounded amounts, numbered ids.
    static func xbrl(bytes: Int, rng: inout SplitMix64) -> String {
        var concepts: [String] = []
        for _ in 0..<120 { concepts.append("us-gaap:" + (0..<3).map { _ in rng.pick(conceptParts) }.joined()) }
        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xbrl xmlns=\"http://www.xbrl.org/2003/instance\" "
            + "xmlns:us-gaap=\"http://fasb.org/us-gaap/2025\">\n"
        s.reserveCapacity(bytes + 256)
        var fact = 0
        while s.utf8.count < bytes {
            fact += 1
            let concept = rng.pick(concepts)
            s += "  <\(concept) contextRef=\"FY2025Q\(rng.int(1...4))\" unitRef=\"usd\" decimals=\"-3\" id=\"fact-\(fact)\">"
            s += "\(rng.int(100...999_999))000</\(concept)>\n"
        }
        return s + "</xbrl>\n"
    }

    /// Random bytes with a few zero runs: uuencoded, ~1.35:1 under gzip, like real JPEGs and PDFs.
    static func binary(bytes: Int, rng: inout SplitMix64) -> [UInt8] {
        var out = rng.bytes(bytes)
        var at = 0
        while at + 64 <= out.count {
            if rng.int(0...99) < 4 { for i in at..<(at + 64) { out[i] = 0 } }
            at += 64
        }
        return out
    }

    /// A rank in 0..<count, skewed to the front like word frequencies: count^(u^1.6) - 1.
    private static func zipfRank(_ draw: UInt64, count: Int) -> Int {
        let u = Double(draw >> 11) / Double(UInt64(1) << 53)
        return min(count - 1, max(0, Int(pow(Double(count), pow(u, 1.6))) - 1))
    }
}
