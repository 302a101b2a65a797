/*
 * Diagnostics list: messages about bad input gathered for the caller.
 */
#include "config.h"

#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "xalloc.h"

void
diag_init(struct diag *d)
{
	d->msgs = NULL;
	d->n = d->cap = 0;
}

void
diag_release(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n && i < DIAG_MAX; i++)
		free(d->msgs[i]);
	free(d->msgs);
	diag_init(d);
}

void
diag_take(struct diag *d, char *msg)
{
	if (d->n >= DIAG_MAX) {
		free(msg);
		d->n++;
		return;
	}
	xgrow(&d->msgs, &d->cap, d->n + 1, sizeof *d->msgs);
	d->msgs[d->n++] = msg;
}

void
diag_append(struct diag *d, struct diag *from)
{
	size_t i, kept = from->n < DIAG_MAX ? from->n : DIAG_MAX;

	for (i = 0; i < kept; i++) {
		diag_take(d, from->msgs[i]);
		from->msgs[i] = NULL;
	}
	for (; i < from->n; i++)
		d->n++;		/* dropped, but counted */
	free(from->msgs);
	diag_init(from);
}

void
diag_add(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_take(d, xvasprintf(fmt, ap));
	va_end(ap);
}

void
diag_at(struct diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (line > 0)
		diag_take(d, xasprintf("%s:%ld: %s", file, line, msg));
	else
		diag_take(d, xasprintf("%s: %s", file, msg));
	free(msg);
}

size_t
diag_count(const struct diag *d)
{
	return d->n;
}
