import BitextCheck
import Dispatch
import Foundation

/// Ctrl-C, SIGTERM and SIGHUP: bitext removes the temporary files of the writes under way (the
/// files themselves are untouched: every write is a rename), clears its progress line, says
/// so, and exits with 128 + the signal's number (130 for Ctrl-C), as shells report it.
enum Interruption {
    private nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: DispatchQueue.global())
            source.setEventHandler {
                AtomicFile.removeTemporaryFiles()
                var message = ""
                // On a terminal, clear whatever line is there (the progress line, drawn by a worker).
                if Progress.lineShown || isatty(2) != 0 { message += "\r\u{1B}[K" }
                message += "bitext: " + ui("interrupted") + "\n"
                FileHandle.standardError.write(Data(message.utf8))
                // Not exit(): workers may still be running; nothing else needs to happen.
                _exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
