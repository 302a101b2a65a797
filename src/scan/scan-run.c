/*
 * The run of `paper scan` (scan-run.h): from pages to stored sheets,
 * review entries and refusals.  The images are read by scan.h, the sheet
 * identified and laid out by the core (sheet.h), stored by the paper core
 * (paper-sitting.h), doubts queued by review.h.  This file only decides,
 * item by item, whether what was read is one clear answer.
 */
#include "config.h"

#include "scan-run.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"
#include "core/cohort.h"
#include "core/paper-sitting.h"
#include "core/results.h"
#include "core/review.h"
#include "core/sheet.h"
#include "core/store.h"
#include "scan.h"

/* Resolution of the pictures kept for review. */
#define RUN_PNG_DPI	120

/* One page of an answer sheet, as read. */
struct run_page {
	int	 have;
	char	*source;
	int	 page;		/* in its file, 1-based */
	int	 npages;	/* pages in that file */
	char	*image;		/* PNG written, or NULL */
	char	*reason;	/* could not be read: why ("" when read) */
};

/* The answer sheet of one attempt, while its pages are read. */
struct run_sheet {
	sqlite3_int64		 aid;
	char			*ticket;
	char			*name;
	struct attempt		*a;
	struct sheet		*sh;
	struct run_page		 pages[SHEET_MAX_PAGES];
	struct review_item	*items;		/* a->nitems */
};

struct scan_run {
	struct store		*s;
	struct sheet		*blank;		/* marks and QR box only */
	struct scan_run_opts	 o;
	char			*dir;		/* absolute review directory */
	struct run_sheet	**waiting;	/* sheets missing pages */
	size_t			 nwaiting;
	int			 counts[SCAN_WAITING + 1];
	unsigned		 seq;
};

/* The page being read, for the picture. */
struct run_now {
	const struct scan_image		*img;
	const struct scan_registration	*reg;	/* NULL if not registered */
	int				 sheet_page;	/* 0-based */
};

static void
run_say(struct scan_run *r, const char *source, int page, int npages,
    enum scan_outcome out, const struct run_sheet *rs, const char *message,
    sqlite3_int64 review_id, const char *image)
{
	struct scan_result res;

	r->counts[out]++;
	memset(&res, 0, sizeof res);
	res.source = source;
	res.page = npages == 1 ? 0 : page;
	res.npages = npages;
	res.outcome = out;
	res.ticket = rs != NULL ? rs->ticket : NULL;
	res.name = rs != NULL ? rs->name : NULL;
	res.message = message;
	res.review_id = review_id;
	res.image = image;
	r->o.report(r->o.arg, &res);
}

int
scan_run_new(struct store *s, const struct scan_run_opts *o,
    struct scan_run **out, char **cause)
{
	struct scan_run *r;
	struct cohort c;
	char *dir, real[PATH_MAX];

