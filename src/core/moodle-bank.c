/*
 * Moodle XML import, second half: the questions read from the Moodle file
 * written as a firstline bank file (xmlTextWriter), then checked the way
 * "bank check" checks it before anyone writes it anywhere.
 *
 * A bank needs zh-CN and en: a Moodle text with both (multilang) gives
 * both; a text in one language goes into that language and is copied into
 * the other one with status="untranslated" (firstline-bank(5)).
 */
#include "config.h"

#include "moodle-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>

#include "core.h"

/* The explanation of a question that had no general feedback. */
#define MB_NO_FEEDBACK_ZH "（Moodle 原题没有提供解析。）"
#define MB_NO_FEEDBACK_EN "(The Moodle question came without feedback.)"

static void
mb_element(xmlTextWriterPtr w, const char *name, const char *text)
{
	xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text);
}

/*
 * Element name twice, zh-CN then en, with text; the side copy (0 zh-CN,
 * 1 en, -1 none) is marked untranslated.
 */
static void
mb_ltext(xmlTextWriterPtr w, const char *name, const char *zh,
    const char *en, int copy)
{
	int i;

	for (i = 0; i < 2; i++) {
		xmlTextWriterStartElement(w, BAD_CAST name);
		xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang",
		    BAD_CAST (i == 0 ? "zh-CN" : "en"));
		if (i == copy)
			xmlTextWriterWriteAttribute(w, BAD_CAST "status",
			    BAD_CAST "untranslated");
		xmlTextWriterWriteString(w, BAD_CAST (i == 0 ? zh : en));
		xmlTextWriterEndElement(w);
	}
}

static void
mb_text(xmlTextWriterPtr w, const char *name, const struct moodle_text *t)
{
	mb_ltext(w, name, t->t[0], t->t[1], t->copy);
}

static void
mb_options(xmlTextWriterPtr w, const struct moodle_question *q)
{
	size_t i;
	char pos[16];

	for (i = 0; i < q->noptions; i++) {
		if (q->type == QTYPE_ORDERING) {
			xmlTextWriterStartElement(w, BAD_CAST "step");
			snprintf(pos, sizeof pos, "%d", q->options[i].position);
			xmlTextWriterWriteAttribute(w, BAD_CAST "position",
			    BAD_CAST pos);
		} else {
			xmlTextWriterStartElement(w, BAD_CAST "option");
			if (q->options[i].correct)
				xmlTextWriterWriteAttribute(w,
				    BAD_CAST "correct", BAD_CAST "true");
		}
		mb_text(w, "text", &q->options[i].text);
		xmlTextWriterEndElement(w);
	}
}

static void
mb_question(struct moodle_ctx *c, xmlTextWriterPtr w,
    const struct moodle_question *q, const char *base)
{
	char *source;
	size_t i;

	xmlTextWriterStartElement(w, BAD_CAST qtype_name(q->type));
	xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST q->id);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "difficulty", "%d",
	    q->difficulty);
	if (q->type == QTYPE_TRUEFALSE)
		xmlTextWriterWriteAttribute(w, BAD_CAST "answer",
		    BAD_CAST (q->answer ? "true" : "false"));
	if (q->name != NULL)
		mb_element(w, "name", q->name);
	mb_text(w, "stem", &q->stem);
	if (q->type != QTYPE_TRUEFALSE)
		mb_options(w, q);
	/* A placeholder of ours coming back from an export is not feedback. */
	if (q->explanation.t[0] != NULL &&
	    strcmp(q->explanation.t[0], MB_NO_FEEDBACK_ZH) != 0 &&
	    strcmp(q->explanation.t[1], MB_NO_FEEDBACK_EN) != 0)
		mb_text(w, "explanation", &q->explanation);
	else {
		mb_ltext(w, "explanation", MB_NO_FEEDBACK_ZH,
		    MB_NO_FEEDBACK_EN, -1);
		c->mi->nfeedback++;
	}
	source = q->source != NULL && *q->source != '\0' ?
	    xstrdup(q->source) : q->name != NULL ?
	    xasprintf("Moodle import: %s, \"%s\"", base, q->name) :
	    xasprintf("Moodle import: %s, line %ld", base, q->line);
	mb_element(w, "source", source);
	free(source);
	for (i = 0; i < q->ntags; i++)
		mb_element(w, "tag", q->tags[i]);
	xmlTextWriterEndElement(w);
}

void
moodle_write_bank(struct moodle_ctx *c)
{
	const char *base = strrchr(c->file, '/') ? strrchr(c->file, '/') + 1 :
	    c->file;
	xmlBufferPtr buf;
	xmlTextWriterPtr w = moodle_writer_new(&buf);
	char *zh, *en;
	size_t i;

	xmlTextWriterWriteFormatComment(w, " Converted from the Moodle XML "
	    "file %s by firstline bank import-moodle.  Texts marked "
	    "status=\"untranslated\" are copies of the other language's "
	    "text. ", base);
	xmlTextWriterStartElement(w, BAD_CAST "bank");
	xmlTextWriterWriteAttribute(w, BAD_CAST "module",
	    BAD_CAST c->mi->module);
	zh = xasprintf("Moodle 导入：%s", base);
	en = xasprintf("Moodle import: %s", base);
	mb_ltext(w, "title", zh, en, -1);
	free(zh);
	free(en);
	for (i = 0; i < c->nquestions; i++)
		mb_question(c, w, c->questions[i], base);
	c->mi->xml = moodle_writer_finish(w, buf, &c->mi->len);
	c->mi->nquestions = c->nquestions;
}

/*
 * Check mi->xml exactly as "bank check" would check the file: write it to
 * a temporary file and read it back with content_read().
 */
static int
mb_verify(struct moodle_import *mi, const char *path, struct diag *d)
{
	const char *dir = getenv("TMPDIR");
	struct content_set set;
	char *tmp, *cause;
	int rc;

	tmp = xasprintf("%s/firstline-moodle.XXXXXX", dir != NULL && *dir !=
	    '\0' ? dir : "/tmp");
	rc = moodle_save_temp(tmp, mi->xml, mi->len, &cause);
	if (rc != 0) {
		diag_take(d, cause);
		free(tmp);
		return -1;
	}
	content_set_init(&set);
	rc = content_read(&set, tmp, d);
	content_set_release(&set);
	unlink(tmp);
	free(tmp);
	if (rc != 0)
		diag_at(d, path, 0, _("the converted bank fails the checks of "
		    "bank check (see above); nothing was written"));
	return rc;
}

int
moodle_import_file(struct moodle_import *mi, const char *path,
    struct diag *d)
{
	struct moodle_ctx c;
	int rc;

	memset(&c, 0, sizeof c);
	c.mi = mi;
	c.file = path;
	c.d = d;
	rc = moodle_read(&c, path);
	if (rc == 0 && c.nquestions == 0) {
		diag_at(d, path, 0, _("no multichoice, truefalse or ordering "
		    "question to import"));
		rc = -1;
	}
	if (rc == 0) {
		moodle_assign_ids(&c);
		moodle_write_bank(&c);
		if ((rc = mb_verify(mi, path, d)) != 0) {
			free(mi->xml);
			mi->xml = NULL;
		}
	}
	moodle_ctx_release(&c);
	return rc;
}
