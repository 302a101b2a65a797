/*
 * What the command line prints to a person goes through text_safe: the
 * error stream always, standard output when it is a terminal.  Both are
 * replaced by stdio streams (fopencookie) that hand each complete UTF-8
 * character to the core's text_safe and write the result to the original
 * descriptor, so no message or table, whatever it quotes (a bank title, a
 * file name, a CSV cell), can move the cursor, recolour the screen or turn
 * text around with a bidi override.  Output to a file or a pipe is data
 * and is left exact (CSV, XML, PDF).
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "core/xalloc.h"

struct safeout {
	int	 fd;
	size_t	 ncarry;
	char	 carry[4];	/* an incomplete character at a write's end */
};

static struct safeout safeout_out = { STDOUT_FILENO, 0, { 0 } };
static struct safeout safeout_err = { STDERR_FILENO, 0, { 0 } };
static FILE *safeout_stdout, *safeout_stderr;

static int
safeout_emit(struct safeout *so, const char *buf, size_t n)
{
	size_t len, done = 0;
	ssize_t w;
	char *safe = text_safe(buf, n, 0, &len);

	while (done < len) {
		w = write(so->fd, safe + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			free(safe);
			return -1;
		}
		done += (size_t)w;
	}
	free(safe);
	return 0;
}

/* How many bytes at the end of buf start a character not yet complete. */
static size_t
safeout_partial(const char *buf, size_t n)
{
	size_t i, need;
	unsigned char c;

	for (i = 1; i <= 3 && i <= n; i++) {
		c = (unsigned char)buf[n - i];
		if ((c & 0xc0) == 0x80)
			continue;	/* a continuation byte: look further */
		need = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
		    (c & 0xf8) == 0xf0 ? 4 : 1;
		return need > i ? i : 0;
	}
	return 0;
}

static ssize_t
safeout_write(void *cookie, const char *buf, size_t size)
{
	struct safeout *so = cookie;
	size_t n = so->ncarry + size, keep;
	char *all = xmalloc(n);
	int rc;

	memcpy(all, so->carry, so->ncarry);
	memcpy(all + so->ncarry, buf, size);
	keep = safeout_partial(all, n);
	rc = safeout_emit(so, all, n - keep);
	memcpy(so->carry, all + n - keep, keep);
	so->ncarry = keep;
	free(all);
	return rc == 0 ? (ssize_t)size : -1;
}

static int
safeout_close(void *cookie)
{
	struct safeout *so = cookie;
	int rc = 0;

	if (so->ncarry > 0)
		rc = safeout_emit(so, so->carry, so->ncarry);
	so->ncarry = 0;
	return rc;
}

static FILE *
safeout_open(struct safeout *so)
{
	static const cookie_io_functions_t io = {
		NULL, safeout_write, NULL, safeout_close
	};
	FILE *fp = fopencookie(so, "w", io);

	if (fp != NULL)
		setvbuf(fp, NULL, _IOLBF, BUFSIZ);
	return fp;
}

void
safeout_install(void)
{
	FILE *fp;

	fflush(stderr);
	if ((fp = safeout_open(&safeout_err)) != NULL)
		stderr = safeout_stderr = fp;
	fflush(stdout);
	if (isatty(STDOUT_FILENO) && (fp = safeout_open(&safeout_out)) !=
	    NULL)
		stdout = safeout_stdout = fp;
}

int
cli_fileno(FILE *fp)
{
	if (fp != NULL && fp == safeout_stdout)
		return STDOUT_FILENO;
	if (fp != NULL && fp == safeout_stderr)
		return STDERR_FILENO;
	return fileno(fp);
}
