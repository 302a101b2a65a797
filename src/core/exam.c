/*
 * Exam definitions: converting a validated <exam> document into the model,
 * with the checks that need only that file (weights add up to 100, no
 * blueprint cell or rubric named twice, both languages).
 */
#include "config.h"

#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "xmlsafe.h"

static void
rubric_refs_free(struct rubric_ref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(refs[i].rubric);
	free(refs);
}

void
exam_free(struct exam *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->ndraws; i++)
		free(e->draws[i].module);
	free(e->draws);
	rubric_refs_free(e->stations, e->nstations);
	rubric_refs_free(e->scenarios, e->nscenarios);
	free(e->file);
	free(e->id);
	ltext_free(&e->title);
	free(e);
}

/* Collect the children named name of parent as rubric references. */
/* The type attribute of a <draw>: an enum qtype, or -1 for any type. */
static int
exam_draw_type(xmlNodePtr n)
{
	char *v = xmlsafe_attr(n, "type");
	int i, t = -1;

	for (i = 0; v != NULL && i < QTYPE_COUNT; i++)
		if (strcmp(v, qtype_name((enum qtype)i)) == 0)
			t = i;
	free(v);
	return t;
}

/*
 * The last draw of e against the earlier ones: the same module and
 * difficulty may be drawn once for any type, or once for each type, not
 * both (a question could then be drawn twice on one paper).
 */
static int
exam_draw_overlap(const struct exam *e, const char *file, struct diag *d)
{
	const struct draw *dr = &e->draws[e->ndraws - 1], *o;
	size_t i;

	for (i = 0; i + 1 < e->ndraws; i++) {
		o = &e->draws[i];
		if (strcmp(o->module, dr->module) != 0 ||
		    o->difficulty != dr->difficulty)
			continue;
		if (o->type == dr->type) {
			if (dr->type < 0)
				diag_at(d, file, dr->line, _("exam %s: module "
				    "%s difficulty %d is drawn twice"), e->id,
				    dr->module, dr->difficulty);
			else
				diag_at(d, file, dr->line, _("exam %s: module "
				    "%s type %s difficulty %d is drawn twice"),
				    e->id, dr->module,
				    qtype_name((enum qtype)dr->type),
				    dr->difficulty);
			return -1;
		}
		if (o->type < 0 || dr->type < 0) {
			diag_at(d, file, dr->line, _("exam %s: module %s "
			    "difficulty %d is drawn both for any type (line "
			    "%ld) and by type (line %ld)"), e->id, dr->module,
			    dr->difficulty, o->type < 0 ? o->line : dr->line,
			    o->type < 0 ? dr->line : o->line);
			return -1;
		}
	}
	return 0;
}

static int
exam_refs(xmlNodePtr parent, const char *name, const struct exam *e,
    struct rubric_ref **out, size_t *nout, struct diag *d)
{
	xmlNodePtr n;
	size_t cap = 0, i;
	int rc = 0;

	for (n = parent->children; n != NULL; n = n->next) {
		struct rubric_ref *ref;

		if (!xmlsafe_is(n, name))
			continue;
		xgrow(out, &cap, *nout + 1, sizeof **out);
		ref = &(*out)[(*nout)++];
		ref->rubric = xmlsafe_attr(n, "rubric");
		ref->line = xmlGetLineNo(n);
		for (i = 0; i + 1 < *nout; i++) {
			if (strcmp((*out)[i].rubric, ref->rubric) == 0) {
				diag_at(d, e->file, ref->line, _("exam %s: "
				    "rubric %s is named twice"), e->id,
				    ref->rubric);
				rc = -1;
			}
		}
	}
	return rc;
}

struct exam *
exam_from_xml(xmlDocPtr doc, const char *file, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n, c;
	struct exam *e = xcalloc(1, sizeof *e);
	size_t cap = 0;
	char *require;
	int rc = 0, sum;

	e->file = xstrdup(file);
	e->id = xmlsafe_attr(root, "id");
	if (content_ltext(root, "title", file, e->id, &e->title, d) != 0)
		rc = -1;
	for (n = root->children; n != NULL; n = n->next) {
		if (xmlsafe_is(n, "written")) {
			e->minutes = content_int_attr(n, "minutes", 0);
			e->written_pass = content_int_attr(n, "pass", 60);
			e->partial_credit = content_bool_attr(n,
			    "partial-credit", 0);
			e->show_result = content_bool_attr(n, "show-result",
			    1);
			for (c = n->children; c != NULL; c = c->next) {
				struct draw *dr;

				if (!xmlsafe_is(c, "draw"))
					continue;
				xgrow(&e->draws, &cap, e->ndraws + 1,
				    sizeof *e->draws);
				dr = &e->draws[e->ndraws++];
				dr->module = xmlsafe_attr(c, "module");
				dr->type = exam_draw_type(c);
				dr->difficulty = content_int_attr(c,
				    "difficulty", 0);
				dr->count = content_int_attr(c, "count", 0);
				dr->line = xmlGetLineNo(c);
				if (exam_draw_overlap(e, file, d) != 0)
					rc = -1;
			}
		} else if (xmlsafe_is(n, "practical")) {
			e->practical_pass = content_int_attr(n, "pass", 60);
			if (exam_refs(n, "station", e, &e->stations,
			    &e->nstations, d) != 0)
				rc = -1;
		} else if (xmlsafe_is(n, "simulation")) {
			e->simulation_pass = content_int_attr(n, "pass", 60);
			require = xmlsafe_attr(n, "require");
			e->simulation_all = require != NULL &&
			    strcmp(require, "all") == 0;
			free(require);
			if (exam_refs(n, "scenario", e, &e->scenarios,
			    &e->nscenarios, d) != 0)
				rc = -1;
		} else if (xmlsafe_is(n, "weights")) {
			e->weight_written = content_int_attr(n, "written", 40);
			e->weight_practical = content_int_attr(n, "practical",
			    40);
			e->weight_simulation = content_int_attr(n,
			    "simulation", 20);
		} else if (xmlsafe_is(n, "rules")) {
			e->excellent = content_int_attr(n, "excellent", 90);
			e->cohort_pass_rate = content_int_attr(n,
			    "cohort-pass-rate", 95);
			e->cohort_excellence_rate = content_int_attr(n,
			    "cohort-excellence-rate", 30);
			e->retakes = content_int_attr(n, "retakes", 1);
		}
	}
	sum = e->weight_written + e->weight_practical + e->weight_simulation;
	if (sum != 100) {
		diag_at(d, file, xmlGetLineNo(root), _("exam %s: the weights "
		    "add up to %d, not 100"), e->id, sum);
		rc = -1;
	}
	if (rc != 0) {
		exam_free(e);
		return NULL;
	}
	return e;
}
