import EdgarTestSupport
import Foundation

/// One regression case: a folder `Tests/Cases/<area>/<name>/` holding inputs, optional `args`, and `expected/`
/// (Tests/Cases/README.md says what each file means).
struct CaseFolder: Sendable {
    /// `<area>/<name>`, the name a failure is reported under.
    let name: String
    let url: URL

    /// Every folder two levels below Tests/Cases, sorted by name.
    static func all(in root: URL = casesRoot) -> [CaseFolder] {
        var cases: [CaseFolder] = []
        for area in subfolders(of: root) {
            for name in subfolders(of: root.appendingPathComponent(area)) {
                cases.append(CaseFolder(name: area + "/" + name, url: root.appendingPathComponent(area + "/" + name)))
            }
        }
        return cases
    }

    static let casesRoot = Corpus.packageRoot.appendingPathComponent("Tests/Cases")

    static func named(_ name: String) -> CaseFolder {
        CaseFolder(name: name, url: casesRoot.appendingPathComponent(name))
    }

    /// The entries whose name starts with `input` (files or folders), sorted: given to the run as relative
    /// paths, in this order, from the case folder, so `source.archive` is the same on every machine.
    var localInputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasPrefix("input") }.sorted()
    }

    /// The paths listed in `corpus` (one a line, relative to ../shared/corpus); empty without that file.
    var corpusInputs: [String] {
        lines(of: "corpus")
    }

    /// The extra `edgar-etl run` arguments of `args`: one or more a line, split at spaces outside quotes.
    var arguments: [String] {
        lines(of: "args").flatMap(Self.words)
    }

    var expected: URL { url.appendingPathComponent("expected") }

    /// The non-blank lines of a file of the case that do not start with `#`.
    private func lines(of file: String) -> [String] {
        guard let text = try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Shell-like words: spaces separate, `'…'` and `"…"` group (no escapes, no variables).
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    private static func subfolders(of url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }
}