	if (cohort_find(s, o->cohort, &c, cause) != 0)
		return -1;
	cohort_release(&c);
	dir = o->review_dir != NULL ? xstrdup(o->review_dir) :
	    xasprintf("%s-review", s->path);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		*cause = xasprintf(_("cannot make the review directory %s: "
		    "%s"), dir, strerror(errno));
		free(dir);
		return -1;
	}
	if (realpath(dir, real) == NULL || access(real, W_OK) != 0) {
		*cause = xasprintf(_("cannot write in the review directory "
		    "%s: %s"), dir, strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	r = xcalloc(1, sizeof *r);
	r->s = s;
	if (sheet_layout(NULL, 0, &r->blank, cause) != 0) {
		free(r);
		return -1;
	}
	r->o = *o;
	r->dir = xstrdup(real);
	*out = r;
	return 0;
}

static void
run_sheet_free(struct run_sheet *rs)
{
	size_t i;
	int p;

	if (rs == NULL)
		return;
	for (p = 0; p < SHEET_MAX_PAGES; p++) {
		free(rs->pages[p].source);
		free(rs->pages[p].image);
		free(rs->pages[p].reason);
	}
	for (i = 0; rs->items != NULL && i < rs->a->nitems; i++) {
		free(rs->items[i].response);
		free(rs->items[i].seen);
	}
	free(rs->items);
	sheet_free(&rs->sh);
	attempt_free(&rs->a);
	free(rs->ticket);
	free(rs->name);
	free(rs);
}

/* Load attempt aid's paper and its sheet layout. */
static struct run_sheet *
run_sheet_load(struct scan_run *r, sqlite3_int64 aid, char **cause)
{
	struct run_sheet *rs = xcalloc(1, sizeof *rs);
	sqlite3_stmt *st;

	rs->aid = aid;
	if (paper_sitting_load(r->s, aid, &rs->a, cause) != 0) {
		free(rs);
		return NULL;
	}
	if (sheet_layout(rs->a->items, rs->a->nitems, &rs->sh, cause) != 0) {
		attempt_free(&rs->a);
		free(rs);
		return NULL;
	}
	rs->items = xcalloc(rs->a->nitems ? rs->a->nitems : 1,
	    sizeof *rs->items);
	st = store_prepare(r->s, "SELECT ticket, name FROM trainee"
	    " WHERE id = ?1");
	sqlite3_bind_int64(st, 1, rs->a->trainee_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		rs->ticket = xstrdup(store_text(st, 0));
		rs->name = xstrdup(store_text(st, 1));
	} else {
		rs->ticket = xstrdup("?");
		rs->name = xstrdup("?");
	}
	sqlite3_finalize(st);
	return rs;
}

/* The label of a bubble for people: "B", "true", "C at 2". */
static char *
run_label(const struct paper_item *it, const struct sheet_bubble *b)
{
	if (it->type == QTYPE_TRUEFALSE)
		return xstrdup(b->col == 0 ? _("true") : _("false"));
	if (it->type == QTYPE_ORDERING)
		return xasprintf(_("%c at place %d"), 'A' + b->row, b->col + 1);
	return xasprintf("%c", 'A' + b->col);
}

/* Append "; " and text to *s. */
static void
run_append(char **s, const char *text)
{
	char *t = xasprintf("%s%s%s", *s, **s ? _("; ") : "", text);

	free(*s);
	*s = t;
}

/*
 * Decide the items of sheet page p from the measures m (indexed like
 * sh->bubbles): each item a clear response, or in doubt with what was
 * seen.
 */
static void
run_decide(struct run_sheet *rs, int p, const struct scan_measure *m)
{
	const struct sheet *sh = rs->sh;
	struct scan_measure *pm;
	double bf, br;
	size_t i, k, n = 0;
	unsigned char filled[SHEET_MAX_OPTIONS * SHEET_MAX_OPTIONS];

	pm = xcalloc(sh->nbubbles ? sh->nbubbles : 1, sizeof *pm);
	for (k = 0; k < sh->nbubbles; k++)
		if (sh->bubbles[k].page == p)
			pm[n++] = m[k];
	scan_baseline(pm, n, &bf, &br);
	free(pm);
	for (i = 0; i < sh->nitems; i++) {
		const struct sheet_item *si = &sh->items[i];
		const struct paper_item *it = &rs->a->items[i];
		struct review_item *ri = &rs->items[i];
		size_t nb = (size_t)si->rows * (size_t)si->cols;
		char *seen, *why = NULL, *resp;
		int doubt = 0;

		if (si->page != p)
			continue;
		seen = xstrdup("");
		for (k = 0; k < nb; k++) {
			const struct sheet_bubble *b = &sh->bubbles[si->first +
			    k];
			enum scan_state st = scan_decide(&m[si->first + k], bf,
			    br);
			char *label, *text;

			filled[k] = st == SCAN_FILLED;
			if (st == SCAN_EMPTY)
				continue;
			label = run_label(it, b);
			text = xasprintf(st == SCAN_FILLED ? _("%s filled") :
			    st == SCAN_FAINT ? _("%s faint or partly "
			    "filled") : _("%s filled and crossed over"), label);
			run_append(&seen, text);
			free(text);
			free(label);
			if (st != SCAN_FILLED)
				doubt = 1;
		}
		ri->item = i;
		free(ri->response);
		ri->response = NULL;
		if (!doubt) {
			resp = sheet_response(it, filled, &why);
			if (resp == NULL) {
				doubt = 1;
				run_append(&seen, why);
				free(why);
			} else
				ri->response = resp;
		}
		ri->doubt = doubt;
		free(ri->seen);
		ri->seen = seen;
	}
}

/* A new PNG path in the review directory. */
static char *
run_png_path(struct scan_run *r, const struct run_sheet *rs, int sheet_page)
{
	char stamp[32], *path;
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (;;) {
		path = xasprintf("%s/%s-%s-s%d-%s-%u.png", r->dir,
		    r->o.cohort, rs->ticket, sheet_page + 1, stamp, ++r->seq);
		if (access(path, F_OK) != 0)
			return path;
		free(path);
	}
}

/* Write the picture of the page being read, once. */
static void
run_picture(struct scan_run *r, struct run_sheet *rs, const struct run_now *now)
{
	struct run_page *pg = &rs->pages[now->sheet_page];
	unsigned char *doubt;
	char *cause = NULL;
	size_t i;

	if (pg->image != NULL)
		return;
	doubt = xcalloc(rs->a->nitems ? rs->a->nitems : 1, 1);
	for (i = 0; i < rs->a->nitems; i++)
		doubt[i] = (unsigned char)(rs->items[i].doubt != 0);
	pg->image = run_png_path(r, rs, now->sheet_page);
	if (scan_write_png(now->img, rs->sh, now->sheet_page, now->reg, doubt,
	    RUN_PNG_DPI, pg->image, &cause) != 0) {
		/* The review still names the file and page scanned. */
		free(cause);
		free(pg->image);
		pg->image = xstrdup("");
	}
	free(doubt);
}

/* Send every page of rs to review with reason; report each. */
static void
run_review(struct scan_run *r, struct run_sheet *rs, const char *reason,
    const struct run_now *now)
{
	const struct sheet *sh = rs->sh;
	struct review_item *pi;
	sqlite3_int64 id;
	char *cause = NULL, *msg, *nums;
	size_t i, n, ndoubt;
	int p;

	pi = xcalloc(rs->a->nitems ? rs->a->nitems : 1, sizeof *pi);
	if (now != NULL)
		run_picture(r, rs, now);
	for (p = 0; p < sh->npages; p++) {
		struct run_page *pg = &rs->pages[p];
		const char *why;

		if (!pg->have)
			continue;	/* not scanned (a sheet stored before) */
		why = *pg->reason ? pg->reason : reason;

		nums = xstrdup("");
		for (i = n = ndoubt = 0; i < sh->nitems; i++) {
			if (sh->items[i].page != p)
				continue;
			pi[n++] = rs->items[i];
			if (rs->items[i].doubt) {
				ndoubt++;
				char *t = xasprintf("%s%s%zu", nums,
				    *nums ? _(", ") : "", i + 1);

				free(nums);
				nums = t;
			}
		}
		if (why == NULL && *nums == '\0' && sh->npages > 1)
			why = _("another page of this answer sheet is in "
			    "doubt");
		if (review_add(r->s, rs->aid, pg->source, pg->page, p + 1,
		    why ? why : "", pi, n, pg->image ? pg->image : "",
		    r->o.actor, &id, &cause) != 0) {
			msg = xasprintf(_("cannot queue it for review: %s"),
			    cause);
			run_say(r, pg->source, pg->page, pg->npages,
			    SCAN_REFUSED, rs, msg, 0, NULL);
			free(msg);
			free(cause);
			cause = NULL;
		} else {
			if (*nums != '\0' && why != NULL)
				msg = xasprintf(ngettext("question %s in "
				    "doubt; %s", "questions %s in doubt; %s",
				    ndoubt), nums, why);
			else if (*nums != '\0')
				msg = xasprintf(ngettext("question %s in "
				    "doubt", "questions %s in doubt", ndoubt),
				    nums);
			else
				msg = xstrdup(why ? why : "");
			run_say(r, pg->source, pg->page, pg->npages,
			    SCAN_REVIEW, rs, msg, id, pg->image);
			free(msg);
		}
		free(nums);
	}
	free(pi);
}

/* Whether the stored responses of the closed attempt equal the reading
 * of the pages read; items that differ are put in doubt with both
 * readings. */
static int
run_compare(struct run_sheet *rs)
{
	size_t i;
	int same = 1;

	for (i = 0; i < rs->a->nitems; i++) {
		struct review_item *ri = &rs->items[i];
		const char *stored = rs->a->items[i].response;
		char *t;

		if (!rs->pages[rs->sh->items[i].page].have ||
		    strcmp(ri->response, stored) == 0)
			continue;
		same = 0;
		t = xasprintf(_("read \"%s\", stored \"%s\""), ri->response,
		    stored);
		run_append(&ri->seen, t);
		free(t);
		free(ri->response);
		ri->response = NULL;
		ri->doubt = 1;
	}
	return same;
}

/* The grade of the stored attempt, for the report. */
static char *
run_grade(struct scan_run *r, sqlite3_int64 aid)
{
	struct attempt *a = NULL;
	struct grade g;
	char *cause = NULL, pct[16], *msg;

	if (paper_sitting_load(r->s, aid, &a, &cause) != 0) {
		free(cause);
		return xstrdup(_("stored and graded"));
	}
	attempt_grade(a, &g);
	results_tenths(g.tenths, pct);
	msg = xasprintf(_("stored and graded: %d/%d = %s%% (%s)"), g.correct,
	    g.total, pct, g.passed ? _("pass") : _("fail"));
	grade_release(&g);
	attempt_free(&a);
	return msg;
}

/* Every page of rs is read: store it, find it stored, or queue it. */
static void
run_finalize(struct scan_run *r, struct run_sheet *rs,
    const struct run_now *now)
{
	const struct run_page *last = &rs->pages[now->sheet_page];
	const char **responses;
	char *cause = NULL, *prov, *msg, *t;
	size_t i, nblank = 0;
	int p, rc;

	for (i = 0; i < rs->a->nitems; i++)
		if (rs->items[i].doubt) {
			run_review(r, rs, NULL, now);
			return;
		}
	for (p = 0; p < rs->sh->npages; p++)
		if (*rs->pages[p].reason) {
			run_review(r, rs, NULL, now);
			return;
		}
	for (i = 0; i < rs->a->nitems; i++)
		nblank += *rs->items[i].response == '\0';
	if (rs->a->status == ATTEMPT_SUBMITTED ||
	    rs->a->status == ATTEMPT_EXPIRED)
		goto closed;
	if (nblank == rs->a->nitems) {
		run_review(r, rs, _("nothing is marked on the whole sheet"),
		    now);
		return;
	}
	responses = xcalloc(rs->a->nitems ? rs->a->nitems : 1,
	    sizeof *responses);
	for (i = 0; i < rs->a->nitems; i++)
		responses[i] = rs->items[i].response;
	prov = xasprintf("%s page %d", rs->pages[0].source,
	    rs->pages[0].page);
	for (p = 1; p < rs->sh->npages; p++) {
		t = xasprintf("%s, %s page %d", prov, rs->pages[p].source,
		    rs->pages[p].page);
		free(prov);
		prov = t;
	}
	rc = paper_sitting_store(r->s, rs->aid, responses, rs->a->nitems,
	    "paper-scan", prov, r->o.actor, &cause);
	free(responses);
	if (rc == 0) {
		t = xasprintf(_("rescanned: %s"), prov);
		if (review_settle_attempt(r->s, rs->aid, r->o.actor, t,
		    &cause) < 0) {
			free(cause);
			cause = NULL;
		}
		free(t);
		free(prov);
		for (p = 0; p < rs->sh->npages; p++)
			if (rs->pages[p].image != NULL &&
			    *rs->pages[p].image != '\0')
				unlink(rs->pages[p].image);
		msg = run_grade(r, rs->aid);
		run_say(r, last->source, last->page, last->npages,
		    SCAN_STORED, rs, msg, 0, NULL);
		free(msg);
		return;
	}
	free(prov);
	if (rc != ATTEMPT_CLOSED) {
		run_say(r, last->source, last->page, last->npages,
		    SCAN_REFUSED, rs, cause, 0, NULL);
		free(cause);
		return;
	}
	/* Stored meanwhile by someone else: compare with what is stored. */
	attempt_free(&rs->a);
	if (paper_sitting_load(r->s, rs->aid, &rs->a, &cause) != 0) {
		run_say(r, last->source, last->page, last->npages,
		    SCAN_REFUSED, rs, cause, 0, NULL);
		free(cause);
		return;
	}
closed:
	if (run_compare(rs)) {
		run_say(r, last->source, last->page, last->npages, SCAN_SAME,
		    rs, _("already stored with the same answers"), 0, NULL);
		return;
	}
	run_review(r, rs, _("this sheet is already stored with other "
	    "answers"), now);
}

/* The sheet of attempt aid among those waiting, taken out; or NULL. */
static struct run_sheet *
run_waiting_take(struct scan_run *r, sqlite3_int64 aid)
{
	struct run_sheet *rs;
	size_t i;

	for (i = 0; i < r->nwaiting; i++)
		if (r->waiting[i]->aid == aid) {
			rs = r->waiting[i];
			r->waiting[i] = r->waiting[--r->nwaiting];
			return rs;
		}
	return NULL;
}

static void
run_waiting_put(struct scan_run *r, struct run_sheet *rs)
{
	r->waiting = xreallocarray(r->waiting, r->nwaiting + 1,
	    sizeof *r->waiting);
	r->waiting[r->nwaiting++] = rs;
}

static void
run_refuse(struct scan_run *r, const char *path, int page, int npages,
    const struct run_sheet *rs, const char *why)
{
	run_say(r, path, page, npages, SCAN_REFUSED, rs, why, 0, NULL);
}

/* Read page (0-based) of src. */
static void
run_page(struct scan_run *r, struct scan_source *src, const char *path,
    int page)
{
	struct scan_image *img = NULL;
	struct scan_registration reg;
	struct sheet_code code;
	struct run_sheet *rs = NULL;
	struct scan_measure *m;
	struct run_now now;
	struct run_page *pg;
	char *text = NULL, *cause = NULL, *regcause = NULL, *msg;
	int npages = scan_source_pages(src), p, missing, registered, waited;

	if (scan_source_page(src, page, &img, &cause) != 0)
		goto refuse;
	registered = scan_register(img, r->blank, &reg, &regcause) == 0;
	if (scan_qr_read(img, r->blank, registered ? &reg : NULL, &text,
	    &cause) != 0) {
		if (!registered) {
			msg = xasprintf("%s; %s", cause, regcause);
			free(cause);
			cause = msg;
		}
		goto refuse;
	}
	if (sheet_code_parse(text, strlen(text), &code, &cause) != 0) {
		msg = xasprintf(_("the QR code is not a firstline answer "
		    "sheet's (%s)"), cause);
		free(cause);
		cause = msg;
		goto refuse;
	}
	if (code.part == SHEET_PART_BOOKLET) {
		cause = xasprintf(_("this is page %d of a question booklet, "
		    "not an answer sheet"), code.page);
		goto refuse;
	}
	if (sheet_code_verify(r->s, &code, r->o.cohort, NULL, &cause) != 0)
		goto refuse;
	waited = (rs = run_waiting_take(r, code.attempt)) != NULL;
	if (!waited && (rs = run_sheet_load(r, code.attempt, &cause)) == NULL)
		goto refuse;
	p = code.page - 1;
	if (p < 0 || p >= rs->sh->npages) {
		cause = xasprintf(_("the code names answer sheet page %d, but "
		    "this paper's sheet has %d"), code.page, rs->sh->npages);
		goto refuse_keep;
	}
	pg = &rs->pages[p];
	if (pg->have) {
		cause = xasprintf(_("page %d of this answer sheet was already "
		    "read in this run (%s page %d)"), code.page, pg->source,
		    pg->page);
		goto refuse_keep;
	}
	pg->have = 1;
	pg->source = xstrdup(path);
	pg->page = page + 1;
	pg->npages = npages;
	now.img = img;
	now.reg = NULL;
	now.sheet_page = p;
	m = xcalloc(rs->sh->nbubbles ? rs->sh->nbubbles : 1, sizeof *m);
	if (registered) {
		scan_measure_bubbles(img, rs->sh, p, &reg, m);
		if (scan_outline_score(img, rs->sh, p, &reg, m) <
		    SCAN_OUTLINE_MIN) {
			/* Marks that fit, bubbles that do not. */
			registered = 0;
			regcause = xasprintf(_("the bubbles are not where "
			    "this paper's sheet has them (another layout, or "
			    "a page badly distorted)"));
		}
	}
	if (registered) {
		run_decide(rs, p, m);
		now.reg = &reg;
		pg->reason = xstrdup("");
	} else {
		size_t i;

		/* Identified but not readable: a person reads it all. */
		pg->reason = regcause;
		regcause = NULL;
		for (i = 0; i < rs->sh->nitems; i++) {
			if (rs->sh->items[i].page != p)
				continue;
			rs->items[i].item = i;
			rs->items[i].doubt = 1;
			free(rs->items[i].seen);
			rs->items[i].seen = xstrdup(_("not read: the page "
			    "could not be read"));
		}
	}
	free(m);
	for (missing = 0, p = 0; p < rs->sh->npages; p++)
		missing += !rs->pages[p].have;
	if (missing == 0) {
		run_finalize(r, rs, &now);
		run_sheet_free(rs);
	} else {
		/* The other pages may come later; keep the picture now. */
		run_picture(r, rs, &now);
		msg = xasprintf(_("answer sheet page %d of %d read; waiting "
		    "for the others"), code.page, rs->sh->npages);
		run_say(r, path, page + 1, npages, SCAN_WAITING, rs, msg, 0,
		    NULL);
		free(msg);
		run_waiting_put(r, rs);
	}
	free(regcause);
	free(text);
	scan_image_free(&img);
	return;
refuse_keep:
	run_refuse(r, path, page + 1, npages, rs, cause);
	if (waited)
		run_waiting_put(r, rs);
	else
		run_sheet_free(rs);
	free(regcause);
	free(cause);
	free(text);
	scan_image_free(&img);
	return;
refuse:
	run_refuse(r, path, page + 1, npages, rs, cause);
	free(regcause);
	free(cause);
	free(text);
	scan_image_free(&img);
}

void
scan_run_file(struct scan_run *r, const char *path)
{
	struct scan_source *src;
	char *cause = NULL;
	int i;

	if (scan_source_open(path, &src, &cause) != 0) {
		run_refuse(r, path, 0, 0, NULL, cause);
		free(cause);
		return;
	}
	for (i = 0; i < scan_source_pages(src); i++)
		run_page(r, src, path, i);
	scan_source_free(&src);
}

/* "1 and 3", "2" for people: the sheet pages (1-based) have or not. */
static char *
run_page_list(const struct run_sheet *rs, int have, int *n)
{
	char *list = xstrdup(""), *t;
	int p, k = 0, total = 0;

	for (p = 0; p < rs->sh->npages; p++)
		total += (rs->pages[p].have != 0) == have;
	for (p = 0; p < rs->sh->npages; p++) {
		if ((rs->pages[p].have != 0) != have)
			continue;
		k++;
		t = xasprintf("%s%s%d", list, k == 1 ? "" : k == total ?
		    _(" and ") : _(", "), p + 1);
		free(list);
		list = t;
	}
	*n = total;
	return list;
}

/*
 * The run ends and sheet rs still misses pages.  A sheet stored before
 * (some of its pages scanned again) is compared with what is stored, as
 * a whole sheet would be: the same, or in review.  Otherwise nothing of
 * it is stored: refused, naming the pages missing and where the others
 * were read.  Returns 1 when review entries keep its pictures, else 0.
 */
static int
run_incomplete(struct scan_run *r, struct run_sheet *rs)
{
	struct attempt *a = NULL;
	const struct run_page *first = NULL;
	char *cause = NULL, *missing, *read, *where, *msg, *t;
	size_t i;
	int p, nmissing, nread;

	missing = run_page_list(rs, 0, &nmissing);
	read = run_page_list(rs, 1, &nread);
	if (paper_sitting_load(r->s, rs->aid, &a, &cause) != 0) {
		run_refuse(r, "", 0, 0, rs, cause);
		free(cause);
		free(missing);
		free(read);
		return 0;
	}
	attempt_free(&rs->a);
	rs->a = a;
	if (a->status == ATTEMPT_SUBMITTED || a->status == ATTEMPT_EXPIRED) {
		for (i = 0; i < a->nitems; i++)
			if (rs->pages[rs->sh->items[i].page].have &&
			    rs->items[i].doubt)
				break;
		for (p = 0; p < rs->sh->npages; p++)
			if (first == NULL && rs->pages[p].have)
				first = &rs->pages[p];
		if (i == a->nitems && run_compare(rs)) {
			msg = xasprintf(ngettext("already stored with the "
			    "same answers (answer sheet page %s of %d scanned "
			    "again)", "already stored with the same answers "
			    "(answer sheet pages %s of %d scanned again)",
			    nread), read, rs->sh->npages);
			run_say(r, first->source, first->page, first->npages,
			    SCAN_SAME, rs, msg, 0, NULL);
			free(msg);
			free(missing);
			free(read);
			return 0;
		}
		run_review(r, rs, i == a->nitems ? _("this sheet is already "
		    "stored with other answers") : NULL, NULL);
		free(missing);
		free(read);
		return 1;
	}
	where = xstrdup("");
	for (p = 0; p < rs->sh->npages; p++) {
		if (!rs->pages[p].have)
			continue;
		t = xasprintf(_("%s%spage %d in %s page %d"), where,
		    *where ? _(", ") : "", p + 1, rs->pages[p].source,
		    rs->pages[p].page);
		free(where);
		where = t;
	}
	if (review_open_count(r->s, rs->aid) > 0)
		msg = xasprintf(ngettext("answer sheet page %s of %d was not "
		    "among the scans (read: %s); this sheet already waits in "
		    "review (firstline paper review %s)", "answer sheet pages "
		    "%s of %d were not among the scans (read: %s); this sheet "
		    "already waits in review (firstline paper review %s)",
		    nmissing), missing, rs->sh->npages, where, r->o.cohort);
	else
		msg = xasprintf(ngettext("answer sheet page %s of %d was not "
		    "among the scans (read: %s): nothing of this sheet is "
		    "stored; scan all its pages in one run, or if that page "
		    "is lost, key the sheet in (firstline paper enter %s %s)",
		    "answer sheet pages %s of %d were not among the scans "
		    "(read: %s): nothing of this sheet is stored; scan all "
		    "its pages in one run, or if those pages are lost, key "
		    "the sheet in (firstline paper enter %s %s)", nmissing),
		    missing, rs->sh->npages, where, r->o.cohort, rs->ticket);
	run_refuse(r, "", 0, 0, rs, msg);
	free(msg);
	free(where);
	free(missing);
	free(read);
	return 0;
}

void
scan_run_finish(struct scan_run *r, int counts[SCAN_WAITING + 1])
{
	struct run_sheet *rs;
	int p;

	while (r->nwaiting > 0) {
		rs = r->waiting[--r->nwaiting];
		if (run_incomplete(r, rs) == 0)
			for (p = 0; p < rs->sh->npages; p++)
				if (rs->pages[p].image != NULL &&
				    *rs->pages[p].image != '\0')
					unlink(rs->pages[p].image);
		run_sheet_free(rs);
	}
	if (counts != NULL)
		memcpy(counts, r->counts, sizeof r->counts);
}

void
scan_run_free(struct scan_run **rp)
{
	struct scan_run *r = *rp;
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nwaiting; i++)
		run_sheet_free(r->waiting[i]);
	free(r->waiting);
	sheet_free(&r->blank);
	free(r->dir);
	free(r);
	*rp = NULL;
}
