#ifndef LOOPSCOPE_TERMINAL_GUARD_H
#define LOOPSCOPE_TERMINAL_GUARD_H

// Terminal restoration on every exit path, in C because signal handlers must be.
//
// Signals that end a program (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, ...) only
// set a flag while the UI runs: it polls it at least every 100 ms and leaves through its
// normal path (endwin), exiting 128 + the signal. Crash signals cannot come back to Swift: their
// handler puts the terminal's saved modes back and leaves the alternate screen itself
// (async-signal-safe calls only), then re-raises the signal with its default action.

/// Remembers the terminal's modes; call before initscr.
void ls_save_terminal_modes(void);

/// Installs the handlers; call after initscr (which installs its own).
void ls_install_signal_handlers(void);

/// The signal received since the last call (0: none).
int ls_take_signal(void);

/// Names a temporary output file (or NULL: none) that a signal ending the program removes
/// before the program dies, so an interrupted `record` leaves no debris beside its target.
void ls_set_cleanup_path(const char *path);

#endif
