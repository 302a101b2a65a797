/*
 * Process-wide facts of the core: where the shipped data lives and which
 * language a person reads.
 */
#include "config.h"

#include "core.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

const char *
fl_datadir(void)
{
	const char *d = getenv("FIRSTLINE_DATADIR");

	return d != NULL && *d != '\0' ? d : PKGDATADIR "/question-banks";
}

int
fl_lang_zh(void)
{
	const char *l = getenv("LANGUAGE");

	if (l == NULL || *l == '\0')
		l = setlocale(LC_MESSAGES, NULL);
	return l != NULL && strncmp(l, "zh", 2) == 0;
}

const char *
fl_pick(const char *zh, const char *en)
{
	return fl_lang_zh() ? zh : en;
}
