/*
 * The pages of the browser sitting around the questions: the frame (head,
 * the exam bar with the server's clock), login with the language choice,
 * instructions, the list of questions, the submit confirmation, the
 * result, and the page that says the sitting moved to another device.
 * Pure: from core results to HTML, every text escaped (wb_esc), no I/O.
 */
#include "config.h"

#include "web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attempt.h"
#include "core/i18n.h"
#include "core/table.h"
#include "core/xalloc.h"

#define T(en_, zh_) web_tr(pg->zh, (en_), (zh_))
#define TN(en_, enp_, zh_, n_) web_trn(pg->zh, (en_), (enp_), (zh_), (n_))

/* The chosen language's side of a paper text (the other when empty). */
const char *
page_text(const struct web_page *pg, const struct ltext *t)
{
	const char *s = pg->zh ? t->zh : t->en;

	if (s == NULL || *s == '\0')
		s = pg->zh ? t->en : t->zh;
	return s != NULL ? s : "";
}

/* "12:34" or "1:02:03" of seconds. */
static void
page_clock(long left, char *buf, size_t size)
{
	if (left >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", left / 3600,
		    left / 60 % 60, left % 60);
	else
		snprintf(buf, size, "%ld:%02ld", left / 60, left % 60);
}

void
page_begin(struct wbuf *b, const struct web_page *pg, const char *title,
    const struct attempt *a)
{
	wb_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head>"
	    "<meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width,"
	    "initial-scale=1\"><title>", pg->zh ? "zh-CN" : "en");
	wb_esc(b, title);
	wb_put(b, "</title><link rel=\"stylesheet\" href=\"/style.css\">"
	    "</head>\n<body>\n");
	if (a != NULL && a->status == ATTEMPT_IN_PROGRESS) {
		long left = attempt_remaining(a, pg->now);
		char clock[32];

		page_clock(left, clock, sizeof clock);
		wb_put(b, "<header class=\"bar\"><span class=\"exam\">");
		wb_esc(b, page_text(pg, &a->exam_title));
		wb_printf(b, "</span> <span class=\"time%s\">",
		    left < 300 ? " low" : "");
		wb_esc(b, T(N_("Time left"), "剩余时间"));
		wb_printf(b, " <b id=\"clock\" data-left=\"%ld\">%s</b>"
		    "</span></header>\n", left, clock);
	}
	wb_put(b, "<main>\n");
	if (pg->notice != NULL && *pg->notice != '\0') {
		wb_printf(b, "<p class=\"%s\" role=\"status\">",
		    pg->notice_error ? "err" : "ok");
		wb_esc(b, pg->notice);
		wb_put(b, "</p>\n");
	}
}

void
page_end(struct wbuf *b, const struct web_page *pg, const struct attempt *a)
{
	wb_put(b, "</main>\n");
	if (a != NULL && a->status == ATTEMPT_IN_PROGRESS)
		wb_put(b, "<script src=\"/clock.js\" defer></script>\n");
	wb_put(b, "</body></html>\n");
}

/* A hidden form field. */
static void
page_hidden(struct wbuf *b, const char *name, const char *value)
{
	wb_printf(b, "<input type=\"hidden\" name=\"%s\" value=\"", name);
	wb_esc(b, value);
	wb_put(b, "\">");
}

void
page_login(struct wbuf *b, const struct web_page *pg, const char *ticket)
{
	page_begin(b, pg, T(N_("Written test: log in"), "笔试：登录"), NULL);
	wb_put(b, "<nav class=\"lang\"><a href=\"/?lang=zh\" lang=\"zh-CN\""
	    " hreflang=\"zh-CN\">中文</a> <a href=\"/?lang=en\" lang=\"en\""
	    " hreflang=\"en\">English</a></nav>\n<h1>");
	wb_esc(b, T(N_("Written test: log in"), "笔试：登录"));
	wb_put(b, "</h1>\n<p>");
	wb_esc(b, T(N_("Enter the ticket number and the PIN from your exam "
	    "slip."), "请输入考试通知单上的准考证号和密码。"));
	wb_put(b, "</p>\n<form method=\"post\" action=\"/login\" "
	    "autocomplete=\"off\">");
	page_hidden(b, "csrf", pg->csrf != NULL ? pg->csrf : "");
	page_hidden(b, "lang", pg->zh ? "zh" : "en");
	wb_put(b, "\n<label for=\"ticket\">");
	wb_esc(b, T(N_("Ticket number:"), "准考证号："));
	wb_put(b, "</label><input id=\"ticket\" name=\"ticket\" required "
	    "maxlength=\"32\" autocapitalize=\"off\" spellcheck=\"false\""
	    " value=\"");
	wb_esc(b, ticket != NULL ? ticket : "");
	wb_put(b, "\">\n<label for=\"pin\">");
	wb_esc(b, T(N_("PIN:"), "密码："));
	wb_put(b, "</label><input id=\"pin\" name=\"pin\" type=\"password\" "
	    "required maxlength=\"32\" inputmode=\"numeric\">\n"
	    "<button class=\"primary\">");
	wb_esc(b, T(N_("Log in"), "登录"));
	wb_put(b, "</button></form>\n");
	page_end(b, pg, NULL);
}

