/*
 * Replay without libFuzzer (like libxml2's fuzz/testFuzzer.c): every file
 * of the directories named on the command line, or else of FUZZ_DIRS (a
 * colon-separated list relative to the source tree, set per target by
 * Makefile.am), goes once through the target's LLVMFuzzerTestOneInput.
 * Prints TAP, one line per file; a crash or an abort in the harness fails
 * the test.  This is how the seeds and every saved crash (regress/) are
 * run by make check, with any compiler and under the sanitizer build.
 */
#include "config.h"

#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static int replay_n;

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_file(const char *path)
{
	struct stat sb;
	unsigned char *buf;
	size_t got;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL || fstat(fileno(fp), &sb) != 0) {
		printf("not ok %d - %s: %s\n", ++replay_n, path,
		    strerror(errno));
		if (fp != NULL)
			fclose(fp);
		return -1;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	got = fread(buf, 1, (size_t)sb.st_size, fp);
	fclose(fp);
	fflush(stdout);
	LLVMFuzzerTestOneInput(buf, got);
	free(buf);
	printf("ok %d - %s (%zu bytes)\n", ++replay_n, path, got);
	return 0;
}

/* Every regular file of dir, in name order (not into subdirectories). */
static int
replay_dir(const char *dir)
{
	struct dirent *de;
	struct stat sb;
	char **names = NULL, *path;
	size_t n = 0, cap = 0, i;
	DIR *dp;
	int rc = 0;

	if ((dp = opendir(dir)) == NULL) {
		printf("not ok %d - %s: %s\n", ++replay_n, dir,
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			xgrow(&names, &cap, n + 1, sizeof *names);
			names[n++] = path;
		} else
			free(path);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof *names, replay_cmp);
	for (i = 0; i < n; i++) {
		if (replay_file(names[i]) != 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	char *dirs, *dir, *save = NULL, *path;
	struct stat sb;
	int i, rc = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	if (argc > 1) {
		for (i = 1; i < argc; i++)
			if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
				rc |= replay_dir(argv[i]);
			else
				rc |= replay_file(argv[i]);
	} else {
		dirs = xstrdup(FUZZ_DIRS);
		for (dir = strtok_r(dirs, ":", &save); dir != NULL;
		    dir = strtok_r(NULL, ":", &save)) {
			path = xasprintf("%s/%s", FUZZ_SRCDIR, dir);
			rc |= replay_dir(path);
			free(path);
		}
		free(dirs);
	}
	printf("1..%d\n", replay_n);
	xmlsafe_cleanup();
	return rc == 0 ? 0 : 1;
}
