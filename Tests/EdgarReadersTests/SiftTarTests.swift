import EdgarCore
import EdgarReaders
import Testing

/// The tar walker's sifting of large non-ownership submissions, with tags cut across chunks of every size.
@Suite struct SiftTarTests {
    static let header = """
        <SUBMISSION>
        <ACCESSION-NUMBER>0000950170-25-000001
        <TYPE>10-K
        <FILING-DATE>20250213
        <FILER>
        <COMPANY-DATA>
        <CONFORMED-NAME>EXAMPLE CORP
        </COMPANY-DATA>
        </FILER>

        """

    /// A 10-K of ~3 MB: a big HTML document that quotes `<DOCUMENT>` and `</TEX` in its text, an ownership
    /// exhibit typed `4`, a big uuencoded graphic, an `EX-99` whose root is `ownershipDocument`, an XBRL exhibit.
    static func member() -> (bytes: [UInt8], kept: [String]) {
        let html = "<html><body>\n" + String(repeating: "<p>Item 7. a &lt;DOCUMENT&gt; <DOCUMENT> quoted, and </TEX cut.</p>\n", count: 20_000) + "</body></html>"
        let uu = "begin 644 chart.jpg\n" + String(repeating: "M_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``@&!@<&!0@'!P<)\"0@*#!0-#`L+\n", count: 20_000) + "`\nend"
        let form4 = "<?xml version=\"1.0\"?>\n<ownershipDocument><documentType>4</documentType></ownershipDocument>"
        let ex99 = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<ownershipDocument><documentType>4</documentType></ownershipDocument>"
        let xbrl = "<?xml version=\"1.0\"?>\n<xbrl>\n" + String(repeating: "  <us-gaap:Revenues contextRef=\"FY\" unitRef=\"usd\">1000</us-gaap:Revenues>\n", count: 10_000) + "</xbrl>"
        var documents: [String] = []
        func document(_ type: String, _ sequence: Int, _ text: String, xml: Bool) -> String {
            let body = xml ? "<XML>\n\(text)\n</XML>\n" : "\(text)\n"
            return "<DOCUMENT>\n<TYPE>\(type)\n<SEQUENCE>\(sequence)\n<TEXT>\n\(body)</TEXT>\n</DOCUMENT>\n"
        }
        documents.append(document("10-K", 1, html, xml: false))
        documents.append(document("4", 2, form4, xml: true))
        documents.append(document("GRAPHIC", 3, uu, xml: false))
        documents.append(document("EX-99", 4, ex99, xml: true))
        documents.append(document("EX-101.INS", 5, xbrl, xml: true))
        let bytes = Array((header + documents.joined() + "</SUBMISSION>\n").utf8)
        return (bytes, [documents[1], documents[3]])
    }

    @Test func aLargeTenKKeepsItsHeaderAndItsOwnershipDocumentsOnly() throws {
        let (member, kept) = Self.member()
        #expect(member.count > 3_000_000)
        var tar = TarBuilder()
        tar.file("0000950170-25-000001.nc", member)
        tar.file("small.nc", Array("<SUBMISSION>\n<TYPE>8-K\n".utf8))
        tar.end()
        var outputs: [[UInt8]] = []
        for chunkSize in [7, 512, 4096, 65_537, 1 << 20] {
            let (outcome, decoder) = decodeTar(tar.bytes, chunkSize: chunkSize)
            let members = outcome.events.compactMap { if case .member(let m) = $0 { m.bytes } else { nil } }
            #expect(members.count == 2, "chunks of \(chunkSize)")
            outputs.append(members.first ?? [])
            #expect(decoder.largestHeldMember < 200_000, "chunks of \(chunkSize): \(decoder.largestHeldMember) bytes held")
        }
        let expected = Array(Self.header.utf8) + Array(kept.joined().utf8)
        // The kept documents run from their <DOCUMENT> to the next one; the header is the member up to the first.
        #expect(String(decoding: outputs[0], as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        for output in outputs.dropFirst() { #expect(output == outputs[0]) }
    }

    @Test func anOwnershipSubmissionOrAnUnknownShapeIsHeldWhole() throws {
        var big = Array("<SUBMISSION>\n<TYPE>4\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n".utf8)
        big += [UInt8](repeating: 0x61, count: 2 << 20)
        var loose = Array("<?xml version=\"1.0\"?>\n<ownershipDocument>".utf8)
        loose += [UInt8](repeating: 0x61, count: 2 << 20)
        var tar = TarBuilder()
        tar.file("four.nc", big)
        tar.file("loose.xml", loose)
        tar.end()
        let (outcome, _) = decodeTar(tar.bytes, chunkSize: 65_536)
        let members = outcome.events.compactMap { if case .member(let m) = $0 { m.bytes } else { nil } }
        #expect(members == [big, loose])
    }
}
