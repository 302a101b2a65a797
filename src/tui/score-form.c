/*
 * The rubric form of the instructor client: one FORM field per rubric
 * item (a mark field type refuses anything but 0..the item's maximum, so
 * the form will not leave a field holding a mark too high), a comment, and
 * for a correction a required reason.  The running total and the station
 * verdict follow every key (score-layout.c computes them); Ctrl-S hands
 * the marks to score_set(), and only when it has stored them does the form
 * say "saved" with the entry number.  A refusal shows the core's message.
 *
 * A stored entry (just saved, or the station's latest when the form opens)
 * is shown as it is in the database, marked saved with its time; Ctrl-S
 * then stores nothing.  The first edit of a mark or the comment starts a
 * correction of that entry: the form gains the required reason field.
 *
 * The layout (labels, tally, detail, hints) is drawn on the standard
 * screen; the form's window covers the rows of the fields and repaints the
 * labels of those rows around the fields, so nothing the form shows is
 * ever erased under it.  A resize or a language switch rebuilds the form
 * from the texts kept in the state.
 */
#include "config.h"

#include "score-int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "core/score.h"
#include "core/text.h"
#include "lang.h"
#include "score-layout.h"
#include "tui.h"

struct sc_fs {
	struct sc		*sc;
	const struct station	*st;
	size_t			 nslots;	/* items, comment, reason */
	char			**texts;	/* each slot's text, kept */
	int			*marks;		/* parsed; -1 none */
	int			*maxes;		/* the fields' user pointers */
	size_t			 cur;
	int			 has_reason;	/* the reason slot exists */
	long long		 entry;		/* the stored entry shown, or 0 */
	char			 saved_at[32];	/* its local time */
	char			*saved_by;
	long long		 correcting;	/* the entry corrected, or 0 */
	int			 resume;	/* rebuilt mid-edit: keep the */
	int			 resume_col;	/* cursor there, not fresh */
	int			 retake;
	int			 dirty;		/* changed since the last save */
	int			 esc_armed;	/* Esc once with changes */
	int			 fresh;		/* a mark field just entered */

	struct sc_form_geom	 g;
	FIELD			**fields;
	FORM			*form;
	WINDOW			*win;
	struct sc_utf8		 utf8;
};

static FIELDTYPE *sc_mark_type;

/* The mark field type: empty, or a whole number up to the item's max. */
static bool
sc_mark_field_check(FIELD *f, const void *arg)
{
	const int *max = field_userptr(f);
	int mark;
	enum sc_mark m;

	(void)arg;
	m = sc_mark_parse(field_buffer(f, 0), max != NULL ? *max : 0, &mark);
	return m == SC_MARK_EMPTY || m == SC_MARK_OK;
}

static bool
sc_mark_char_check(int c, const void *arg)
{
	(void)arg;
	return c >= '0' && c <= '9';
}

static int
sc_fs_is_mark(const struct sc_fs *fs, size_t slot)
{
	return slot < fs->st->nitems;
}

static size_t
sc_fs_reason_slot(const struct sc_fs *fs)
{
	return fs->st->nitems + 1;
}

/* Copy the fields' texts into the state and parse the marks. */
static void
sc_fs_sync(struct sc_fs *fs)
{
	size_t i;

	if (fs->form == NULL)
		return;
	/* Validation copies what was typed into the field's buffer. */
	form_driver(fs->form, REQ_VALIDATION);
	for (i = 0; i < fs->nslots; i++) {
		free(fs->texts[i]);
		fs->texts[i] = sc_trim(field_buffer(fs->fields[i], 0));
		if (sc_fs_is_mark(fs, i))
			sc_mark_parse(fs->texts[i], fs->maxes[i],
			    &fs->marks[i]);
	}
}

static void
sc_fs_free(struct sc_fs *fs)
{
	size_t i;

	if (fs->form == NULL)
		return;
	sc_fs_sync(fs);
	fs->cur = (size_t)field_index(current_field(fs->form));
	unpost_form(fs->form);
	free_form(fs->form);
	for (i = 0; i < fs->nslots; i++)
		free_field(fs->fields[i]);
	free(fs->fields);
	delwin(fs->win);
	fs->form = NULL;
	fs->fields = NULL;
	fs->win = NULL;
}

