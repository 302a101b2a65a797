/*
 * Moodle XML export: the current version of a module, as loaded in the
 * database, written with the element names Moodle's XML question format
 * (question/format/xml) and the ordering question type (qtype_ordering)
 * read.  A category question comes first ($course$/top/firstline/MODULE);
 * a question tagged "category:PATH" (an earlier import) goes back under
 * PATH.  Texts are plain text written as HTML in CDATA sections.
 *
 * By default each text carries both languages as Moodle multilang spans
 * (<span lang="zh_cn" class="multilang">...</span><span lang="en" ...>),
 * which Moodle's multilang filter shows by the reader's language; a text
 * that is an untranslated copy is written only in its original language.
 * With one language, the idnumbers end in ".zh-CN" or ".en" and the
 * categories have a level "zh-CN" or "en", so the two files can be
 * imported into one Moodle course.  The question's <source> travels as a
 * last paragraph of the general feedback, <p class="firstline-source">,
 * which the import turns back into <source>.
 */
#include "config.h"

#include "moodle-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "content.h"
#include "core.h"
#include "html.h"
#include "store.h"

struct me_option {
	char		*text[2];	/* zh-CN, en */
	int		 correct;
	int		 position;
};

struct me_ctx {
	xmlTextWriterPtr	 w;
	struct store		*s;
	int			 lang;		/* 0 zh-CN, 1 en, -1 both */
	unsigned		 copies;	/* QTEXT_*_COPY of the question */
	char			*category;	/* the last category written */
	const char		*module;
	sqlite3_stmt		*options;
};

/* <name><text>TEXT</text></name>, text escaped by the writer. */
static void
me_plain(struct me_ctx *c, const char *name, const char *text)
{
	xmlTextWriterStartElement(c->w, BAD_CAST name);
	xmlTextWriterWriteElement(c->w, BAD_CAST "text", BAD_CAST text);
	xmlTextWriterEndElement(c->w);
}

/* <name format="html"><text><![CDATA[HTML]]></text></name> */
static void
me_html(struct me_ctx *c, const char *name, const char *text)
{
	char *html = html_from_text(text);

	xmlTextWriterStartElement(c->w, BAD_CAST name);
	xmlTextWriterWriteAttribute(c->w, BAD_CAST "format", BAD_CAST "html");
	xmlTextWriterStartElement(c->w, BAD_CAST "text");
	if (*html != '\0')
		xmlTextWriterWriteCDATA(c->w, BAD_CAST html);
	xmlTextWriterEndElement(c->w);
	xmlTextWriterEndElement(c->w);
	free(html);
}

/* The HTML of a text in the language(s) of the export. */
static char *
me_ml_html(struct me_ctx *c, const char *zh, const char *en)
{
	char *h[2], *out;
	int both;

	if (c->lang >= 0)
		return html_from_text(c->lang == 1 ? en : zh);
	both = (c->copies & (QTEXT_ZH_COPY | QTEXT_EN_COPY)) == 0 ||
	    (c->copies & (QTEXT_ZH_COPY | QTEXT_EN_COPY)) ==
	    (QTEXT_ZH_COPY | QTEXT_EN_COPY);
	h[0] = html_from_text(zh);
	h[1] = html_from_text(en);
	if (both || strcmp(zh, en) != 0)
		out = xasprintf("<span lang=\"zh_cn\" class=\"multilang\">%s"
		    "</span><span lang=\"en\" class=\"multilang\">%s</span>",
		    h[0], h[1]);
	else
		out = xasprintf("<span lang=\"%s\" class=\"multilang\">%s"
		    "</span>", c->copies & QTEXT_ZH_COPY ? "en" : "zh_cn",
		    h[c->copies & QTEXT_ZH_COPY ? 1 : 0]);
	free(h[0]);
	free(h[1]);
	return out;
}

