/*
 * A test helper for tests/cli/guess.sh: one trainee login through the core
 * (trainee_login_from), started together with many others.  It waits until
 * the file GO exists (so that every process is ready before any begins),
 * then tries TICKET with PIN from SOURCE and prints one word:
 *
 *   login-race DB GO TICKET PIN SOURCE
 *
 * "ok" (exit 0), "wrong" (the PIN was checked and is wrong: exit 1), "wait"
 * and the message (refused by a limit before the PIN was checked: exit 2),
 * or "error: ..."
 * (exit 3).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/attempt.h"
#include "core/core.h"
#include "core/store.h"

int
main(int argc, char **argv)
{
	struct store *s;
	struct trainee t;
	char *cause = NULL;
	int wait_s, rc, tries = 0;

	if (argc != 6) {
		fprintf(stderr, "usage: login-race DB GO TICKET PIN SOURCE\n");
		return 3;
	}
	if (store_open(argv[1], STORE_OPEN, &s, &cause) != 0) {
		printf("error: %s\n", cause);
		return 3;
	}
	/* Wait for the start (a condition, polled; 60 s at most). */
	while (access(argv[2], F_OK) != 0) {
		if (++tries > 60000) {
			printf("error: no start\n");
			return 3;
		}
		usleep(1000);
	}
	rc = trainee_login_from(s, argv[3], argv[4], argv[5], &t, &wait_s,
	    &cause);
	if (rc == 0) {
		printf("ok\n");
		trainee_release(&t);
		rc = 0;
	} else if (strcmp(cause, "wrong ticket or PIN") == 0) {
		printf("wrong\n");
		rc = 1;
	} else if (wait_s > 0) {
		printf("wait %s\n", cause);
		rc = 2;
	} else {
		printf("error: %s\n", cause);
		rc = 3;
	}
	free(cause);
	store_free(&s);
	return rc;
}
