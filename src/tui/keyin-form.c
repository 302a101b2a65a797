/*
 * The key-in form (keyin-client.h): one FORM field per question of the
 * printed paper, in the rows that ki_geom gives, over the layout that
 * ki_layout computes (the form's window repaints the labels of its rows
 * around the fields, as the instructor client's rubric form does).  An
 * answer that is not one the sheet can show is refused when the field is
 * left, with the core's words (keyin_parse); Ctrl-S asks once more and then
 * stores the entry through keyin_add, and only a stored entry is shown as
 * stored, with what it means: the first entry, the sitting graded, or the
 * questions where two people's entries differ.
 */
#include "config.h"

#include "keyin-client.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/text.h"
#include "keyin-layout.h"
#include "lang.h"
#include "score-int.h"
#include "tui.h"

struct ki {
	struct store			*s;
	const struct user		*u;
	const struct keyin_sheet	*k;
	const char			*context;
	char				**texts;	/* kept over rebuilds */
	size_t				 n;
	size_t				 cur;
	int				 dirty;
	int				 esc_armed;
	int				 save_armed;
	int				 fresh;
	char				*msg;
	enum lay_role			 msg_role;
	char				*who;

	struct ki_geom			 g;
	FIELD				**fields;
	FORM				*form;
	WINDOW				*win;
	struct sc_utf8			 utf8;
};

static void
ki_message(struct ki *ki, enum lay_role role, const char *fmt, ...)
{
	va_list ap;

	free(ki->msg);
	va_start(ap, fmt);
	if (vasprintf(&ki->msg, fmt, ap) == -1)
		ki->msg = NULL;
	va_end(ap);
	ki->msg_role = role;
}

/* Copy the fields' texts into the state. */
static void
ki_sync(struct ki *ki)
{
	size_t i;

	if (ki->form == NULL)
		return;
	form_driver(ki->form, REQ_VALIDATION);
	for (i = 0; i < ki->n; i++) {
		free(ki->texts[i]);
		ki->texts[i] = sc_trim(field_buffer(ki->fields[i], 0));
	}
}

static void
ki_free_form(struct ki *ki)
{
	size_t i;

	if (ki->form == NULL)
		return;
	ki_sync(ki);
	ki->cur = (size_t)field_index(current_field(ki->form));
	unpost_form(ki->form);
	free_form(ki->form);
	for (i = 0; i < ki->n; i++)
		free_field(ki->fields[i]);
	free(ki->fields);
	delwin(ki->win);
	ki->form = NULL;
	ki->fields = NULL;
	ki->win = NULL;
}

static void
ki_entered(struct ki *ki)
{
	ki->cur = (size_t)field_index(current_field(ki->form));
	form_driver(ki->form, REQ_END_LINE);
	ki->fresh = 1;
}

static int
ki_build(struct ki *ki, int cols, int rows)
{
	size_t i;
	int prev = 0, page;

	ki_geom(&ki->g, cols, rows, ki->k->a, ki->context != NULL);
	ki->fields = xcalloc(ki->n + 1, sizeof *ki->fields);
	for (i = 0; i < ki->n; i++) {
		FIELD *f = new_field(1, KI_FIELD_WIDTH, ki_row(&ki->g, i) -
		    ki->g.first_row, ki->g.field_col, 0, 0);

		if (f == NULL)
			return -1;
		field_opts_off(f, O_AUTOSKIP);
		set_field_back(f, ui_attr(ROLE_INPUT));
		page = ki_page(&ki->g, i);
		if (i > 0 && page != prev)
			set_new_page(f, TRUE);
		prev = page;
		set_field_buffer(f, 0, ki->texts[i]);
		ki->fields[i] = f;
	}
	ki->form = new_form(ki->fields);
	ki->win = newwin(ki->g.per_page, cols, ki->g.first_row, 0);
	if (ki->form == NULL || ki->win == NULL)
		return -1;
	keypad(ki->win, TRUE);
	set_form_win(ki->form, ki->win);
	set_form_sub(ki->form, ki->win);
	if (post_form(ki->form) != E_OK)
		return -1;
	set_current_field(ki->form, ki->fields[ki->cur < ki->n ? ki->cur : 0]);
	ki_entered(ki);
	return 0;
}

