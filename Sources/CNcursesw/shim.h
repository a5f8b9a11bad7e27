// The only C in banli. The defines must come before any #include, or the wide-character
// ncurses API (get_wch, cchar_t, setcchar, mvwaddnwstr) is hidden.
#ifndef BANLI_CNCURSESW_SHIM_H
#define BANLI_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Glibc's wcwidth is hidden from Swift's Glibc module; ncurses measures with it, so tests compare
// banli's width table against it.
int wcwidth(wchar_t c);

// Attribute macros do not import into Swift.
static inline attr_t banli_attr_bold(void) { return A_BOLD; }
static inline attr_t banli_attr_reverse(void) { return A_REVERSE; }
static inline attr_t banli_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t banli_attr_dim(void) { return A_DIM; }
// stdscr is a C global that Swift 6 rejects as not concurrency-safe.
static inline WINDOW *stdscr_window(void) { return stdscr; }
static inline attr_t banli_color_pair(short pair) { return COLOR_PAIR(pair); }

// The key code ncurses gave an extended terminfo key capability (kLFT5 is Ctrl-Left), or 0 when the
// terminal's description has none. tigetstr's (char *)-1 for "not a string capability" does not
// survive the trip into Swift as a pointer worth comparing, so it is checked here.
static inline int banli_key_code(const char *capability) {
    char *value = tigetstr(capability);
    if (value == 0 || value == (char *)-1) return 0;
    int code = key_defined(value);
    return code > 0 ? code : 0;
}

#endif
