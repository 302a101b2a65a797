/*
 * Moodle XML import: reading a Moodle quiz export (<quiz> of <question>
 * elements) into moodle_question records, one per multichoice, truefalse
 * or ordering question; the other types are skipped and counted.  The
 * records are then written as a bank file (moodle-bank.c).
 */
#include "config.h"

#include "moodle-int.h"

#include <math.h>	/* isfinite */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "html.h"
#include "xmlsafe.h"

/* The first element child of n named name, or NULL. */
static xmlNodePtr
mi_child(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (xmlsafe_is(n, name))
			return n;
	return NULL;
}

/* The trimmed <text> of child name of n, or NULL when there is none. */
static char *
mi_plain(xmlNodePtr n, const char *name)
{
	xmlNodePtr t = mi_child(mi_child(n, name), "text");

	return t != NULL ? xmlsafe_text(t) : NULL;
}

/* Reduce the raw text of one language to plain text, counting what is lost. */
static char *
mi_reduce(const char *raw, enum html_format f, size_t *images, size_t *media)
{
	size_t im = 0, me = 0;
	char *text = html_to_text_media(raw, f, &im, &me);

	*images += im;
	*media += me;
	return text;
}

/*
 * The plain text of element t (a <questiontext>, <generalfeedback> or
 * <answer>: a format attribute and a <text> child) in both languages: the
 * multilang parts give each language its side; a text in one language
 * goes to the language of the file (--lang) or the one its parts name,
 * and is copied into the other (out->copy).  Returns 1 when t is NULL
 * (out empty), else 0 with both sides set, or -1 (both "") after an error
 * added to d.
 * With source not NULL, the exported source paragraph is taken out of the
 * text into *source.
 */
static int
mi_text(struct moodle_ctx *c, const struct moodle_question *q, xmlNodePtr t,
    const char *what, struct moodle_text *out, char **source)
{
	enum html_format f;
	struct moodle_ml ml;
	char *format, *raw, *src;
	xmlNodePtr x;
	size_t images = 0, media = 0;
	int i, side = c->mi->en, rc, ret = 0;

	out->t[0] = out->t[1] = NULL;
	out->copy = -1;
	if (t == NULL)
		return 1;
	format = xmlsafe_attr(t, "format");
	if (html_format_parse(format, &f) != 0) {
		diag_at(c->d, c->file, xmlGetLineNo(t), _("question \"%s\": "
		    "%s has the unknown text format \"%s\""), q->label,
		    what, format);
		free(format);
		out->t[0] = xstrdup("");
		out->t[1] = xstrdup("");
		return -1;
	}
	free(format);
	x = mi_child(t, "text");
	raw = x != NULL ? xmlsafe_text(x) : xstrdup("");
	if (source != NULL && (src = moodle_take_source(raw)) != NULL) {
		free(*source);
		*source = html_to_text(src, HTML_FORMAT_HTML, NULL);
		moodle_one_line(*source);
		free(src);
	}
	rc = moodle_multilang(raw, &ml);
	if (rc < 0) {
		diag_at(c->d, c->file, xmlGetLineNo(t), _("question \"%s\": "
		    "%s: %s"), q->label, what, ml.error);
		out->t[0] = xstrdup("");
		out->t[1] = xstrdup("");
		ret = -1;
	} else if (rc == 0)
		out->t[side] = mi_reduce(raw, f, &images, &media);
	else {
		if (ml.others > 0)
			diag_at(&c->mi->notes, c->file, xmlGetLineNo(t),
			    ngettext("question \"%s\": %s: %zu part in "
			    "another language than Chinese or English dropped",
			    "question \"%s\": %s: %zu parts in other "
			    "languages than Chinese or English dropped",
			    ml.others), q->label, what, ml.others);
		for (i = 0; i < 2; i++)
			if (ml.present[i])
				out->t[i] = mi_reduce(ml.side[i], f, &images,
				    &media);
		if (!ml.present[0] && !ml.present[1])
			out->t[side] = mi_reduce(ml.side[side], f, &images,
			    &media);
		/* A language whose part is empty has no text of its own. */
		for (i = 0; i < 2; i++)
			if (out->t[i] != NULL && *out->t[i] == '\0' &&
			    out->t[!i] != NULL && *out->t[!i] != '\0') {
				free(out->t[i]);
				out->t[i] = NULL;
			}
	}
	moodle_ml_release(&ml);
	free(raw);
	for (i = 0; i < 2; i++)
		if (out->t[i] == NULL) {
			out->t[i] = xstrdup(out->t[!i]);
			out->copy = i;
		}
	if (images > 0)
		diag_at(&c->mi->notes, c->file, xmlGetLineNo(t),
		    ngettext("question \"%s\": %s: %zu image dropped; "
		    "check that the text still makes sense",
		    "question \"%s\": %s: %zu images dropped; check that "
		    "the text still makes sense", images), q->label, what,
		    images);
	if (media > 0)
		diag_at(&c->mi->notes, c->file, xmlGetLineNo(t),
		    ngettext("question \"%s\": %s: %zu sound or video (player "
		    "or link) dropped; check that the text still makes sense",
		    "question \"%s\": %s: %zu sounds or videos (players or "
		    "links) dropped; check that the text still makes sense",
		    media), q->label, what, media);
	for (i = 0; i < 2; i++)
		if (moodle_length(out->t[i]) > MOODLE_MAX_TEXT) {
			diag_at(c->d, c->file, xmlGetLineNo(t), _("question "
			    "\"%s\": %s is longer than %d characters"),
			    q->label, what, MOODLE_MAX_TEXT);
			ret = -1;
			break;
		}
	return ret;
}