/* Focus moved to a field: the cursor after its text. */
static void
sc_fs_entered(struct sc_fs *fs)
{
	fs->cur = (size_t)field_index(current_field(fs->form));
	form_driver(fs->form, REQ_END_LINE);
	fs->fresh = 1;
}

/* Build the form for the screen size; 0, or -1 when it does not fit. */
static int
sc_fs_build(struct sc_fs *fs, int cols, int rows)
{
	const struct station *st = fs->st;
	int tlw = (int)text_width(sc_comment_label()), page, prev = 0;
	size_t i;

	if (fs->has_reason && (int)text_width(sc_reason_label()) > tlw)
		tlw = (int)text_width(sc_reason_label());
	sc_form_geom(&fs->g, cols, rows, st->nitems, fs->has_reason, tlw,
	    sc_form_detail_lines(st, cols, rows, fs->has_reason ?
	    fs->correcting : 0));
	fs->fields = xcalloc(fs->nslots + 1, sizeof *fs->fields);
	for (i = 0; i < fs->nslots; i++) {
		int row = sc_form_slot_row(&fs->g, i) - fs->g.first_row;
		FIELD *f;

		if (sc_fs_is_mark(fs, i)) {
			f = new_field(1, SC_MARK_WIDTH, row, fs->g.field_col, 0,
			    0);
			if (f == NULL)
				return -1;
			field_opts_off(f, O_AUTOSKIP);
			set_field_type(f, sc_mark_type);
			set_field_userptr(f, &fs->maxes[i]);
		} else {
			f = new_field(1, fs->g.text_width, row, fs->g.text_col,
			    0, 0);
			if (f == NULL)
				return -1;
			field_opts_off(f, O_AUTOSKIP | O_STATIC);
			set_max_field(f, 400);
		}
		set_field_back(f, ui_attr(ROLE_INPUT));
		page = sc_form_slot_page(&fs->g, i);
		if (i > 0 && page != prev)
			set_new_page(f, TRUE);
		prev = page;
		set_field_buffer(f, 0, fs->texts[i]);
		fs->fields[i] = f;
	}
	fs->form = new_form(fs->fields);
	fs->win = newwin(fs->g.per_page, cols, fs->g.first_row, 0);
	if (fs->form == NULL || fs->win == NULL)
		return -1;
	keypad(fs->win, TRUE);
	set_form_win(fs->form, fs->win);
	set_form_sub(fs->form, fs->win);
	if (post_form(fs->form) != E_OK)
		return -1;
	set_current_field(fs->form, fs->fields[fs->cur < fs->nslots ?
	    fs->cur : 0]);
	sc_fs_entered(fs);
	if (fs->resume) {
		/* A correction began with this key: go on where it was. */
		form_driver(fs->form, REQ_BEG_LINE);
		for (; fs->resume_col > 0; fs->resume_col--)
			form_driver(fs->form, REQ_RIGHT_CHAR);
		fs->fresh = 0;
		fs->resume = 0;
	}
	return 0;
}

/*
 * Repaint the spans of the form window's rows into it, around the fields
 * of the page shown: ui_paint() drew them on the standard screen, which
 * the window covers.
 */
static void
sc_fs_paint(struct sc_fs *fs, const struct lay *l)
{
	const struct sc_form_geom *g = &fs->g;
	int page = form_page(fs->form), r, fc, fw;
	size_t i;

	wattrset(fs->win, A_NORMAL);
	for (r = 0; r < g->per_page; r++) {
		fc = g->cols;
		fw = 0;
		for (i = 0; i < fs->nslots; i++)
			if (sc_form_slot_page(g, i) == page &&
			    sc_form_slot_row(g, i) - g->first_row == r) {
				fc = sc_fs_is_mark(fs, i) ? g->field_col :
				    g->text_col;
				fw = sc_fs_is_mark(fs, i) ? SC_MARK_WIDTH :
				    g->text_width;
			}
		mvwhline(fs->win, r, 0, ' ', fc);
		if (fc + fw < g->cols)
			mvwhline(fs->win, r, fc + fw, ' ', g->cols - fc - fw);
	}
	for (i = 0; i < l->nspans; i++) {
		const struct lay_span *sp = &l->spans[i];

		r = sp->row - g->first_row;
		if (sp->bar || sp->text == NULL || r < 0 || r >= g->per_page)
			continue;
		wattrset(fs->win, ui_attr(sp->role));
		mvwaddstr(fs->win, r, sp->col, sp->text);
	}
	wattrset(fs->win, A_NORMAL);
}

