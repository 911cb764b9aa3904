#ifndef TERMDASH_CNCURSES_SHIM_H
#define TERMDASH_CNCURSES_SHIM_H
// Wide-character ncurses for Swift. Macros and globals that Swift cannot import are wrapped here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t td_attr_bold(void) { return A_BOLD; }
static inline attr_t td_attr_reverse(void) { return A_REVERSE; }
static inline attr_t td_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t td_attr_dim(void) { return A_DIM; }
static inline int td_color_pairs(void) { return COLOR_PAIRS; }
static inline int td_colors(void) { return COLORS; }
static inline mmask_t td_mouse_all(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t td_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t td_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t td_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t td_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t td_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t td_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t td_button5_pressed(void) { return 0; }
#endif
/* Button presses, releases and the wheel, without motion reports (which flood the input). */
static inline mmask_t td_mouse_buttons(void) { return ALL_MOUSE_EVENTS; }
/* newterm() rather than initscr(): it returns NULL on an unknown TERM instead of exiting the process. */
static inline SCREEN *td_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *td_stdscr(void) { return stdscr; }
/* A terminfo number of the terminal set up by newterm, 0 when it has none: read before start_color(), which is
   what sets COLORS. */
static inline int td_terminfo_number(const char *name) { int n = tigetnum((NCURSES_CONST char *)name); return n > 0 ? n : 0; }
/* Whether the terminal's terminfo has a string capability such as cup (cursor addressing) or smcup. */
static inline bool td_has_terminfo_string(const char *name) {
    char *value = tigetstr((NCURSES_CONST char *)name);
    return value != NULL && value != (char *)-1;
}
#endif
