/*
 * A test helper for tests/cli/keyin.sh and tests/tui/keyin.sh: draws the
 * printed papers of a cohort through the core (as paper print does), and
 * says how to key a trainee's frozen paper right or wrong, chosen by the
 * frozen key rather than by the shuffled letters.
 *
 *   keyin-helper print DB COHORT [TICKET...]
 *   keyin-helper key DB TICKET right|wrong|blank [QNO=right|wrong|blank]...
 *   keyin-helper review DB TICKET SOURCE IMAGE QNO...
 *
 * "key" prints the keyed answers (keyin.h), comma-separated in booklet
 * order; QNO (1-based) overrides the default for one question.  "review"
 * puts the ticket's printed sheet in the review queue (review_add, as
 * paper scan does), the questions QNO in doubt, the others read right;
 * it prints the review's id.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attempt.h"
#include "core/core.h"
#include "core/diag.h"
#include "core/keyin.h"
#include "core/paper.h"
#include "core/paper-sitting.h"
#include "core/review.h"
#include "core/store.h"

static int
helper_print(struct store *s, const char *cohort, char **tickets, size_t n)
{
	struct paper_batch b;
	struct diag skipped;
	char *cause = NULL;
	size_t i;

	diag_init(&skipped);
	if (paper_sitting_print(s, cohort, tickets, n, &b, &skipped,
	    &cause) != 0) {
		fprintf(stderr, "keyin-helper: %s\n", cause);
		free(cause);
		diag_release(&skipped);
		return 1;
	}
	for (i = 0; i < b.n; i++)
		printf("%s %lld\n", b.p[i].ticket, (long long)b.p[i].a->id);
	paper_batch_release(&b);
	diag_release(&skipped);
	return 0;
}

/* The response to it that is right or wrong (by its frozen key). */
static void
helper_response(const struct paper_item *it, int right, char *buf,
    size_t size)
{
	size_t i, p, len;

	buf[0] = '\0';
	switch (it->type) {
	case QTYPE_TRUEFALSE:
		snprintf(buf, size, "%d", right ? it->answer != 0 :
		    it->answer == 0);
		break;
	case QTYPE_SINGLE:
	case QTYPE_MULTIPLE:
		for (i = 0; i < it->noptions; i++) {
			if ((it->options[i].correct != 0) != right)
				continue;
			len = strlen(buf);
			snprintf(buf + len, size - len, len ? ",%zu" : "%zu", i);
			if (!right || it->type == QTYPE_SINGLE)
				break;
		}
		break;
	case QTYPE_ORDERING:
		for (p = 1; p <= it->noptions; p++)
			for (i = 0; i < it->noptions; i++)
				if ((size_t)it->options[i].position ==
				    (right ? p : it->noptions + 1 - p)) {
					len = strlen(buf);
					snprintf(buf + len, size - len,
					    len ? ",%zu" : "%zu", i);
				}
		break;
	}
}

static int
helper_key(struct store *s, const char *ticket, const char *dflt, int argc,
    char **argv)
{
	struct attempt a;
	sqlite3_stmt *st;
	char resp[64], text[KEYIN_MAX_TEXT + 1], *cause = NULL;
	const char *how;
	size_t i, len;
	int k;

	memset(&a, 0, sizeof a);
	st = store_prepare(s, "SELECT a.id FROM attempt a JOIN trainee t"
	    " ON t.id = a.trainee_id WHERE t.ticket = ?1"
	    " ORDER BY a.number DESC LIMIT 1");
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		a.id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (a.id == 0 || paper_load(s, &a, &cause) != 0) {
		fprintf(stderr, "keyin-helper: no paper for %s\n", ticket);
		free(cause);
		return 1;
	}
	for (i = 0; i < a.nitems; i++) {
		how = dflt;
		for (k = 0; k < argc; k++) {
			len = strcspn(argv[k], "=");
			if (argv[k][len] == '=' && (size_t)atoi(argv[k]) ==
			    i + 1)
				how = argv[k] + len + 1;
		}
		if (strcmp(how, "blank") == 0)
			resp[0] = '\0';
		else
			helper_response(&a.items[i], strcmp(how, "right") == 0,
			    resp, sizeof resp);
		keyin_text(&a.items[i], resp, text);
		printf("%s%s", i ? "," : "", text);
	}
	printf("\n");
	paper_items_free(a.items, a.nitems);
	return 0;
}

static int
helper_review(struct store *s, const char *ticket, const char *source,
    const char *image, int argc, char **argv)
{
	struct review_item *items;
	struct attempt a;
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;
	char resp[64], *cause = NULL;
	size_t i;
	int k, rc = 0;

	memset(&a, 0, sizeof a);
	st = store_prepare(s, "SELECT a.id FROM attempt a JOIN trainee t"
	    " ON t.id = a.trainee_id WHERE t.ticket = ?1"
	    " ORDER BY a.number DESC LIMIT 1");
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		a.id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (a.id == 0 || paper_load(s, &a, &cause) != 0) {
		fprintf(stderr, "keyin-helper: no paper for %s\n", ticket);
		free(cause);
		return 1;
	}
	items = xcalloc(a.nitems, sizeof *items);
	for (i = 0; i < a.nitems; i++) {
		items[i].item = i;
		for (k = 0; k < argc; k++)
			if ((size_t)atoi(argv[k]) == i + 1)
				items[i].doubt = 1;
		helper_response(&a.items[i], 1, resp, sizeof resp);
		items[i].response = items[i].doubt ? NULL : xstrdup(resp);
		items[i].seen = xstrdup(items[i].doubt ? "B filled; D faint" :
		    "");
	}
	if (review_add(s, a.id, source, 1, 1, "", items, a.nitems, image,
	    "paper scan", &id, &cause) != 0) {
		fprintf(stderr, "keyin-helper: %s\n", cause);
		free(cause);
		rc = 1;
	} else
		printf("%lld\n", (long long)id);
	for (i = 0; i < a.nitems; i++) {
		free(items[i].response);
		free(items[i].seen);
	}
	free(items);
	paper_items_free(a.items, a.nitems);
	return rc;
}

int
main(int argc, char **argv)
{
	struct store *s = NULL;
	char *cause = NULL;
	int rc = 2;

	if (argc < 4 || (strcmp(argv[1], "print") != 0 &&
	    strcmp(argv[1], "key") != 0 && strcmp(argv[1], "review") != 0) ||
	    (strcmp(argv[1], "key") == 0 && argc < 5) ||
	    (strcmp(argv[1], "review") == 0 && argc < 7)) {
		fprintf(stderr, "usage: keyin-helper print DB COHORT "
		    "[TICKET...]\n       keyin-helper key DB TICKET "
		    "right|wrong|blank [QNO=HOW]...\n       keyin-helper "
		    "review DB TICKET SOURCE IMAGE QNO...\n");
		return 2;
	}
	if (store_open(argv[2], STORE_OPEN, &s, &cause) != 0) {
		fprintf(stderr, "keyin-helper: %s\n", cause);
		free(cause);
		return 1;
	}
	if (strcmp(argv[1], "print") == 0)
		rc = helper_print(s, argv[3], argv + 4, (size_t)(argc - 4));
	else if (strcmp(argv[1], "key") == 0)
		rc = helper_key(s, argv[3], argv[4], argc - 5, argv + 5);
	else
		rc = helper_review(s, argv[3], argv[4], argv[5], argc - 6,
		    argv + 6);
	store_free(&s);
	return rc;
}