/* Parse a fraction attribute ("100", "-33.33333"); -1 when not a number. */
static int
mi_fraction(xmlNodePtr a, double *out)
{
	char *v = xmlsafe_attr(a, "fraction"), *end;
	int rc = -1;

	if (v != NULL) {
		*out = strtod(v, &end);
		rc = end != v && *end == '\0' && isfinite(*out) ? 0 : -1;
	}
	free(v);
	return rc;
}

/*
 * The <answer> elements of n as options (text and fraction); errors for
 * fractions that are not numbers, empty texts, two answers that read the
 * same, and fewer than 2 or more than 8 answers.
 */
static int
mi_answers(struct moodle_ctx *c, struct moodle_question *q, xmlNodePtr n)
{
	struct moodle_option *o;
	xmlNodePtr a;
	size_t i, cap = 0, before = diag_count(c->d);
	char *what;

	for (a = n->children; a != NULL; a = a->next) {
		if (!xmlsafe_is(a, "answer"))
			continue;
		xgrow(&q->options, &cap, q->noptions + 1, sizeof *q->options);
		o = &q->options[q->noptions++];
		memset(o, 0, sizeof *o);
		o->line = xmlGetLineNo(a);
		what = xasprintf(_("answer %zu"), q->noptions);
		mi_text(c, q, a, what, &o->text, NULL);
		if (mi_fraction(a, &o->fraction) != 0)
			diag_at(c->d, c->file, o->line, _("question \"%s\": "
			    "%s: the fraction is not a number"), q->label,
			    what);
		if (*o->text.t[0] == '\0' || *o->text.t[1] == '\0')
			diag_at(c->d, c->file, o->line, _("question \"%s\": "
			    "%s has no text"), q->label, what);
		for (i = 0; *o->text.t[0] != '\0' && i + 1 < q->noptions; i++)
			if (strcmp(q->options[i].text.t[0], o->text.t[0]) == 0 ||
			    strcmp(q->options[i].text.t[1], o->text.t[1]) == 0)
				diag_at(c->d, c->file, o->line, _("question "
				    "\"%s\": answers %zu and %zu read the same"),
				    q->label, i + 1, q->noptions);
		free(what);
	}
	if (q->noptions < 2 || q->noptions > 8)
		diag_at(c->d, c->file, q->line, _("question \"%s\": firstline "
		    "needs 2 to 8 answers, this question has %zu"),
		    q->label, q->noptions);
	return diag_count(c->d) == before ? 0 : -1;
}