/* <name format="html"><text><![CDATA[HTML]]></text></name> */
static void
me_raw_html(struct me_ctx *c, const char *name, const char *html)
{
	xmlTextWriterStartElement(c->w, BAD_CAST name);
	xmlTextWriterWriteAttribute(c->w, BAD_CAST "format", BAD_CAST "html");
	xmlTextWriterStartElement(c->w, BAD_CAST "text");
	if (*html != '\0')
		xmlTextWriterWriteCDATA(c->w, BAD_CAST html);
	xmlTextWriterEndElement(c->w);
	xmlTextWriterEndElement(c->w);
}

/* A text in the language(s) of the export; source appended when set. */
static void
me_ml(struct me_ctx *c, const char *name, const char *zh, const char *en,
    const char *source)
{
	char *html = me_ml_html(c, zh, en), *src, *all;

	if (source != NULL && *source != '\0') {
		src = html_from_text(source);
		all = xasprintf("%s<p class=\"" MOODLE_SOURCE_CLASS "\">%s</p>",
		    html, src);
		free(src);
		free(html);
		html = all;
	}
	me_raw_html(c, name, html);
	free(html);
}

static void
me_category(struct me_ctx *c, const char *base)
{
	char *path = c->lang < 0 ? xstrdup(base) : xasprintf("%s/%s", base,
	    c->lang == 1 ? "en" : "zh-CN");

	if (c->category != NULL && strcmp(c->category, path) == 0) {
		free(path);
		return;
	}
	free(c->category);
	c->category = path;
	xmlTextWriterStartElement(c->w, BAD_CAST "question");
	xmlTextWriterWriteAttribute(c->w, BAD_CAST "type", BAD_CAST "category");
	me_plain(c, "category", path);
	me_html(c, "info", "");
	xmlTextWriterEndElement(c->w);
}

/* The category of a question: its "category:" tag, else the module's. */
static void
me_question_category(struct me_ctx *c, const char *tags)
{
	const char *p = tags, *end;
	char *path;

	for (; p != NULL && *p != '\0'; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		if (strncmp(p, "category:", 9) == 0 && end > p + 9) {
			path = xstrndup(p + 9, (size_t)(end - p - 9));
			me_category(c, path);
			free(path);
			return;
		}
	}
	path = xasprintf("$course$/top/firstline/%s", c->module);
	me_category(c, path);
	free(path);
}

/* <tags>: difficulty:N, then the question's tags except its category. */
static void
me_tags(struct me_ctx *c, int difficulty, const char *tags)
{
	const char *p, *end;
	char *tag;

	xmlTextWriterStartElement(c->w, BAD_CAST "tags");
	xmlTextWriterStartElement(c->w, BAD_CAST "tag");
	xmlTextWriterWriteFormatElement(c->w, BAD_CAST "text", "difficulty:%d",
	    difficulty);
	xmlTextWriterEndElement(c->w);
	for (p = tags; *p != '\0'; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		tag = xstrndup(p, (size_t)(end - p));
		if (*tag != '\0' && strncmp(tag, "category:", 9) != 0)
			me_plain(c, "tag", tag);
		free(tag);
	}
	xmlTextWriterEndElement(c->w);
}

static void
me_element(struct me_ctx *c, const char *name, const char *text)
{
	xmlTextWriterWriteElement(c->w, BAD_CAST name, BAD_CAST text);
}

static void
me_combined_feedback(struct me_ctx *c)
{
	me_html(c, "correctfeedback", "");
	me_html(c, "partiallycorrectfeedback", "");
	me_html(c, "incorrectfeedback", "");
	xmlTextWriterStartElement(c->w, BAD_CAST "shownumcorrect");
	xmlTextWriterEndElement(c->w);
}

