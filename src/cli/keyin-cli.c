/*
 * One keyed entry of an answer sheet on the command line (keyin-cli.h):
 * the answers from --answers or the terminal form, the entry stored by the
 * core, the outcome printed in the person's language.
 */
#include "config.h"

#include "keyin-cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tui/keyin-client.h"

/* Longest --answers-file read. */
#define KEYIN_FILE_MAX	(64u * 1024u)

char *
cli_keyin_read(const char *path)
{
	FILE *fp;
	char *buf;
	size_t n;

	if ((fp = fopen(path, "r")) == NULL) {
		cli_error(_("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(KEYIN_FILE_MAX + 2);
	n = fread(buf, 1, KEYIN_FILE_MAX + 1, fp);
	if (ferror(fp) || n > KEYIN_FILE_MAX) {
		if (n > KEYIN_FILE_MAX)
			cli_error(_("%s: longer than %u bytes"), path,
			    KEYIN_FILE_MAX);
		else
			cli_error(_("%s: cannot read: %s"), path,
			    strerror(errno));
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	buf[n] = '\0';
	if (strlen(buf) != n) {
		cli_error(_("%s: not a text file (a zero byte)"), path);
		free(buf);
		return NULL;
	}
	return buf;
}

static void
cli_keyin_print(const struct keyin_sheet *k, const struct keyin_result *r,
    char *const *resp)
{
	char mine[KEYIN_MAX_TEXT + 1];
	size_t i, q;

	switch (r->outcome) {
	case KEYIN_FIRST:
		printf(_("%s: entry %lld stored; nothing is graded until "
		    "someone else keys the same sheet and the two entries "
		    "agree\n"), k->ticket, (long long)r->entry_no);
		if (r->own_before)
			printf(_("(you keyed this sheet before: your own "
			    "entries never check each other)\n"));
		break;
	case KEYIN_AGREES:
		printf(_("%s: entry %lld agrees with entry %lld by %s: "
		    "graded, written %d.%d%%, %s (paper-keyed)\n"), k->ticket,
		    (long long)r->entry_no, (long long)r->other_no,
		    r->other_by, r->tenths / 10, r->tenths % 10,
		    r->passed ? _("pass") : _("fail"));
		break;
	case KEYIN_DISAGREES:
		printf(ngettext("%s: entry %lld stored, but it differs from "
		    "entry %lld by %s at %zu question; nothing is graded:\n",
		    "%s: entry %lld stored, but it differs from entry "
		    "%lld by %s at %zu questions; nothing is graded:\n",
		    r->ndiff),
		    k->ticket, (long long)r->entry_no, (long long)r->other_no,
		    r->other_by, r->ndiff);
		for (i = 0; i < r->ndiff; i++) {
			q = r->diff[i];
			keyin_text(&k->a->items[q], resp[q], mine);
			printf(_("  question %zu: %s keyed %s, this entry %s\n"),
			    q + 1, r->other_by, *r->other[q] ? r->other[q] :
			    _("(empty)"), *mine ? mine : _("(empty)"));
		}
		printf(_("Someone else keys the sheet again: it is graded when "
		    "two entries by different people agree.\n"));
		break;
	}
}

int
cli_keyin(struct store *s, const struct user *u, struct keyin_sheet *k,
    const char *answers, const char *context)
{
	struct keyin_result r;
	char **resp = NULL, *cause = NULL;
	int stored = 1, rc;

	if (answers != NULL) {
		if (keyin_parse_all(k->a, answers, &resp, &cause) != 0 ||
		    keyin_add(s, u, k, resp, &r, &cause) != 0) {
			cli_error("%s: %s", k->ticket, cause);
			free(cause);
			keyin_responses_free(resp, k->a->nitems);
			return EXIT_REFUSED;
		}
	} else if (keyin_client_run(s, u, k, context, &stored, &r, &resp,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if (!stored) {
		printf(_("%s: nothing stored\n"), k->ticket);
		return EXIT_OK;
	}
	cli_keyin_print(k, &r, resp);
	rc = r.outcome == KEYIN_DISAGREES ? EXIT_BELOW : EXIT_OK;
	keyin_result_release(&r);
	keyin_responses_free(resp, k->a->nitems);
	return rc;
}
