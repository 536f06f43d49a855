/// Whether bytes are well-formed UTF-8: the test that sends a document without a declared encoding to
/// Windows-1252 (XML, HTML view, text layout).
public enum UTF8Validation {
    public static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // Most documents are plain ASCII: check that first, eight bytes at a time.
        var i = 0
        while i + 8 <= bytes.count,
            bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            i += 8
        }
        while i < bytes.count, bytes[i] < 0x80 { i += 1 }
        if i == bytes.count { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
