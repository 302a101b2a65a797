/*
 * What paper enter and paper review share on the command line: one entry
 * of an answer sheet keyed in, from --answers or the terminal form, stored
 * through the core (keyin.h) and its outcome printed.
 */
#ifndef FIRSTLINE_CLI_KEYIN_CLI_H
#define FIRSTLINE_CLI_KEYIN_CLI_H

#include "core/auth.h"
#include "core/keyin.h"

struct store;

/*
 * Key in sheet k as u: from answers (the keyed text of keyin.h), or in the
 * form on the terminal when answers is NULL (context: a line the form
 * shows, or NULL).  Prints the outcome.  Returns the exit status: EXIT_OK
 * (stored: the first entry, or graded; or the form left without storing),
 * EXIT_BELOW (stored, but it differs from another person's entry: nothing
 * graded), EXIT_REFUSED (nothing stored; said why).
 */
int cli_keyin(struct store *s, const struct user *u, struct keyin_sheet *k,
    const char *answers, const char *context);

/*
 * Read the keyed answers of --answers-file (at most 64 KiB), to free;
 * NULL after saying why.
 */
char *cli_keyin_read(const char *path);

#endif