static void
sc_fs_draw(struct sc_fs *fs, int cols, int rows)
{
	struct sc_form_view v;
	struct lay l;
	char *who = sc_who(fs->sc);

	memset(&v, 0, sizeof v);
	v.st = fs->st;
	v.who = who;
	v.marks = fs->marks;
	v.cur = fs->cur;
	v.page = form_page(fs->form);
	v.correcting = fs->correcting;
	v.saved = fs->correcting == 0 ? fs->entry : 0;
	v.saved_at = fs->saved_at;
	v.retake = fs->retake;
	v.message = fs->sc->msg;
	v.message_role = fs->sc->msg_role;
	lay_init(&l, cols, rows);
	sc_form_layout(&l, &fs->g, &v);
	ui_paint(&l);
	sc_fs_paint(fs, &l);
	lay_release(&l);
	free(who);
	pos_form_cursor(fs->form);
	touchwin(fs->win);
	wnoutrefresh(fs->win);
	curs_set(1);
	doupdate();
}

/* The message for a mark field the form will not leave. */
static void
sc_fs_refused(struct sc_fs *fs)
{
	size_t i = fs->cur;

	sc_fs_sync(fs);
	if (sc_fs_is_mark(fs, i))
		sc_message(fs->sc, ROLE_ERROR, tr(N_("Item %zu: %s is not a "
		    "mark for it; marks are whole numbers 0–%d."),
		    "第 %zu 项：%s 不是有效分值；分值为 0–%d 的整数。"), i + 1,
		    fs->texts[i], fs->maxes[i]);
	ui_beep();
}

/* Move to the next or previous field, across pages. */
static void
sc_fs_move(struct sc_fs *fs, int forward)
{
	const struct sc_form_geom *g = &fs->g;
	size_t i = (size_t)field_index(current_field(fs->form));
	int page = sc_form_slot_page(g, i), rc;
	int first = i == 0 || sc_form_slot_page(g, i - 1) != page;
	int last = i + 1 == fs->nslots || sc_form_slot_page(g, i + 1) != page;

	if (forward)
		rc = form_driver(fs->form, g->npages > 1 && last ?
		    REQ_NEXT_PAGE : REQ_NEXT_FIELD);
	else if (g->npages > 1 && first) {
		rc = form_driver(fs->form, REQ_PREV_PAGE);
		if (rc == E_OK)
			form_driver(fs->form, REQ_LAST_FIELD);
	} else
		rc = form_driver(fs->form, REQ_PREV_FIELD);
	if (rc == E_INVALID_FIELD) {
		sc_fs_refused(fs);
		return;
	}
	fs->esc_armed = 0;
	sc_fs_entered(fs);
}

/* Focus slot (when the current field lets go). */
static void
sc_fs_focus(struct sc_fs *fs, size_t slot)
{
	if (set_current_field(fs->form, fs->fields[slot]) == E_OK)
		sc_fs_entered(fs);
}

/* "13:05" for a time today, else the date and time as stored. */
static void
sc_fs_short_time(char at[32])
{
	char today[32];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d ", &tm);
	if (strncmp(at, today, strlen(today)) == 0)
		memmove(at, at + strlen(today), strlen(at + strlen(today)) + 1);
}

/*
 * Show entry as stored: its marks and comment from the database (what the
 * screen shows is what was committed), its time and author.  The form must
 * be freed (sc_fs_free); a reason slot goes, its text with it.
 */
