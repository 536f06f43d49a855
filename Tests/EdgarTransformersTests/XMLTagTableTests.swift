@testable import EdgarTransformers
import Testing

@Suite struct XMLTagTableTests {
    func withName<R>(_ name: String, _ body: (UnsafeMutablePointer<UInt8>) -> R) -> R {
        let bytes = Array(name.utf8) + [0]
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        defer { buffer.deallocate() }
        buffer.initialize(from: bytes, count: bytes.count)
        return body(buffer)
    }

    @Test func everyNameMapsToItsTagAndOthersToOther() {
        let table = OwnershipTagTable()
        defer { table.deallocate() }
        for tag in OwnershipTag.allCases where tag != .other {
            #expect(withName(tag.rawValue) { table.lookup($0) } == tag)
        }
        for name in ["", "x", "issuerCi", "issuerCikk", "IssuerCik", "footnoteIds", String(repeating: "a", count: 200)] {
            #expect(withName(name) { table.lookup($0) } == .other, "\(name)")
        }
    }

    @Test func theAddressCacheMustBeForgottenWhenTheDictionaryGoes() {
        let table = OwnershipTagTable()
        defer { table.deallocate() }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
        defer { buffer.deallocate() }
        buffer.initialize(from: Array("issuer".utf8) + [0], count: 7)
        #expect(table.tag(ofInterned: buffer) == .issuer)
        #expect(table.tag(ofInterned: buffer) == .issuer)
        // A new dictionary may put another name at the same address.
        buffer.update(from: Array("value".utf8) + [0], count: 6)
        #expect(table.tag(ofInterned: buffer) == .issuer)  // stale: why the parser must call forgetInternedNames()
        table.forgetInternedNames()
        #expect(table.tag(ofInterned: buffer) == .value)
    }
}
