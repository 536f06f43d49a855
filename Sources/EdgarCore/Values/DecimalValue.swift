extension Normalize {
    /// The largest decimal exponent accepted: plain notation of anything larger is not a plausible filed amount
    /// and would let one short token expand into a huge one.
    static let maxDecimalExponent = 100

    /// A decimal as a JSON number token in plain notation, exactly the digits filed (never through a binary
    /// float): thousands separators, `$` / `\$` and a `+` sign dropped, a leading zero added before a bare
    /// fraction (`.5` -> `0.5`), leading zeros of the integer part dropped (`007` -> `7`), the fraction digits
    /// kept as filed (`0.000` stays), an empty fraction dropped (`5.` -> `5`), an exponent applied
    /// (`1.23E+03` -> `1230`). Anything else is `invalid_decimal`.
    public static func decimal(_ raw: String?) -> Normalized<String> {
        guard let text = string(raw) else { return .null }
        if isPlainDecimal(text) { return .valid(text) }
        var copy = text
        guard let digits = copy.withUTF8({ parseDecimal($0) }) else { return .invalid(.invalidDecimal) }
        return .valid(digits)
    }

    /// Already a JSON number in plain notation, as the XML variant almost always files it: `-?(0|[1-9]\d*)(\.\d+)?`.
    static func isPlainDecimal(_ text: String) -> Bool {
        withUTF8(text) { b in
            let n = b.count
            var i = 0
            if i < n && b[i] == UInt8(ascii: "-") { i += 1 }
            let integerStart = i
            while i < n && b[i].isASCIIDigit { i += 1 }
            let integerDigits = i - integerStart
            guard integerDigits > 0 else { return false }
            if b[integerStart] == UInt8(ascii: "0") && integerDigits > 1 { return false }
            if i == n { return true }
            guard b[i] == UInt8(ascii: ".") else { return false }
            i += 1
            let fractionStart = i
            while i < n && b[i].isASCIIDigit { i += 1 }
            return i == n && i > fractionStart
        }
    }

    /// The general grammar: `[sign] [\]$ [sign] digits-with-commas [. digits] [e|E [sign] digits]`.
    static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let n = bytes.count
        var i = 0
        var negative = false
        var sawSign = false
        var sawDollar = false

        // The sign may stand before or after the dollar sign; each at most once.
        while i < n {
            let c = bytes[i]
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && !sawSign {
                sawSign = true
                negative = c == UInt8(ascii: "-")
                i += 1
            } else if c == UInt8(ascii: "$") && !sawDollar {
                sawDollar = true
                i += 1
            } else if c == UInt8(ascii: "\\") && !sawDollar && i + 1 < n && bytes[i + 1] == UInt8(ascii: "$") {
                sawDollar = true
                i += 2
            } else {
                break
            }
        }

        var digits: [UInt8] = []
        digits.reserveCapacity(n + 4)
        var integerCount = 0
        while i < n {
            let c = bytes[i]
            if c.isASCIIDigit {
                digits.append(c)
                integerCount += 1
            } else if c == UInt8(ascii: ",") {
                // A thousands separator stands between digits.
                guard integerCount > 0, i + 1 < n, bytes[i + 1].isASCIIDigit else { return nil }
            } else {
                break
            }
            i += 1
        }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && bytes[i].isASCIIDigit {
                digits.append(bytes[i])
                i += 1
            }
        }
        guard !digits.isEmpty else { return nil }

        var exponent = 0
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            let exponentStart = i
            while i < n && bytes[i].isASCIIDigit {
                exponent = exponent * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                guard exponent <= maxDecimalExponent else { return nil }
                i += 1
            }
            guard i > exponentStart else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard i == n else { return nil }

        // Move the decimal point by the exponent, padding with zeros on whichever side runs out of digits.
        var point = integerCount + exponent
        if point < 0 {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point), at: 0)
            point = 0
        } else if point > digits.count {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - digits.count))
        }
        var integerStart = 0
        while integerStart < point - 1 && digits[integerStart] == UInt8(ascii: "0") { integerStart += 1 }

        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 3)
        if negative { out.append(UInt8(ascii: "-")) }
        if point == 0 {
            out.append(UInt8(ascii: "0"))
        } else {
            out.append(contentsOf: digits[integerStart..<point])
        }
        if point < digits.count {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[point...])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
