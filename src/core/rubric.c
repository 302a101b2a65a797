/*
 * Rubrics: converting a validated <rubric> document into the model, with the
 * checks that need only that file (item marks add up to the maximum, the pass
 * mark within it, unique item ids, both languages).
 */
#include "config.h"

#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "xmlsafe.h"

void
rubric_free(struct rubric *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nitems; i++) {
		free(r->items[i].id);
		ltext_free(&r->items[i].label);
	}
	free(r->items);
	free(r->file);
	free(r->id);
	ltext_free(&r->title);
	ltext_free(&r->description);
	free(r->source);
	free(r);
}

struct rubric *
rubric_from_xml(xmlDocPtr doc, const char *file, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n;
	struct rubric *r = xcalloc(1, sizeof *r);
	size_t cap = 0, i;
	char *kind, *what;
	long sum = 0;
	int rc = 0, has_description = 0;

	r->file = xstrdup(file);
	r->id = xmlsafe_attr(root, "id");
	kind = xmlsafe_attr(root, "kind");
	r->kind = strcmp(kind, "simulation") == 0 ? RUBRIC_SIMULATION :
	    RUBRIC_PRACTICAL;
	free(kind);
	r->max = content_int_attr(root, "max", 0);
	r->pass = content_int_attr(root, "pass", 0);
	if (content_ltext(root, "title", file, r->id, &r->title, d) != 0)
		rc = -1;
	for (n = root->children; n != NULL; n = n->next) {
		if (xmlsafe_is(n, "description"))
			has_description = 1;
		if (xmlsafe_is(n, "source")) {
			free(r->source);
			r->source = xmlsafe_text(n);
		}
		if (!xmlsafe_is(n, "item"))
			continue;
		struct rubric_item *it;

		xgrow(&r->items, &cap, r->nitems + 1, sizeof *r->items);
		it = &r->items[r->nitems++];
		memset(it, 0, sizeof *it);
		it->id = xmlsafe_attr(n, "id");
		it->line = xmlGetLineNo(n);
		it->max = content_int_attr(n, "max", 0);
		it->critical = content_bool_attr(n, "critical", 0);
		sum += it->max;
		what = xasprintf("%s item %s", r->id, it->id);
		if (content_ltext(n, "label", file, what, &it->label, d) != 0)
			rc = -1;
		free(what);
		for (i = 0; i + 1 < r->nitems; i++) {
			if (strcmp(r->items[i].id, it->id) == 0) {
				diag_at(d, file, it->line, _("rubric %s: item "
				    "%s: duplicate id (first at line %ld)"),
				    r->id, it->id, r->items[i].line);
				rc = -1;
				break;
			}
		}
	}
	if (has_description) {
		if (content_ltext(root, "description", file, r->id,
		    &r->description, d) != 0)
			rc = -1;
	} else {
		r->description.zh = xstrdup("");
		r->description.en = xstrdup("");
	}
	if (sum != r->max) {
		diag_at(d, file, xmlGetLineNo(root), _("rubric %s: the item "
		    "marks add up to %ld, but max is %d"), r->id, sum, r->max);
		rc = -1;
	}
	if (r->pass > r->max) {
		diag_at(d, file, xmlGetLineNo(root), _("rubric %s: pass mark "
		    "%d is above max %d"), r->id, r->pass, r->max);
		rc = -1;
	}
	if (rc != 0) {
		rubric_free(r);
		return NULL;
	}
	return r;
}
