/*
 * Question banks: converting a validated <bank> document into the model and
 * the checks that need only that file (the key of each question type,
 * duplicate ids, both languages).
 */
#include "config.h"

#include "content.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "strmap.h"
#include "xmlsafe.h"

static void
question_free(struct question *q)
{
	size_t i;

	free(q->id);
	free(q->name);
	ltext_free(&q->stem);
	ltext_free(&q->explanation);
	free(q->source);
	free(q->tags);
	free(q->pair);
	for (i = 0; i < q->noptions; i++)
		ltext_free(&q->options[i].text);
	free(q->options);
}

void
bank_drop_questions(struct bank *b)
{
	size_t i;

	if (b->questions == NULL)
		return;
	for (i = 0; i < b->nquestions; i++)
		question_free(&b->questions[i]);
	free(b->questions);
	b->questions = NULL;
	b->nalloc = 0;
}

void
bank_free(struct bank *b)
{
	if (b == NULL)
		return;
	bank_drop_questions(b);
	free(b->file);
	free(b->module);
	ltext_free(&b->title);
	free(b);
}

static int
question_type(xmlNodePtr n, enum qtype *t)
{
	int i;

	for (i = 0; i < QTYPE_COUNT; i++) {
		if (xmlsafe_is(n, qtype_name((enum qtype)i))) {
			*t = (enum qtype)i;
			return 0;
		}
	}
	return -1;
}

/* The key of q must make sense for its type. */
static int
question_check_key(const struct question *q, const char *file,
    struct diag *d)
{
	size_t i, j, ncorrect = 0;
	int rc = 0;
	char *seen;

	for (i = 0; i < q->noptions; i++) {
		ncorrect += q->options[i].correct != 0;
		for (j = 0; j < i; j++) {
			if (strcmp(q->options[i].text.zh,
			    q->options[j].text.zh) == 0 ||
			    strcmp(q->options[i].text.en,
			    q->options[j].text.en) == 0) {
				diag_at(d, file, q->line, _("question %s: "
				    "options %zu and %zu read the same"), q->id,
				    j + 1, i + 1);
				rc = -1;
			}
		}
	}
	switch (q->type) {
	case QTYPE_SINGLE:
		if (ncorrect != 1) {
			diag_at(d, file, q->line, _("question %s: a "
			    "single-choice question needs exactly one correct "
			    "option, it has %zu"), q->id, ncorrect);
			rc = -1;
		}
		break;
	case QTYPE_MULTIPLE:
		if (ncorrect == 0) {
			diag_at(d, file, q->line, _("question %s: a "
			    "multiple-choice question needs at least one "
			    "correct option"), q->id);
			rc = -1;
		}
		break;
	case QTYPE_ORDERING:
		seen = xcalloc(q->noptions + 1, 1);
		for (i = 0; i < q->noptions; i++) {
			int p = q->options[i].position;
			if (p < 1 || (size_t)p > q->noptions || seen[p]) {
				diag_at(d, file, q->line, _("question %s: the "
				    "step positions are not a permutation of "
				    "1..%zu (position %d)"), q->id, q->noptions,
				    p);
				rc = -1;
				break;
			}
			seen[p] = 1;
		}
		free(seen);
		break;
	case QTYPE_TRUEFALSE:
		break;
	}
	return rc;
}

static int
question_from_xml(xmlNodePtr n, const char *file, struct question *q,
    struct diag *d)
{
	xmlNodePtr c;
	size_t cap = 0;
	char *tag, *tags;
	int rc = 0;

