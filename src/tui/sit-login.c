/*
 * The trainee client's first screens: the choice of language (both
 * languages shown, before anything else), and the login with ticket number
 * and PIN (not echoed), slowed down by the core after repeated failures.
 */
#include "config.h"

#include "sit-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/attempt.h"
#include "core/auth.h"
#include "core/core.h"
#include "core/text.h"
#include "lang.h"
#include "tui.h"

/* --------------------------------------------------------- language */

static void
sit_language_layout(struct sit *st, struct lay *l)
{
	struct lay_para p[5];

	memset(p, 0, sizeof p);
	p[0].text = "请选择考试语言。";
	/* Both languages at once: the trainee has not chosen yet. */
	p[1].text = N_("Choose the language of your exam.");
	p[2].text = "";
	p[3].text = "1  中文";
	p[3].indent = 2;
	p[3].role = st->lang_choice == 0 ? ROLE_CURSOR : ROLE_NORMAL;
	p[4].text = "2  English";
	p[4].indent = 2;
	p[4].role = st->lang_choice == 1 ? ROLE_CURSOR : ROLE_NORMAL;
	lay_page(l, "firstline  应急响应第一人 笔试 / written test", p,
	    sizeof p / sizeof p[0],
	    "1 中文  2 English  Enter 确定/confirm  Esc 退出/quit");
}

static enum sit_outcome
sit_language_key(struct sit *st, int key)
{
	switch (key) {
	case '1':
		st->lang_choice = 0;
		break;
	case '2':
		st->lang_choice = 1;
		break;
	case KEY_UP:
	case KEY_DOWN:
	case '\t':
		st->lang_choice = !st->lang_choice;
		break;
	case UI_ESC:
		/* Esc alone leaves; Ctrl-C and Ctrl-D do nothing, so a
		 * kiosk's stray signal keys never end the client. */
		return SIT_QUIT;
	default:
		if (sit_is_enter(key)) {
			lang_set(st->lang_choice == 0);
			return SIT_NEXT;
		}
		break;
	}
	return SIT_STAY;
}

const struct sit_screen sit_language_screen = {
	sit_language_layout, sit_language_key, NULL
};

/* ------------------------------------------------------------ login */

static void
sit_login_layout(struct sit *st, struct lay *l)
{
	const char *lt = tr(N_("Ticket number:"), "准考证号：");
	const char *lp = tr(N_("PIN:"), "密码：");
	size_t w = text_width(lt) > text_width(lp) ? text_width(lt) :
	    text_width(lp);
	char *pt = sit_pad(lt, w + 1), *pp = sit_pad(lp, w + 1);
	char *ticket, *pin, stars[sizeof st->pin];
	size_t n = strlen(st->pin);
	struct lay_para p[6];

	memset(stars, '*', n);
	stars[n] = '\0';
	ticket = xasprintf("%s%s", pt, st->ticket);
	pin = xasprintf("%s%s", pp, stars);
	memset(p, 0, sizeof p);
	p[0].text = tr(N_("Enter the ticket number and the PIN from your exam "
	    "slip. The PIN is not shown as you type."),
	    "请输入考试通知单上的准考证号和密码。输入密码时不会显示。");
	p[1].text = "";
	p[2].text = ticket;
	p[2].role = st->field == 0 ? ROLE_INPUT : ROLE_NORMAL;
	p[2].cursor = st->field == 0;
	p[3].text = pin;
	p[3].role = st->field == 1 ? ROLE_INPUT : ROLE_NORMAL;
	p[3].cursor = st->field == 1;
	p[4].text = "";
	p[5].text = st->msg != NULL ? st->msg : "";
	p[5].role = st->msg_role;
	lay_page(l, tr(N_("Written test: log in"), "笔试：登录"), p, 6,
	    tr(N_("Enter confirm  Tab next field  Backspace delete  Esc quit"),
	    "回车 确定  Tab 切换  退格 删除  Esc 退出"));
	free(pt);
	free(pp);
	free(ticket);
	free(pin);
}

static void
sit_login_wait_message(struct sit *st, long left)
{
	sit_message(st, ROLE_ERROR, trn("Too many wrong tries. Please wait "
	    "%ld second, then try again, or ask the proctor.", "Too many "
	    "wrong tries. Please wait %ld seconds, then try again, or ask "
	    "the proctor.", "错误次数过多。请等待 %ld 秒后再试，或请监考人员"
	    "解锁。", (unsigned long)left), left);
}

