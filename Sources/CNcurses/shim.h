#ifndef LOOPSCOPE_CNCURSES_SHIM_H
#define LOOPSCOPE_CNCURSES_SHIM_H
// Wide-character ncurses. _XOPEN_SOURCE_EXTENDED must come before the header so that
// cchar_t, setcchar and the *_wch calls are declared.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#include <langinfo.h>
#include <string.h>

// Swift 6 rejects the mutable global `stdscr` and cannot import function-like macros,
// so the few we need are wrapped in small inline functions.
static inline WINDOW *ls_stdscr(void) { return stdscr; }
/* Whether terminfo describes the terminal `name` (NULL: $TERM). initscr() exits the
   process on an unknown terminal; this asks first, without side effects. */
static inline int ls_terminal_known(const char *name) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(name, 1, &err) != OK) return 0;
    del_curterm(set_curterm(saved));
    return 1;
}
static inline int ls_lines(void) { return LINES; }
static inline int ls_cols(void) { return COLS; }
static inline int ls_colors(void) { return COLORS; }
static inline int ls_color_pairs(void) { return COLOR_PAIRS; }
static inline int ls_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int ls_attr_bold(void) { return (int)A_BOLD; }
static inline int ls_attr_reverse(void) { return (int)A_REVERSE; }
static inline int ls_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int ls_attr_dim(void) { return (int)A_DIM; }
static inline const char *ls_curses_version(void) { return curses_version(); }
static inline int ls_getmaxy(void) { return getmaxy(stdscr); }
static inline int ls_getmaxx(void) { return getmaxx(stdscr); }
static inline int ls_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t ls_button1_events(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
/* The wheel: ncurses reports it as buttons 4 (up) and 5 (down). */
static inline int ls_wheel(mmask_t state) { return (state & BUTTON4_PRESSED) ? -1 : (state & BUTTON5_PRESSED) ? 1 : 0; }
static inline int ls_is_button1(mmask_t state) { return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int ls_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
/// Draws one single-width character with attributes and a colour pair.
static inline int ls_put_char(int y, int x, wchar_t ch, int attrs, short pair) {
    wchar_t text[2] = { ch, 0 };
    cchar_t cell;
    setcchar(&cell, text, (attr_t)attrs, pair, NULL);
    return mvadd_wch(y, x, &cell);
}

#endif
