/// "Did you mean …?" for misspelt keys and values: the closest candidate within two edits.
enum KeySuggestion {
    static let maximumDistance = 2

    /// The nearest candidate, or nil when none is within reach. On a tie, a candidate the word is a
    /// subsequence of wins (a forgotten character is the likeliest slip: `4A` means `4/A`, not `4`); then the
    /// first in the given order.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, rank: (Int, Int))?
        for candidate in candidates {
            let known = Array(candidate.lowercased().unicodeScalars)
            let distance = levenshtein(typed, known)
            guard distance <= maximumDistance else { continue }
            let rank = (distance, isSubsequence(typed, of: known) ? 0 : 1)
            if best == nil || rank < best!.rank { best = (candidate, rank) }
        }
        return best?.candidate
    }

    static func isSubsequence<T: Equatable>(_ short: [T], of long: [T]) -> Bool {
        var remaining = short[...]
        for element in long where element == remaining.first { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }

    /// Edit distance with one rolling row: keys are short, so this is cheap and allocation-light.
    static func levenshtein<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