/* The labels of the window's rows, repainted into it around the fields. */
static void
ki_paint(struct ki *ki, const struct lay *l)
{
	const struct ki_geom *g = &ki->g;
	size_t i;
	int r;

	wattrset(ki->win, A_NORMAL);
	for (r = 0; r < g->per_page; r++) {
		mvwhline(ki->win, r, 0, ' ', g->field_col);
		mvwhline(ki->win, r, g->field_col + KI_FIELD_WIDTH, ' ',
		    g->cols - g->field_col - KI_FIELD_WIDTH);
	}
	for (i = 0; i < l->nspans; i++) {
		const struct lay_span *sp = &l->spans[i];

		r = sp->row - g->first_row;
		if (sp->bar || sp->text == NULL || r < 0 || r >= g->per_page)
			continue;
		wattrset(ki->win, ui_attr(sp->role));
		mvwaddstr(ki->win, r, sp->col, sp->text);
	}
	wattrset(ki->win, A_NORMAL);
}

/* "1 entry so far (alice); this is the second": who keyed, never what. */
static char *
ki_status(const struct ki *ki)
{
	const struct keyin_sheet *k = ki->k;
	size_t i, keyed = 0;
	char *names, *out;

	for (i = 0; i < ki->n; i++)
		keyed += *ki->texts[i] != '\0';
	if (k->nprior == 0)
		return xasprintf(trn("First entry of this sheet · %zu of "
		    "%zu question keyed", "First entry of this sheet · "
		    "%zu of %zu questions keyed", "本答题卡的第一次录入 · "
		    "已录 %zu/%zu 题", ki->n), keyed, ki->n);
	names = xstrdup("");
	for (i = 0; i < k->nprior; i++) {
		char *next = xasprintf("%s%s%s", names,
		    i ? tr(N_(", "), "、") : "", k->prior[i].by);

		free(names);
		names = next;
	}
	out = xasprintf(trn("Entry %zu of this sheet (before: %s) · %zu "
	    "of %zu question keyed", "Entry %zu of this sheet (before: "
	    "%s) · %zu of %zu questions keyed", "本答题卡的第 %zu 次录入"
	    "（之前：%s）· 已录 %zu/%zu 题", ki->n), k->nprior + 1, names,
	    keyed, ki->n);
	free(names);
	return out;
}

static void
ki_draw(struct ki *ki, int cols, int rows)
{
	struct ki_view v;
	struct lay l;
	char *status = ki_status(ki);

	memset(&v, 0, sizeof v);
	v.who = ki->who;
	v.status = status;
	v.context = ki->context;
	v.a = ki->k->a;
	v.cur = ki->cur;
	v.page = form_page(ki->form);
	v.message = ki->msg;
	v.message_role = ki->msg_role;
	lay_init(&l, cols, rows);
	ki_layout(&l, &ki->g, &v);
	ui_paint(&l);
	ki_paint(ki, &l);
	lay_release(&l);
	free(status);
	pos_form_cursor(ki->form);
	touchwin(ki->win);
	wnoutrefresh(ki->win);
	curs_set(1);
	doupdate();
}

/* Whether the answer in field i is one the sheet can show; else says why. */
static int
ki_check(struct ki *ki, size_t i)
{
	char *response = NULL, *why = NULL;

	if (keyin_parse(&ki->k->a->items[i], ki->texts[i], &response,
	    &why) == 0) {
		free(response);
		return 0;
	}
	ki_message(ki, ROLE_ERROR, tr(N_("Question %zu: %s"),
	    "第 %zu 题：%s"), i + 1, why);
	free(why);
	ui_beep();
	return -1;
}

/* Move to the next or previous field, across pages. */
static void
ki_move(struct ki *ki, int forward)
{
	size_t i = (size_t)field_index(current_field(ki->form));
	int page = ki_page(&ki->g, i), rc;
	int first = i == 0 || ki_page(&ki->g, i - 1) != page;
	int last = i + 1 == ki->n || ki_page(&ki->g, i + 1) != page;

	ki_sync(ki);
	if (ki_check(ki, i) != 0)
		return;
	if (forward)
		rc = form_driver(ki->form, ki->g.npages > 1 && last ?
		    REQ_NEXT_PAGE : REQ_NEXT_FIELD);
	else if (ki->g.npages > 1 && first) {
		rc = form_driver(ki->form, REQ_PREV_PAGE);
		if (rc == E_OK)
			form_driver(ki->form, REQ_LAST_FIELD);
	} else
		rc = form_driver(ki->form, REQ_PREV_FIELD);
	(void)rc;
	ki->esc_armed = 0;
	ki_entered(ki);
}

