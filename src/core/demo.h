/*
 * The demo: a database holding the shipped course, a demo cohort on the
 * standard exam and a few demo trainees, so that a newcomer can sit the
 * written test at once.
 */
#ifndef FIRSTLINE_DEMO_H
#define FIRSTLINE_DEMO_H

#include "diag.h"
#include "table.h"

struct store;

/* The id of the demo cohort. */
#define DEMO_COHORT "demo"

/*
 * Load every shipped bank, rubric and exam from fl_datadir(), create the
 * demo cohort and enrol the demo trainees.  t receives their
 * ticket,name,community,pin.  Returns 0, or -1 with the problems in d.
 */
int demo_build(struct store *s, struct table *t, struct diag *d);

#endif
