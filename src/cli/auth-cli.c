/*
 * Passwords on the command line: read from --password-file or asked on the
 * terminal without echo, then checked by the core (user_login) with the role
 * the command needs.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "core/auth.h"
#include "core/store.h"

/* Read one line (without its newline) from fd; NULL on error or EOF. */
static char *
cli_read_line(int fd)
{
	char *buf = xmalloc(1024);
	size_t n = 0;
	ssize_t r;
	char ch;

	while (n < 1023) {
		r = read(fd, &ch, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || ch == '\n')
			break;
		buf[n++] = ch;
	}
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	return buf;
}

char *
cli_password(const char *file, const char *prompt, char **cause)
{
	struct termios old, quiet;
	struct stat sb;
	char *pw;
	int fd;

	if (file != NULL) {
		if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1) {
			*cause = xasprintf(_("%s: cannot open password file: "
			    "%s"), file, strerror(errno));
			return NULL;
		}
		/* A directory, or a file with no password in it (/dev/null),
		 * is a mistake in the command, not a wrong password: it must
		 * not count as a failed login. */
		if (fstat(fd, &sb) != 0 || S_ISDIR(sb.st_mode)) {
			*cause = xasprintf(_("%s: the password file is a "
			    "directory"), file);
			close(fd);
			return NULL;
		}
		pw = cli_read_line(fd);
		close(fd);
		if (*pw == '\0') {
			*cause = xasprintf(_("%s: the password file is empty "
			    "(the password is its first line)"), file);
			free(pw);
			return NULL;
		}
		return pw;
	}
	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) == -1) {
		*cause = xasprintf(_("no terminal to ask for the password; "
		    "use --password-file"));
		return NULL;
	}
	if (write(fd, prompt, strlen(prompt)) < 0) {
		/* the prompt is a courtesy */
	}
	if (tcgetattr(fd, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	pw = cli_read_line(fd);
	tcsetattr(fd, TCSAFLUSH, &old);
	if (write(fd, "\n", 1) < 0) {
		/* nothing to do */
	}
	close(fd);
	return pw;
}

int
cli_login(struct store *s, const char *name, const char *file, int min_role,
    struct user *u)
{
	char *pw, *cause = NULL, *prompt;
	int rc;

	prompt = xasprintf(_("password for %s: "), name);
	pw = cli_password(file, prompt, &cause);
	free(prompt);
	if (pw == NULL) {
		cli_error("%s", cause);
		free(cause);
		return -1;
	}
	rc = user_login(s, name, pw, (enum role)min_role, u, &cause);
	explicit_bzero(pw, strlen(pw));
	free(pw);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	return rc;
}
