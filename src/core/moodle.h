/*
 * Moodle XML exchange (firstline-bank(5), "Moodle XML"): a Moodle quiz
 * export converted into a firstline bank file, and a loaded bank written
 * back as Moodle XML.
 *
 * Import reads the Moodle file through xmlsafe (it is untrusted input),
 * converts multichoice (single and multiple), truefalse and ordering
 * questions, skips every other type with a note, and builds the bank file
 * in memory.  The file is only written after it has passed the same checks
 * as "bank check" (schema and semantics); on any error nothing is written.
 * Export reads the current version of a module from the database.
 */
#ifndef FIRSTLINE_MODULE_MOODLE_H
#define FIRSTLINE_MODULE_MOODLE_H

#include <stddef.h>

#include "diag.h"

struct store;

/* Moodle question types skipped by an import, and how many of each. */
struct moodle_skip {
	char	*type;
	size_t	 n;
};

struct moodle_import {
	/* Set by the caller. */
	const char		*module;	/* the bank's module id */
	int			 en;		/* one-language text is English */

	/* Results. */
	char			*xml;		/* the bank file (UTF-8) */
	size_t			 len;
	size_t			 nquestions;	/* converted */
	size_t			 nfeedback;	/* without general feedback */
	struct moodle_skip	*skips;		/* in order of first meeting */
	size_t			 nskips;
	size_t			 capskips;
	size_t			 nskipped;
	struct diag		 notes;		/* warnings, "FILE:LINE: ..." */
};

/* Prepare mi for an import of module (en: the Moodle text is English). */
void moodle_import_init(struct moodle_import *mi, const char *module,
    int en);
/* Free the results of mi. */
void moodle_import_release(struct moodle_import *mi);

/*
 * Convert the Moodle XML file at path into mi->xml, then check that text
 * as a bank file.  Returns 0, or -1 with every problem in d as
 * "FILE:LINE: message" naming the question (mi->xml is NULL then).
 * Skipped questions are counted in mi and noted in mi->notes either way.
 */
int moodle_import_file(struct moodle_import *mi, const char *path,
    struct diag *d);

/*
 * The current version of module in the database as Moodle XML: lang -1
 * both languages as multilang spans, 0 Chinese only, 1 English only (the
 * idnumbers and categories then name the language).  Returns 0 with *xml
 * (to free) and *len, or -1 with *cause (to free).
 */
int moodle_export(struct store *s, const char *module, int lang,
    char **xml, size_t *len, char **cause);

/*
 * Write len bytes of buf to path through a temporary file in the same
 * directory and rename(2), so path is either the old file or the whole new
 * one.  Returns 0, or -1 with *cause (to free).
 */
int moodle_save(const char *path, const char *buf, size_t len, char **cause);

/*
 * The fraction Moodle accepts closest to 100/k ("100", "50", "33.33333",
 * ... "12.5"), for k = 1..8; NULL otherwise.
 */
const char *moodle_fraction(size_t k);

#endif