static enum sit_outcome
sit_login_try(struct sit *st)
{
	char *cause = NULL;
	time_t now;
	int wait_s = 0, rc, wrong;

	/* The wait belongs to the ticket, in the database, not to this
	 * screen: another trainee at the same kiosk, or this one after the
	 * proctor's 'attempt unlock', may log in at once. */
	rc = trainee_login(st->s, st->ticket, st->pin, &st->t, &wait_s,
	    &cause);
	explicit_bzero(st->pin, sizeof st->pin);
	if (rc == 0) {
		free(cause);
		st->logged_in = 1;
		st->wait_until = 0;
		sit_message_clear(st);
		return SIT_NEXT;
	}
	st->field = 1;
	now = time(NULL);	/* checking a PIN takes a while */
	wrong = cause != NULL && strcmp(cause, _("wrong ticket or PIN")) == 0;
	st->wait_until = wait_s > 0 ? now + wait_s : 0;
	if (wrong && wait_s > 0)
		sit_message(st, ROLE_ERROR, trn("Wrong ticket number or "
		    "PIN. Too many wrong tries: please wait %d second, then "
		    "try again.", "Wrong ticket number or PIN. Too many "
		    "wrong tries: please wait %d seconds, then try again.",
		    "准考证号或密码错误。错误次数过多：请等待 %d 秒后再试。",
		    (unsigned long)wait_s), wait_s);
	else if (wrong)
		sit_message(st, ROLE_ERROR, "%s", tr(N_("Wrong ticket number "
		    "or PIN. Check your exam slip and try again."),
		    "准考证号或密码错误。请核对考试通知单后重试。"));
	else if (wait_s > 0)
		sit_login_wait_message(st, (long)wait_s);
	else
		sit_message(st, ROLE_ERROR, "%s", cause != NULL ? cause : "");
	free(cause);
	return SIT_STAY;
}

static enum sit_outcome
sit_login_key(struct sit *st, int key)
{
	char *f = st->field == 0 ? st->ticket : st->pin;
	size_t max = st->field == 0 ? sizeof st->ticket : sizeof st->pin;
	size_t n = strlen(f);

	if (sit_is_enter(key)) {
		if (st->field == 0 && *st->ticket != '\0') {
			st->field = 1;
			return SIT_STAY;
		}
		if (*st->ticket == '\0') {
			st->field = 0;
			return SIT_STAY;
		}
		if (*st->pin == '\0')
			return SIT_STAY;
		return sit_login_try(st);
	}
	if (sit_is_backspace(key)) {
		if (n > 0)
			f[n - 1] = '\0';
		return SIT_STAY;
	}
	switch (key) {
	case '\t':
	case KEY_BTAB:
	case KEY_UP:
	case KEY_DOWN:
		st->field = !st->field;
		return SIT_STAY;
	case UI_CTRL('u'):
		explicit_bzero(f, max);
		return SIT_STAY;
	case UI_ESC:		/* not Ctrl-C or Ctrl-D: see above */
		return SIT_QUIT;
	}
	if (key > ' ' && key < 0x7f && n + 1 < max) {
		f[n] = (char)key;
		f[n + 1] = '\0';
	}
	return SIT_STAY;
}

static enum sit_outcome
sit_login_tick(struct sit *st)
{
	time_t now = time(NULL);

	if (st->wait_until == 0)
		return SIT_STAY;
	/* The proctor may have cleared the wait ('attempt unlock'). */
	if (now < st->wait_until && st->s != NULL &&
	    auth_wait(st->s, "ticket", st->ticket) == 0)
		st->wait_until = now;
	if (now < st->wait_until)
		sit_login_wait_message(st, (long)(st->wait_until - now));
	else {
		st->wait_until = 0;
		sit_message(st, ROLE_NORMAL, "%s", tr(N_("You can try again "
		    "now."), "现在可以重试了。"));
	}
	return SIT_STAY;
}

const struct sit_screen sit_login_screen = {
	sit_login_layout, sit_login_key, sit_login_tick
};
