#include "terminal_guard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t signal_flag = 0;
static volatile sig_atomic_t have_termios = 0;
static volatile sig_atomic_t terminal_taken = 0;
static struct termios saved_termios;

// The temporary output file to remove if a signal ends the program (see ls_set_cleanup_path).
static char cleanup_path[4096];
static volatile sig_atomic_t have_cleanup = 0;

// Signals whose default action ends the program without a core dump, and those that dump one.
static const int terminating[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM,
                                   SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ };
static const int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS };
#define COUNT(a) (sizeof a / sizeof a[0])

static void flag_handler(int sig) { signal_flag = sig; }

// Removes the unfinished output, gives the terminal back if the UI had it, and ends the
// program with the signal's default action (so the exit status says which signal).
static void ending_handler(int sig) {
    if (have_cleanup) unlink(cleanup_path);
    if (terminal_taken) {
        static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
        if (have_termios) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
        ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
        (void)ignored;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install(const int *signals, unsigned count, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = handler;
    for (unsigned i = 0; i < count; i++) sigaction(signals[i], &sa, NULL);
}

void ls_save_terminal_modes(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_termios = 1;
}

void ls_install_signal_handlers(void) {
    terminal_taken = 1;
    install(terminating, COUNT(terminating), flag_handler);
    install(crashes, COUNT(crashes), ending_handler);
}

int ls_take_signal(void) {
    int s = signal_flag;
    signal_flag = 0;
    return s;
}

void ls_set_cleanup_path(const char *path) {
    if (path == NULL || strlen(path) >= sizeof cleanup_path) {
        have_cleanup = 0;
        return;
    }
    have_cleanup = 0;
    strcpy(cleanup_path, path);
    have_cleanup = 1;
    if (!terminal_taken) install(terminating, COUNT(terminating), ending_handler);
    install(crashes, COUNT(crashes), ending_handler);
}
