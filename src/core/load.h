/*
 * Storing checked content: every file of a content_set goes into the
 * database in one transaction, or nothing does.  A module, rubric or exam
 * whose file changed gets a new version; older versions stay, so attempts
 * and scores made against them keep their meaning.
 */
#ifndef FIRSTLINE_LOAD_H
#define FIRSTLINE_LOAD_H

#include "content.h"
#include "diag.h"

struct store;

/*
 * Check set against the database (content_check) and store it, all inside
 * one BEGIN IMMEDIATE transaction.  On success returns 0 and adds one line
 * per file to notes ("module cpr: version 2, 43 questions").  On failure
 * returns -1 with the problems in d and the database unchanged.
 */
int content_load(const struct content_set *set, struct store *s,
    struct diag *notes, struct diag *d);

/*
 * Read the n files at paths (content_read_all) and load them into s (as
 * content_load does, one transaction, all or nothing, the same messages),
 * holding only a few files in memory: each bank is stored as soon as it is
 * read and checked and its questions are freed, the checks across files
 * run in SQL at the end.  set receives what was read, the banks without
 * their questions (see struct bank).  When a file fails, the rest are still
 * read for their messages, nothing more is stored and nothing is kept.
 */
int content_load_files(struct content_set *set, struct store *s,
    char *const *paths, size_t n, struct diag *notes, struct diag *d);

#endif