static void
sc_fs_show_entry(struct sc_fs *fs, long long entry)
{
	char *comment = NULL;
	size_t i;

	if (fs->has_reason) {
		free(fs->texts[sc_fs_reason_slot(fs)]);
		fs->nslots--;
		fs->has_reason = 0;
	}
	fs->entry = entry;
	fs->correcting = 0;
	fs->dirty = 0;
	fs->esc_armed = 0;
	if (fs->cur >= fs->nslots)
		fs->cur = fs->st->nitems;
	station_entry_marks(fs->sc->s, entry, fs->st, fs->marks, &comment);
	for (i = 0; i < fs->nslots; i++) {
		free(fs->texts[i]);
		if (sc_fs_is_mark(fs, i))
			fs->texts[i] = fs->marks[i] >= 0 ?
			    xasprintf("%d", fs->marks[i]) : xstrdup("");
		else
			fs->texts[i] = xstrdup(comment != NULL ? comment : "");
	}
	free(comment);
	free(fs->saved_by);
	station_entry_when(fs->sc->s, entry, fs->saved_at, &fs->saved_by);
	sc_fs_short_time(fs->saved_at);
}

/*
 * The first edit of a stored entry: a correction of it begins, and the
 * form is rebuilt (by the loop) with the reason field, the cursor kept.
 */
static void
sc_fs_begin_correction(struct sc_fs *fs)
{
	int col = fs->form != NULL ? fs->form->curcol : 0;

	sc_fs_free(fs);
	fs->correcting = fs->entry;
	fs->retake = 0;
	fs->has_reason = 1;
	fs->nslots++;
	fs->texts = xreallocarray(fs->texts, fs->nslots, sizeof *fs->texts);
	fs->texts[sc_fs_reason_slot(fs)] = xstrdup("");
	fs->resume = 1;
	fs->resume_col = col;
	sc_message(fs->sc, ROLE_WARN, tr(N_("A correction of entry %lld: "
	    "type the reason in its field, then Ctrl-S."), "更正第 %lld 条："
	    "请在原因栏填写更正原因，然后按 Ctrl-S。"), fs->entry);
}

/*
 * Save through the core; the form says "saved" only when it stored.
 * Returns -1 when the board could not be reloaded (sc->error), else 0.
 */
static int
sc_fs_save(struct sc_fs *fs)
{
	struct sc *sc = fs->sc;
	const struct station *st = fs->st;
	struct score_request q;
	struct score_result r;
	struct score_mark *m;
	struct sc_tally t;
	char *cause = NULL;
	size_t i;
	int rc;

	sc_fs_sync(fs);
	if (fs->entry != 0 && fs->correcting == 0) {
		/* The stored entry, unchanged: nothing to store again. */
		sc_message(sc, ROLE_STATUS, tr(N_("Entry %lld is saved and "
		    "unchanged; edit a mark or the comment to correct it."),
		    "第 %lld 条已保存，未作修改；修改分数或备注即可更正。"),
		    fs->entry);
		return 0;
	}
	sc_tally(st, fs->marks, &t);
	if (t.high > 0) {
		sc_fs_focus(fs, (size_t)t.first_high);
		sc_fs_refused(fs);
		return 0;
	}
	for (i = 0; i < st->nitems; i++)
		if (fs->marks[i] < 0) {
			sc_fs_focus(fs, i);
			sc_message(sc, ROLE_ERROR, tr(N_("Item %zu has no "
			    "mark: a station is entered whole (give 0 for a "
			    "step not done)."), "第 %zu 项还没有分数：每个考站"
			    "须整体录入（未做的步骤记 0 分）。"), i + 1);
			return 0;
		}
	if (fs->has_reason && *fs->texts[sc_fs_reason_slot(fs)] == '\0') {
		sc_fs_focus(fs, sc_fs_reason_slot(fs));
		sc_message(sc, ROLE_ERROR, "%s", tr(N_("This is a correction: "
		    "type the reason before saving."),
		    "这是一次更正：保存前请填写更正原因。"));
		return 0;
	}

	memset(&q, 0, sizeof q);
	m = xcalloc(st->nitems ? st->nitems : 1, sizeof *m);
	for (i = 0; i < st->nitems; i++) {
		m[i].item = st->items[i].item;
		m[i].mark = fs->marks[i];
	}
	q.cohort = sc->ss.cohort;
	q.ticket = sc->b.rows[sc->trainee].ticket;
	q.rubric = st->rubric;
	q.marks = m;
	q.nmarks = st->nitems;
	q.comment = *fs->texts[st->nitems] != '\0' ? fs->texts[st->nitems] :
	    NULL;
	q.reason = fs->has_reason ? fs->texts[sc_fs_reason_slot(fs)] : NULL;
	q.retake = fs->retake;
	rc = score_set(sc->s, &sc->u, &q, &r, &cause);
	free(m);
	if (rc != 0) {
		sc_message(sc, ROLE_ERROR, "%s", cause);
		free(cause);
		ui_beep();
		return 0;
	}
	sc_message(sc, ROLE_OK, tr(N_("Saved (entry %lld): %d/%d, %s. "
	    "An edit now starts a correction."), "已保存（第 %lld 条）：%d/%d，"
	    "%s。再作修改即为更正。"), (long long)r.entry_id,
	    r.total, r.max, r.passed ? tr(N_("pass"), "合格") :
	    r.critical_missed ? tr(N_("fail, a critical item missed"),
	    "不合格，关键项未得满分") : tr(N_("fail"), "不合格"));
	if (sc_board_reload(sc) != 0)
		return -1;
	/*
	 * Show the entry as stored; a change from now on is a correction of
	 * it (the loop rebuilds the form).
	 */
	sc_fs_free(fs);
	fs->retake = 0;
	sc_fs_show_entry(fs, (long long)r.entry_id);
	return 0;
}