static int
mi_is_100(double f)
{
	return f > 100.0 - 1e-6 && f < 100.0 + 1e-6;
}

static int
mi_multichoice(struct moodle_ctx *c, struct moodle_question *q,
    xmlNodePtr n)
{
	char *single = mi_child(n, "single") ?
	    xmlsafe_text(mi_child(n, "single")) : xstrdup("true");
	size_t i, full = 0, correct = 0;
	int rc;

	q->type = strcmp(single, "false") == 0 || strcmp(single, "0") == 0 ?
	    QTYPE_MULTIPLE : QTYPE_SINGLE;
	free(single);
	if ((rc = mi_answers(c, q, n)) != 0)
		return rc;
	for (i = 0; i < q->noptions; i++) {
		q->options[i].correct = q->options[i].fraction > 0;
		correct += q->options[i].correct;
		full += mi_is_100(q->options[i].fraction);
		if (q->type == QTYPE_SINGLE && q->options[i].correct &&
		    !mi_is_100(q->options[i].fraction)) {
			diag_at(c->d, c->file, q->options[i].line,
			    _("question \"%s\": answer %zu gives partial "
			    "credit, which a single-choice question cannot "
			    "have"), q->label, i + 1);
			rc = -1;
		}
	}
	if (q->type == QTYPE_SINGLE && full != 1) {
		diag_at(c->d, c->file, q->line, _("question \"%s\": a "
		    "single-choice question needs exactly one answer at 100%%, "
		    "it has %zu"), q->label, full);
		rc = -1;
	}
	if (q->type == QTYPE_MULTIPLE && correct == 0) {
		diag_at(c->d, c->file, q->line, _("question \"%s\": no answer "
		    "has a positive fraction"), q->label);
		rc = -1;
	}
	return rc;
}

static int
mi_truefalse(struct moodle_ctx *c, struct moodle_question *q, xmlNodePtr n)
{
	size_t i, full = 0;
	int rc = 0;

	q->type = QTYPE_TRUEFALSE;
	if (mi_answers(c, q, n) != 0)
		return -1;
	for (i = 0; i < q->noptions; i++) {
		const struct moodle_option *o = &q->options[i];
		int value = strcmp(o->text.t[0], "true") == 0 ? 1 :
		    strcmp(o->text.t[0], "false") == 0 ? 0 : -1;

		if (value < 0) {
			diag_at(c->d, c->file, o->line, _("question \"%s\": "
			    "a true/false answer must read \"true\" or "
			    "\"false\""), q->label);
			rc = -1;
		} else if (mi_is_100(o->fraction)) {
			q->answer = value;
			full++;
		}
	}
	if (rc == 0 && (q->noptions != 2 || full != 1)) {
		diag_at(c->d, c->file, q->line, _("question \"%s\": a "
		    "true/false question needs the answers true and false, one "
		    "of them at 100%%"), q->label);
		rc = -1;
	}
	return rc;
}

/*
 * Ordering (qtype_ordering): the answers in the correct order.  Moodle
 * writes each answer's position as its fraction; when the fractions are a
 * permutation of 1..n they give the order, else the order in the file does
 * (which is what Moodle itself uses when it reads the file).
 */
static int
mi_ordering(struct moodle_ctx *c, struct moodle_question *q, xmlNodePtr n)
{
	size_t i, j;
	int permutation = 1;

	q->type = QTYPE_ORDERING;
	if (mi_answers(c, q, n) != 0)
		return -1;
	for (i = 0; i < q->noptions; i++) {
		double f = q->options[i].fraction;

		if (f < 1 || f > (double)q->noptions || f != (double)(int)f)
			permutation = 0;
		for (j = 0; permutation && j < i; j++)
			if (q->options[j].fraction == f)
				permutation = 0;
	}
	for (i = 0; i < q->noptions; i++)
		q->options[i].position = permutation ?
		    (int)q->options[i].fraction : (int)i + 1;
	return 0;
}

