/*
 * What the database holds, as tables for the list and show commands: the
 * current version of each module, rubric and exam definition.
 */
#ifndef FIRSTLINE_CATALOG_H
#define FIRSTLINE_CATALOG_H

#include "table.h"

struct store;

/* module,title,questions,single,multiple,truefalse,ordering,d1,d2,d3,version */
void catalog_banks(struct store *s, struct table *t);
/* rubric,kind,title,max,pass,items,version */
void catalog_rubrics(struct store *s, struct table *t);
/*
 * item,label,max,critical of rubric id.  Returns -1 and *cause when there
 * is no such rubric.
 */
int catalog_rubric_items(struct store *s, const char *id, struct table *t,
    char **cause);
/* exam,title,questions,minutes,version */
void catalog_exams(struct store *s, struct table *t);
/* component,rubric,required of exam id; -1 and *cause when unknown. */
int catalog_exam_components(struct store *s, const char *id,
    struct table *t, char **cause);

#endif