/* An edit key applied to the form. */
static void
sc_fs_edit_key(struct sc_fs *fs, int key, int mark)
{
	unsigned int cp;

	if (sc_is_backspace(key))
		form_driver(fs->form, REQ_DEL_PREV);
	else if (key == KEY_DC)
		form_driver(fs->form, REQ_DEL_CHAR);
	else if (key == UI_CTRL('u'))
		form_driver(fs->form, REQ_CLR_FIELD);
	else if (key == KEY_LEFT || key == KEY_RIGHT || key == KEY_HOME ||
	    key == KEY_END) {
		form_driver(fs->form, key == KEY_LEFT ? REQ_LEFT_CHAR :
		    key == KEY_RIGHT ? REQ_RIGHT_CHAR : key == KEY_HOME ?
		    REQ_BEG_LINE : REQ_END_LINE);
		fs->fresh = 0;
		return;
	} else if (!sc_utf8_feed(&fs->utf8, key, &cp) || cp < ' ' ||
	    cp == 0x7f)
		return;
	else if (mark && (cp < '0' || cp > '9')) {
		sc_message(fs->sc, ROLE_ERROR, tr(N_("Item %zu: marks are "
		    "whole numbers 0–%d."), "第 %zu 项：分值为 0–%d 的整数。"),
		    fs->cur + 1, fs->maxes[fs->cur]);
		ui_beep();
		return;
	} else {
		/* The first digit in a field just entered replaces it. */
		if (mark && fs->fresh)
			form_driver(fs->form, REQ_CLR_FIELD);
		form_driver_w(fs->form, OK, (wchar_t)cp);
	}
	fs->fresh = 0;
	fs->dirty = 1;
	fs->esc_armed = 0;
	sc_message_clear(fs->sc);
	sc_fs_sync(fs);
}

/* An edit key in the focused field. */
static void
sc_fs_edit(struct sc_fs *fs, int key)
{
	int mark = sc_fs_is_mark(fs, fs->cur), change;

	change = sc_is_backspace(key) || key == KEY_DC || key == UI_CTRL('u');
	/* A character: any in the comment, a digit in a mark field. */
	if (!change && key >= ' ' && key <= 0xff && key != 0x7f)
		change = !mark || (key >= '0' && key <= '9');
	if (change && fs->entry != 0 && fs->correcting == 0) {
		/* Apply the key to the form as it is, then rebuild. */
		sc_fs_edit_key(fs, key, mark);
		sc_fs_begin_correction(fs);
		return;
	}
	sc_fs_edit_key(fs, key, mark);
}

