/*
 * Responses: parsing and writing the stored encoding, and the effect of
 * the option keys and Backspace on it.
 */
#include "config.h"

#include "response.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "lang.h"

#define RESP_MAX_OPTIONS 26

/*
 * Parse "2", "0,2", "2,0,1" into idx (at most RESP_MAX_OPTIONS numbers
 * below limit; others are dropped).  Returns how many.
 */
static size_t
resp_parse(const char *r, size_t *idx, size_t limit)
{
	size_t n = 0;
	char *end;
	long v;

	while (*r != '\0' && n < RESP_MAX_OPTIONS) {
		v = strtol(r, &end, 10);
		if (end == r)
			break;
		if (v >= 0 && (size_t)v < limit)
			idx[n++] = (size_t)v;
		r = *end == ',' ? end + 1 : end;
	}
	return n;
}

/* Write idx as "a,b,c" into buf. */
static void
resp_format(const size_t *idx, size_t n, char *buf, size_t size)
{
	size_t i, len = 0;
	int w;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		w = snprintf(buf + len, size - len, "%s%zu", i > 0 ? "," : "",
		    idx[i]);
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

size_t
resp_options(const struct paper_item *it)
{
	if (it->type == QTYPE_TRUEFALSE)
		return 2;
	return it->noptions < RESP_MAX_OPTIONS ? it->noptions :
	    RESP_MAX_OPTIONS;
}

void
resp_chosen(const struct paper_item *it, int *chosen)
{
	size_t idx[RESP_MAX_OPTIONS], n, i, nopt = resp_options(it);

	memset(chosen, 0, nopt * sizeof *chosen);
	if (it->type == QTYPE_TRUEFALSE) {
		if (strcmp(it->response, "1") == 0)
			chosen[0] = 1;
		else if (strcmp(it->response, "0") == 0)
			chosen[1] = 1;
		return;
	}
	n = resp_parse(it->response, idx, nopt);
	for (i = 0; i < n; i++)
		chosen[idx[i]] = it->type == QTYPE_ORDERING ? (int)i + 1 : 1;
}

enum resp_press
resp_press(const struct paper_item *it, size_t k, char *buf, size_t size)
{
	size_t idx[RESP_MAX_OPTIONS + 1], n, i, nopt = resp_options(it);
	int chosen[RESP_MAX_OPTIONS];

	if (k >= nopt)
		return RESP_NO_OPTION;
	switch (it->type) {
	case QTYPE_TRUEFALSE:
		snprintf(buf, size, "%s", k == 0 ? "1" : "0");
		break;
	case QTYPE_SINGLE:
		snprintf(buf, size, "%zu", k);
		break;
	case QTYPE_MULTIPLE:
		resp_chosen(it, chosen);
		chosen[k] = !chosen[k];
		for (n = 0, i = 0; i < nopt; i++)
			if (chosen[i])
				idx[n++] = i;
		resp_format(idx, n, buf, size);
		break;
	case QTYPE_ORDERING:
		n = resp_parse(it->response, idx, nopt);
		for (i = 0; i < n; i++)
			if (idx[i] == k)
				return RESP_ALREADY;
		idx[n++] = k;
		resp_format(idx, n, buf, size);
		break;
	}
	return RESP_CHANGED;
}

void
resp_backspace(const struct paper_item *it, char *buf, size_t size)
{
	size_t idx[RESP_MAX_OPTIONS], n;

	if (it->type != QTYPE_ORDERING) {
		buf[0] = '\0';
		return;
	}
	n = resp_parse(it->response, idx, resp_options(it));
	resp_format(idx, n > 0 ? n - 1 : 0, buf, size);
}

void
resp_letters(const struct paper_item *it, char *buf, size_t size)
{
	size_t idx[RESP_MAX_OPTIONS], n, i, len = 0;
	int w;

	buf[0] = '\0';
	if (it->type == QTYPE_TRUEFALSE) {
		if (*it->response != '\0')
			snprintf(buf, size, "%s", strcmp(it->response, "1") ==
			    0 ? tr(N_("True"), "正确") : tr(N_("False"),
			    "错误"));
		return;
	}
	n = resp_parse(it->response, idx, resp_options(it));
	for (i = 0; i < n && len < size; i++) {
		w = snprintf(buf + len, size - len, "%s%c",
		    i > 0 ? tr(N_(", "), "、") : "", 'A' + (int)idx[i]);
		if (w < 0)
			break;
		len += (size_t)w;
	}
}
