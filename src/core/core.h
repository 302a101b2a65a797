/*
 * firstline core: the exam engine without any user interface.
 *
 * Everything under src/core is the model, the storage and the rules: banks,
 * rubrics and exam definitions, the SQLite store, safe XML loading, text
 * measurement.  Nothing here includes curses, cairo or any other presentation
 * library, and nothing here writes to the terminal except through the
 * diagnostics it hands back to its caller; a unit test can link the core alone.
 * Arrows point down only: cli -> tui / report -> core.
 */
#ifndef FIRSTLINE_CORE_H
#define FIRSTLINE_CORE_H

#include "i18n.h"
#include "xalloc.h"
#include "diag.h"

/*
 * Maximum XML input accepted by the loader, in bytes.  libxml2's tree and
 * the XSD validation take about nine times the file in memory, so 16 MiB
 * stays under 150 MB; the largest shipped bank is under 100 KiB.
 */
#define FL_XML_MAX_BYTES (16u * 1024u * 1024u)
/*
 * Most attributes (namespace declarations included) one element may have.
 * libxml2 checks attribute names pairwise, so 150,000 attributes on one
 * element take minutes; no firstline or Moodle element has more than ten.
 */
#define FL_XML_MAX_ATTRS 64

/*
 * The directory holding the shipped question banks and schemas: the
 * FIRSTLINE_DATADIR environment variable when set (tests, an uninstalled
 * build), else the compiled-in PKGDATADIR "/question-banks".  The string is
 * static; do not free it.
 */
const char *fl_datadir(void);

/* Whether text for people should be Chinese (the locale or LANGUAGE). */
int fl_lang_zh(void);
/* zh or en, whichever the person reads. */
const char *fl_pick(const char *zh, const char *en);

/*
 * A stored UTC stamp "YYYY-MM-DDTHH:MM:SSZ" as local time for people
 * ("YYYY-MM-DD HH:MM", or the date alone), in buf; NULL when utc is not
 * such a stamp.
 */
const char *fl_local_time(const char *utc, int with_time, char buf[32]);

/*
 * Whether name, which staff typed (a cohort or user name, a reason), can
 * be shown on the screens and written to CSV reports: valid UTF-8, no
 * control character, not starting like a spreadsheet formula.  Otherwise
 * -1 with *cause naming the problem and what (such as "cohort name").
 */
int fl_name_check(const char *what, const char *name, char **cause);

#endif