static void
me_answer(struct me_ctx *c, const char *fraction, const char *format,
    char *const *text)
{
	xmlTextWriterStartElement(c->w, BAD_CAST "answer");
	xmlTextWriterWriteAttribute(c->w, BAD_CAST "fraction",
	    BAD_CAST fraction);
	if (strcmp(format, "html") == 0) {
		char *html = me_ml_html(c, text[0], text[1]);

		xmlTextWriterWriteAttribute(c->w, BAD_CAST "format",
		    BAD_CAST "html");
		xmlTextWriterStartElement(c->w, BAD_CAST "text");
		xmlTextWriterWriteCDATA(c->w, BAD_CAST html);
		xmlTextWriterEndElement(c->w);
		free(html);
	} else {
		xmlTextWriterWriteAttribute(c->w, BAD_CAST "format",
		    BAD_CAST format);
		me_element(c, "text", text[0]);
	}
	me_html(c, "feedback", "");
	xmlTextWriterEndElement(c->w);
}

/*
 * Multiple choice: k correct of n options score 100/k each and the wrong
 * ones -100/(n-k), both from Moodle's list of grades, so that ticking
 * every option scores 0.
 */
static void
me_choices(struct me_ctx *c, int single, const struct me_option *o,
    size_t n)
{
	const char *right;
	size_t i, k = 0;
	char wrong[24] = "0";

	for (i = 0; i < n; i++)
		k += o[i].correct != 0;
	/* A loaded bank has 1..8 options and at least one correct. */
	right = k > 0 ? moodle_fraction(k) : "0";
	if (!single && n > k)
		snprintf(wrong, sizeof wrong, "-%s", moodle_fraction(n - k));
	me_element(c, "single", single ? "true" : "false");
	me_element(c, "shuffleanswers", "true");
	me_element(c, "answernumbering", "abc");
	me_element(c, "showstandardinstruction", "0");
	me_combined_feedback(c);
	for (i = 0; i < n; i++)
		me_answer(c, o[i].correct ? right : wrong, "html", o[i].text);
}

static int
me_by_position(const void *a, const void *b)
{
	const struct me_option *x = a, *y = b;

	return x->position - y->position;
}

/* Ordering: the steps in the correct order, the fraction their place. */
static void
me_ordering(struct me_ctx *c, struct me_option *o, size_t n)
{
	char num[16];
	size_t i;

	me_element(c, "layouttype", "VERTICAL");
	me_element(c, "selecttype", "ALL");
	snprintf(num, sizeof num, "%zu", n);
	me_element(c, "selectcount", num);
	me_element(c, "gradingtype", "ALL_OR_NOTHING");
	me_element(c, "showgrading", "SHOW");
	me_element(c, "numberingstyle", "none");
	me_combined_feedback(c);
	qsort(o, n, sizeof *o, me_by_position);
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%d", o[i].position);
		me_answer(c, num, "html", o[i].text);
	}
}

/* The options of question row id, in file order; texts owned by st. */
static size_t
me_options(struct me_ctx *c, sqlite3_int64 id, struct me_option **out)
{
	size_t n = 0, cap = 0;

	*out = NULL;
	sqlite3_reset(c->options);
	sqlite3_bind_int64(c->options, 1, id);
	while (sqlite3_step(c->options) == SQLITE_ROW) {
		xgrow(out, &cap, n + 1, sizeof **out);
		(*out)[n].text[0] = xstrdup(store_text(c->options, 0));
		(*out)[n].text[1] = xstrdup(store_text(c->options, 3));
		(*out)[n].correct = sqlite3_column_int(c->options, 1);
		(*out)[n].position = sqlite3_column_int(c->options, 2);
		n++;
	}
	return n;
}

static void
me_options_free(struct me_option *o, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(o[i].text[0]);
		free(o[i].text[1]);
	}
	free(o);
}

