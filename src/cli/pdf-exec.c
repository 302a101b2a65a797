/*
 * Handing a PDF request to firstline-pdf (a scan to firstline-scan, the
 * browser sitting to firstline-serve).  firstline itself is not linked
 * with cairo, pango and fontconfig (and the fifty libraries they bring),
 * nor with the image libraries, nor with libmicrohttpd and GnuTLS, so the
 * trainee's client starts and stays as small as a terminal program; the
 * few commands that need them run in a helper instead.
 */
#include "config.h"

#include "cli.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/store.h"
#include "core/xalloc.h"

#define PDF_HELPER "firstline-pdf"

/* The helper beside this program (the build tree), else the installed one. */
static char *
pdf_helper(const char *name)
{
	char self[PATH_MAX], *slash, *path;
	ssize_t n;

	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			path = xasprintf("%s/%s", self, name);
			if (access(path, X_OK) == 0)
				return path;
			free(path);
		}
	}
	return xasprintf("%s/%s", PKGLIBEXECDIR, name);
}

int
cli_pdf_exec(struct cli *c, const char *group, int argc, char **argv)
{
	return cli_helper_exec(c, PDF_HELPER, group, argc, argv);
}

int
cli_helper_exec(struct cli *c, const char *name, const char *group,
    int argc, char **argv)
{
	char **args = xcalloc((size_t)argc + 6, sizeof *args);
	char *helper = pdf_helper(name);
	int i, n = 0;

	args[n++] = helper;
	args[n++] = (char *)"--db";
	args[n++] = (char *)c->db;
	if (store_open_db_is_allowed())
		args[n++] = (char *)"--allow-open-db";
	if (group != NULL)
		args[n++] = (char *)group;
	for (i = 0; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	fflush(NULL);
	execv(helper, args);
	if (strcmp(name, PDF_HELPER) == 0)
		cli_error(_("cannot run %s to write the PDF: %m (it is built "
		    "and installed with firstline: run 'make install', or "
		    "firstline from its build directory)"), helper);
	else if (strcmp(name, "firstline-scan") == 0)
		cli_error(_("cannot run %s to read the scans: %m (it is "
		    "built and installed with firstline: run 'make install', "
		    "or firstline from its build directory)"), helper);
	else
		cli_error(_("cannot run %s to serve the browser sitting: %m "
		    "(it is built and installed with firstline: run 'make "
		    "install', or firstline from its build directory)"),
		    helper);
	free(helper);
	free(args);
	return EXIT_REFUSED;
}
