/*
 * Run a program on a pseudo-terminal of its own (80x24), play a short
 * script against it, then close the master side, as a dropped SSH
 * connection does, and report how the program ended:
 *
 *	ptyrun [-i] [-e TEXT | -s KEYS]... -- PROGRAM ARGS...
 *
 * -e TEXT waits (at most 30 s: the machine may be busy) until the output
 * since the last match holds TEXT; -s KEYS types KEYS (\r, \n, \e and \\
 * understood); -i starts the program with SIGHUP ignored (nohup, or an
 * sshd that never sends it).
 * After the script the master is closed and the program given 10 s; the
 * result is one line on stdout:
 *
 *	ended_ms=N cpu_ms=M status=S	(S: exit status, or -signal)
 *	ended_ms=-1 cpu_ms=M		(still running after 10 s; killed)
 *
 * cpu_ms is the program's user + system time after the close, from wait4
 * (or /proc when it had to be killed).  Exit status 0 when the script
 * ran, 1 when a TEXT never came (the screen so far on stderr).
 */
#include "config.h"

#include "stress.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char	screen[1 << 16];
static size_t	nscreen;

/* Milliseconds since t0 (from stress_now_us). */
static long
ms_since(int64_t t0)
{
	return (long)((stress_now_us() - t0) / 1000);
}

/* Read what the program wrote until text appears (10 s at most). */
static int
expect(int fd, const char *text)
{
	struct pollfd p = { fd, POLLIN, 0 };
	int64_t t0 = stress_now_us();
	ssize_t r;
	long left;

	for (;;) {
		screen[nscreen] = '\0';
		if (strstr(screen, text) != NULL) {
			nscreen = 0;	/* the next -e looks at newer output */
			return 0;
		}
		if ((left = 30000 - ms_since(t0)) <= 0)
			return -1;
		if (poll(&p, 1, (int)left) <= 0)
			continue;
		if (nscreen == sizeof screen - 1) {	/* keep the tail */
			memmove(screen, screen + sizeof screen / 2,
			    sizeof screen / 2 - 1);
			nscreen = sizeof screen / 2 - 1;
		}
		r = read(fd, screen + nscreen, sizeof screen - 1 - nscreen);
		if (r <= 0)
			return -1;
		nscreen += (size_t)r;
	}
}

/* Type keys, with C-like escapes. */
static int
send_keys(int fd, const char *k)
{
	char buf[256];
	size_t n = 0;

	for (; *k != '\0' && n < sizeof buf; k++) {
		if (*k == '\\' && k[1] != '\0') {
			k++;
			buf[n++] = *k == 'r' ? '\r' : *k == 'n' ? '\n' :
			    *k == 'e' ? '\033' : *k;
		} else
			buf[n++] = *k;
	}
	return write(fd, buf, n) == (ssize_t)n ? 0 : -1;
}

/* CPU time of a running pid from /proc, in ms. */
static long
proc_cpu_ms(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long ut = 0, st = 0;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(buf, sizeof buf, fp) != NULL &&
	    (p = strrchr(buf, ')')) != NULL)
		sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
		    "%lu %lu", &ut, &st);
	fclose(fp);
	return (long)((ut + st) * 1000 / (unsigned long)sysconf(_SC_CLK_TCK));
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 24, 80, 0, 0 };
	struct timespec left;
	int64_t t0;
	struct rusage ru;
	sigset_t chld;
	siginfo_t si;
	long ms, cpu0 = 0, cpu;
	int fd, i, cmd, ignore = 0, status;
	pid_t pid;

	for (cmd = 1; cmd < argc && strcmp(argv[cmd], "--") != 0; cmd++)
		if (strcmp(argv[cmd], "-i") == 0)
			ignore = 1;
	if (cmd + 1 >= argc) {
		fprintf(stderr, "usage: ptyrun [-i] [-e TEXT | -s KEYS]... "
		    "-- PROGRAM ARGS...\n");
		return 2;
	}
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid == -1) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		sigprocmask(SIG_UNBLOCK, &chld, NULL);
		signal(SIGHUP, ignore ? SIG_IGN : SIG_DFL);
		execvp(argv[cmd + 1], argv + cmd + 1);
		_exit(127);
	}
	for (i = 1; i < cmd; i++) {
		if (strcmp(argv[i], "-e") == 0 && i + 1 < cmd) {
			if (expect(fd, argv[++i]) != 0) {
				fprintf(stderr, "ptyrun: no \"%s\" on the screen; "
				    "it showed:\n%s\n", argv[i], screen);
				kill(pid, SIGKILL);
				waitpid(pid, NULL, 0);
				return 1;
			}
		} else if (strcmp(argv[i], "-s") == 0 && i + 1 < cmd)
			send_keys(fd, argv[++i]);
	}

	/* The connection drops. */
	cpu0 = proc_cpu_ms(pid);
	t0 = stress_now_us();
	close(fd);
	for (;;) {
		ms = 10000 - ms_since(t0);
		if (ms <= 0)
			break;
		left.tv_sec = ms / 1000;
		left.tv_nsec = (ms % 1000) * 1000000L;
		if (sigtimedwait(&chld, &si, &left) == -1 && errno != EINTR)
			break;
		if (wait4(pid, &status, WNOHANG, &ru) == pid) {
			ms = ms_since(t0);
			cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000L +
			    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000L;
			printf("ended_ms=%ld cpu_ms=%ld status=%d\n", ms,
			    cpu - (cpu0 > 0 ? cpu0 : 0),
			    WIFEXITED(status) ? WEXITSTATUS(status) :
			    -WTERMSIG(status));
			return 0;
		}
	}
	cpu = proc_cpu_ms(pid);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	printf("ended_ms=-1 cpu_ms=%ld\n", cpu - (cpu0 > 0 ? cpu0 : 0));
	return 0;
}