static const struct {
	const char	*type;
	int		(*convert)(struct moodle_ctx *, struct moodle_question *,
			    xmlNodePtr);
} mi_types[] = {
	{ "multichoice", mi_multichoice },
	{ "truefalse", mi_truefalse },
	{ "ordering", mi_ordering },
};

/* Tags: the category, Moodle's <tags> (difficulty:N sets the difficulty). */
static void
mi_tags(struct moodle_ctx *c, struct moodle_question *q, xmlNodePtr n)
{
	xmlNodePtr t, x;
	char *tag;

	q->difficulty = MOODLE_DEFAULT_DIFFICULTY;
	char *home = xasprintf("$course$/top/firstline/%s", c->mi->module);

	/* The module's own category (an export of ours) is no tag. */
	if (c->category != NULL && *c->category != '\0' &&
	    strcmp(c->category, home) != 0)
		moodle_question_tag(q, xasprintf("category:%s", c->category));
	free(home);
	t = mi_child(n, "tags");
	for (t = t != NULL ? t->children : NULL; t != NULL; t = t->next) {
		if (!xmlsafe_is(t, "tag") || (x = mi_child(t, "text")) == NULL)
			continue;
		tag = xmlsafe_text(x);
		if (strlen(tag) == 12 && strncmp(tag, "difficulty:", 11) == 0 &&
		    tag[11] >= '1' && tag[11] <= '3') {
			q->difficulty = tag[11] - '0';
			free(tag);
		} else if (*tag == '\0')
			free(tag);
		else
			moodle_question_tag(q, tag);
	}
}

/* The common part of every question: name, text, feedback, idnumber, tags. */
static void
mi_header(struct moodle_ctx *c, struct moodle_question *q, xmlNodePtr n,
    const char *type)
{
	xmlNodePtr x;
	int rc;

	q->line = xmlGetLineNo(n);
	q->name = mi_plain(n, "name");
	if (q->name != NULL && *q->name == '\0') {
		free(q->name);
		q->name = NULL;
	} else if (q->name != NULL)
		moodle_one_line(q->name);
	q->label = q->name != NULL ? xstrdup(q->name) :
	    xasprintf(_("%s at line %ld"), type, q->line);
	if (q->name != NULL && moodle_length(q->name) > MOODLE_MAX_NAME)
		diag_at(c->d, c->file, q->line, _("question \"%s\": the name "
		    "is longer than %d characters"), q->label,
		    MOODLE_MAX_NAME);
	if (mi_child(n, "idnumber") != NULL)
		q->idnumber = xmlsafe_text(mi_child(n, "idnumber"));
	rc = mi_text(c, q, mi_child(n, "questiontext"), _("the question text"),
	    &q->stem, NULL);
	if (rc == 1 || (rc == 0 && (*q->stem.t[0] == '\0' ||
	    *q->stem.t[1] == '\0')))
		diag_at(c->d, c->file, q->line, _("question \"%s\": the "
		    "question text is empty"), q->label);
	if (mi_text(c, q, mi_child(n, "generalfeedback"),
	    _("the general feedback"), &q->explanation, &q->source) == 0 &&
	    (*q->explanation.t[0] == '\0' || *q->explanation.t[1] == '\0'))
		moodle_text_free(&q->explanation);
	if ((x = mi_child(n, "image")) != NULL && x->children != NULL)
		diag_at(&c->mi->notes, c->file, xmlGetLineNo(x), _("question "
		    "\"%s\": the <image> field (Moodle 1.x) is dropped; "
		    "check that the text still makes sense"), q->label);
	if ((x = mi_child(n, "image_base64")) != NULL)
		diag_at(&c->mi->notes, c->file, xmlGetLineNo(x), _("question "
		    "\"%s\": the <image_base64> field (Moodle 1.x) is "
		    "dropped; check that the text still makes sense"),
		    q->label);
	mi_tags(c, q, n);
}

