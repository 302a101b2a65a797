/*
 * The growing buffer pages are written into, HTML escaping, the UTF-8
 * check of request fields, and the per-request choice of language.
 */
#include "config.h"

#include "web.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

void
wb_init(struct wbuf *b)
{
	b->p = NULL;
	b->len = b->cap = 0;
}

void
wb_release(struct wbuf *b)
{
	free(b->p);
	wb_init(b);
}

static void
wb_append(struct wbuf *b, const char *s, size_t n)
{
	xgrow(&b->p, &b->cap, b->len + n + 1, 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
wb_put(struct wbuf *b, const char *s)
{
	wb_append(b, s, strlen(s));
}

void
wb_printf(struct wbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	wb_put(b, s);
	free(s);
}

void
wb_esc(struct wbuf *b, const char *s)
{
	const char *run = s;

	for (; *s != '\0'; s++) {
		const char *rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		wb_append(b, run, (size_t)(s - run));
		wb_put(b, rep);
		run = s + 1;
	}
	wb_append(b, run, (size_t)(s - run));
}

void
wb_escf(struct wbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	wb_esc(b, s);
	free(s);
}

char *
wb_take(struct wbuf *b, size_t *len)
{
	char *p = b->p != NULL ? b->p : xstrdup("");

	if (len != NULL)
		*len = b->len;
	wb_init(b);
	return p;
}

int
web_utf8_ok(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, need;
	unsigned long cp, min;

	while (i < n) {
		unsigned char c = s[i];

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
				return 0;
			if (c == 0x7f)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1; cp = c & 0x1f; min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2; cp = c & 0x0f; min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3; cp = c & 0x07; min = 0x10000;
		} else
			return 0;
		for (k = 1; k <= need; k++) {
			if (i + k >= n || (s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += need + 1;
	}
	return 1;
}

const char *
web_tr(int zh, const char *en, const char *zh_text)
{
	const char *t;

	if (!zh)
		return en;
	t = _(en);
	return t != en ? t : zh_text;
}

const char *
web_trn(int zh, const char *en, const char *en_plural, const char *zh_text,
    unsigned long n)
{
	const char *t;

	if (!zh)
		return n == 1 ? en : en_plural;
	t = ngettext(en, en_plural, n);
	return t != en && t != en_plural ? t : zh_text;
}
