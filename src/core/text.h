/*
 * Measuring text for a terminal: display width of UTF-8 strings, where
 * Chinese characters take two columns.  Works in any locale: when the C
 * library cannot say (a non-UTF-8 locale), East Asian wide ranges count 2.
 */
#ifndef FIRSTLINE_TEXT_H
#define FIRSTLINE_TEXT_H

#include <stddef.h>

/*
 * Decode one UTF-8 character at s (at most n bytes).  Returns its length in
 * bytes and stores the code point in *cp; invalid bytes count as one byte
 * and U+FFFD.
 */
size_t text_decode(const char *s, size_t n, unsigned int *cp);
/* Columns code point cp takes: 0, 1 or 2. */
int text_cp_width(unsigned int cp);
/* Columns the UTF-8 string s takes. */
size_t text_width(const char *s);
/* Whether s is valid UTF-8 (no overlongs or surrogates). */
int text_valid_utf8(const char *s, size_t n);
/*
 * Whether s holds a control character (C0, DEL or C1), a Unicode line or
 * paragraph separator or a bidirectional control: a line break, tab, escape
 * sequence or right-to-left override in a name would break or disguise the
 * screens and the reports.
 */
int text_has_control(const char *s);
/*
 * Whether code point cp must not reach a terminal: C0 controls other than
 * line feed and tab, DEL, C1 controls, the Unicode line and paragraph
 * separators, and the bidirectional marks, embeddings, overrides and
 * isolates (U+061C, U+200E-200F, U+202A-202E, U+2066-2069).  An escape
 * sequence could rewrite the screen; a right-to-left override disguises
 * what is shown.
 */
int text_cp_unsafe(unsigned int cp);
/*
 * The one place text is made safe for a terminal: a copy of the n bytes at
 * s (NUL-terminated, length in *outlen when outlen is not NULL) where every
 * unsafe code point and every byte that is not valid UTF-8 becomes U+FFFD;
 * with oneline, line feeds and tabs too.  Everything firstline shows
 * people (text tables, messages, the clients' screens) goes through it,
 * whatever the source of the text.  The caller frees the copy.
 */
char *text_safe(const char *s, size_t n, int oneline, size_t *outlen);

/*
 * Whether s would be taken for a formula by a spreadsheet that opens a CSV
 * file firstline writes (CSV injection): it starts with = + - or @, after
 * any spaces or invisible characters (" =1+1" too).  Returns that
 * character, or 0.
 */
int text_formula_lead(const char *s);
/*
 * Whether s shows nothing: empty, or only spaces (U+0020, U+00A0, U+3000,
 * U+2000-200A) and invisible characters (zero-width space and joiners,
 * word joiner, BOM, Hangul fillers).
 */
int text_blank(const char *s);

/* One line of wrapped text: bytes [start, start + len) of the input. */
struct text_line {
	size_t	start;
	size_t	len;
	size_t	width;		/* columns */
};

/*
 * Break s into lines of at most width columns (width >= 2).  Latin words
 * break at spaces (a word longer than a line is cut); Chinese text may
 * break between any two characters, but not before closing punctuation
 * such as "，。、；：？！）」』》" (it stays with the character before) nor
 * after opening punctuation such as "（「『《" (it goes with the character
 * after), the Chinese line-breaking rules.  '\n' forces
 * a break.  Spaces at a break are dropped.  Returns the number of lines and
 * *lines, an array the caller frees; an empty s gives one empty line.
 */
size_t text_wrap(const char *s, size_t width, struct text_line **lines);

/*
 * The longest prefix of s (in bytes) that fits in width columns, storing
 * its width in *used when used is not NULL.
 */
size_t text_fit(const char *s, size_t width, size_t *used);

#endif