/* The first question without a complete answer (0 when all are). */
static size_t
page_first_empty(const struct attempt *a)
{
	size_t i;

	for (i = 0; i < a->nitems; i++)
		if (!paper_item_answered(&a->items[i]))
			return i;
	return 0;
}

void
page_instructions(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a, const char *name, const char *ticket,
    const char *community)
{
	char clock[32], *nq, *nm;
	size_t answered = attempt_answered(a);

	page_clock(attempt_remaining(a, pg->now), clock, sizeof clock);
	page_begin(b, pg, page_text(pg, &a->exam_title), a);
	wb_put(b, "<h1>");
	wb_esc(b, page_text(pg, &a->exam_title));
	wb_put(b, "</h1>\n<p>");
	wb_escf(b, T(N_("%s, ticket %s, community %s."), "%s，准考证号 %s，%s。"),
	    name, ticket, community);
	wb_put(b, "</p>\n<p>");
	nq = xasprintf(TN("%zu question", "%zu questions", "%zu 题",
	    a->nitems), a->nitems);
	nm = xasprintf(TN("%d minute", "%d minutes", "%d 分钟",
	    (unsigned long)a->minutes), a->minutes);
	wb_escf(b, T(N_("The written test has %s and lasts %s. The "
	    "clock has started and does not stop: if the connection is lost, "
	    "log in again and you continue where you were. Time left: %s."),
	    "本次笔试共 %s，限时 %s。计时已经开始且不会暂停；"
	    "如果连接中断，重新登录即可从中断处继续。剩余时间：%s。"),
	    nq, nm, clock);
	free(nq);
	free(nm);
	wb_put(b, "</p>\n");
	if (answered > 0 || attempt_flagged(a) > 0) {
		wb_put(b, "<p class=\"warn\">");
		wb_escf(b, T(N_("You are continuing your exam: %zu of %zu "
		    "answered, %zu flagged."), "你正在继续考试：已答 %zu/%zu 题，"
		    "标记 %zu 题。"), answered, a->nitems, attempt_flagged(a));
		wb_put(b, "</p>\n");
	}
	wb_put(b, "<p>");
	wb_esc(b, T(N_("Each answer is saved when you press a button under "
	    "the question; the page says so. One question per page; the "
	    "list shows which are answered, flagged or empty."),
	    "每道题下方按下任一按钮时，答案即被保存，页面会提示已保存。每页一题；"
	    "题目列表显示已答、已标记和未答的题目。"));
	wb_printf(b, "</p>\n<p><a class=\"button primary\" href=\"/q/%zu\">",
	    page_first_empty(a) + 1);
	wb_esc(b, answered > 0 ? T(N_("Continue"), "继续答题") :
	    T(N_("Begin"), "开始答题"));
	wb_put(b, "</a> <a class=\"button\" href=\"/list\">");
	wb_esc(b, T(N_("List of questions"), "题目列表"));
	wb_put(b, "</a></p>\n");
	page_end(b, pg, a);
}

