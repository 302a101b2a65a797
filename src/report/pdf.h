/*
 * Printable PDF presenters of core results, drawn with cairo and laid out
 * with pango in the CJK font "Noto Sans CJK SC" (Debian: fonts-noto-cjk),
 * which is embedded (subset) so Chinese names print anywhere: the cohort
 * report and the coverage list on A4 portrait, and one A4 landscape
 * certificate per passing trainee.
 *
 * This header is the whole public API of src/report/pdf*.c and includes no
 * cairo or pango header: the command line links the presenters without
 * seeing them.  Depends on core only (cli -> report -> core).
 *
 * Every writer returns 0 when the PDF was written to fp, 1 when it was
 * written but *cause holds a warning to show (some characters have no glyph
 * in the font and print as boxes), and -1 with *cause (to free) when no
 * usable PDF was written (the font is missing, cairo failed, fp failed).
 * fp is left open for the caller to close; on -1 its content is undefined.
 */
#ifndef FIRSTLINE_REPORT_PDF_H
#define FIRSTLINE_REPORT_PDF_H

#include <stdio.h>

#include "core/cohort.h"
#include "core/results.h"
#include "core/table.h"

/* The family every page is set in. */
#define PDF_FONT_FAMILY "Noto Sans CJK SC"

/*
 * The cohort report of SPEC section 7: title block, the trainee table
 * (header repeated on every page), rates and verdict, mean written score
 * per module, the distribution of totals as a bar chart, signature lines,
 * "page N / M" on every page.
 */
int pdf_cohort_write(const struct cohort_result *r, FILE *fp, char **cause);

/*
 * The coverage list: t as filled by results_coverage (header row
 * community,certified,enrolled,needed), minimum the number every community
 * should have.
 */
int pdf_coverage_write(const struct table *t, int minimum, FILE *fp,
    char **cause);

/* Whether trainee t gets a certificate: class pass or excellent. */
int pdf_certificate_due(const struct trainee_result *t);

/*
 * The certificate of trainee t (pdf_certificate_due) of the certified
 * cohort r (r->sealed_at set; -1 otherwise): one A4 landscape page.
 */
int pdf_certificate_write(const struct cohort_result *r,
    const struct trainee_result *t, FILE *fp, char **cause);

/*
 * Exam slips for the new trainees in t (ticket,name,community,pin, row 0
 * the header) of the cohort headed h: six to an A4 page, with dashed
 * lines to cut along, bilingual whatever the locale.  When url is not
 * NULL, each slip also carries it and its QR code: the address of the
 * browser sitting (firstline serve), for a phone to scan.
 */
int pdf_slips_write(const struct cohort_slip *h, const struct table *t,
    const char *url, FILE *fp, char **cause);

/*
 * The printed papers of b (paper_sitting_print): per trainee the question
 * booklet, question texts in Chinese when zh else English, then the
 * answer sheet (core/sheet.h geometry).  A4 portrait, black and white.
 */
struct paper_batch;
int pdf_papers_write(const struct paper_batch *b, int zh, FILE *fp,
    char **cause);

/*
 * Release the font map and, in sanitizer builds, fontconfig's caches and
 * cairo's static data, so a leak checker sees only what is really leaked.
 * Call once, after the last writer; a later writer starts them again.
 */
void pdf_shutdown(void);

#endif
