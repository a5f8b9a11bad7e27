// The only C in banli. The defines must come before any #include, or the wide-character
// ncurses API (get_wch, cchar_t, setcchar, mvwaddnwstr) and pipe2 are hidden.
#ifndef BANLI_CNCURSESW_SHIM_H
#define BANLI_CNCURSESW_SHIM_H

#define _GNU_SOURCE 1
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Glibc's wcwidth is hidden from Swift's Glibc module; ncurses measures with it, so tests compare
// banli's width table against it.
int wcwidth(wchar_t c);

// Attribute macros do not import into Swift.
static inline attr_t banli_attr_bold(void) { return A_BOLD; }
static inline attr_t banli_attr_reverse(void) { return A_REVERSE; }
static inline attr_t banli_attr_dim(void) { return A_DIM; }
// stdscr is a C global that Swift 6 rejects as not concurrency-safe.
static inline WINDOW *stdscr_window(void) { return stdscr; }
static inline attr_t banli_color_pair(short pair) { return COLOR_PAIR(pair); }

// The locale's character set ("UTF-8", "ANSI_X3.4-1968"); CODESET is an enum Swift cannot reach.
static inline const char *banli_codeset(void) { return nl_langinfo(CODESET); }

// From <ncursesw/term.h>, declared here rather than included: that header defines hundreds of
// lower-case macros (lines, columns, tab, bell…) that would rewrite any code after it.
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

// Whether terminfo can drive a full screen on terminal type `name` (output on `fd`): 1 yes; 0 the
// type is unknown (or generic); -1 there is no terminfo database; 2 it cannot address the cursor
// (dumb, hardcopy). Checked before newterm, which would start writing to the terminal.
static inline int banli_terminal_support(const char *name, int fd) {
    int status = 0;
    if (setupterm(name, fd, &status) != OK) return status == 1 ? 2 : status;
    const char *address = tigetstr("cup");
    int usable = address != 0 && address != (const char *)-1;
    del_curterm(set_curterm(0));
    return usable ? 1 : 2;
}

// The terminfo string capability `name` (a key's sequence, "khome"), or null when the terminal's
// description has none. tigetstr's (char *)-1 for "not a string capability" does not survive the
// trip into Swift as a pointer worth comparing, so it is checked here.
static inline const char *banli_terminfo_string(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? 0 : value;
}

// Signals reach the input loop through a self-pipe: the handlers only write the signal's number
// to it (async-signal-safe), and the loop polls the pipe beside the terminal. Whichever thread
// the kernel picks to run a handler, the main thread's poll wakes.
// The state lives in function-local statics: Swift emits a header's functions where they are used
// but not its file-level variables.
static inline int *banli_signal_pipe(void) { static int fd = -1; return &fd; }
static inline struct sigaction *banli_previous_actions(void) { static struct sigaction actions[4]; return actions; }
static inline int banli_signal(int i) { return i == 0 ? SIGHUP : i == 1 ? SIGTERM : i == 2 ? SIGTSTP : SIGWINCH; }

static inline void banli_note_signal(int signal_number) {
    int saved = errno;
    unsigned char byte = (unsigned char)signal_number;
    int fd = *banli_signal_pipe();
    if (fd >= 0) { ssize_t ignored = write(fd, &byte, 1); (void)ignored; }
    errno = saved;
}

// SIGWINCH goes to ncurses's own handler first: it marks the screen, so that the next wget_wch
// reports KEY_RESIZE with the new size.
static inline void banli_note_resize(int signal_number) {
    struct sigaction *curses = &banli_previous_actions()[3];
    if (curses->sa_flags & SA_SIGINFO) {
        siginfo_t info;
        memset(&info, 0, sizeof info);
        info.si_signo = signal_number;
        curses->sa_sigaction(signal_number, &info, 0);
    } else if (curses->sa_handler != SIG_DFL && curses->sa_handler != SIG_IGN) {
        curses->sa_handler(signal_number);
    }
    banli_note_signal(signal_number);
}

// Catches SIGHUP, SIGTERM, SIGTSTP and SIGWINCH (after newterm, replacing ncurses's handlers but
// for SIGWINCH, which is chained). Returns the pipe's read end (non-blocking), or -1.
static inline int banli_catch_signals(void) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
    *banli_signal_pipe() = fds[1];
    for (int i = 0; i < 4; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        sigemptyset(&action.sa_mask);
        // Restarting keeps a draft being written when SIGTERM arrives from failing with EINTR; poll
        // is never restarted, and the pipe wakes it anyway.
        action.sa_flags = SA_RESTART;
        action.sa_handler = banli_signal(i) == SIGWINCH ? banli_note_resize : banli_note_signal;
        sigaction(banli_signal(i), &action, &banli_previous_actions()[i]);
    }
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < 4; i++) sigaddset(&set, banli_signal(i));
    pthread_sigmask(SIG_UNBLOCK, &set, 0);
    return fds[0];
}

// Puts back the handlers banli_catch_signals replaced and closes the pipe's write end.
static inline void banli_release_signals(void) {
    for (int i = 0; i < 4; i++) sigaction(banli_signal(i), &banli_previous_actions()[i], 0);
    int fd = *banli_signal_pipe();
    *banli_signal_pipe() = -1;
    if (fd >= 0) close(fd);
}

// Stops the process group as the shell's Ctrl-Z would, and returns once it is continued (fg).
// SIGTSTP's default action is put in force for the stop (banli's handler only notes the signal),
// and a SIGWINCH afterwards makes ncurses look at the size again: the window may have changed
// while banli was stopped.
static inline void banli_stop_process_group(void) {
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    sigemptyset(&stop.sa_mask);
    stop.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &stop, &previous);
    sigset_t set, mask;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &set, &mask);
    kill(0, SIGTSTP);
    pthread_sigmask(SIG_SETMASK, &mask, 0);
    sigaction(SIGTSTP, &previous, 0);
    kill(getpid(), SIGWINCH);
}

#endif
