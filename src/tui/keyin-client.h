/*
 * The key-in form in the terminal (firstline paper enter, paper review):
 * one ncurses FORM field per question of a printed paper, numbered as
 * printed, where a person keys what the answer sheet shows; the entry is
 * stored through the core (keyin_add) and the outcome shown: the first
 * entry, an agreement that graded the sitting, or the questions where two
 * people's entries differ.
 */
#ifndef FIRSTLINE_TUI_KEYIN_CLIENT_H
#define FIRSTLINE_TUI_KEYIN_CLIENT_H

#include "core/auth.h"
#include "core/keyin.h"

struct store;

/*
 * Run the form for sheet k as u (already authenticated).  context, when
 * not NULL, is a line shown above the questions (a review: which sheet,
 * the picture to look at).  Returns 0 with *stored 1 and r (the result
 * and, in *responses, the answers keyed: n strings, free with
 * keyin_responses_free) when an entry was stored, *stored 0 when the
 * person left without storing; -1 and *cause when the terminal cannot be
 * used.
 */
int keyin_client_run(struct store *s, const struct user *u,
    const struct keyin_sheet *k, const char *context, int *stored,
    struct keyin_result *r, char ***responses, char **cause);

#endif
