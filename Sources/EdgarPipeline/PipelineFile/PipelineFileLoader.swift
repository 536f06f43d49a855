import Foundation
import Yams

/// Reads pipeline files strictly: an unknown key, a wrong type or a bad value is an error naming the file,
/// the line and column and the key path, never a silent default.
public enum PipelineFileLoader {
    /// Loads `path`. Relative paths inside the file are taken from the file's folder and `${NAME}` references
    /// from the process environment.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PipelineFileError) -> PipelineFile {
        let yaml: String
        do {
            yaml = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file"
            throw PipelineFileError(file: path, line: 0, column: 0, keyPath: "", message: reason)
        }
        let folder = (path as NSString).deletingLastPathComponent
        return try decode(yaml: yaml, file: path, baseDirectory: folder.isEmpty ? "." : folder, environment: environment)
    }

    /// Decodes `yaml`; `file` names it in errors. With a nil `baseDirectory`, relative paths are kept as
    /// written (relative to the working directory).
    public static func decode(
        yaml: String, file: String, baseDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PipelineFileError) -> PipelineFile {
        let decoder = PipelineFileDecoder(file: file, baseDirectory: baseDirectory, environment: environment)
        return try decoder.decode(yaml)
    }

    /// Every key with its type, default and meaning, for `edgar-etl validate --keys` and the README.
    public static func documentation() -> String {
        var text = "Pipeline file keys (YAML, version \(PipelineFile.currentVersion)):\n"
        for key in PipelineFileSchema.keys {
            text += "\n  \(key.path)\n"
            text += "      type: \(key.type); default: \(key.defaultValue)" + (key.flag.map { "; flag: \($0)" } ?? "") + "\n"
            text += wrap(key.meaning, indent: "      ", width: 100)
        }
        return text
    }

    private static func wrap(_ text: String, indent: String, width: Int) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
