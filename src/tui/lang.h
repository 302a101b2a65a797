/*
 * The trainee's language, chosen at login (中文 or English), for the text
 * of the trainee client: no curses here.
 *
 * The trainee picks the language at runtime, whatever the locale, so each
 * interface string is written in both languages at the place it is used:
 * tr(N_("English"), "中文").  The English is the gettext msgid (marked with
 * N_), so a translation in the message catalogue, when one is installed,
 * wins over the built-in Chinese; the built-in Chinese keeps an uninstalled
 * build (and a kiosk without the catalogue) fully Chinese.
 */
#ifndef FIRSTLINE_TUI_LANG_H
#define FIRSTLINE_TUI_LANG_H

#include "core/content.h"

/*
 * Choose the language: Chinese when zh is non-zero.  Also sets LANGUAGE in
 * the environment (and tells gettext), so messages from the core and
 * fl_pick() follow the same choice.
 */
void lang_set(int zh);
/* Whether the chosen language is Chinese. */
int lang_zh(void);
/* The string for the chosen language; both arguments are static. */
const char *tr(const char *en, const char *zh)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));
/*
 * The same for a text with a count n: the English singular or plural
 * (ngettext, so "1 minute", "2 minutes"), or the Chinese, which has one
 * form.  The pair is the gettext msgid and msgid_plural (xgettext keyword
 * trn:1,2).
 */
const char *trn(const char *en, const char *en_plural, const char *zh,
    unsigned long n) __attribute__((format_arg(1)))
    __attribute__((format_arg(2))) __attribute__((format_arg(3)));
/* The chosen language's side of a paper text (the other side if empty). */
const char *lang_text(const struct ltext *t);

#endif