/* Count a skipped question of Moodle type type. */
static void
mi_count_skip(struct moodle_ctx *c, const char *type)
{
	struct moodle_import *mi = c->mi;
	size_t i;

	mi->nskipped++;
	for (i = 0; i < mi->nskips; i++) {
		if (strcmp(mi->skips[i].type, type) == 0) {
			mi->skips[i].n++;
			return;
		}
	}
	xgrow(&mi->skips, &mi->capskips, mi->nskips + 1, sizeof *mi->skips);
	mi->skips[mi->nskips].type = xstrdup(type);
	mi->skips[mi->nskips++].n = 1;
}

static void
mi_skip(struct moodle_ctx *c, xmlNodePtr n, const char *type)
{
	char *name = mi_plain(n, "name");

	diag_at(&c->mi->notes, c->file, xmlGetLineNo(n), _("skipped %s "
	    "question \"%s\": firstline has no such question type"), type,
	    name != NULL ? name : "");
	free(name);
	mi_count_skip(c, type);
}

/*
 * The category path of a category question, less the language level
 * "/zh-CN" or "/en" that a one-language export adds.
 */
static char *
mi_category(xmlNodePtr n)
{
	char *path = mi_plain(n, "category");
	size_t len = path != NULL ? strlen(path) : 0;

	if (len > 6 && strcmp(path + len - 6, "/zh-CN") == 0)
		path[len - 6] = '\0';
	else if (len > 3 && strcmp(path + len - 3, "/en") == 0)
		path[len - 3] = '\0';
	return path;
}

/*
 * Convert question n of Moodle type type (converted by convert).  A
 * question firstline cannot represent (partial credit in a single choice,
 * more than 8 answers, an unreadable multilang text...) is skipped: each
 * reason becomes a note "FILE:LINE: question "NAME": REASON; skipped".
 */
static void
mi_convert(struct moodle_ctx *c, xmlNodePtr n, const char *type,
    int (*convert)(struct moodle_ctx *, struct moodle_question *,
    xmlNodePtr))
{
	struct moodle_question *q;
	struct diag qd, *outer = c->d;
	size_t i;

	diag_init(&qd);
	c->d = &qd;
	q = moodle_question_new(c);
	mi_header(c, q, n, type);
	convert(c, q, n);
	c->d = outer;
	if (diag_count(&qd) > 0) {
		c->nquestions--;
		for (i = 0; i < qd.n && i < DIAG_MAX; i++)
			diag_add(&c->mi->notes, _("%s; the question is "
			    "skipped"), qd.msgs[i]);
		moodle_question_free(q);
		mi_count_skip(c, type);
	}
	diag_release(&qd);
}

static void
mi_question(struct moodle_ctx *c, xmlNodePtr n)
{
	char *type = xmlsafe_attr(n, "type");
	size_t i;

	if (type == NULL || *type == '\0') {
		diag_at(c->d, c->file, xmlGetLineNo(n), _("<question> has no "
		    "type attribute"));
	} else if (strcmp(type, "category") == 0) {
		free(c->category);
		c->category = mi_category(n);
	} else {
		for (i = 0; i < sizeof mi_types / sizeof mi_types[0]; i++)
			if (strcmp(mi_types[i].type, type) == 0)
				break;
		if (i == sizeof mi_types / sizeof mi_types[0])
			mi_skip(c, n, type);
		else
			mi_convert(c, n, type, mi_types[i].convert);
	}
	free(type);
}

/* Read path into c->questions; 0, or -1 with the problems in c->d. */
int
moodle_read(struct moodle_ctx *c, const char *path)
{
	xmlDocPtr doc;
	xmlNodePtr root, n;
	size_t before = diag_count(c->d);

	if ((doc = xmlsafe_read(path, c->d, NULL)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (!xmlsafe_is(root, "quiz"))
		diag_at(c->d, path, xmlGetLineNo(root), _("the root element is "
		    "<%s>, not <quiz>: this is not a Moodle XML export"),
		    (const char *)root->name);
	else {
		for (n = root->children; n != NULL; n = n->next)
			if (xmlsafe_is(n, "question"))
				mi_question(c, n);
	}
	xmlFreeDoc(doc);
	return diag_count(c->d) == before ? 0 : -1;
}
