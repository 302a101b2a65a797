/*
 * Process-wide facts of the core: where the shipped data lives and which
 * language a person reads.
 */
#include "config.h"

#include "core.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

/*
 * FIRSTLINE_DATADIR when set; else the installed data; else, for a binary
 * run from its build tree, the question-banks folder beside it.
 */
const char *
fl_datadir(void)
{
	static char local[PATH_MAX];
	const char *d = getenv("FIRSTLINE_DATADIR");
	struct stat sb;
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (d != NULL && *d != '\0')
		return d;
	if (stat(PKGDATADIR "/question-banks/schema", &sb) == 0)
		return PKGDATADIR "/question-banks";
	if (*local != '\0')
		return local;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0 && (size_t)n + sizeof "/question-banks" < sizeof local) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			strcpy(local, exe);
			strcat(local, "/question-banks");
			if (stat(local, &sb) == 0)
				return local;
		}
	}
	*local = '\0';
	return PKGDATADIR "/question-banks";
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

const char *
fl_local_time(const char *utc, int with_time, char buf[32])
{
	struct tm tm, lt;
	const char *end;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (utc == NULL || strlen(utc) != 20 || utc[10] != 'T' ||
	    (end = strptime(utc, "%Y-%m-%dT%H:%M:%SZ", &tm)) == NULL ||
	    *end != '\0')
		return NULL;
	t = timegm(&tm);
	localtime_r(&t, &lt);
	strftime(buf, 32, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &lt);
	return buf;
}

int
fl_name_check(const char *what, const char *name, char **cause)
{
	if (!text_valid_utf8(name, strlen(name)))
		*cause = xasprintf(_("the %s is not valid UTF-8"), what);
	else if (text_has_control(name))
		*cause = xasprintf(_("the %s holds a control character (a line "
		    "break, tab or escape)"), what);
	else if (text_formula_lead(name))
		*cause = xasprintf(_("the %s '%s' starts with '%c', which "
		    "spreadsheets take for a formula"), what, name,
		    text_formula_lead(name));
	else if (*name != '\0' && text_blank(name))
		*cause = xasprintf(_("the %s shows nothing (only spaces or "
		    "invisible characters)"), what);
	else
		return 0;
	return -1;
}
