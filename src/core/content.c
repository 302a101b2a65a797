/*
 * Reading content files: choosing the schema by the root element, and the
 * helpers the bank, rubric and exam readers share.
 */
#include "config.h"

#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "xmlsafe.h"

static const char *const qtype_names[QTYPE_COUNT] = {
	"single", "multiple", "truefalse", "ordering",
};

const char *
qtype_name(enum qtype t)
{
	return qtype_names[t];
}

const char *
qtext_copies(unsigned bits)
{
	static const char *const names[] = { "", "zh-CN", "en", "zh-CN,en" };

	return names[bits & 3u];
}

unsigned
qtext_copies_parse(const char *s)
{
	return (strstr(s, "zh-CN") != NULL ? QTEXT_ZH_COPY : 0) |
	    (strcmp(s, "en") == 0 || strstr(s, ",en") != NULL ?
	    QTEXT_EN_COPY : 0);
}

const char *
rubric_kind_name(enum rubric_kind k)
{
	return k == RUBRIC_PRACTICAL ? "practical" : "simulation";
}

void
ltext_free(struct ltext *t)
{
	free(t->zh);
	free(t->en);
	t->zh = t->en = NULL;
}

/*
 * Who a text belongs to, for a message: owner, or "question ID" (option
 * 0) or "question ID option N".  Made only when a message needs it: a bank
 * of 100,000 questions has half a million texts.
 */
struct ltext_owner {
	const char	*owner;
	const char	*qid;
	size_t		 option;
	char		*made;
};

static const char *
ltext_owner(struct ltext_owner *o)
{
	if (o->owner != NULL)
		return o->owner;
	if (o->made == NULL)
		o->made = o->option == 0 ? xasprintf("question %s", o->qid) :
		    xasprintf("question %s option %zu", o->qid, o->option);
	return o->made;
}

/*
 * Gather the children of parent named name into out: exactly one zh-CN and
 * one en.  The schema already guarantees two elements with xml:lang.
 */
static int
ltext_gather(xmlNodePtr parent, const char *name, const char *file,
    struct ltext_owner *who, struct ltext *out, struct diag *d)
{
	xmlNodePtr n;
	const char *lang_ref;
	char *lang;
	char **slot;
	int rc = 0;

	out->zh = out->en = NULL;
	for (n = parent->children; n != NULL; n = n->next) {
		if (!xmlsafe_is(n, name))
			continue;
		lang = (lang_ref = xmlsafe_lang_ref(n)) != NULL ?
		    NULL : xmlsafe_lang(n);
		if (lang_ref == NULL)
			lang_ref = lang;
		slot = NULL;
		if (lang_ref != NULL && strcmp(lang_ref, "zh-CN") == 0)
			slot = &out->zh;
		else if (lang_ref != NULL && strcmp(lang_ref, "en") == 0)
			slot = &out->en;
		if (slot == NULL) {
			diag_at(d, file, xmlGetLineNo(n), _("%s: <%s> has "
			    "xml:lang \"%s\"; use \"zh-CN\" or \"en\""),
			    ltext_owner(who), name, lang_ref ? lang_ref : "");
			rc = -1;
		} else if (*slot != NULL) {
			diag_at(d, file, xmlGetLineNo(n), _("%s: <%s> "
			    "appears twice in %s"), ltext_owner(who), name,
			    lang_ref);
			rc = -1;
		} else
			*slot = xmlsafe_text(n);
		free(lang);
	}
	if (rc == 0 && (out->zh == NULL || out->en == NULL)) {
		diag_at(d, file, xmlGetLineNo(parent), _("%s: <%s> needs "
		    "both a zh-CN and an en version"), ltext_owner(who), name);
		rc = -1;
	}
	if (rc != 0)
		ltext_free(out);
	free(who->made);
	who->made = NULL;
	return rc;
}

int
content_ltext(xmlNodePtr parent, const char *name, const char *file,
    const char *owner, struct ltext *out, struct diag *d)
{
	struct ltext_owner who = { owner, NULL, 0, NULL };

	return ltext_gather(parent, name, file, &who, out, d);
}

int
content_qtext(xmlNodePtr parent, const char *name, const char *file,
    const char *qid, size_t option, struct ltext *out, struct diag *d)
{
	struct ltext_owner who = { NULL, qid, option, NULL };

	return ltext_gather(parent, name, file, &who, out, d);
}

int
content_int_attr(xmlNodePtr node, const char *name, int dflt)
{
	char *v = xmlsafe_attr(node, name);
	int i = dflt;

	if (v != NULL)
		i = atoi(v);	/* the schema has checked the lexical form */
	free(v);
	return i;
}

int
content_bool_attr(xmlNodePtr node, const char *name, int dflt)
{
	char *v = xmlsafe_attr(node, name);
	int b = dflt;

	if (v != NULL)
		b = strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
	free(v);
	return b;
}

void
content_set_init(struct content_set *set)
{
	memset(set, 0, sizeof *set);
}

