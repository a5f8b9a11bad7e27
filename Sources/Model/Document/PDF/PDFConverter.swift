import Foundation

/// Turns a Word document into PDF with LibreOffice in headless mode (`soffice --headless
/// --convert-to pdf`): banli writes no PDF of its own. Each conversion runs with a LibreOffice user
/// profile of its own in a temporary directory (`-env:UserInstallation`), so a LibreOffice the user
/// has open is neither disturbed nor waited for.
public struct PDFConverter: Sendable {
    /// Why a PDF could not be made; each description is one line saying what to do.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// No `soffice` on `PATH`.
        case notInstalled
        /// LibreOffice ran but left no PDF: its exit status and the last line it printed.
        case conversionFailed(status: Int32, output: String)
        /// LibreOffice did not finish within `timeout` seconds and was stopped.
        case timedOut(seconds: Int)
        /// The temporary directory could not be used.
        case io(StoreError)

        public var description: String {
            switch self {
            case .notInstalled:
                return "无法导出 PDF：未找到 LibreOffice（soffice）。请安装：sudo apt install libreoffice-writer-nogui fonts-noto-cjk，或导出 docx 后用 WPS/Word 另存为 PDF"
            case .conversionFailed(let status, let output):
                return "无法导出 PDF：LibreOffice 转换失败（退出码 \(status)）\(output.isEmpty ? "" : "：" + UntrustedText.inert(output))"
            case .timedOut(let seconds): return "无法导出 PDF：LibreOffice \(seconds) 秒内未完成转换，已停止"
            case .io(let error): return "无法导出 PDF：\(error)"
            }
        }
    }

    /// The `soffice` program.
    public let executable: String
    /// Seconds a conversion may take before it is stopped (LibreOffice's first start in a fresh
    /// profile takes a few seconds).
    public var timeout = 120

    /// The converter using `executable`.
    public init(executable: String) {
        self.executable = executable
    }

    /// The converter using the first `soffice` (or `libreoffice`) on `path` (`PATH`'s value); nil
    /// when LibreOffice is not installed.
    public static func installed(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> PDFConverter? {
        let directories = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["soffice", "libreoffice"] {
            for directory in directories where access(directory + "/" + name, X_OK) == 0 {
                return PDFConverter(executable: directory + "/" + name)
            }
        }
        return nil
    }

    /// The PDF of the Word document `docx`, a missing font replaced by the next of its list in
    /// `fonts` (`FontSubstitution`).
    /// - Throws: `Failure`.
    public func pdf(ofDocx docx: [UInt8], fonts: DocumentFonts = .standard) throws(Failure) -> [UInt8] {
        var template = Array((NSTemporaryDirectory() + "/banli-pdf-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw .io(.io(path: NSTemporaryDirectory(), operation: "创建临时目录", errno: errno)) }
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = directory + "/reply.docx", output = directory + "/reply.pdf"
        do { try FileSystem.writeAtomically(docx, to: source) } catch { throw .io(error) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        do { process.environment = try FontSubstitution(fonts: fonts).environment(writingTo: directory + "/fonts.conf") } catch { throw .io(error) }
        process.arguments = ["-env:UserInstallation=" + URL(fileURLWithPath: directory + "/profile").absoluteString,
                             "--headless", "--norestore", "--convert-to", "pdf", "--outdir", directory, source]
        // What LibreOffice prints goes to a file, not a pipe: a pipe left open by a process it
        // starts would keep a reader waiting past the timeout.
        let log = directory + "/soffice.log"
        guard FileManager.default.createFile(atPath: log, contents: nil), let logHandle = FileHandle(forWritingAtPath: log) else {
            throw .io(.io(path: log, operation: "创建", errno: errno))
        }
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { throw .conversionFailed(status: -1, output: "\(error)") }
        if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            throw .timedOut(seconds: timeout)
        }
        let pdf: [UInt8]
        do { pdf = try FileSystem.read(output, limit: .document) } catch {
            let printed = (try? FileSystem.read(log, limit: .smallFile)) ?? []
            let last = String(decoding: printed, as: UTF8.self).split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            throw .conversionFailed(status: process.terminationStatus, output: last)
        }
        return pdf
    }
}
