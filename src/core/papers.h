/*
 * How fair and how exposed the papers of an exam are: the spread of the
 * papers' mean difficulty in a cohort (or all cohorts), and the share of
 * papers on which the most-drawn question appears, both as the blueprint
 * and the current banks make it (analytic) and as drawn (observed).
 */
#ifndef FIRSTLINE_PAPERS_H
#define FIRSTLINE_PAPERS_H

#include "table.h"

struct store;

/*
 * One row per exam version: the current version of every exam and every
 * version with papers (only cohort's when cohort is not NULL).  Columns:
 * exam, version, questions, difficulty (the blueprint's mean), exposure
 * (percent of papers on which the most-drawn question appears: the
 * largest count / pool of a blueprint line, pools from the current
 * banks), exposure_cell (that line: module/type/difficulty), papers,
 * mean_min, mean_max, mean_sd (of the papers' mean difficulty), observed
 * (percent of papers with the most-drawn question), most_drawn (its id).
 * Returns 0, or -1 and *cause (an unknown cohort).
 */
int papers_report(struct store *s, const char *cohort, struct table *t,
    char **cause);

#endif
