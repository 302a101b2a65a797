/*
 * Internal to the Moodle exchange (moodle-import.c reads a Moodle file into
 * moodle_question records, moodle-bank.c writes them as a bank file,
 * moodle.c holds what import and export share).
 */
#ifndef FIRSTLINE_MOODLE_INT_H
#define FIRSTLINE_MOODLE_INT_H

#include <stddef.h>

#include <libxml/xmlwriter.h>

#include "content.h"
#include "diag.h"
#include "moodle.h"

/* Limits of the bank schema (firstline-bank(5)), in characters. */
#define MOODLE_MAX_TEXT 4000
#define MOODLE_MAX_NAME 255
/* Moodle has no difficulty; this one unless a "difficulty:N" tag says. */
#define MOODLE_DEFAULT_DIFFICULTY 2

struct moodle_option {
	char	*text;
	double	 fraction;
	int	 correct;
	int	 position;
	long	 line;
};

/* One question, its texts in the one language of the Moodle file. */
struct moodle_question {
	enum qtype		 type;
	long			 line;
	char			*id;
	char			*idnumber;	/* Moodle's, or NULL */
	char			*name;		/* or NULL */
	char			*label;		/* the name, else "TYPE at line N" */
	int			 difficulty;
	char			*stem;
	char			*explanation;	/* NULL: no general feedback */
	int			 answer;	/* truefalse */
	struct moodle_option	*options;
	size_t			 noptions;
	char			**tags;
	size_t			 ntags;
	size_t			 captags;
};

struct moodle_ctx {
	struct moodle_import	 *mi;
	const char		 *file;
	struct diag		 *d;
	char			 *category;	/* the current category path */
	struct moodle_question	**questions;
	size_t			  nquestions;
	size_t			  capquestions;
};

/* A new empty question appended to c (owned by c). */
struct moodle_question *moodle_question_new(struct moodle_ctx *c);
/* Add tag (taken; commas become semicolons: firstline lists tags with commas). */
void moodle_question_tag(struct moodle_question *q, char *tag);
/* Free everything c owns. */
void moodle_ctx_release(struct moodle_ctx *c);
/* Characters (code points) in UTF-8 s. */
size_t moodle_length(const char *s);

/*
 * Write buf to a new file made from the mkstemp(3) template tmp (changed in
 * place).  Returns 0, or -1 with *cause.
 */
int moodle_save_temp(char *tmp, const char *buf, size_t len, char **cause);
/* Turn tabs and line breaks in s into spaces (names, tags: one line). */
void moodle_one_line(char *s);

/*
 * A text writer into a new memory buffer, indented, the XML declaration
 * written (UTF-8).  Out of memory is fatal.
 */
xmlTextWriterPtr moodle_writer_new(xmlBufferPtr *buf);
/* End the document, free w and buf; the text written (to free) and *len. */
char *moodle_writer_finish(xmlTextWriterPtr w, xmlBufferPtr buf,
    size_t *len);

/* Read the Moodle file at path into c; 0, or -1 with problems in c->d. */
int moodle_read(struct moodle_ctx *c, const char *path);
/* Give every question of c a firstline id (see firstline-bank(5)). */
void moodle_assign_ids(struct moodle_ctx *c);
/* Write c's questions as a bank file into c->mi->xml. */
void moodle_write_bank(struct moodle_ctx *c);

#endif
