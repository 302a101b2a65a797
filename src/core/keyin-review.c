/*
 * Settling the review queue of scanned sheets by keying them in
 * (keyin.h): the queue as the people who settle it read it, the line the
 * key-in form shows about the sheet in doubt, and dismissing an entry.
 * The entries themselves are paper-scan's (review.h); storing the keyed
 * answers settles them (keyin_add).
 */
#include "config.h"

#include "keyin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "review.h"
#include "store.h"

/* "4 17" and "4: B filled, D faint; 17: ..." of the items in doubt. */
static void
keyin_review_doubts(const struct review *r, char **numbers, char **seen)
{
	char *n = xstrdup(""), *w = xstrdup(""), *next, *seen1;
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		const struct review_item *it = &r->items[i];

		if (!it->doubt)
			continue;
		next = xasprintf("%s%s%zu", n, *n ? " " : "", it->item + 1);
		free(n);
		n = next;
		if (*it->seen == '\0')
			continue;
		/* TRANSLATORS: a question number and what was seen. */
		seen1 = xasprintf(_("%zu: %s"), it->item + 1, it->seen);
		next = xasprintf("%s%s%s", w, *w ? _("; ") : "", seen1);
		free(seen1);
		free(w);
		w = next;
	}
	*numbers = n;
	*seen = w;
}

int
keyin_review_table(struct store *s, const char *cohort, int all,
    struct table *t, char **cause)
{
	static const char *const h[] = { "review", "ticket", "name",
	    "source", "page", "doubt", "seen", "image", "status", "entries" };
	struct review *rv = NULL;
	sqlite3_stmt *st;
	size_t n = 0, i;
	char id[32], page[16], entries[16], *doubt, *seen;
	const char *row[10];

	table_init(t, 10, h);
	t->numeric = 0x211;
	if (review_list(s, cohort, !all, &rv, &n, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT count(*) FROM paper_entry"
	    " WHERE attempt_id = ?1");
	for (i = 0; i < n; i++) {
		keyin_review_doubts(&rv[i], &doubt, &seen);
		sqlite3_bind_int64(st, 1, rv[i].attempt_id);
		snprintf(entries, sizeof entries, "%d",
		    sqlite3_step(st) == SQLITE_ROW ?
		    sqlite3_column_int(st, 0) : 0);
		sqlite3_reset(st);
		snprintf(id, sizeof id, "%lld", (long long)rv[i].id);
		snprintf(page, sizeof page, "%d", rv[i].page);
		row[0] = id;
		row[1] = rv[i].ticket;
		row[2] = rv[i].name;
		row[3] = rv[i].source;
		row[4] = page;
		row[5] = doubt;
		row[6] = *seen ? seen : rv[i].reason;
		row[7] = rv[i].image;
		row[8] = review_status_name(rv[i].status);
		row[9] = entries;
		table_add(t, row);
		free(doubt);
		free(seen);
	}
	sqlite3_finalize(st);
	reviews_free(rv, n);
	return 0;
}

/* Append sep and text to *s (sep only when *s is not empty). */
static void
keyin_append(char **s, const char *sep, const char *text)
{
	char *t;

	if (*text == '\0')
		return;
	t = xasprintf("%s%s%s", *s, **s ? sep : "", text);
	free(*s);
	*s = t;
}

/* The context of one scanned page: the picture, where, what is doubted. */
static char *
keyin_review_page(const struct review *r)
{
	char *doubt, *seen, *out;

	keyin_review_doubts(r, &doubt, &seen);
	out = xasprintf(_("Picture %s · scanned %s page %d · in doubt: "
	    "%s%s%s%s%s%s"), r->image, r->source, r->page,
	    *doubt ? doubt : _("the whole sheet"), *seen ? " (" : "", seen,
	    *seen ? ")" : "", *r->reason ? "; " : "", r->reason);
	free(doubt);
	free(seen);
	return out;
}

char *
keyin_review_context(struct store *s, const struct review *r)
{
	struct review *pg = NULL;
	sqlite3_stmt *st;
	size_t n = 0, cap = 0, i;
	char *doubt = xstrdup(""), *seen = xstrdup(""), *pics = xstrdup("");
	char *pages = xstrdup(""), *d, *w, *t, *out, *cause = NULL;
	const char *dir = NULL, *slash;
	int same_dir = 1;

	/* The latest open entry of each page of the sheet: a sheet of
	 * several pages is keyed once, from all of them. */
	st = store_prepare(s, "SELECT max(id) FROM paper_review"
	    " WHERE attempt_id = ?1 AND status = 'open'"
	    " GROUP BY sheet_page ORDER BY sheet_page");
	sqlite3_bind_int64(st, 1, r->attempt_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&pg, &cap, n + 1, sizeof *pg);
		if (review_get(s, sqlite3_column_int64(st, 0), &pg[n],
		    &cause) == 0)
			n++;
		else {
			free(cause);
			cause = NULL;
		}
	}
	sqlite3_finalize(st);
	if (n < 2) {
		reviews_free(pg, n);
		free(doubt);
		free(seen);
		free(pics);
		free(pages);
		return keyin_review_page(r);
	}
	slash = strrchr(pg[0].image, '/');
	for (i = 0; i < n; i++)
		same_dir &= slash != NULL && strncmp(pg[i].image,
		    pg[0].image, (size_t)(slash - pg[0].image + 1)) == 0 &&
		    strchr(pg[i].image + (slash - pg[0].image + 1), '/') ==
		    NULL;
	if (same_dir)
		dir = pg[0].image;
	for (i = 0; i < n; i++) {
		keyin_review_doubts(&pg[i], &d, &w);
		keyin_append(&doubt, " ", d);
		keyin_append(&seen, "; ", w);
		t = xasprintf("%d", pg[i].sheet_page);
		keyin_append(&pages, _(", "), t);
		free(t);
		keyin_append(&pics, same_dir ? _(", ") : "; ", same_dir ?
		    pg[i].image + (slash - pg[0].image + 1) : pg[i].image);
		free(d);
		free(w);
	}
	if (same_dir) {
		t = xasprintf(_("in %.*s: %s"), (int)(slash - dir), dir, pics);
		free(pics);
		pics = t;
	}
	out = xasprintf(_("Answer sheet pages %s · in doubt: %s · pictures "
	    "%s%s%s"), pages, *doubt ? doubt : _("the whole sheet"), pics,
	    *seen ? " · " : "", seen);
	reviews_free(pg, n);
	free(doubt);
	free(seen);
	free(pics);
	free(pages);
	return out;
}

int
keyin_review_dismiss(struct store *s, const struct user *u,
    const char *cohort, sqlite3_int64 id, const char *reason, char **cause)
{
	struct review r;
	int rc;

	if (u->role != ROLE_ORGANIZER) {
		*cause = xasprintf(_("permission denied: a scanned sheet is "
		    "dismissed by an organizer; %s is an %s"), u->name,
		    role_label(u->role));
		return -1;
	}
	if (reason == NULL || *reason == '\0') {
		*cause = xasprintf(_("dismissing a scanned sheet needs a "
		    "reason (--reason)"));
		return -1;
	}
	if (fl_name_check(_("reason"), reason, cause) != 0)
		return -1;
	if (review_get(s, id, &r, cause) != 0)
		return -1;
	if (strcmp(r.cohort, cohort) != 0) {
		*cause = xasprintf(_("review %lld is not of cohort %s"),
		    (long long)id, cohort);
		review_release(&r);
		return -1;
	}
	review_release(&r);
	rc = review_dismiss(s, id, u->name, reason, cause);
	return rc;
}
