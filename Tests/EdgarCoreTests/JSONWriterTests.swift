import EdgarCore
import Foundation
import Testing

@Suite struct JSONWriterTests {
    /// The RFC 8259 escaping of one string, written the slow, obvious way.
    private static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func written(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter(capacity: 1)
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Every special character at every position of strings of 0–24 bytes: the scan works 8 bytes at a time, so
    /// this covers each byte lane, the tails, and special characters after multi-byte UTF-8.
    @Test func escapesLikeTheReferenceAtEveryPosition() {
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{00}"]
        let fillers: [Character] = ["a", "é", " ", "\u{7F}", "~"]
        for filler in fillers {
            for length in 0...24 {
                let plain = String(repeating: filler, count: length)
                #expect(Self.written { $0.string(plain) } == Self.reference(plain))
                for position in 0..<max(length, 1) {
                    for special in specials {
                        var chars = Array(plain)
                        if chars.isEmpty { chars = [special] } else { chars[position] = special }
                        let value = String(chars)
                        #expect(Self.written { $0.string(value) } == Self.reference(value), "\(value.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func stringsGivenAsUTF8AreWrittenLikeStrings() {
        let values = ["", "plain", "a\"b\\c\n", "é\u{01}😀", String(repeating: "x\t", count: 9)]
        for value in values {
            let fromBytes = Self.written { w in
                w.beginArray()
                w.string("first")
                Array(value.utf8).withUnsafeBufferPointer { w.string(utf8: $0) }
                w.endArray()
            }
            #expect(fromBytes == "[\"first\",\(Self.reference(value))]")
        }
    }

    @Test func bytesJustBelowAndAboveTheEscapedRangesPassThrough() {
        let value = "\u{20}!#[]{}\u{7F}\u{80}\u{FF}\u{2028}😀 ab\"cd"
        #expect(Self.written { $0.string(value) } == Self.reference(value))
        #expect(Self.written { $0.string(value) } == "\" !#[]{}\u{7F}\u{80}\u{FF}\u{2028}😀 ab\\\"cd\"")
    }

    @Test func commasOnlyBetweenMembersAndElementsOfOneContainer() {
        let text = Self.written { w in
            w.beginObject()
            w.key("a")
            w.int(1)
            w.key("b")
            w.beginArray()
            w.bool(true)
            w.null()
            w.string("x")
            w.beginObject()
            w.endObject()
            w.endArray()
            w.key(dynamic: "c\"d")
            w.number(digits: "-0.50")
            w.key("e")
            w.string(nil)
            w.endObject()
            w.newline()
            w.beginObject()
            w.key("f")
            w.raw(Array("[1,2]".utf8))
            w.endObject()
            w.newline()
        }
        #expect(text == "{\"a\":1,\"b\":[true,null,\"x\",{}],\"c\\\"d\":-0.50,\"e\":null}\n{\"f\":[1,2]}\n")
    }

    @Test(arguments: [0, 7, -7, 10, 1234567890, Int.max, Int.min])
    func intsAsDecimalDigits(value: Int) {
        #expect(Self.written { $0.int(value) } == String(value))
    }

    @Test func copiesAreIndependent() {
        var a = JSONWriter(capacity: 4)
        a.beginArray()
        a.string("shared")
        var b = a
        a.string("only a")
        b.string("only b")
        a.endArray()
        b.endArray()
        #expect(String(decoding: a.bytes, as: UTF8.self) == "[\"shared\",\"only a\"]")
        #expect(String(decoding: b.bytes, as: UTF8.self) == "[\"shared\",\"only b\"]")
    }

    @Test func growsPastItsCapacityAndHandsOverItsBytes() {
        var w = JSONWriter(capacity: 1)
        let long = String(repeating: "0123456789", count: 1000)
        w.string(long)
        #expect(w.byteCount == long.utf8.count + 2)
        let taken = w.takeBytes()
        #expect(taken == Array("\"\(long)\"".utf8))
        #expect(w.byteCount == 0 && w.bytes.isEmpty)
        // After a reset the first value needs no comma.
        w.string("x")
        #expect(w.bytes == Array("\"x\"".utf8))
        w.bytes = Array("[1".utf8)
        w.int(2)
        #expect(w.bytes == Array("[1,2".utf8))
    }
}
