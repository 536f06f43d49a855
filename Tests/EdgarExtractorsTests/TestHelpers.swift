import EdgarCore
import EdgarExtractors
import EdgarTestSupport
import Foundation

/// The documents, skips and rejects of one extraction, pulled apart for assertions.
struct Outcome {
    var documents: [ExtractedDocument] = []
    var skipped: [String] = []
    var rejects: [Reject] = []

    init(_ events: [ExtractEvent]) {
        for event in events {
            switch event {
            case .document(let d): documents.append(d)
            case .skipped(let formType): skipped.append(formType)
            case .reject(let r): rejects.append(r)
            }
        }
    }
}

func extract(_ bytes: [UInt8], archive: String = "input.txt", path: String? = nil) -> Outcome {
    Outcome(SubmissionExtractor().extract(Member(archive: archive, path: path, bytes: bytes)))
}

func extract(corpus relative: String) throws -> (Outcome, [UInt8]) {
    let url = Corpus.root!.appendingPathComponent(relative)
    let bytes = try Corpus.bytes(url)
    return (Outcome(SubmissionExtractor().extract(Member(archive: url.path, path: nil, bytes: bytes))), bytes)
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// A naive subsequence search, independent of the extractor's scanner, to state expected body boundaries.
func firstRange(of needle: String, in haystack: [UInt8], from: Int = 0) -> Range<Int>? {
    let n = Array(needle.utf8)
    guard haystack.count >= n.count, from <= haystack.count - n.count else { return nil }
    for i in from...(haystack.count - n.count) where Array(haystack[i..<(i + n.count)]) == n {
        return i..<(i + n.count)
    }
    return nil
}

/// Bytes strictly between the first `open` and the following `close`.
func between(_ open: String, _ close: String, in haystack: [UInt8], from: Int = 0) -> [UInt8]? {
    guard let a = firstRange(of: open, in: haystack, from: from),
        let b = firstRange(of: close, in: haystack, from: a.upperBound)
    else { return nil }
    return Array(haystack[a.upperBound..<b.lowerBound])
}

/// Rewrites every line break (LF, CRLF, bare CR) as `newline`.
func withLineEndings(_ bytes: [UInt8], _ newline: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b == 0x0D {
            out += newline
            if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
        } else if b == 0x0A {
            out += newline
        } else {
            out.append(b)
        }
        i += 1
    }
    return out
}

/// A small ownership XML document.
let form4XML = """
    <?xml version="1.0"?>
    <ownershipDocument>
        <schemaVersion>X0508</schemaVersion>
        <documentType>4</documentType>
        <issuer><issuerCik>0000007536</issuerCik><issuerName>A &amp; B</issuerName></issuer>
    </ownershipDocument>
    """

/// A complete-submission `.txt` around the given documents (each `(type, sequence, filename, text)`).
func completeSubmission(
    type: String, accession: String = "0000000001-25-000001", documents: [(String, Int, String?, String)]
) -> String {
    var s = """
        <SEC-DOCUMENT>\(accession).txt : 20250110
        <SEC-HEADER>\(accession).hdr.sgml : 20250110
        <ACCEPTANCE-DATETIME>20250110160730
        ACCESSION NUMBER:\t\t\(accession)
        CONFORMED SUBMISSION TYPE:\t\(type)
        PUBLIC DOCUMENT COUNT:\t\t\(documents.count)
        CONFORMED PERIOD OF REPORT:\t20250109
        FILED AS OF DATE:\t\t20250110

        ISSUER:\t\t

        \tCOMPANY DATA:\t
        \t\tCOMPANY CONFORMED NAME:\t\t\tA & B CORP
        </SEC-HEADER>

        """
    for (docType, sequence, filename, body) in documents {
        s += "<DOCUMENT>\n<TYPE>\(docType)\n<SEQUENCE>\(sequence)\n"
        if let filename { s += "<FILENAME>\(filename)\n" }
        s += "<DESCRIPTION>SOMETHING\n<TEXT>\n\(body)\n</TEXT>\n</DOCUMENT>\n"
    }
    return s + "</SEC-DOCUMENT>\n"
}