/* One question from a row of the query in moodle_export(). */
static void
me_question(struct me_ctx *c, sqlite3_stmt *st)
{
	const char *type = store_text(st, 2), *name = store_text(st, 3);
	const char *tags = store_text(st, 8), *qid = store_text(st, 1);
	int difficulty = sqlite3_column_int(st, 4);
	struct me_option *o;
	char *idnumber;
	size_t n;

	c->copies = qtext_copies_parse(store_text(st, 12));
	me_question_category(c, tags);
	xmlTextWriterStartElement(c->w, BAD_CAST "question");
	xmlTextWriterWriteAttribute(c->w, BAD_CAST "type", BAD_CAST
	    (strcmp(type, "truefalse") == 0 ? "truefalse" :
	    strcmp(type, "ordering") == 0 ? "ordering" : "multichoice"));
	me_plain(c, "name", *name != '\0' ? name : qid);
	me_ml(c, "questiontext", store_text(st, 5), store_text(st, 9), NULL);
	me_ml(c, "generalfeedback", store_text(st, 6), store_text(st, 10),
	    store_text(st, 11));
	me_element(c, "defaultgrade", "1");
	me_element(c, "penalty", strcmp(type, "truefalse") == 0 ? "1" :
	    "0.3333333");
	me_element(c, "hidden", "0");
	idnumber = c->lang < 0 ? xstrdup(qid) : xasprintf("%s.%s", qid,
	    c->lang == 1 ? "en" : "zh-CN");
	me_element(c, "idnumber", idnumber);
	free(idnumber);
	n = me_options(c, sqlite3_column_int64(st, 0), &o);
	if (strcmp(type, "truefalse") == 0) {
		int answer = sqlite3_column_int(st, 7);

		char *t[2] = { (char *)"true", (char *)"true" };
		char *f[2] = { (char *)"false", (char *)"false" };

		me_answer(c, answer ? "100" : "0", "moodle_auto_format", t);
		me_answer(c, answer ? "0" : "100", "moodle_auto_format", f);
	} else if (strcmp(type, "ordering") == 0)
		me_ordering(c, o, n);
	else
		me_choices(c, strcmp(type, "single") == 0, o, n);
	me_options_free(o, n);
	me_tags(c, difficulty, tags);
	xmlTextWriterEndElement(c->w);
}

int
moodle_export(struct store *s, const char *module, int lang, char **xml,
    size_t *len, char **cause)
{
	struct me_ctx c;
	xmlBufferPtr buf;
	sqlite3_stmt *mv, *qs;
	sqlite3_int64 mvid;
	int version;

	mv = store_prepare(s, "SELECT id, version FROM current_module"
	    " WHERE module = ?1");
	sqlite3_bind_text(mv, 1, module, -1, SQLITE_STATIC);
	if (sqlite3_step(mv) != SQLITE_ROW) {
		sqlite3_finalize(mv);
		*cause = xasprintf(_("module %s is not loaded (see "
		    "'firstline bank list')"), module);
		return -1;
	}
	mvid = sqlite3_column_int64(mv, 0);
	version = sqlite3_column_int(mv, 1);
	sqlite3_finalize(mv);

	memset(&c, 0, sizeof c);
	c.s = s;
	c.lang = lang;
	c.module = module;
	c.w = moodle_writer_new(&buf);
	xmlTextWriterWriteFormatComment(c.w, " firstline module %s, version "
	    "%d, %s texts; bank export-moodle ", module, version,
	    lang == 1 ? "English" : lang == 0 ? "Chinese" :
	    "Chinese and English (multilang)");
	xmlTextWriterStartElement(c.w, BAD_CAST "quiz");
	me_question_category(&c, "");
	qs = store_prepare(s, "SELECT id, qid, type, name, difficulty,"
	    " stem_zh, explanation_zh, answer, tags, stem_en, explanation_en,"
	    " source, untranslated FROM question WHERE module_version_id = ?1"
	    " ORDER BY id");
	c.options = store_prepare(s, "SELECT text_zh, correct, position,"
	    " text_en FROM question_option WHERE question_id = ?1"
	    " ORDER BY seq");
	sqlite3_bind_int64(qs, 1, mvid);
	while (sqlite3_step(qs) == SQLITE_ROW)
		me_question(&c, qs);
	sqlite3_finalize(qs);
	sqlite3_finalize(c.options);
	*xml = moodle_writer_finish(c.w, buf, len);
	free(c.category);
	return 0;
}