static void
ki_focus(struct ki *ki, size_t i)
{
	if (set_current_field(ki->form, ki->fields[i]) == E_OK)
		ki_entered(ki);
}

static void
ki_edit(struct ki *ki, int key)
{
	unsigned int cp;

	if (sc_is_backspace(key))
		form_driver(ki->form, REQ_DEL_PREV);
	else if (key == KEY_DC)
		form_driver(ki->form, REQ_DEL_CHAR);
	else if (key == UI_CTRL('u'))
		form_driver(ki->form, REQ_CLR_FIELD);
	else if (key == KEY_LEFT || key == KEY_RIGHT || key == KEY_HOME ||
	    key == KEY_END) {
		form_driver(ki->form, key == KEY_LEFT ? REQ_LEFT_CHAR :
		    key == KEY_RIGHT ? REQ_RIGHT_CHAR : key == KEY_HOME ?
		    REQ_BEG_LINE : REQ_END_LINE);
		ki->fresh = 0;
		return;
	} else if (!sc_utf8_feed(&ki->utf8, key, &cp) || cp < ' ' ||
	    cp == 0x7f)
		return;
	else {
		if (cp >= 'a' && cp <= 'z')
			cp -= 'a' - 'A';
		/* The first key in a field just entered replaces it. */
		if (ki->fresh)
			form_driver(ki->form, REQ_CLR_FIELD);
		form_driver_w(ki->form, OK, (wchar_t)cp);
	}
	ki->fresh = 0;
	ki->dirty = 1;
	ki->esc_armed = 0;
	ki->save_armed = 0;
	free(ki->msg);
	ki->msg = NULL;
	ki_sync(ki);
}

/*
 * Ctrl-S: every answer checked, then asked once more, then stored.
 * Returns 1 when stored (r, *responses), 0 to go on, -1 when the terminal
 * failed.
 */
static int
ki_save(struct ki *ki, struct keyin_result *r, char ***responses)
{
	char **resp, *why = NULL, *cause = NULL;
	size_t i, empty = 0;

	ki_sync(ki);
	resp = xcalloc(ki->n + 1, sizeof *resp);
	for (i = 0; i < ki->n; i++) {
		if (keyin_parse(&ki->k->a->items[i], ki->texts[i], &resp[i],
		    &why) != 0) {
			ki_focus(ki, i);
			ki_message(ki, ROLE_ERROR, tr(N_("Question %zu: %s"),
			    "第 %zu 题：%s"), i + 1, why);
			free(why);
			keyin_responses_free(resp, ki->n);
			ui_beep();
			return 0;
		}
		empty += *resp[i] == '\0';
	}
	if (!ki->save_armed) {
		ki->save_armed = 1;
		ki_message(ki, ROLE_WARN, trn("%zu answer, %zu empty. "
		    "Check them against the sheet; Ctrl-S again stores this "
		    "entry.", "%zu answers, %zu empty. Check them against "
		    "the sheet; Ctrl-S again stores this entry.", "共 %zu "
		    "题，%zu 题留空。请与答题卡核对；再按 Ctrl-S 保存本次录入。",
		    ki->n), ki->n, empty);
		keyin_responses_free(resp, ki->n);
		return 0;
	}
	ki->save_armed = 0;
	if (keyin_add(ki->s, ki->u, ki->k, resp, r, &cause) != 0) {
		ki_message(ki, ROLE_ERROR, tr(N_("Not stored: %s"),
		    "未保存：%s"), cause);
		free(cause);
		keyin_responses_free(resp, ki->n);
		ui_beep();
		return 0;
	}
	*responses = resp;
	return 1;
}