void
content_set_release(struct content_set *set)
{
	size_t i;

	for (i = 0; i < set->nbanks; i++)
		bank_free(set->banks[i]);
	for (i = 0; i < set->nrubrics; i++)
		rubric_free(set->rubrics[i]);
	for (i = 0; i < set->nexams; i++)
		exam_free(set->exams[i]);
	free(set->banks);
	free(set->rubrics);
	free(set->exams);
	content_set_init(set);
}

void
content_set_move(struct content_set *set, struct content_set *from)
{
	size_t i;

	for (i = 0; i < from->nbanks; i++) {
		xgrow(&set->banks, &set->capbanks, set->nbanks + 1,
		    sizeof *set->banks);
		set->banks[set->nbanks++] = from->banks[i];
	}
	for (i = 0; i < from->nrubrics; i++) {
		xgrow(&set->rubrics, &set->caprubrics, set->nrubrics + 1,
		    sizeof *set->rubrics);
		set->rubrics[set->nrubrics++] = from->rubrics[i];
	}
	for (i = 0; i < from->nexams; i++) {
		xgrow(&set->exams, &set->capexams, set->nexams + 1,
		    sizeof *set->exams);
		set->exams[set->nexams++] = from->exams[i];
	}
	from->nbanks = from->nrubrics = from->nexams = 0;
}

/* Validate, convert and add doc (freed here) to set. */
static int
content_add(struct content_set *set, xmlDocPtr doc, const char *path,
    const char digest[17], struct diag *d)
{
	xmlNodePtr root;
	const char *kind;
	int rc = -1;

	root = xmlDocGetRootElement(doc);
	if (xmlsafe_is(root, "bank"))
		kind = "bank";
	else if (xmlsafe_is(root, "rubric"))
		kind = "rubric";
	else if (xmlsafe_is(root, "exam"))
		kind = "exam";
	else {
		diag_at(d, path, xmlGetLineNo(root), _("root element <%s> is "
		    "not <bank>, <rubric> or <exam>"), (const char *)root->name);
		goto out;
	}
	if (root->ns != NULL) {
		diag_at(d, path, xmlGetLineNo(root), _("<%s> must not have "
		    "an XML namespace"), kind);
		goto out;
	}
	if (xmlsafe_validate(doc, kind, path, d) != 0)
		goto out;

	if (strcmp(kind, "bank") == 0) {
		struct bank *b = bank_from_xml(doc, path, d);
		if (b == NULL)
			goto out;
		memcpy(b->digest, digest, sizeof b->digest);
		xgrow(&set->banks, &set->capbanks, set->nbanks + 1,
		    sizeof *set->banks);
		set->banks[set->nbanks++] = b;
	} else if (strcmp(kind, "rubric") == 0) {
		struct rubric *r = rubric_from_xml(doc, path, d);
		if (r == NULL)
			goto out;
		memcpy(r->digest, digest, sizeof r->digest);
		xgrow(&set->rubrics, &set->caprubrics, set->nrubrics + 1,
		    sizeof *set->rubrics);
		set->rubrics[set->nrubrics++] = r;
	} else {
		struct exam *e = exam_from_xml(doc, path, d);
		if (e == NULL)
			goto out;
		memcpy(e->digest, digest, sizeof e->digest);
		xgrow(&set->exams, &set->capexams, set->nexams + 1,
		    sizeof *set->exams);
		set->exams[set->nexams++] = e;
	}
	rc = 0;
out:
	xmlFreeDoc(doc);
	return rc;
}

int
content_read(struct content_set *set, const char *path, struct diag *d)
{
	char digest[17];
	xmlDocPtr doc;

	if ((doc = xmlsafe_read_content(path, d, digest)) == NULL)
		return -1;
	return content_add(set, doc, path, digest, d);
}

int
content_read_keep(struct content_set *set, const char *path,
    void (*keep)(void *, char *, size_t), void *arg, struct diag *d)
{
	static const char none[17];
	xmlDocPtr doc;

	if ((doc = xmlsafe_read_content_keep(path, d, keep, arg)) == NULL)
		return -1;
	return content_add(set, doc, path, none, d);
}

void
content_set_digest(struct content_set *set, const char digest[17])
{
	size_t i;

	for (i = 0; i < set->nbanks; i++)
		memcpy(set->banks[i]->digest, digest, 17);
	for (i = 0; i < set->nrubrics; i++)
		memcpy(set->rubrics[i]->digest, digest, 17);
	for (i = 0; i < set->nexams; i++)
		memcpy(set->exams[i]->digest, digest, 17);
}

int
content_read_memory(struct content_set *set, const char *name,
    const char *buf, size_t size, struct diag *d)
{
	char digest[17];
	xmlDocPtr doc;

	if ((doc = xmlsafe_parse_content(buf, size, name, d, digest)) == NULL)
		return -1;
	return content_add(set, doc, name, digest, d);
}
