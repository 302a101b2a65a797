/*
 * The content model: question banks, rubrics and exam definitions as read
 * from their XML files (see firstline-bank(5)), before they are stored.
 *
 * A content_set holds every file named on one command line.  content_read()
 * parses, validates against the XSD and checks one file on its own;
 * content_check() then runs the checks that span files (ids unique across
 * banks, blueprints against module sizes, rubric references), optionally
 * against what a database already holds.  All strings are owned by the
 * structures and freed by content_set_release().
 */
#ifndef FIRSTLINE_CONTENT_H
#define FIRSTLINE_CONTENT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

struct store;

/* A text in the two languages of the course. */
struct ltext {
	char	*zh;
	char	*en;
};

enum qtype {
	QTYPE_SINGLE,
	QTYPE_MULTIPLE,
	QTYPE_TRUEFALSE,
	QTYPE_ORDERING,
};
#define QTYPE_COUNT 4

struct qoption {
	struct ltext	 text;
	int		 correct;	/* choice questions */
	int		 position;	/* ordering: 1-based correct place */
};

/*
 * Which language of a question is only a copy of the other, marked
 * status="untranslated" (a Moodle import): its texts are shown as they are,
 * with a note that they are not yet translated.
 */
#define QTEXT_ZH_COPY	1u
#define QTEXT_EN_COPY	2u

/* The bits as stored: "zh-CN", "en", "zh-CN,en" or "". */
const char *qtext_copies(unsigned bits);
/* And back. */
unsigned qtext_copies_parse(const char *s);

struct question {
	char		*id;
	char		*name;		/* optional short name, or NULL */
	enum qtype	 type;
	int		 difficulty;	/* 1..3 */
	long		 line;
	struct ltext	 stem;
	struct ltext	 explanation;
	char		*source;
	char		*tags;		/* comma-separated, may be "" */
	int		 answer;	/* truefalse: 1 true, 0 false */
	struct qoption	*options;	/* options, or steps in file order */
	size_t		 noptions;
	unsigned	 untranslated;	/* QTEXT_*_COPY: copies awaiting a translator */
	char		*pair;		/* pair="...": ids knowingly alike, or NULL */
};

/*
 * A bank stored by content_load_files keeps its name, file and counts but
 * not its questions (questions is NULL, nquestions still counts them).
 */
struct bank {
	char		*file;
	char		*module;
	struct ltext	 title;
	struct question	*questions;
	size_t		 nquestions;
	size_t		 nalloc;
	size_t		 nuntranslated;	/* texts with status="untranslated" */
	char		 digest[17];
};

struct rubric_item {
	char		*id;
	long		 line;
	struct ltext	 label;
	int		 max;
	int		 critical;
};

enum rubric_kind {
	RUBRIC_PRACTICAL,
	RUBRIC_SIMULATION,
};

struct rubric {
	char			*file;
	char			*id;
	enum rubric_kind	 kind;
	struct ltext		 title;
	struct ltext		 description;
	int			 max;
	int			 pass;
	char			*source;
	struct rubric_item	*items;
	size_t			 nitems;
	char			 digest[17];
};

struct draw {
	char	*module;
	int	 type;		/* enum qtype, or -1: any type */
	int	 difficulty;
	int	 count;
	long	 line;
};

struct rubric_ref {
	char	*rubric;
	long	 line;
};

struct exam {
	char			*file;
	char			*id;
	struct ltext		 title;
	int			 minutes;
	int			 written_pass;
	int			 partial_credit;
	int			 show_result;
	struct draw		*draws;
	size_t			 ndraws;
	int			 practical_pass;
	struct rubric_ref	*stations;
	size_t			 nstations;
	int			 simulation_pass;
	int			 simulation_all;	/* 0: one-of */
	struct rubric_ref	*scenarios;
	size_t			 nscenarios;
	int			 weight_written;
	int			 weight_practical;
	int			 weight_simulation;
	int			 excellent;
	int			 cohort_pass_rate;
	int			 cohort_excellence_rate;
	int			 retakes;
	char			 digest[17];
};

struct content_set {
	struct bank	**banks;
	size_t		  nbanks, capbanks;
	struct rubric	**rubrics;
	size_t		  nrubrics, caprubrics;
	struct exam	**exams;
	size_t		  nexams, capexams;
};

void content_set_init(struct content_set *set);
void content_set_release(struct content_set *set);

