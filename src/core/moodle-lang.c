/*
 * Moodle multilang text (firstline-bank(5), "Moodle XML"): the two
 * languages of one Moodle text.  Moodle's multilang filter shows
 * <span lang="zh_cn" class="multilang">...</span> to readers of that
 * language, and filter_multilang2 does the same for {mlang zh}...{mlang};
 * the text outside them is shown to everyone.  Splitting the raw text
 * (HTML, before it is reduced to plain text) gives the zh-CN and the en
 * side; other languages are dropped and counted.  Malformed markup (an
 * unclosed span or {mlang}, a multilang span inside another) is an error,
 * never guessed at.
 *
 * Also here: the paragraph in which an export carries a question's
 * <source> inside the general feedback, found and taken out again.
 */
#include "config.h"

#include "moodle-int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"

struct ml_buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

static void
ml_put(struct ml_buf *b, const char *s, size_t n)
{
	xgrow(&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* 0 for Chinese (zh, zh_cn, zh-cn, zh_hans), 1 for English, else -1. */
int
moodle_lang(const char *lang, size_t n)
{
	static const char *const zh[] = { "zh", "zh_cn", "zh-cn", "zh_hans",
	    "zh-hans" };
	size_t i;

	for (i = 0; i < sizeof zh / sizeof zh[0]; i++)
		if (n == strlen(zh[i]) && strncasecmp(lang, zh[i], n) == 0)
			return 0;
	if (n >= 2 && strncasecmp(lang, "en", 2) == 0 &&
	    (n == 2 || lang[2] == '_' || lang[2] == '-'))
		return 1;
	return -1;
}

/* Whether p starts the tag <NAME (followed by a space, '/' or '>'). */
static int
ml_tag(const char *p, const char *name)
{
	size_t n = strlen(name);

	return p[0] == '<' && strncasecmp(p + 1, name, n) == 0 &&
	    (p[n + 1] == '>' || p[n + 1] == '/' ||
	    isspace((unsigned char)p[n + 1]));
}

/*
 * The value of attribute name in the tag text [p, end), or NULL; *n its
 * length.  Quoted with " or ', or unquoted.
 */
static const char *
ml_attr(const char *p, const char *end, const char *name, size_t *n)
{
	size_t len = strlen(name);
	const char *v;
	char q;

	for (; p + len < end; p++) {
		if (!isspace((unsigned char)*p) ||
		    strncasecmp(p + 1, name, len) != 0)
			continue;
		v = p + 1 + len;
		while (v < end && isspace((unsigned char)*v))
			v++;
		if (v >= end || *v != '=')
			continue;
		for (v++; v < end && isspace((unsigned char)*v); v++)
			;
		if (v < end && (*v == '"' || *v == '\'')) {
			q = *v++;
			*n = 0;
			while (v + *n < end && v[*n] != q)
				(*n)++;
		} else {
			*n = 0;
			while (v + *n < end && !isspace((unsigned char)v[*n]) &&
			    v[*n] != '>')
				(*n)++;
		}
		return v;
	}
	return NULL;
}

/*
 * Whether the tag at p (ending at end, its '>') is a multilang span; its
 * language in *lang, *langn.
 */
static int
ml_span(const char *p, const char *end, const char **lang, size_t *langn)
{
	const char *cls;
	size_t n, i;

	if (!ml_tag(p, "span"))
		return 0;
	if ((cls = ml_attr(p, end, "class", &n)) == NULL)
		return 0;
	for (i = 0; i + 9 <= n; i++)
		if (strncasecmp(cls + i, "multilang", 9) == 0)
			break;
	if (i + 9 > n)
		return 0;
	*lang = ml_attr(p, end, "lang", langn);
	if (*lang == NULL)
		*lang = ml_attr(p, end, "xml:lang", langn);
	return *lang != NULL;
}

/* Append the text [s, s+n) of language l (-1: every language) to ml. */
static void
ml_add(struct moodle_ml *ml, struct ml_buf *b, int l, const char *s,
    size_t n)
{
	int i;

	for (i = 0; i < 2; i++)
		if (l < 0 || l == i)
			ml_put(&b[i], s, n);
	if (l >= 0)
		ml->present[l] = 1;
}

static void
ml_error(struct moodle_ml *ml, char *msg)
{
	if (ml->error == NULL)
		ml->error = msg;
	else
		free(msg);
}

/* Where the {mlang} ending the one opened before p is, or NULL. */
static const char *
ml_mlang_end(const char *p)
{
	for (; *p != '\0'; p++) {
		if (*p != '{' || strncasecmp(p, "{mlang", 6) != 0)
			continue;
		if (p[6] == '}')
			return p;
		return NULL;	/* another {mlang X} first: unclosed */
	}
	return NULL;
}

int
moodle_multilang(const char *raw, struct moodle_ml *ml)
{
	struct ml_buf b[2];
	const char *p = raw, *start = raw, *gt, *lang, *q, *close;
	size_t langn, depth;
	int l, found = 0, nogt = 0;

	memset(ml, 0, sizeof *ml);
	memset(b, 0, sizeof b);
	while (*p != '\0' && ml->error == NULL) {
		if (*p == '<' && !nogt && ml_tag(p, "span") &&
		    !(nogt = (gt = strchr(p, '>')) == NULL) &&
		    ml_span(p, gt, &lang, &langn)) {
			/* The matching </span>, counting the spans inside. */
			for (q = gt + 1, depth = 1, close = NULL; *q != '\0';
			    q++) {
				const char *g;

				if (ml_tag(q, "span")) {
					const char *il;
					size_t iln;

					if ((g = strchr(q, '>')) != NULL &&
					    ml_span(q, g, &il, &iln)) {
						ml_error(ml, xasprintf(_("a "
						    "multilang <span> inside "
						    "another one")));
						break;
					}
					depth++;
				} else if (strncasecmp(q, "</span", 6) == 0 &&
				    --depth == 0) {
					close = q;
					break;
				}
			}
			if (ml->error != NULL)
				break;
			if (close == NULL) {
				ml_error(ml, xasprintf(_("the multilang "
				    "<span lang=\"%.*s\"> is not closed"),
				    (int)(langn > 20 ? 20 : langn), lang));
				break;
			}
			found = 1;
			ml_add(ml, b, -1, start, (size_t)(p - start));
			l = moodle_lang(lang, langn);
			if (l < 0)
				ml->others++;
			else
				ml_add(ml, b, l, gt + 1, (size_t)(close - gt - 1));
			p = strchr(close, '>');
			p = p != NULL ? p + 1 : close + strlen(close);
			start = p;
			continue;
		}
		if (*p == '{' && strncasecmp(p, "{mlang", 6) == 0 &&
		    (p[6] == '}' || p[6] == ' ')) {
			if (p[6] == '}') {
				ml_error(ml, xasprintf(_("{mlang} closes "
				    "nothing")));
				break;
			}
			lang = p + 7;
			langn = strcspn(lang, "}");
			if (lang[langn] != '}' || langn == 0 || langn > 20) {
				ml_error(ml, xasprintf(_("a {mlang ...} "
				    "without its closing '}'")));
				break;
			}
			if ((close = ml_mlang_end(lang + langn + 1)) == NULL) {
				ml_error(ml, xasprintf(_("{mlang %.*s} has no "
				    "closing {mlang}"), (int)langn, lang));
				break;
			}
			found = 1;
			ml_add(ml, b, -1, start, (size_t)(p - start));
			l = moodle_lang(lang, langn);
			if (l < 0)
				ml->others++;
			else
				ml_add(ml, b, l, lang + langn + 1,
				    (size_t)(close - lang - langn - 1));
			p = close + 7;
			start = p;
			continue;
		}
		p++;
	}
	if (ml->error != NULL || !found) {
		free(b[0].s);
		free(b[1].s);
		return ml->error != NULL ? -1 : 0;
	}
	ml_add(ml, b, -1, start, strlen(start));
	ml->side[0] = b[0].s != NULL ? b[0].s : xstrdup("");
	ml->side[1] = b[1].s != NULL ? b[1].s : xstrdup("");
	return 1;
}

void
moodle_ml_release(struct moodle_ml *ml)
{
	free(ml->side[0]);
	free(ml->side[1]);
	free(ml->error);
	memset(ml, 0, sizeof *ml);
}

char *
moodle_take_source(char *raw)
{
	const char *open = "<p class=\"" MOODLE_SOURCE_CLASS "\">";
	char *p, *end, *inner;

	if ((p = strstr(raw, open)) == NULL ||
	    (end = strstr(p, "</p>")) == NULL)
		return NULL;
	inner = xstrndup(p + strlen(open), (size_t)(end - p - strlen(open)));
	memmove(p, end + 4, strlen(end + 4) + 1);
	return inner;
}
