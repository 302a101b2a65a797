/*
 * The trainee's language: a process-wide choice between Chinese and
 * English, and the bilingual lookup of interface strings.
 */
#include "config.h"

#include "lang.h"

#include <stdlib.h>

#include "core/i18n.h"

static int lang_is_zh;

void
lang_set(int zh)
{
	lang_is_zh = zh != 0;
	setenv("LANGUAGE", lang_is_zh ? "zh_CN" : "en", 1);
#ifdef ENABLE_NLS
	/* Re-setting the domain makes gettext drop its cached lookups. */
	textdomain(PACKAGE);
#endif
}

int
lang_zh(void)
{
	return lang_is_zh;
}

const char *
tr(const char *en, const char *zh)
{
	const char *t;

	if (!lang_is_zh)
		return en;
	t = _(en);
	return t != en ? t : zh;
}

const char *
trn(const char *en, const char *en_plural, const char *zh, unsigned long n)
{
	const char *t;

	if (!lang_is_zh)
		return n == 1 ? en : en_plural;
	t = ngettext(en, en_plural, n);
	return t != en && t != en_plural ? t : zh;
}

const char *
lang_text(const struct ltext *t)
{
	const char *s = lang_is_zh ? t->zh : t->en;

	if (s == NULL || *s == '\0')
		s = lang_is_zh ? t->en : t->zh;
	return s != NULL ? s : "";
}