/* The outcome, as paragraphs of a page (freed by the caller). */
static size_t
ki_outcome(const struct ki *ki, const struct keyin_result *r,
    char *const *resp, struct lay_para **out, char ***texts)
{
	const struct attempt *a = ki->k->a;
	struct lay_para *p = xcalloc(r->ndiff + 4, sizeof *p);
	char **t = xcalloc(r->ndiff + 4, sizeof *t);
	char mine[KEYIN_MAX_TEXT + 1];
	size_t n = 0, i, q;

	if (r->outcome == KEYIN_FIRST) {
		t[n] = xasprintf(tr(N_("Stored as entry %lld. Nothing is "
		    "graded until someone else keys the same sheet and the two "
		    "entries agree."), "已保存为第 %lld 条录入。须由另一人"
		    "再录入同一答题卡且两次一致，才会评分。"),
		    (long long)r->entry_no);
		p[n].role = ROLE_OK;
		p[n].text = t[n];
		n++;
		if (r->own_before) {
			t[n] = xstrdup(tr(N_("You keyed this sheet before: "
			    "your own entries never check each other."),
			    "你之前录入过这张答题卡：同一人的录入不能互相核对。"));
			p[n].role = ROLE_WARN;
			p[n].text = t[n];
			n++;
		}
	} else if (r->outcome == KEYIN_AGREES) {
		t[n] = xasprintf(tr(N_("Stored as entry %lld: it agrees with "
		    "entry %lld by %s. The sitting is graded: written %d.%d%%, "
		    "%s."), "已保存为第 %lld 条录入：与第 %lld 条（%s 录入）一致。"
		    "已评分：笔试 %d.%d%%，%s。"), (long long)r->entry_no,
		    (long long)r->other_no, r->other_by, r->tenths / 10,
		    r->tenths % 10, r->passed ? tr(N_("pass"), "合格") :
		    tr(N_("fail"), "不合格"));
		p[n].role = ROLE_OK;
		p[n].text = t[n];
		n++;
	} else {
		t[n] = xasprintf(trn("Stored as entry %lld, but it differs "
		    "from entry %lld by %s at %zu question. Nothing is graded: "
		    "someone else keys the sheet again, and it is graded when "
		    "two entries agree.", "Stored as entry %lld, but it "
		    "differs from entry %lld by %s at %zu questions. Nothing "
		    "is graded: someone else keys the sheet again, and it is "
		    "graded when two entries agree.", "已保存为第 %lld 条录入，"
		    "但与第 %lld 条（%s 录入）有 %zu 题不一致。未评分：请另一人"
		    "再录入一次，两次一致时评分。", r->ndiff),
		    (long long)r->entry_no,
		    (long long)r->other_no, r->other_by, r->ndiff);
		p[n].role = ROLE_WARN;
		p[n].text = t[n];
		n++;
		for (i = 0; i < r->ndiff; i++) {
			q = r->diff[i];
			keyin_text(&a->items[q], resp[q], mine);
			t[n] = xasprintf(tr(N_("Question %zu: %s keyed %s, you "
			    "keyed %s"), "第 %zu 题：%s 录入 %s，你录入 %s"),
			    q + 1, r->other_by, *r->other[q] ? r->other[q] :
			    tr(N_("(empty)"), "（空）"), *mine ? mine :
			    tr(N_("(empty)"), "（空）"));
			p[n].text = t[n];
			p[n].indent = 2;
			n++;
		}
	}
	*out = p;
	*texts = t;
	return n;
}

/* The outcome page until Enter, Esc or q (or the terminal goes). */
static void
ki_show_outcome(struct ki *ki, const struct keyin_result *r,
    char *const *resp)
{
	struct lay_para *p;
	struct lay l;
	char **t, *title;
	size_t n, i;
	int cols, rows, key;
	enum ui_event ev;

	n = ki_outcome(ki, r, resp, &p, &t);
	title = xasprintf(tr(N_("Key in the answer sheet · %s"),
	    "录入答题卡 · %s"), ki->who);
	for (;;) {
		ui_size(&cols, &rows);
		lay_init(&l, cols, rows);
		if (lay_too_small(cols, rows))
			lay_too_small_screen(&l);
		else
			lay_page(&l, title, p, n, tr(N_("Enter end"),
			    "回车 结束"));
		curs_set(0);
		ui_draw(&l);
		lay_release(&l);
		ev = ui_wait(1000, &key);
		if (ev == UI_HANGUP)
			break;
		if (ev == UI_KEY && (sc_is_enter(key) || key == UI_ESC ||
		    key == 'q'))
			break;
	}
	free(title);
	for (i = 0; i < n; i++)
		free(t[i]);
	free(t);
	free(p);
}

