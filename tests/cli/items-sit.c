/*
 * A test helper for tests/cli/items.sh: sit a trainee's written test
 * through the core, as the trainee client would (login with ticket and PIN,
 * open the attempt, answer, submit), choosing each answer by what it is
 * against the frozen key rather than by its shuffled display position.
 *
 *   items-sit DB TICKET PIN [--mode=MODE] [--no-submit] [QID=HOW]... [*=HOW]
 *
 * HOW is right, wrong, half (multiple choice: one correct option only) or
 * blank; "*" is the default for questions not named (blank if not given).
 * --mode records how the attempt is sat (attempt_set_mode), as a client
 * other than the terminal would.  --no-submit leaves the sitting in
 * progress after answering (a later run resumes it, as a client logging in
 * again would, and submits).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attempt.h"
#include "core/core.h"
#include "core/paper.h"
#include "core/store.h"

/* How question qid is to be answered, from the arguments. */
static const char *
sit_how(int argc, char **argv, const char *qid)
{
	const char *dflt = "blank";
	size_t len = strlen(qid);
	int i;

	for (i = 0; i < argc; i++) {
		if (strncmp(argv[i], qid, len) == 0 && argv[i][len] == '=')
			return argv[i] + len + 1;
		if (strncmp(argv[i], "*=", 2) == 0)
			dflt = argv[i] + 2;
	}
	return dflt;
}

/* Append display index i to the response in buf. */
static void
sit_add(char *buf, size_t size, size_t i)
{
	size_t len = strlen(buf);

	snprintf(buf + len, size - len, len ? ",%zu" : "%zu", i);
}

/* The response to it that is right, wrong or half right. */
static void
sit_response(const struct paper_item *it, const char *how, char *buf,
    size_t size)
{
	int right = strcmp(how, "right") == 0, half = strcmp(how, "half") == 0;
	size_t i, p;

	buf[0] = '\0';
	switch (it->type) {
	case QTYPE_TRUEFALSE:
		snprintf(buf, size, "%d", right ? it->answer != 0 :
		    it->answer == 0);
		break;
	case QTYPE_SINGLE:
	case QTYPE_MULTIPLE:
		for (i = 0; i < it->noptions; i++) {
			if ((it->options[i].correct != 0) != (right || half))
				continue;
			sit_add(buf, size, i);
			if (!right)
				break;
		}
		break;
	case QTYPE_ORDERING:
		for (p = 1; p <= it->noptions; p++)
			for (i = 0; i < it->noptions; i++)
				if ((size_t)it->options[i].position ==
				    (right ? p : it->noptions + 1 - p))
					sit_add(buf, size, i);
		break;
	}
}

int
main(int argc, char **argv)
{
	struct store *s = NULL;
	struct attempt *a = NULL, keyed;
	struct trainee t;
	char *cause = NULL, resp[64];
	const char *how;
	size_t i;
	int wait_s = 0, rc = 1, submit = 1;

	if (argc < 4) {
		fprintf(stderr, "usage: items-sit DB TICKET PIN [--mode=MODE] "
		    "[--no-submit] [QID=right|wrong|half|blank]... [*=HOW]\n");
		return 2;
	}
	memset(&t, 0, sizeof t);
	memset(&keyed, 0, sizeof keyed);
	/*
	 * The client's attempt comes without its key; the keys this test
	 * answers by come from the organizer's side, the frozen paper itself.
	 */
	if (store_open(argv[1], STORE_OPEN, &s, &cause) != 0 ||
	    trainee_login(s, argv[2], argv[3], &t, &wait_s, &cause) != 0 ||
	    attempt_open(s, &t, &a, &cause) != 0)
		goto out;
	keyed.id = a->id;
	if (paper_load(s, &keyed, &cause) != 0 || keyed.nitems != a->nitems)
		goto out;
	for (i = 4; i < (size_t)argc; i++) {
		if (strncmp(argv[i], "--mode=", 7) == 0 &&
		    attempt_set_mode(s, a, argv[i] + 7, &cause) != 0)
			goto out;
		if (strcmp(argv[i], "--no-submit") == 0)
			submit = 0;
	}
	for (i = 0; i < a->nitems; i++) {
		how = sit_how(argc - 4, argv + 4, a->items[i].qid);
		if (strcmp(how, "blank") == 0)
			continue;
		sit_response(&keyed.items[i], how, resp, sizeof resp);
		if (attempt_answer(s, a, i, resp, &cause) != 0)
			goto out;
	}
	if (submit && attempt_submit(s, a, &cause) != 0)
		goto out;
	rc = 0;
out:
	paper_items_free(keyed.items, keyed.nitems);
	if (rc != 0)
		fprintf(stderr, "items-sit: %s\n", cause != NULL ? cause :
		    "cannot sit");
	free(cause);
	attempt_free(&a);
	trainee_release(&t);
	store_free(&s);
	return rc;
}
