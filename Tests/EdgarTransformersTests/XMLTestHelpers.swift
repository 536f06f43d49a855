import EdgarCore
import EdgarTestSupport
import EdgarTransformers
import Foundation
import Testing

/// Helpers shared by the XML tests.
enum XMLTestHelpers {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The bytes strictly between `<XML>` and `</XML>` of an SGML envelope (the extractor lives on another branch).
    static func xmlBody(ofEnvelope bytes: [UInt8]) -> [UInt8]? {
        guard let open = find(Array("<XML>".utf8), in: bytes, from: 0),
            let close = find(Array("</XML>".utf8), in: bytes, from: open + 5)
        else { return nil }
        return Array(bytes[(open + 5)..<close])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// How many elements named `name` the document opens (`<name>`, `<name ` or `<name/>`).
    static func elementCount(_ name: String, in bytes: [UInt8]) -> Int {
        let open = Array("<\(name)".utf8)
        let terminators: [UInt8] = [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), 0x0A, 0x0D, 0x09]
        var count = 0
        var i = 0
        while let at = find(open, in: bytes, from: i) {
            let next = at + open.count
            if next < bytes.count, terminators.contains(bytes[next]) { count += 1 }
            i = next
        }
        return count
    }

    /// Every ownership document of the real corpus: the loose XML files (minus the fragment) and the XML inside
    /// the .txt/.nc envelopes whose root is `ownershipDocument`.
    static func corpusDocuments() throws -> [(name: String, bytes: [UInt8])] {
        var documents: [(name: String, bytes: [UInt8])] = []
        for url in Corpus.files(in: "real/xml", extensions: ["xml"]) where !url.lastPathComponent.hasPrefix("fragment") {
            documents.append((url.lastPathComponent, try Corpus.bytes(url)))
        }
        for url in Corpus.files(in: "real/txt", extensions: ["txt"]) + Corpus.files(in: "real/nc", extensions: ["nc"]) {
            let envelope = try Corpus.bytes(url)
            guard let body = xmlBody(ofEnvelope: envelope), elementCount("ownershipDocument", in: body) > 0
            else { continue }
            documents.append((url.lastPathComponent, body))
        }
        return documents
    }

    static func corpusFile(_ folder: String, _ name: String) throws -> [UInt8] {
        let url = try #require(Corpus.root).appendingPathComponent(folder).appendingPathComponent(name)
        return try Corpus.bytes(url)
    }

    /// The XML inside a corpus envelope.
    static func corpusEnvelopeXML(_ folder: String, _ name: String) throws -> [UInt8] {
        try #require(xmlBody(ofEnvelope: try corpusFile(folder, name)))
    }

    /// The rejection a parse throws, or nil when it succeeds.
    static func rejection(_ parser: XMLOwnershipParser, _ bytes: [UInt8]) -> DocumentRejection? {
        do {
            _ = try parser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }
}
