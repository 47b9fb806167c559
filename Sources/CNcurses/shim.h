#ifndef LOOPSCOPE_CNCURSES_SHIM_H
#define LOOPSCOPE_CNCURSES_SHIM_H
// Wide-character ncurses. _XOPEN_SOURCE_EXTENDED must come before the header so that
// cchar_t, setcchar and the *_wch calls are declared.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 rejects the mutable global `stdscr` and cannot import function-like macros,
// so the few we need are wrapped in small inline functions.
static inline WINDOW *ls_stdscr(void) { return stdscr; }
static inline int ls_lines(void) { return LINES; }
static inline int ls_cols(void) { return COLS; }
static inline int ls_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int ls_attr_bold(void) { return (int)A_BOLD; }
static inline int ls_attr_reverse(void) { return (int)A_REVERSE; }
static inline int ls_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int ls_attr_dim(void) { return (int)A_DIM; }
static inline const char *ls_curses_version(void) { return curses_version(); }

#endif