static void
sc_fs_init(struct sc_fs *fs, struct sc *sc)
{
	const struct station_row *row = &sc->b.rows[sc->trainee];
	const struct station_state *state = &row->st[sc->station];
	size_t i;

	memset(fs, 0, sizeof *fs);
	fs->sc = sc;
	fs->st = &sc->ss.stations[sc->station];
	fs->retake = sc->retake;
	fs->nslots = fs->st->nitems + 1;
	fs->texts = xcalloc(fs->nslots + 1, sizeof *fs->texts);
	fs->marks = xcalloc(fs->st->nitems + 1, sizeof *fs->marks);
	fs->maxes = xcalloc(fs->st->nitems + 1, sizeof *fs->maxes);
	for (i = 0; i < fs->st->nitems; i++) {
		fs->maxes[i] = fs->st->items[i].max;
		fs->marks[i] = -1;
	}
	for (i = 0; i < fs->nslots; i++)
		fs->texts[i] = xstrdup("");
	/* A scored station shows its latest entry; a retake starts empty. */
	if (state->entry != 0 && !fs->retake)
		sc_fs_show_entry(fs, (long long)state->entry);
}

static void
sc_fs_release(struct sc_fs *fs)
{
	size_t i;

	sc_fs_free(fs);
	for (i = 0; i < fs->nslots; i++)
		free(fs->texts[i]);
	free(fs->texts);
	free(fs->marks);
	free(fs->maxes);
	free(fs->saved_by);
}

enum sc_outcome
sc_form(struct sc *sc)
{
	struct sc_fs fs;
	struct lay l;
	enum ui_event ev;
	enum sc_outcome o;
	int key, cols, rows, small;

	if (sc_mark_type == NULL)
		sc_mark_type = new_fieldtype(sc_mark_field_check,
		    sc_mark_char_check);
	sc_fs_init(&fs, sc);
	sc_message_clear(sc);
	if (fs.entry != 0)
		sc_message(sc, ROLE_STATUS, tr(N_("Entry %lld, saved %s by %s. "
		    "Editing a mark or the comment starts a correction."),
		    "第 %lld 条，%s 由 %s 保存。修改分数或备注即开始更正。"),
		    fs.entry, fs.saved_at, fs.saved_by);
	for (;;) {
		ui_size(&cols, &rows);
		small = lay_too_small(cols, rows);
		if (small) {
			sc_fs_free(&fs);
			lay_init(&l, cols, rows);
			sc_too_small(&l);
			ui_draw(&l);
			lay_release(&l);
		} else {
			if (fs.form == NULL && sc_fs_build(&fs, cols, rows)) {
				sc->error = xstrdup(_("cannot make the rubric "
				    "form"));
				o = SC_FAILED;
				break;
			}
			sc_fs_draw(&fs, cols, rows);
		}

		ev = ui_wait(1000, &key);
		if (ev == UI_HANGUP) {
			o = SC_HANGUP;
			break;
		}
		if (ev == UI_RESIZE) {
			sc_fs_free(&fs);
			continue;
		}
		if (ev != UI_KEY || small)
			continue;
		if (key == UI_ESC || key == UI_CTRL('c')) {
			if (fs.dirty && !fs.esc_armed) {
				fs.esc_armed = 1;
				sc_message(sc, ROLE_WARN, "%s", tr(N_("Not "
				    "saved. Esc again leaves without saving; "
				    "Ctrl-S saves."), "尚未保存。再按 Esc 放弃"
				    "并返回；按 Ctrl-S 保存。"));
				continue;
			}
			o = SC_BACK;
			break;
		}
		if (key == SC_KEY_LANG) {
			sc_fs_free(&fs);
			sc_toggle_lang();
			continue;
		}
		if (key == UI_CTRL('s') || key == KEY_F(10)) {
			if (sc_fs_save(&fs) != 0) {
				o = SC_FAILED;
				break;
			}
			continue;
		}
		switch (key) {
		case '\t':
		case KEY_DOWN:
			sc_fs_move(&fs, 1);
			continue;
		case KEY_BTAB:
		case KEY_UP:
			sc_fs_move(&fs, 0);
			continue;
		case KEY_NPAGE:
		case KEY_PPAGE:
			if (form_driver(fs.form, key == KEY_NPAGE ?
			    REQ_NEXT_PAGE : REQ_PREV_PAGE) == E_INVALID_FIELD)
				sc_fs_refused(&fs);
			else
				sc_fs_entered(&fs);
			continue;
		}
		if (sc_is_enter(key)) {
			sc_fs_move(&fs, 1);
			continue;
		}
		sc_fs_edit(&fs, key);
	}
	sc_fs_release(&fs);
	sc_message_clear(sc);
	return o;
}
