/*
 * The rows of the instructor client's menus (cohorts, trainees with the
 * state of their components, stations) and the lines of a trainee's score
 * history, as text padded and cut by display width, so that Chinese names
 * and titles line up in columns.  Pure: no curses, no database.
 */
#include "config.h"

#include "score-layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "lang.h"

/* ------------------------------------------------------------ menus */

char *
sc_cell(const char *text, int width)
{
	size_t used, n, w;
	char *s;

	if (width <= 0)
		return xstrdup("");
	w = text_width(text);
	if (w <= (size_t)width)
		return xasprintf("%s%*s", text, width - (int)w, "");
	n = text_fit(text, (size_t)(width - 1), &used);
	s = xasprintf("%.*s…%*s", (int)n, text, width - 1 - (int)used, "");
	return s;
}

char *
sc_cell_right(const char *text, int width)
{
	size_t w = text_width(text);

	if (w >= (size_t)width)
		return sc_cell(text, width);
	return xasprintf("%*s%s", width - (int)w, "", text);
}

const char *
sc_station_title(const struct station *st)
{
	return lang_zh() ? st->title_zh : st->title_en;
}

void
sc_station_tag(const struct station_set *ss, size_t k, char *buf,
    size_t size)
{
	size_t i, n = 0;

	for (i = 0; i <= k && i < ss->n; i++)
		if (ss->stations[i].simulation == ss->stations[k].simulation)
			n++;
	snprintf(buf, size, "%s%zu", ss->stations[k].simulation ? "S" : "P",
	    n);
}

void
sc_state_cell(const struct station_state *st, char *buf, size_t size)
{
	if (st == NULL || st->entry == 0)
		snprintf(buf, size, "–");
	else
		snprintf(buf, size, "%s%d", st->passed ? "✓" : "✗",
		    station_percent(st->total, st->max));
}

/* The simulation's state when any one scenario makes it: the latest. */
static const struct station_state *
sc_sim_latest(const struct station_set *ss, const struct station_row *r)
{
	const struct station_state *best = NULL;
	size_t k;

	for (k = 0; k < ss->n; k++)
		if (ss->stations[k].simulation && r->st[k].entry != 0 &&
		    (best == NULL || r->st[k].entry > best->entry))
			best = &r->st[k];
	return best;
}

static int
sc_max(int a, int b)
{
	return a > b ? a : b;
}

void
sc_board_cols(const struct station_set *ss, const struct station_board *b,
    int width, struct sc_board_cols *c)
{
	size_t i, k, nst = 0;
	int used, wide = 0;

	memset(c, 0, sizeof *c);
	c->ticket = (int)text_width(tr(N_("Ticket"), "准考证号"));
	for (i = 0; i < b->n; i++) {
		c->ticket = sc_max(c->ticket,
		    (int)text_width(b->rows[i].ticket));
		wide = sc_max(wide, (int)text_width(b->rows[i].name));
	}
	c->written = sc_max(5, (int)text_width(tr(N_("Written"), "笔试")));
	c->station = 4;
	for (k = 0; k < ss->n; k++)
		if (!ss->stations[k].simulation || !ss->sim_one_of)
			nst++;
	c->sim_one = 0;
	for (k = 0; k < ss->n; k++)
		if (ss->stations[k].simulation && ss->sim_one_of)
			c->sim_one = sc_max(4, (int)text_width(tr(N_("Sim"),
			    "模拟")));
	used = c->ticket + 2 + 2 + c->written + (int)nst * (2 + c->station) +
	    (c->sim_one > 0 ? 2 + c->sim_one : 0);
	c->name = width - used;
	if (c->name > sc_max(wide, 8) + 2)
		c->name = sc_max(wide, 8) + 2;
	if (c->name < 6)
		c->name = 6;
}

/* Append cell to *s (a growing row). */
static void
sc_append(char **s, const char *sep, char *cell)
{
	char *n = xasprintf("%s%s%s", *s, sep, cell);

	free(*s);
	free(cell);
	*s = n;
}

char *
sc_board_header(const struct station_set *ss, const struct sc_board_cols *c)
{
	char *s = sc_cell(tr(N_("Ticket"), "准考证号"), c->ticket), tag[16];
	size_t k;

	sc_append(&s, "  ", sc_cell(tr(N_("Name"), "姓名"), c->name));
	sc_append(&s, "  ", sc_cell_right(tr(N_("Written"), "笔试"),
	    c->written));
	for (k = 0; k < ss->n; k++) {
		if (ss->stations[k].simulation && ss->sim_one_of)
			continue;
		sc_station_tag(ss, k, tag, sizeof tag);
		sc_append(&s, "  ", sc_cell(tag, c->station));
	}
	if (c->sim_one > 0)
		sc_append(&s, "  ", sc_cell(tr(N_("Sim"), "模拟"), c->sim_one));
	return s;
}