/*
 * Read one file into set: parse safely, choose the schema by the root
 * element (bank, rubric, exam), validate, convert and run the checks that
 * need only this file.  Returns 0, or -1 with the problems added to d (the
 * set is unchanged then).
 */
int content_read(struct content_set *set, const char *path, struct diag *d);
/* The same for size bytes at buf (not copied), named name in messages. */
int content_read_memory(struct content_set *set, const char *name,
    const char *buf, size_t size, struct diag *d);
/*
 * content_read without the digest: once the file is parsed, its bytes go
 * to keep(arg, buf, size), which frees buf; the items read get their
 * digest from content_set_digest (xmlsafe_digest of those bytes).
 */
int content_read_keep(struct content_set *set, const char *path,
    void (*keep)(void *, char *, size_t), void *arg, struct diag *d);
void content_set_digest(struct content_set *set, const char digest[17]);

/*
 * content_read for each of the n paths, into set and d in that order (the
 * same result as calling content_read for each), reading several files at
 * once when there is more than one processor.  Returns 0 when every file
 * was read, else -1.
 */
int content_read_all(struct content_set *set, char *const *paths, size_t n,
    struct diag *d);

/*
 * What content_read_each hands each file to: one holds what the file gave
 * (empty when rc, content_read's result, is -1); the sink may take items
 * out of it (content_set_move) or put items into it; what is left is freed
 * after the call, by the reader thread that read the file when there is
 * one (so that each thread frees what its malloc arena gave).  Returns 0,
 * or -1 to make content_read_each return -1.
 */
typedef int (*content_sink)(void *arg, struct content_set *one, int rc);

/*
 * Read the n paths with content_read on threads reader threads (0: in the
 * calling thread) and hand each file's result to sink, in the order of
 * paths, in the calling thread, after adding the file's messages to d.  At
 * most ahead files are read beyond the one last handed on.  With
 * hash_here (and reader threads), the calling thread takes the files'
 * digests while the readers validate (content_read_keep): the reader is
 * then the longer of the two threads by less.  Returns 0 when every file
 * was read and every sink call returned 0, else -1.
 */
int content_read_each(char *const *paths, size_t n, size_t threads,
    size_t ahead, int hash_here, content_sink sink, void *arg,
    struct diag *d);
/* The processors this process may run on (taskset, cpusets), at least 1. */
size_t content_cpus(void);
/* Move every bank, rubric and exam of from to the end of set. */
void content_set_move(struct content_set *set, struct content_set *from);

/*
 * Checks across the files of set and, when s is not NULL, against the
 * current content of that database (question ids of other modules, module
 * sizes and rubrics an exam refers to).  Without a database, an exam's
 * references to modules or rubrics not in set are not checked.  Returns 0,
 * or -1 with the problems added to d.
 */
int content_check(const struct content_set *set, struct store *s,
    struct diag *d);

/*
 * content_check for a set whose banks content_load has already stored in
 * the transaction under way on s (they may have no questions left, see
 * struct bank), their questions listed in temp.load_question (see
 * load.c): the same checks, messages and order, the ids compared in SQL.
 */
int content_check_stored(const struct content_set *set, struct store *s,
    struct diag *d);

/* Name of a question type as used in XML, the database and CSV. */
const char *qtype_name(enum qtype t);
const char *rubric_kind_name(enum rubric_kind k);

/* Internal to the content readers (bank.c, rubric.c, exam.c). */
int content_ltext(xmlNodePtr parent, const char *name, const char *file,
    const char *owner, struct ltext *out, struct diag *d);
/* content_ltext for a text of question qid, or of its option'th option. */
int content_qtext(xmlNodePtr parent, const char *name, const char *file,
    const char *qid, size_t option, struct ltext *out, struct diag *d);
void ltext_free(struct ltext *t);
int content_int_attr(xmlNodePtr node, const char *name, int dflt);
int content_bool_attr(xmlNodePtr node, const char *name, int dflt);
struct bank *bank_from_xml(xmlDocPtr doc, const char *file, struct diag *d);
struct rubric *rubric_from_xml(xmlDocPtr doc, const char *file,
    struct diag *d);
struct exam *exam_from_xml(xmlDocPtr doc, const char *file, struct diag *d);
void bank_free(struct bank *b);
/* Free the questions of b, keeping the rest (see struct bank). */
void bank_drop_questions(struct bank *b);
void rubric_free(struct rubric *r);
void exam_free(struct exam *e);

#endif