int
keyin_client_run(struct store *s, const struct user *u,
    const struct keyin_sheet *k, const char *context, int *stored,
    struct keyin_result *r, char ***responses, char **cause)
{
	struct ki ki;
	struct lay l;
	enum ui_event ev;
	size_t i;
	int key, cols, rows, small, done = 0, rc = 0;

	*stored = 0;
	*responses = NULL;
	memset(r, 0, sizeof *r);
	memset(&ki, 0, sizeof ki);
	ki.s = s;
	ki.u = u;
	ki.k = k;
	ki.context = context;
	ki.n = k->a->nitems;
	ki.texts = xcalloc(ki.n + 1, sizeof *ki.texts);
	for (i = 0; i < ki.n; i++)
		ki.texts[i] = xstrdup("");
	ki.who = xasprintf("%s · %s %s", k->cohort, k->ticket, k->name);
	lang_set(fl_lang_zh());
	if (ki.n == 0) {
		*cause = xstrdup(_("the paper has no questions"));
		rc = -1;
		goto out;
	}
	if (ui_start(cause) != 0) {
		rc = -1;
		goto out;
	}
	while (!done) {
		ui_size(&cols, &rows);
		small = lay_too_small(cols, rows);
		if (small) {
			ki_free_form(&ki);
			lay_init(&l, cols, rows);
			lay_too_small_screen(&l);
			ui_draw(&l);
			lay_release(&l);
		} else {
			if (ki.form == NULL && ki_build(&ki, cols, rows) != 0) {
				*cause = xstrdup(_("cannot make the key-in "
				    "form"));
				rc = -1;
				break;
			}
			ki_draw(&ki, cols, rows);
		}
		ev = ui_wait(1000, &key);
		if (ev == UI_HANGUP)
			break;
		if (ev == UI_RESIZE) {
			ki_free_form(&ki);
			continue;
		}
		if (ev != UI_KEY || small)
			continue;
		if (key == UI_ESC || key == UI_CTRL('c')) {
			if (ki.dirty && !ki.esc_armed) {
				ki.esc_armed = 1;
				ki_message(&ki, ROLE_WARN, "%s", tr(N_("Not "
				    "stored. Esc again leaves without storing; "
				    "Ctrl-S stores."), "尚未保存。再按 Esc 放弃"
				    "并离开；按 Ctrl-S 保存。"));
				continue;
			}
			break;
		}
		if (key == SC_KEY_LANG) {
			ki_free_form(&ki);
			sc_toggle_lang();
			continue;
		}
		if (key == UI_CTRL('s') || key == KEY_F(10)) {
			if (ki_save(&ki, r, responses) == 1) {
				*stored = 1;
				ki_free_form(&ki);
				ki_show_outcome(&ki, r, *responses);
				done = 1;
			}
			continue;
		}
		switch (key) {
		case '\t':
		case KEY_DOWN:
			ki_move(&ki, 1);
			continue;
		case KEY_BTAB:
		case KEY_UP:
			ki_move(&ki, 0);
			continue;
		case KEY_NPAGE:
		case KEY_PPAGE:
			ki_sync(&ki);
			if (ki_check(&ki, ki.cur) == 0) {
				form_driver(ki.form, key == KEY_NPAGE ?
				    REQ_NEXT_PAGE : REQ_PREV_PAGE);
				ki_entered(&ki);
			}
			continue;
		}
		if (sc_is_enter(key)) {
			ki_move(&ki, 1);
			continue;
		}
		ki_edit(&ki, key);
	}
	ki_free_form(&ki);
	ui_end();
out:
	for (i = 0; i < ki.n; i++)
		free(ki.texts[i]);
	free(ki.texts);
	free(ki.msg);
	free(ki.who);
	return rc;
}
