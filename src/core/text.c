/*
 * Display width of UTF-8 text.
 */
#include "config.h"

#include "text.h"

#include <string.h>
#include <wchar.h>

#include "xalloc.h"

size_t
text_decode(const char *str, size_t n, unsigned int *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned int c, min;
	size_t len, i;

	if (n == 0) {
		*cp = 0;
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		len = 2; c &= 0x1f; min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3; c &= 0x0f; min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4; c &= 0x07; min = 0x10000;
	} else
		goto bad;
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

int
text_valid_utf8(const char *s, size_t n)
{
	unsigned int cp;
	size_t i = 0, len;

	while (i < n) {
		len = text_decode(s + i, n - i, &cp);
		if (cp == 0xfffd && !(len == 3 && memcmp(s + i,
		    "\xef\xbf\xbd", 3) == 0))
			return 0;
		i += len;
	}
	return 1;
}

int
text_has_control(const char *s)
{
	unsigned int cp;
	size_t n = strlen(s), k;

	while (n > 0) {
		k = text_decode(s, n, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (cp >= 0x200e && cp <= 0x200f) ||
		    (cp >= 0x2028 && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff)
			return 1;
		s += k;
		n -= k;
	}
	return 0;
}

int
text_cp_unsafe(unsigned int cp)
{
	return (cp < 0x20 && cp != '\n' && cp != '\t') ||
	    (cp >= 0x7f && cp < 0xa0) || cp == 0x061c ||
	    cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

char *
text_safe(const char *s, size_t n, int oneline, size_t *outlen)
{
	/* Each byte becomes at most the 3 bytes of U+FFFD. */
	char *out = xmalloc(3 * n + 1), *o = out;
	unsigned int cp;
	size_t k;
	int bad;

	while (n > 0) {
		k = text_decode(s, n, &cp);
		bad = text_cp_unsafe(cp) || (oneline && (cp == '\n' ||
		    cp == '\t')) || (cp == 0xfffd && !(k == 3 &&
		    memcmp(s, "\xef\xbf\xbd", 3) == 0));
		if (bad) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
		} else {
			memcpy(o, s, k);
			o += k;
		}
		s += k;
		n -= k;
	}
	*o = '\0';
	if (outlen != NULL)
		*outlen = (size_t)(o - out);
	return out;
}

/* Spaces and characters that show nothing (zero-width, BOM). */
static int
text_cp_invisible(unsigned int cp)
{
	return cp == ' ' || cp == 0xa0 || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200d) || cp == 0x202f ||
	    cp == 0x205f || cp == 0x2060 || cp == 0xfeff || cp == 0x180e ||
	    cp == 0x115f || cp == 0x1160 || cp == 0x3164 || cp == 0xffa0;
}

/* s past its leading spaces and invisible characters. */
static const char *
text_skip_invisible(const char *s)
{
	unsigned int cp;
	size_t n = strlen(s), k;

	while (n > 0) {
		k = text_decode(s, n, &cp);
		if (!text_cp_invisible(cp))
			break;
		s += k;
		n -= k;
	}
	return s;
}

int
text_blank(const char *s)
{
	return *text_skip_invisible(s) == '\0';
}

int
text_formula_lead(const char *s)
{
	s = text_skip_invisible(s);
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' ? *s : 0;
}

/* East Asian Wide and Fullwidth ranges, for locales that cannot say. */
static int
text_wide_fallback(unsigned int c)
{
	return (c >= 0x1100 && c <= 0x115f) ||
	    (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) ||
	    (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) ||
	    (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) ||
	    (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) ||
	    (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x20000 && c <= 0x3fffd);
}

int
text_cp_width(unsigned int cp)
{
	int w;

	if (cp == 0)
		return 0;
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if ((cp >= 0x300 && cp <= 0x36f) || cp == 0x200b ||
	    (cp >= 0xfe00 && cp <= 0xfe0f))
		return 0;
	return text_wide_fallback(cp) ? 2 : 1;
}

size_t
text_width(const char *s)
{
	size_t n = strlen(s), i = 0, w = 0;
	unsigned int cp;

	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

size_t
text_fit(const char *s, size_t width, size_t *used)
{
	size_t n = strlen(s), i = 0, w = 0, len;
	unsigned int cp;
	int cw;

	while (i < n) {
		len = text_decode(s + i, n - i, &cp);
		cw = text_cp_width(cp);
		if (w + (size_t)cw > width)
			break;
		w += (size_t)cw;
		i += len;
	}
	if (used != NULL)
		*used = w;
	return i;
}

/* Characters that must not start a line (Chinese line-breaking rules). */
static int
text_no_break_before(unsigned int cp)
{
	static const unsigned int closers[] = {
		0x3001, 0x3002, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff01,
		0xff1f, 0xff09, 0x300d, 0x300f, 0x3011, 0x300b, 0x3009,
		0x201d, 0x2019, 0xff05, 0x2026, 0x3015, 0xff3d, 0xff5d,
		0x3017, 0x3019, 0x30fb, 0xff60, ',', '.', ';', ':', '!', '?',
		')', ']', '}', '%',
	};
	size_t i;

	for (i = 0; i < sizeof closers / sizeof closers[0]; i++)
		if (cp == closers[i])
			return 1;
	return 0;
}

/* Characters that must not end a line: opening brackets and quotes. */
static int
text_no_break_after(unsigned int cp)
{
	static const unsigned int openers[] = {
		0xff08, 0x300c, 0x300e, 0x3010, 0x300a, 0x3008, 0x201c,
		0x2018, 0x3014, 0xff3b, 0xff5b, 0x3016, 0x3018, 0xff5f,
		'(', '[', '{',
	};
	size_t i;

	for (i = 0; i < sizeof openers / sizeof openers[0]; i++)
		if (cp == openers[i])
			return 1;
	return 0;
}

/*
 * A cut inside an unbreakable run [start, *i) of *w columns: move it back
 * over whole characters while the next line would start with closing
 * punctuation or this one end with opening punctuation, keeping at least
 * one character on the line.
 */
static void
text_cut(const char *s, size_t start, size_t *i, size_t *w)
{
	size_t j = *i, k, jw = *w;
	unsigned int at, before;

	while (j > start) {
		text_decode(s + j, strlen(s + j), &at);
		k = j;	/* the start of the character before the cut */
		do
			k--;
		while (k > start && ((unsigned char)s[k] & 0xc0) == 0x80);
		text_decode(s + k, j - k, &before);
		if (!text_no_break_before(at) && !text_no_break_after(before)) {
			*i = j;
			*w = jw;
			return;
		}
		jw -= (size_t)text_cp_width(before);
		j = k;
	}
	/* Nothing better: the first cut stands. */
}

static void
text_push(struct text_line **lines, size_t *n, size_t *cap, size_t start,
    size_t len, size_t width)
{
	xgrow(lines, cap, *n + 1, sizeof **lines);
	(*lines)[*n].start = start;
	(*lines)[*n].len = len;
	(*lines)[*n].width = width;
	(*n)++;
}

size_t
text_wrap(const char *s, size_t width, struct text_line **lines)
{
	size_t n = strlen(s), cap = 0, count = 0;
	size_t start = 0, i, w, len;
	size_t brk, brk_w;	/* last break opportunity: end of line there */
	size_t brk_next;	/* where the next line would start */
	unsigned int cp, next;
	int cw, wide;

	*lines = NULL;
	if (width < 2)
		width = 2;
	while (start <= n) {
		/* Skip spaces at the start of a continuation line. */
		i = start;
		w = 0;
		brk = 0;
		brk_w = 0;
		brk_next = 0;
		for (;;) {
			if (i >= n || s[i] == '\n') {
				text_push(lines, &count, &cap, start, i - start,
				    w);
				start = i + 1;
				goto next_line;
			}
			len = text_decode(s + i, n - i, &cp);
			cw = text_cp_width(cp);
			if (w + (size_t)cw > width) {
				if (cp == ' ') {
					text_push(lines, &count, &cap, start,
					    i - start, w);
					start = i;
					break;
				}
				if (brk > start) {
					text_push(lines, &count, &cap, start,
					    brk - start, brk_w);
					start = brk_next;
				} else {
					/* No break: cut the word here. */
					text_cut(s, start, &i, &w);
					text_push(lines, &count, &cap, start,
					    i - start, w);
					start = i;
				}
				break;
			}
			wide = cw == 2;
			if (cp == ' ') {
				brk = i;
				brk_w = w;
				brk_next = i + 1;
			}
			w += (size_t)cw;
			i += len;
			/* After a wide character, a break is allowed unless
			 * the next character is closing punctuation. */
			if (wide && i < n && !text_no_break_after(cp)) {
				text_decode(s + i, n - i, &next);
				if (!text_no_break_before(next)) {
					brk = i;
					brk_w = w;
					brk_next = i;
				}
			} else if (!wide && cp != ' ' && i < n &&
			    !text_no_break_after(cp)) {
				text_decode(s + i, n - i, &next);
				if (text_cp_width(next) == 2 &&
				    !text_no_break_before(next)) {
					brk = i;
					brk_w = w;
					brk_next = i;
				}
			}
		}
		/* Drop the spaces at the break. */
		while (start < n && s[start] == ' ')
			start++;
		if (start >= n)
			break;
		continue;
next_line:
		if (start > n)
			break;
	}
	if (count == 0)
		text_push(lines, &count, &cap, 0, 0, 0);
	return count;
}
