/*
 * The fields of a request: the query string and the url-encoded body, as
 * libmicrohttpd parses them (server.c feeds them in), kept only when they
 * fit: at most WEB_FIELDS_MAX fields of WEB_FIELD_MAX bytes, valid UTF-8.
 * A request that breaks a limit is refused whole (bad), never truncated.
 */
#include "config.h"

#include "web.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void
web_form_release(struct web_form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->key[i]);
		free(f->val[i]);
	}
	memset(f, 0, sizeof *f);
}

void
web_form_add(struct web_form *f, const char *key, const char *val,
    size_t len)
{
	size_t klen = strlen(key);

	if (f->n == WEB_FIELDS_MAX || klen > 32 || len > WEB_FIELD_MAX ||
	    !web_utf8_ok(key, klen) || !web_utf8_ok(val, len) ||
	    memchr(val, '\0', len) != NULL) {
		f->bad = 1;
		return;
	}
	f->key[f->n] = xstrdup(key);
	f->val[f->n] = xstrndup(val, len);
	f->n++;
}

const char *
web_form_get(const struct web_form *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->key[i], key) == 0)
			return f->val[i];
	return NULL;
}

size_t
web_form_all(const struct web_form *f, const char *key, const char **out,
    size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < f->n && n < max; i++)
		if (strcmp(f->key[i], key) == 0)
			out[n++] = f->val[i];
	return n;
}
