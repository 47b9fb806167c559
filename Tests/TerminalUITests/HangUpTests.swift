import Foundation
import Testing

/// The terminal vanishing under the UI: its pty closed without a SIGHUP reaching loopscope
/// (it is not the process's controlling terminal, as when a multiplexer's pane is torn down
/// by force). Reads then fail at once; the UI must end with status 129 instead of spinning
/// on them forever.
struct HangUpTests {
    @Test func closedTerminalEndsTheUI() throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        #expect(openpty(&master, &slave, nil, nil, &size) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session without a controlling terminal: closing the pty sends no SIGHUP.
        // (glibc's POSIX_SPAWN_SETSID, which the Glibc module does not export.)
        posix_spawnattr_setflags(&attributes, 0x80)
        let arguments: [String] = [Tmux.binary, Tmux.root + "/Scenarios/00_demo.py"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment: [String] = ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        let env = environment.map { strdup($0) } + [nil]
        defer { env.forEach { free($0) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, Tmux.binary, &actions, &attributes, argv, env) == 0)
        close(slave)
        // Wait for the first frame (bounded), then take the terminal away.
        var drawn = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        for _ in 0..<100 where drawn < 200 {
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 100) > 0 { drawn += max(0, read(master, &buffer, buffer.count)) }
        }
        #expect(drawn >= 200, "the UI drew no first frame")
        close(master)
        var status: Int32 = 0
        var ended = false
        for _ in 0..<200 {
            if waitpid(pid, &status, WNOHANG) == pid { ended = true; break }
            usleep(50_000)
        }
        if !ended {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        #expect(ended, "the UI kept running after its terminal was closed")
        #expect(ended && (status >> 8) & 0xff == 129)
    }
}