void
page_list(struct wbuf *b, const struct web_page *pg, const struct attempt *a)
{
	size_t i;

	page_begin(b, pg, T(N_("List of questions"), "题目列表"), a);
	wb_put(b, "<h1>");
	wb_esc(b, T(N_("List of questions"), "题目列表"));
	wb_put(b, "</h1>\n<p>");
	wb_escf(b, TN("Answered: %zu of %zu question.",
	    "Answered: %zu of %zu questions.", "已答：%zu/%zu 题。",
	    a->nitems), attempt_answered(a), a->nitems);
	wb_put(b, " ");
	wb_escf(b, T(N_("Flagged for review: %zu."), "标记待查：%zu 题。"),
	    attempt_flagged(a));
	wb_put(b, "</p>\n<p class=\"legend\"><span class=\"q done\">1</span> ");
	wb_esc(b, T(N_("answered"), "已答"));
	wb_put(b, " <span class=\"q\">2</span> ");
	wb_esc(b, T(N_("empty"), "未答"));
	wb_put(b, " <span class=\"q flag\">3</span> ");
	wb_esc(b, T(N_("flagged"), "已标记"));
	wb_put(b, "</p>\n<ol class=\"grid\">");
	for (i = 0; i < a->nitems; i++) {
		const struct paper_item *it = &a->items[i];
		int done = paper_item_answered(it);

		wb_printf(b, "<li><a class=\"q%s%s\" href=\"/q/%zu\" "
		    "title=\"%s%s\">%zu</a></li>", done ? " done" : "",
		    it->flagged ? " flag" : "", i + 1,
		    done ? T(N_("answered"), "已答") : T(N_("empty"), "未答"),
		    it->flagged ? " *" : "", i + 1);
	}
	wb_put(b, "</ol>\n<p><a class=\"button primary\" href=\"/submit\">");
	wb_esc(b, T(N_("Submit..."), "交卷……"));
	wb_put(b, "</a></p>\n");
	page_end(b, pg, a);
}

/* "3, 7, 12" of the questions that are empty (or flagged). */
static void
page_numbers(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a, int flagged)
{
	size_t i, n = 0;

	for (i = 0; i < a->nitems; i++) {
		int match = flagged ? a->items[i].flagged :
		    !paper_item_answered(&a->items[i]);

		if (match)
			wb_printf(b, "%s<a href=\"/q/%zu\">%zu</a>",
			    n++ > 0 ? T(N_(", "), "、") : "", i + 1, i + 1);
	}
}

void
page_submit(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a)
{
	size_t nempty = a->nitems - attempt_answered(a);
	size_t nflag = attempt_flagged(a);

	page_begin(b, pg, T(N_("Submit your answers?"), "确认交卷？"), a);
	wb_put(b, "<h1>");
	wb_esc(b, T(N_("Submit your answers?"), "确认交卷？"));
	wb_put(b, "</h1>\n<p>");
	wb_escf(b, TN("Answered: %zu of %zu question.",
	    "Answered: %zu of %zu questions.", "已答：%zu/%zu 题。",
	    a->nitems), attempt_answered(a), a->nitems);
	wb_printf(b, "</p>\n<p class=\"%s\" id=\"empty\">", nempty > 0 ?
	    "warn" : "");
	wb_escf(b, T(N_("Empty: %zu."), "未答：%zu 题。"), nempty);
	wb_put(b, " ");
	page_numbers(b, pg, a, 0);
	wb_printf(b, "</p>\n<p class=\"%s\" id=\"flagged\">", nflag > 0 ?
	    "warn" : "");
	wb_escf(b, T(N_("Flagged for review: %zu."), "标记待查：%zu 题。"),
	    nflag);
	wb_put(b, " ");
	page_numbers(b, pg, a, 1);
	wb_put(b, "</p>\n<p>");
	wb_esc(b, T(N_("After submitting you cannot change any answer."),
	    "交卷后不能再修改答案。"));
	wb_put(b, "</p>\n<form method=\"post\" action=\"/submit\">");
	page_hidden(b, "csrf", pg->csrf);
	wb_put(b, "<button class=\"primary\">");
	wb_esc(b, T(N_("Submit now"), "确认交卷"));
	wb_put(b, "</button></form>\n<p><a class=\"button\" href=\"/list\">");
	wb_esc(b, T(N_("Back to the questions"), "返回答题"));
	wb_put(b, "</a></p>\n");
	page_end(b, pg, a);
}

/* The module's title in the page's language, else its id. */
static const char *
page_module_title(const struct web_page *pg, const struct table *titles,
    const char *module)
{
	size_t r;

	for (r = 1; titles != NULL && r < titles->nrows; r++)
		if (strcmp(table_cell(titles, r, 0), module) == 0) {
			const char *t = table_cell(titles, r, pg->zh ? 1 : 2);

			return *t != '\0' ? t : module;
		}
	return module;
}

