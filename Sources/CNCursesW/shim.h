#ifndef CONTACTDESK_CNCURSESW_SHIM_H
#define CONTACTDESK_CNCURSESW_SHIM_H
/* Without these before the include, ncurses hides cchar_t, get_wch and the other wide-character calls. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <curses.h>

/* COLOR_PAIR is a macro Swift cannot import. */
static inline int cd_color_pair(int n) { return COLOR_PAIR(n); }
/* getmaxyx is a macro that assigns to its arguments. */
static inline void cd_getmaxyx(WINDOW *w, int *y, int *x) { *y = getmaxy(w); *x = getmaxx(w); }
/* stdscr is a macro over a function in some ncurses builds. */
static inline WINDOW *cd_stdscr(void) { return stdscr; }
/* setlocale's LC_ALL is a macro; the terminal layer must call this before initscr. */
static inline void cd_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }
#endif
