#ifndef SHINCHOKU_CNCURSES_SHIM_H
#define SHINCHOKU_CNCURSES_SHIM_H

// Wide-character ncurses: without this, cchar_t, setcchar and wget_wch are missing.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <stddef.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// glibc declares wcwidth only under _XOPEN_SOURCE; Swift's Glibc module does not show it.
extern int wcwidth(wchar_t c);

// MARK: - Globals (Swift 6 rejects reading C mutable globals directly)

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline FILE *shim_stdin(void) { return stdin; }

static inline void shim_getmaxyx(WINDOW *win, int *rows, int *cols) {
  int y = 0, x = 0;
  getmaxyx(win, y, x);
  *rows = y;
  *cols = x;
}

// MARK: - terminfo probe before curses starts

/// Loads the terminfo entry for `name` (NULL: $TERM) for file descriptor `fd` without
/// printing anything; returns setupterm's status in *status (1 found, 0 unknown, -1 no db).
static inline int shim_setupterm(const char *name, int fd, int *status) {
  return setupterm(name, fd, status);
}

/// A terminfo string capability, or NULL when absent or cancelled.
static inline const char *shim_tigetstr(const char *capname) {
  char *s = tigetstr(capname);
  if (s == NULL || s == (char *)-1) return NULL;
  return s;
}

/// Frees the entry loaded by shim_setupterm.
static inline void shim_release_term(void) {
  if (cur_term != NULL) {
    del_curterm(cur_term);
    cur_term = NULL;
  }
}

// MARK: - Attributes

static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }

// MARK: - Keys

static inline int shim_key_f(int n) { return KEY_F(n); }
static inline int shim_key_code_yes(void) { return KEY_CODE_YES; }

// MARK: - Mouse

static inline mmask_t shim_button_pressed(int button) {
  switch (button) {
  case 1: return BUTTON1_PRESSED;
  case 2: return BUTTON2_PRESSED;
  case 3: return BUTTON3_PRESSED;
  case 4: return BUTTON4_PRESSED;
  case 5: return BUTTON5_PRESSED;
  default: return 0;
  }
}
static inline mmask_t shim_button_released(int button) {
  switch (button) {
  case 1: return BUTTON1_RELEASED;
  case 2: return BUTTON2_RELEASED;
  case 3: return BUTTON3_RELEASED;
  default: return 0;
  }
}
static inline mmask_t shim_button_clicked(int button) {
  switch (button) {
  case 1: return BUTTON1_CLICKED;
  case 2: return BUTTON2_CLICKED;
  case 3: return BUTTON3_CLICKED;
  default: return 0;
  }
}
static inline mmask_t shim_button_double_clicked(int button) {
  switch (button) {
  case 1: return BUTTON1_DOUBLE_CLICKED;
  case 2: return BUTTON2_DOUBLE_CLICKED;
  case 3: return BUTTON3_DOUBLE_CLICKED;
  default: return 0;
  }
}

// MARK: - Wide characters

/// Fills `out` with up to CCHARW_MAX-1 scalars of `text` (count `n`) plus a terminating 0,
/// the attributes, and the colour pair passed through `opts` (pairs above 255 included).
static inline int shim_setcchar(cchar_t *out, const wchar_t *text, attr_t attrs, int pair) {
  int p = pair;
  return setcchar(out, text, attrs, 0, &p);
}

static inline int shim_ccharw_max(void) { return CCHARW_MAX; }

#endif