	memset(q, 0, sizeof *q);
	question_type(n, &q->type);
	q->id = xmlsafe_attr(n, "id");
	q->line = xmlGetLineNo(n);
	q->difficulty = content_int_attr(n, "difficulty", 0);
	q->answer = content_bool_attr(n, "answer", 0);
	q->pair = xmlsafe_attr(n, "pair");
	q->tags = xstrdup("");
	if (content_qtext(n, "stem", file, q->id, 0, &q->stem, d) != 0)
		rc = -1;
	if (content_qtext(n, "explanation", file, q->id, 0, &q->explanation,
	    d) != 0)
		rc = -1;
	for (c = n->children; c != NULL; c = c->next) {
		if (xmlsafe_is(c, "name")) {
			free(q->name);
			q->name = xmlsafe_text(c);
		} else if (xmlsafe_is(c, "source")) {
			free(q->source);
			q->source = xmlsafe_text(c);
		} else if (xmlsafe_is(c, "tag")) {
			tag = xmlsafe_text(c);
			tags = *q->tags ? xasprintf("%s,%s", q->tags, tag) :
			    xstrdup(tag);
			free(q->tags);
			free(tag);
			q->tags = tags;
		} else if (xmlsafe_is(c, "option") || xmlsafe_is(c, "step")) {
			struct qoption *o;

			xgrow(&q->options, &cap, q->noptions + 1,
			    sizeof *q->options);
			o = &q->options[q->noptions++];
			memset(o, 0, sizeof *o);
			o->correct = content_bool_attr(c, "correct", 0);
			o->position = content_int_attr(c, "position", 0);
			if (content_qtext(c, "text", file, q->id, q->noptions,
			    &o->text, d) != 0)
				rc = -1;
		}
	}
	if (rc == 0)
		rc = question_check_key(q, file, d);
	return rc;
}

/* Texts under n marked status="untranslated" (copies awaiting a translator). */
static size_t
bank_untranslated(xmlNodePtr n)
{
	size_t count = 0;
	char *status;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		status = xmlsafe_attr(n, "status");
		count += status != NULL && strcmp(status, "untranslated") == 0;
		free(status);
		count += bank_untranslated(n->children);
	}
	return count;
}

/* Which languages under n are marked untranslated: QTEXT_*_COPY bits. */
static unsigned
question_untranslated(xmlNodePtr n)
{
	unsigned bits = 0;
	char *status;
	xmlChar *lang;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		status = xmlsafe_attr(n, "status");
		if (status != NULL && strcmp(status, "untranslated") == 0 &&
		    (lang = xmlNodeGetLang(n)) != NULL) {
			if (xmlStrcmp(lang, BAD_CAST "zh-CN") == 0)
				bits |= QTEXT_ZH_COPY;
			else if (xmlStrcmp(lang, BAD_CAST "en") == 0)
				bits |= QTEXT_EN_COPY;
			xmlFree(lang);
		}
		free(status);
		bits |= question_untranslated(n->children);
	}
	return bits;
}

struct bank *
bank_from_xml(xmlDocPtr doc, const char *file, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n;
	struct bank *b = xcalloc(1, sizeof *b);
	struct strmap ids;
	enum qtype t;
	void *first;
	size_t i;
	int rc = 0;

	strmap_init(&ids);
	b->file = xstrdup(file);
	b->module = xmlsafe_attr(root, "module");
	if (content_ltext(root, "title", file, b->module, &b->title, d) != 0)
		rc = -1;
	for (n = root->children; n != NULL; n = n->next) {
		struct question *q;

		if (question_type(n, &t) != 0)
			continue;
		xgrow(&b->questions, &b->nalloc, b->nquestions + 1,
		    sizeof *b->questions);
		q = &b->questions[b->nquestions++];
		if (question_from_xml(n, file, q, d) != 0)
			rc = -1;
		q->untranslated = question_untranslated(n->children);
		/* The map holds index + 1 of each id's first question. */
		if (q->id != NULL && (first = strmap_add(&ids, q->id,
		    (void *)(uintptr_t)b->nquestions)) != NULL) {
			i = (size_t)(uintptr_t)first - 1;
			diag_at(d, file, q->line, _("question %s: "
			    "duplicate id (first at line %ld)"), q->id,
			    b->questions[i].line);
			rc = -1;
		}
	}
	strmap_release(&ids);
	if (rc != 0) {
		bank_free(b);
		return NULL;
	}
	b->nuntranslated = bank_untranslated(root->children);
	return b;
}