/* Log out of this device (a shared phone, a venue's kiosk). */
static void
page_logout(struct wbuf *b, const struct web_page *pg)
{
	if (pg->csrf == NULL)
		return;
	wb_put(b, "<form method=\"post\" action=\"/logout\">");
	page_hidden(b, "csrf", pg->csrf);
	wb_put(b, "<button>");
	wb_esc(b, T(N_("Log out"), "退出登录"));
	wb_put(b, "</button></form>\n");
}

void
page_result(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a, const struct table *titles)
{
	struct grade g;
	size_t i;

	page_begin(b, pg, page_text(pg, &a->exam_title), NULL);
	wb_put(b, "<h1>");
	wb_esc(b, page_text(pg, &a->exam_title));
	wb_put(b, "</h1>\n");
	if (a->status == ATTEMPT_EXPIRED) {
		wb_put(b, "<p class=\"warn\" id=\"status\">");
		wb_esc(b, T(N_("Time is up: your answers were submitted "
		    "automatically."), "考试时间到，你的答案已自动提交。"));
	} else {
		wb_put(b, "<p class=\"ok\" id=\"status\">");
		wb_esc(b, T(N_("Your answers are submitted."),
		    "你的答案已提交。"));
	}
	wb_put(b, "</p>\n");
	if (!a->show_result) {
		wb_put(b, "<p>");
		wb_esc(b, T(N_("Your instructor will tell you the result."),
		    "成绩将由考评员公布。"));
		wb_put(b, "</p>\n");
		page_logout(b, pg);
		page_end(b, pg, NULL);
		return;
	}
	attempt_grade(a, &g);
	wb_put(b, "<p id=\"score\">");
	wb_escf(b, T(N_("Score: %d.%d%% (%d of %d correct; pass mark %d%%)."),
	    "成绩：%d.%d%%（答对 %d/%d 题；及格线 %d%%）。"), g.tenths / 10,
	    g.tenths % 10, g.correct, g.total, a->pass);
	wb_printf(b, "</p>\n<p class=\"%s\" id=\"verdict\"><b>",
	    g.passed ? "ok" : "err");
	wb_esc(b, g.passed ? T(N_("Passed."), "合格。") :
	    T(N_("Not passed."), "不合格。"));
	wb_put(b, "</b></p>\n<h2>");
	wb_esc(b, T(N_("By module:"), "各模块成绩："));
	wb_put(b, "</h2>\n<table class=\"modules\">");
	for (i = 0; i < g.nmodules; i++) {
		const struct grade_module *m = &g.modules[i];

		wb_put(b, "<tr><td>");
		wb_esc(b, page_module_title(pg, titles, m->module));
		wb_printf(b, "</td><td class=\"n\">%d/%d</td>"
		    "<td class=\"n\">%d.%d%%</td></tr>", m->correct, m->total,
		    m->tenths / 10, m->tenths % 10);
	}
	wb_put(b, "</table>\n");
	grade_release(&g);
	page_logout(b, pg);
	page_end(b, pg, NULL);
}

void
page_taken_over(struct wbuf *b, const struct web_page *pg)
{
	page_message(b, pg, T(N_("The exam continues on another device"),
	    "考试已在另一台设备上继续"),
	    T(N_("Your exam was opened on another device with your ticket "
	    "number, and continues there. Nothing was lost. To go on here, "
	    "log in again (the other device then stops)."),
	    "你的准考证号已在另一台设备上登录，考试在那里继续，答案没有丢失。"
	    "如需在本设备继续，请重新登录（另一台设备随即停止）。"),
	    pg->zh ? "/?lang=zh" : "/?lang=en", T(N_("Log in again"),
	    "重新登录"));
}

void
page_message(struct wbuf *b, const struct web_page *pg, const char *title,
    const char *text, const char *href, const char *link)
{
	page_begin(b, pg, title, NULL);
	wb_put(b, "<h1>");
	wb_esc(b, title);
	wb_put(b, "</h1>\n<p class=\"warn\" id=\"message\">");
	wb_esc(b, text);
	wb_put(b, "</p>\n<p><a class=\"button primary\" href=\"");
	wb_esc(b, href);
	wb_put(b, "\">");
	wb_esc(b, link);
	wb_put(b, "</a></p>\n");
	page_end(b, pg, NULL);
}