char *
sc_board_row(const struct station_set *ss, const struct station_row *r,
    const struct sc_board_cols *c)
{
	char *s = sc_cell(r->ticket, c->ticket), buf[32];
	size_t k;

	sc_append(&s, "  ", sc_cell(r->name, c->name));
	if (r->withdrawn) {
		sc_append(&s, "  ", xstrdup(tr(N_("withdrawn"), "已退出")));
		return s;
	}
	if (r->written)
		snprintf(buf, sizeof buf, "%d.%d", r->written_tenths / 10,
		    r->written_tenths % 10);
	else
		snprintf(buf, sizeof buf, "–");
	sc_append(&s, "  ", sc_cell_right(buf, c->written));
	for (k = 0; k < ss->n; k++) {
		if (ss->stations[k].simulation && ss->sim_one_of)
			continue;
		sc_state_cell(&r->st[k], buf, sizeof buf);
		sc_append(&s, "  ", sc_cell(buf, c->station));
	}
	if (c->sim_one > 0) {
		sc_state_cell(sc_sim_latest(ss, r), buf, sizeof buf);
		sc_append(&s, "  ", sc_cell(buf, c->sim_one));
	}
	return s;
}

char *
sc_board_legend(const struct station_set *ss)
{
	char *s = xstrdup(""), tag[16];
	size_t k;

	for (k = 0; k < ss->n; k++) {
		if (ss->stations[k].simulation && ss->sim_one_of)
			continue;
		sc_station_tag(ss, k, tag, sizeof tag);
		sc_append(&s, *s != '\0' ? "  " : "", xasprintf("%s %s", tag,
		    sc_station_title(&ss->stations[k])));
	}
	for (k = 0; k < ss->n; k++)
		if (ss->stations[k].simulation && ss->sim_one_of) {
			sc_append(&s, *s != '\0' ? "  " : "",
			    xstrdup(tr(N_("Sim: any one scenario"),
			    "模拟：任选一个情景")));
			break;
		}
	return s;
}

