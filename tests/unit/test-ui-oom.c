/*
 * Out of memory inside a full-screen client (src/tui/ui.c with
 * src/core/xalloc.c): the client on a pseudo-terminal of its own starts
 * curses, then an allocation really fails.  The terminal must be put back
 * (canonical mode and echo on, the alternate screen left) before the
 * message is written, so the trainee or the proctor sees "out of memory"
 * and a usable shell rather than a frozen screen.  A control run with the
 * hook cleared shows the test can tell the difference.
 */
#include "config.h"

#include "unit.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <utmp.h>

#include "tui/tui.h"

/* A huge allocation must fail with NULL under AddressSanitizer too. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

struct run {
	int		status;		/* from waitpid */
	struct termios	tio;		/* of the terminal after the exit */
	char		out[65536];	/* everything the child wrote */
	size_t		len;
};

/* Child: start the client's screen, then run out of memory for real. */
static void __attribute__((noreturn))
child(int keep_hook)
{
	char *cause = NULL;
	void *volatile p;

	setenv("TERM", "xterm", 1);
	if (ui_start(&cause) != 0) {
		fprintf(stderr, "ui_start: %s\n", cause);
		_exit(99);
	}
	if (!keep_hook)
		xalloc_on_die(NULL);
	p = xmalloc(SIZE_MAX / 4);	/* no machine has this much */
	(void)p;
	_exit(98);			/* not reached: xmalloc exits */
}

static void
run_child(struct run *r, int keep_hook)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int master, slave;
	pid_t pid;
	ssize_t n;

	memset(r, 0, sizeof *r);
	assert_int_equal(openpty(&master, &slave, NULL, NULL, &ws), 0);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		close(master);
		if (login_tty(slave) != 0)
			_exit(97);
		child(keep_hook);
	}
	/* The slave stays open here: its settings outlive the child. */
	for (;;) {
		struct pollfd pf = { .fd = master, .events = POLLIN };

		if (poll(&pf, 1, 10000) <= 0)
			break;
		n = read(master, r->out + r->len, sizeof r->out - 1 - r->len);
		if (n <= 0)
			break;
		r->len += (size_t)n;
		if (r->len >= sizeof r->out - 1 ||
		    strstr(r->out, "out of memory") != NULL)
			break;
	}
	assert_int_equal(waitpid(pid, &r->status, 0), pid);
	assert_int_equal(tcgetattr(slave, &r->tio), 0);
	close(master);
	close(slave);
}

static void
test_oom_puts_the_terminal_back(void **state)
{
	struct run r;
	const char *msg, *rmcup;

	(void)state;
	run_child(&r, 1);
	assert_true(WIFEXITED(r.status));
	assert_int_equal(WEXITSTATUS(r.status), 1);
	assert_true(r.tio.c_lflag & ICANON);
	assert_true(r.tio.c_lflag & ECHO);
	msg = strstr(r.out, "firstline: out of memory");
	assert_non_null(msg);
	/* xterm's rmcup: the alternate screen left before the message. */
	rmcup = strstr(r.out, "\033[?1049l");
	assert_non_null(rmcup);
	assert_true(rmcup < msg);
}

static void
test_without_the_hook_the_terminal_stays_raw(void **state)
{
	struct run r;

	(void)state;
	run_child(&r, 0);
	assert_true(WIFEXITED(r.status));
	assert_int_equal(WEXITSTATUS(r.status), 1);
	assert_false(r.tio.c_lflag & ICANON);
	assert_false(r.tio.c_lflag & ECHO);
	assert_null(strstr(r.out, "\033[?1049l"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oom_puts_the_terminal_back),
		cmocka_unit_test(test_without_the_hook_the_terminal_stays_raw),
	};

	return cmocka_run_group_tests_name("ui-oom", tests, NULL, NULL);
}
