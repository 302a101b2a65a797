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

/*
 * A text in both languages, t[0] Chinese and t[1] English (never NULL once
 * read); copy is the side that is a copy of the other (status=
 * "untranslated" in the bank), or -1 when both were written.
 */
struct moodle_text {
	char	*t[2];
	int	 copy;
};

struct moodle_option {
	struct moodle_text text;
	double	 fraction;
	int	 correct;
	int	 position;
	long	 line;
};

/* One question, its texts in one or both languages. */
struct moodle_question {
	enum qtype		 type;
	long			 line;
	char			*id;
	char			*idnumber;	/* Moodle's, or NULL */
	char			*name;		/* or NULL */
	char			*label;		/* the name, else "TYPE at line N" */
	int			 difficulty;
	struct moodle_text	 stem;
	struct moodle_text	 explanation;	/* t[0] NULL: no feedback */
	char			*source;	/* from an export, or NULL */
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

/* The class of the paragraph carrying <source> in an exported feedback. */
#define MOODLE_SOURCE_CLASS "firstline-source"

/* A Moodle text split by language (moodle_multilang()). */
struct moodle_ml {
	char	*side[2];	/* zh-CN and en text, raw */
	int	 present[2];	/* the text has a part in that language */
	size_t	 others;	/* parts in other languages, dropped */
	char	*error;		/* why the markup cannot be read */
};

/* 0 for a Moodle Chinese language code (zh, zh_cn...), 1 English, else -1. */
int moodle_lang(const char *lang, size_t n);
/*
 * Split the raw Moodle text (HTML) by its multilang spans and {mlang}
 * parts.  Returns 0 when it has none (ml empty), 1 with both sides in ml
 * (the text outside the parts in both), -1 with ml->error.  Release ml.
 */
int moodle_multilang(const char *raw, struct moodle_ml *ml);
void moodle_ml_release(struct moodle_ml *ml);
/*
 * Take the <p class="firstline-source">...</p> paragraph out of raw (in
 * place) and return its HTML content (to free), or NULL when there is none.
 */
char *moodle_take_source(char *raw);

/* A new empty question appended to c (owned by c). */
struct moodle_question *moodle_question_new(struct moodle_ctx *c);
/* Add tag (taken; commas become semicolons: firstline lists tags with commas). */
void moodle_question_tag(struct moodle_question *q, char *tag);
void moodle_text_free(struct moodle_text *t);
void moodle_question_free(struct moodle_question *q);
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