char *
sc_station_row(const struct station_set *ss, size_t k,
    const struct station_row *r, int width)
{
	const struct station *st = &ss->stations[k];
	const struct station_state *state = &r->st[k];
	char tag[16], *state_text, *title, *s;
	size_t n;

	sc_station_tag(ss, k, tag, sizeof tag);
	if (state->entry == 0)
		state_text = xstrdup(tr(N_("– not scored"), "– 未评分"));
	else
		state_text = xasprintf("%s %d/%d%s", state->passed ? "✓" :
		    "✗", state->total, state->max, state->critical_missed ?
		    tr(N_(" critical"), " 关键项") : state->retake ?
		    tr(N_(" retake"), " 补考") : state->entries > 1 ?
		    tr(N_(" corrected"), " 已更正") : "");
	/* "P1  title ...  state": the title takes what the state leaves. */
	title = sc_cell(sc_station_title(st), width - 4 - 2 - SC_STATE_WIDTH);
	s = xasprintf("%-4s%s  %s", tag, title, state_text);
	free(title);
	free(state_text);
	/* No trailing spaces: the menu pads the row itself. */
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

char *
sc_cohort_row(const struct table *t, size_t i, int width)
{
	const char *id = table_cell(t, i, 0), *name = table_cell(t, i, 1);
	const char *exam = table_cell(t, i, 2);
	int sealed = strcmp(table_cell(t, i, 6), "sealed") == 0;
	char *a, *b, *c, *s, *row;
	int name_width = width - 14 - 2 - 12 - 2 - 24;

	if (name_width < 12)
		name_width = 12;
	a = sc_cell(id, 14);
	b = sc_cell(name, name_width);
	c = sc_cell(exam, 12);
	s = xasprintf(trn("%s trainee%s", "%s trainees%s",
	    "%s 名学员%s", strtoul(table_cell(t, i, 3), NULL, 10)),
	    table_cell(t, i, 3), sealed ? tr(N_(", certified"), "，已认证") :
	    "");
	row = xasprintf("%s  %s  %s  %s", a, b, c, s);
	free(a);
	free(b);
	free(c);
	free(s);
	s = sc_cell(row, width);
	free(row);
	return s;
}

/* ---------------------------------------------------------- history */

static void
sc_lines_add(char ***lines, size_t *n, size_t *cap, char *line)
{
	xgrow(lines, cap, *n + 1, sizeof **lines);
	(*lines)[(*n)++] = line;
}

/* Add text wrapped to width after an indent of indent columns. */
static void
sc_lines_wrap(char ***lines, size_t *n, size_t *cap, int indent, int width,
    const char *text)
{
	struct text_line *tl;
	size_t k, nl;

	nl = text_wrap(text, (size_t)(width - indent > 8 ? width - indent : 8),
	    &tl);
	for (k = 0; k < nl; k++)
		sc_lines_add(lines, n, cap, xasprintf("%*s%.*s", indent, "",
		    (int)tl[k].len, text + tl[k].start));
	free(tl);
}

/* "a=1;b=2" as "a=1; b=2", so that it wraps between items. */
static char *
sc_marks_spaced(const char *marks)
{
	char *out = xmalloc(strlen(marks) * 2 + 1), *q = out;

	for (; *marks != '\0'; marks++) {
		*q++ = *marks;
		if (*marks == ';')
			*q++ = ' ';
	}
	*q = '\0';
	return out;
}

/* How a sitting of the written test arrived, in the client's language. */
static const char *
sc_mode_label(const char *mode)
{
	if (strcmp(mode, "terminal") == 0)
		return tr(N_("at a terminal"), "终端作答");
	if (strcmp(mode, "browser") == 0)
		return tr(N_("in a browser"), "浏览器作答");
	if (strcmp(mode, "paper-scan") == 0)
		return tr(N_("on paper, scanned"), "纸卷扫描");
	if (strcmp(mode, "paper-keyed") == 0)
		return tr(N_("on paper, keyed in"), "纸卷录入");
	return mode;
}

size_t
sc_history_lines(const struct table *t, int width, char ***lines)
{
	size_t r, n = 0, cap = 0;
	char *line, *marks;

	*lines = NULL;
	for (r = 1; r < t->nrows; r++) {
		const char *rubric = table_cell(t, r, 2);
		int total = atoi(table_cell(t, r, 3));
		int max = atoi(table_cell(t, r, 4));
		int retake = strcmp(table_cell(t, r, 5), "yes") == 0;
		int counts = strcmp(table_cell(t, r, 10), "yes") == 0;
		char score[32], at[32];

		if (strcmp(rubric, "written") == 0)	/* "78.0" */
			snprintf(score, sizeof score, "%s%%",
			    table_cell(t, r, 3));
		else
			snprintf(score, sizeof score, "%d/%d", total, max);
		/* "2026-11-28T09:30:00Z" -> local "2026-11-28 17:30" */
		if (fl_local_time(table_cell(t, r, 7), 1, at) == NULL)
			snprintf(at, sizeof at, "%s", table_cell(t, r, 7));
		if (*table_cell(t, r, 0) == '\0') {	/* a sitting */
			line = xasprintf("%s  %s  %s%s%s  %s%s%s",
			    tr(N_("written test"), "笔试"), score,
			    sc_mode_label(t->ncols > 12 ?
			    table_cell(t, r, 12) : ""),
			    *table_cell(t, r, 6) ? tr(N_(" by "), " 录入：") :
			    "", table_cell(t, r, 6), at,
			    retake ? tr(N_("  retake"), "  补考") : "",
			    counts ? tr(N_("  (counts)"), "  （有效）") : "");
			sc_lines_wrap(lines, &n, &cap, 0, width, line);
			free(line);
			continue;
		}
		line = xasprintf(tr(N_("#%s  %s  %s  by %s  %s%s%s"),
		    "#%s  %s  %s  %s 录入  %s%s%s"), table_cell(t, r, 0),
		    rubric, score, table_cell(t, r, 6), at,
		    retake ? tr(N_("  retake"), "  补考") : "",
		    counts ? tr(N_("  (counts)"), "  （有效）") : "");
		sc_lines_wrap(lines, &n, &cap, 0, width, line);
		free(line);
		if (*table_cell(t, r, 8) != '\0') {
			line = xasprintf(tr(N_("reason: %s"), "原因：%s"),
			    table_cell(t, r, 8));
			sc_lines_wrap(lines, &n, &cap, 4, width, line);
			free(line);
		}
		if (*table_cell(t, r, 9) != '\0') {
			marks = sc_marks_spaced(table_cell(t, r, 9));
			line = xasprintf(tr(N_("marks: %s"), "各项得分：%s"),
			    marks);
			sc_lines_wrap(lines, &n, &cap, 4, width, line);
			free(line);
			free(marks);
		}
		if (t->ncols > 11 && *table_cell(t, r, 11) != '\0') {
			line = xasprintf(tr(N_("comment: %s"), "备注：%s"),
			    table_cell(t, r, 11));
			sc_lines_wrap(lines, &n, &cap, 4, width, line);
			free(line);
		}
	}
	return n;
}

void
sc_lines_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
