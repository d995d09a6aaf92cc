#ifndef CONTACTDESK_CNCURSESW_SHIM_H
#define CONTACTDESK_CNCURSESW_SHIM_H
/* Without these before the include, ncurses hides cchar_t, get_wch and the other wide-character calls. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

/* stdscr is a macro over a function in some ncurses builds. */
static inline WINDOW *cd_stdscr(void) { return stdscr; }
/* LC_ALL is a macro; the terminal layer must set the locale before initscr for UTF-8 output. */
static inline void cd_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }
/* The locale in force, to fall back to C.UTF-8 when the environment's is not UTF-8. */
static inline const char *cd_current_ctype(void) { return setlocale(LC_CTYPE, NULL); }
/* setlocale with LC_CTYPE, a macro. */
static inline int cd_set_ctype(const char *name) { return setlocale(LC_CTYPE, name) != NULL; }
/* getmaxy/getmaxx may be macros. */
static inline int cd_lines(void) { return getmaxy(stdscr); }
/* getmaxy/getmaxx may be macros. */
static inline int cd_cols(void) { return getmaxx(stdscr); }
/* COLORS is a global that Swift 6 treats as unsafe shared state; read it through a function. */
static inline int cd_colors(void) { return COLORS; }
/* A_* attributes are built by the NCURSES_BITS macro, which Swift cannot evaluate. */
static inline attr_t cd_attr_bold(void) { return A_BOLD; }
/* See cd_attr_bold. */
static inline attr_t cd_attr_underline(void) { return A_UNDERLINE; }
/* See cd_attr_bold. */
static inline attr_t cd_attr_reverse(void) { return A_REVERSE; }
/* See cd_attr_bold. */
static inline attr_t cd_attr_dim(void) { return A_DIM; }
/* attr_set is a macro in ncurses; the pair goes through opts so that pairs above 255 work too. */
static inline int cd_attr_set(attr_t attrs, int pair) { return wattr_set(stdscr, attrs, (short)0, &pair); }
/* get_wch's result codes (OK, KEY_CODE_YES, ERR) are macros; this returns -1 for none, else the code and sets *isKey. */
static inline int cd_read_key(wint_t *out) {
    int rc = wget_wch(stdscr, out);
    if (rc == ERR) return -1;
    return rc == KEY_CODE_YES ? 1 : 0;
}
/* mousemask takes an mmask_t whose width varies. */
static inline void cd_mouse_off(void) { mousemask(0, NULL); }
/* waddnstr with the UTF-8 bytes of a run of cells; ncursesw decodes them with the locale. */
static inline int cd_put(int y, int x, const char *utf8) { return mvwaddstr(stdscr, y, x, utf8); }
/* What the terminfo entry for `term` offers, read without starting curses: -1 no entry (errret keeps setupterm
   from exiting), 0 an entry that cannot move the cursor (no cup; tigetstr answers (char *)-1 for no string), 1 usable. */
static inline int cd_terminal_kind(const char *term) {
    int err = 0;
    if (setupterm(term, 1, &err) != OK) return -1;
    char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return ok;
}
/* The colours the terminfo entry for `term` offers, read without starting curses; -1 without an entry. */
static inline int cd_terminal_colors(const char *term) {
    int err = 0;
    if (setupterm(term, 1, &err) != OK) return -1;
    int n = tigetnum("colors");
    del_curterm(cur_term);
    return n < 0 ? 0 : n;
}
/* curs_set answers ERR on terminals that cannot show or hide the cursor. */
static inline int cd_show_cursor(int visibility) { return curs_set(visibility) != ERR; }
/* wmove through a function: move is a macro. */
static inline void cd_move(int y, int x) { wmove(stdscr, y, x); }
#endif
