/*
 * Building the demo database from the shipped content.
 */
#include "config.h"

#include "demo.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cohort.h"
#include "content.h"
#include "core.h"
#include "load.h"

static const char demo_roster[] =
    "name,community,group\n"
    "张伟,莲池区东关社区,staff\n"
    "李娜,竞秀区韩庄村,volunteer\n"
    "Wang Fang,Lianchi District South Gate,veteran\n";

/* Read every file matching datadir/pattern into set. */
static int
demo_read(struct content_set *set, const char *pattern, struct diag *d)
{
	char *p = xasprintf("%s/%s", fl_datadir(), pattern);
	glob_t g;
	size_t i;
	int rc = 0;

	if (glob(p, 0, NULL, &g) != 0) {
		diag_add(d, _("%s: no shipped content found"), p);
		free(p);
		return -1;
	}
	for (i = 0; i < g.gl_pathc; i++)
		if (content_read(set, g.gl_pathv[i], d) != 0)
			rc = -1;
	globfree(&g);
	free(p);
	return rc;
}

int
demo_build(struct store *s, struct table *t, struct diag *d)
{
	struct content_set set;
	struct diag notes;
	char *cause = NULL, *id = NULL, path[] = "/tmp/firstline-demo.XXXXXX";
	FILE *fp;
	int fd, rc = -1;

	content_set_init(&set);
	diag_init(&notes);
	table_init(t, 4, (const char *const[]){ "ticket", "name", "community",
	    "pin" });
	if (demo_read(&set, "rubrics/*.xml", d) != 0 ||
	    demo_read(&set, "banks/*.xml", d) != 0 ||
	    demo_read(&set, "exams/*.xml", d) != 0 ||
	    content_load(&set, s, &notes, d) != 0)
		goto out;
	if (cohort_create(s, "演示 Demo", "standard", DEMO_COHORT, &id,
	    &cause) != 0) {
		diag_take(d, cause);
		goto out;
	}
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		diag_add(d, _("cannot write a temporary roster"));
		goto out;
	}
	fputs(demo_roster, fp);
	fclose(fp);
	table_release(t);
	rc = roster_import(s, DEMO_COHORT, path, t, d);
	unlink(path);
out:
	free(id);
	diag_release(&notes);
	content_set_release(&set);
	return rc;
}
