/*
 * One question per page, a form for each type that works without
 * scripts: radio buttons (single choice, true/false), check boxes
 * (multiple choice), and for ordering a drop-down per step giving its
 * place (1, 2, ...).  The buttons under it save the answer and go on, go
 * back, flag, open the list or clear the answer.  Pure, like pages.c.
 */
#include "config.h"

#include "web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attempt.h"
#include "core/i18n.h"

#define T(en_, zh_) web_tr(pg->zh, (en_), (zh_))

static const char *
page_type_name(const struct web_page *pg, enum qtype t)
{
	switch (t) {
	case QTYPE_SINGLE:
		return T(N_("single choice"), "单选题");
	case QTYPE_MULTIPLE:
		return T(N_("multiple choice: choose all that apply"),
		    "多选题：选出所有正确选项");
	case QTYPE_TRUEFALSE:
		return T(N_("true or false"), "判断题");
	case QTYPE_ORDERING:
		return T(N_("ordering: give each step its place, 1 first"),
		    "排序题：为每个步骤选择顺序，1 为第一步");
	}
	return "";
}

/* Whether display index k is in the response "0,2" (choices). */
static int
page_chosen(const char *r, size_t k)
{
	char *end;
	long v;

	while (*r != '\0') {
		v = strtol(r, &end, 10);
		if (end == r)
			return 0;
		if (v == (long)k)
			return 1;
		r = *end == ',' ? end + 1 : end;
	}
	return 0;
}

/* The 1-based place the ordering response gives step k, or 0. */
static size_t
page_place(const char *r, size_t k)
{
	size_t place = 1;
	char *end;
	long v;

	while (*r != '\0') {
		v = strtol(r, &end, 10);
		if (end == r)
			return 0;
		if (v == (long)k)
			return place;
		place++;
		r = *end == ',' ? end + 1 : end;
	}
	return 0;
}

static void
page_choice(struct wbuf *b, const char *type, const char *value,
    int checked, const char *letter, const char *text)
{
	wb_printf(b, "<label class=\"opt\"><input type=\"%s\" name=\"a\" "
	    "value=\"%s\"%s> ", type, value, checked ? " checked" : "");
	if (letter != NULL)
		wb_printf(b, "<b>%s</b> ", letter);
	wb_esc(b, text);
	wb_put(b, "</label>\n");
}

static void
page_button(struct wbuf *b, const char *go, const char *cls,
    const char *label)
{
	wb_printf(b, "<button name=\"go\" value=\"%s\"%s%s%s>", go,
	    cls != NULL ? " class=\"" : "", cls != NULL ? cls : "",
	    cls != NULL ? "\"" : "");
	wb_esc(b, label);
	wb_put(b, "</button>");
}

void
page_question(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a, size_t i)
{
	const struct paper_item *it = &a->items[i];
	char title[64], letter[4], value[24];
	size_t k, p;

	snprintf(title, sizeof title, T(N_("Question %zu/%zu"),
	    "第 %zu/%zu 题"), i + 1, a->nitems);
	page_begin(b, pg, title, a);
	wb_printf(b, "<p class=\"qn\"><b>");
	wb_esc(b, title);
	wb_put(b, "</b> · ");
	wb_esc(b, page_type_name(pg, it->type));
	if (it->flagged) {
		wb_put(b, " <span class=\"flagged\">");
		wb_esc(b, T(N_("flagged"), "已标记"));
		wb_put(b, "</span>");
	}
	wb_put(b, "</p>\n<h1 class=\"stem\">");
	wb_esc(b, page_text(pg, &it->stem));
	wb_printf(b, "</h1>\n<form method=\"post\" action=\"/q/%zu\">", i + 1);
	wb_printf(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	wb_esc(b, pg->csrf);
	wb_put(b, "\"><input type=\"hidden\" name=\"t\" value=\"1\">\n"
	    "<fieldset>");
	switch (it->type) {
	case QTYPE_SINGLE:
	case QTYPE_MULTIPLE:
		for (k = 0; k < it->noptions; k++) {
			snprintf(letter, sizeof letter, "%c", (int)('A' + k));
			snprintf(value, sizeof value, "%zu", k);
			page_choice(b, it->type == QTYPE_SINGLE ? "radio" :
			    "checkbox", value, page_chosen(it->response, k),
			    letter, page_text(pg, &it->options[k].text));
		}
		break;
	case QTYPE_TRUEFALSE:
		page_choice(b, "radio", "1", strcmp(it->response, "1") == 0,
		    NULL, T(N_("True"), "正确"));
		page_choice(b, "radio", "0", strcmp(it->response, "0") == 0,
		    NULL, T(N_("False"), "错误"));
		break;
	case QTYPE_ORDERING:
		for (k = 0; k < it->noptions; k++) {
			size_t place = page_place(it->response, k);

			wb_printf(b, "<label class=\"step\"><select name=\"p%zu\""
			    "><option value=\"\">-</option>", k);
			for (p = 1; p <= it->noptions; p++)
				wb_printf(b, "<option%s>%zu</option>",
				    p == place ? " selected" : "", p);
			wb_put(b, "</select> ");
			wb_esc(b, page_text(pg, &it->options[k].text));
			wb_put(b, "</label>\n");
		}
		break;
	}
	wb_put(b, "</fieldset>\n<div class=\"nav\">");
	/* The first button is the one Enter presses: save and go on. */
	page_button(b, "next", "primary", i + 1 < a->nitems ?
	    T(N_("Save and next"), "保存并下一题") :
	    T(N_("Save and finish"), "保存并完成"));
	if (i > 0)
		page_button(b, "prev", NULL, T(N_("Previous"), "上一题"));
	page_button(b, "flag", it->flagged ? "flagged" : NULL, it->flagged ?
	    T(N_("Remove flag"), "取消标记") :
	    T(N_("Flag for review"), "标记待查"));
	page_button(b, "list", NULL, T(N_("List of questions"), "题目列表"));
	if (*it->response != '\0')
		page_button(b, "clear", NULL, T(N_("Clear answer"),
		    "清除答案"));
	wb_put(b, "</div>\n</form>\n");
	page_end(b, pg, a);
}
