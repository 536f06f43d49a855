import Foundation
import Synchronization

/// Runs a built executable of this package (the way argument-parser's `AssertExecuteCommand` does) and
/// captures what it printed.
public struct BinaryRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum Binary {
    /// The folder holding the built products (`.build/debug`), found from the running test bundle.
    public static var productsDirectory: URL {
        var url = Bundle.main.bundleURL
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("edgar-etl").path) { return url }
            url.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent()
    }

    /// Runs `name` (a product of this package, or an absolute path) with `arguments`, optionally in `directory` with extra environment and stdin.
    @discardableResult
    public static func run(
        _ name: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        stdin: String? = nil
    ) throws -> BinaryRun {
        let process = Process()
        process.executableURL = name.hasPrefix("/") ? URL(fileURLWithPath: name) : productsDirectory.appendingPathComponent(name)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let errData = Locked(Data())
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return BinaryRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// Starts `name` (a product of this package) with `arguments` in the background, its output discarded, and
    /// returns the running process: for tests that signal, kill or race it.
    public static func start(_ name: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(name)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// A value handed from one thread to another exactly once.
final class Locked<Value: Sendable>: Sendable {
    private let state: Mutex<(value: Value, done: Bool)>

    init(_ value: Value) { state = Mutex((value, false)) }

    func set(_ value: Value) { state.withLock { $0 = (value, true) } }
    var isSet: Bool { state.withLock { $0.done } }
    var value: Value { state.withLock { $0.value } }
}
