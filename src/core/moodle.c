/*
 * The Moodle exchange: what import and export share (the records of an
 * import, ids, Moodle's grade fractions, writing an output file whole).
 */
#include "config.h"

#include "moodle-int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"

void
moodle_import_init(struct moodle_import *mi, const char *module, int en)
{
	memset(mi, 0, sizeof *mi);
	mi->module = module;
	mi->en = en;
	diag_init(&mi->notes);
}

void
moodle_import_release(struct moodle_import *mi)
{
	size_t i;

	for (i = 0; i < mi->nskips; i++)
		free(mi->skips[i].type);
	free(mi->skips);
	free(mi->xml);
	diag_release(&mi->notes);
	mi->skips = NULL;
	mi->xml = NULL;
	mi->nskips = mi->capskips = 0;
}

struct moodle_question *
moodle_question_new(struct moodle_ctx *c)
{
	struct moodle_question *q = xcalloc(1, sizeof *q);

	xgrow(&c->questions, &c->capquestions, c->nquestions + 1,
	    sizeof *c->questions);
	c->questions[c->nquestions++] = q;
	return q;
}

void
moodle_one_line(char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

void
moodle_question_tag(struct moodle_question *q, char *tag)
{
	char *p;

	moodle_one_line(tag);
	for (p = tag; *p != '\0'; p++)
		if (*p == ',')
			*p = ';';
	xgrow(&q->tags, &q->captags, q->ntags + 1, sizeof *q->tags);
	q->tags[q->ntags++] = tag;
}

void
moodle_text_free(struct moodle_text *t)
{
	free(t->t[0]);
	free(t->t[1]);
	t->t[0] = t->t[1] = NULL;
}

void
moodle_question_free(struct moodle_question *q)
{
	size_t i;

	for (i = 0; i < q->noptions; i++)
		moodle_text_free(&q->options[i].text);
	for (i = 0; i < q->ntags; i++)
		free(q->tags[i]);
	free(q->options);
	free(q->tags);
	free(q->id);
	free(q->idnumber);
	free(q->name);
	free(q->label);
	moodle_text_free(&q->stem);
	moodle_text_free(&q->explanation);
	free(q->source);
	free(q);
}

void
moodle_ctx_release(struct moodle_ctx *c)
{
	size_t i;

	for (i = 0; i < c->nquestions; i++)
		moodle_question_free(c->questions[i]);
	free(c->questions);
	free(c->category);
	c->questions = NULL;
	c->category = NULL;
	c->nquestions = c->capquestions = 0;
}

size_t
moodle_length(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Whether s is a firstline identifier: [a-z0-9][a-z0-9_-]{0,63}. */
static int
moodle_ident(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    (i > 0 && (s[i] == '-' || s[i] == '_'))))
			return 0;
	}
	return i > 0 && i <= 64;
}

static int
moodle_id_taken(struct moodle_ctx *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nquestions; i++)
		if (c->questions[i]->id != NULL &&
		    strcmp(c->questions[i]->id, id) == 0)
			return 1;
	return 0;
}

/*
 * The idnumber without the language suffix of a one-language export
 * (".zh-CN" or ".en", see moodle_export()), as a new string.
 */
static char *
moodle_idnumber_base(const char *idnumber)
{
	size_t n = strlen(idnumber);

	if (n > 6 && strcasecmp(idnumber + n - 6, ".zh-cn") == 0)
		return xstrndup(idnumber, n - 6);
	if (n > 3 && strcasecmp(idnumber + n - 3, ".en") == 0)
		return xstrndup(idnumber, n - 3);
	return xstrdup(idnumber);
}

/*
 * Moodle's <idnumber> (less a language suffix ".zh-CN" or ".en") when it
 * is a valid firstline id not used by an earlier question of the file;
 * else MODULE-mNNN, NNN the question's place in the file (the shipped
 * banks use MODULE-NNN, so the two never meet), and a note says which
 * idnumber was replaced and why.  A name that only repeats the id (what
 * an export writes for a question without a name) is no name.
 */
void
moodle_assign_ids(struct moodle_ctx *c)
{
	struct moodle_question *q;
	size_t i, k;
	char *id;

	for (i = 0; i < c->nquestions; i++) {
		q = c->questions[i];
		if (q->idnumber == NULL || *q->idnumber == '\0')
			continue;
		id = moodle_idnumber_base(q->idnumber);
		if (moodle_ident(id) && !moodle_id_taken(c, id))
			q->id = id;
		else
			free(id);
	}
	for (i = 0; i < c->nquestions; i++) {
		q = c->questions[i];
		for (k = i + 1; q->id == NULL; k++) {
			id = xasprintf("%s-m%03zu", c->mi->module, k);
			if (moodle_id_taken(c, id))
				free(id);
			else
				q->id = id;
		}
		id = q->idnumber != NULL && *q->idnumber != '\0' ?
		    moodle_idnumber_base(q->idnumber) : NULL;
		if (id != NULL && strcmp(id, q->id) != 0)
			diag_at(&c->mi->notes, c->file, q->line, moodle_ident(id) ?
			    _("question \"%s\": idnumber \"%s\" is used by an "
			    "earlier question; its id is %s") : _("question "
			    "\"%s\": idnumber \"%s\" is not a firstline id "
			    "(a-z, 0-9, '-' and '_'); its id is %s"), q->label,
			    q->idnumber, q->id);
		free(id);
		if (q->name != NULL && strcmp(q->name, q->id) == 0) {
			free(q->name);
			q->name = NULL;
		}
	}
}

xmlTextWriterPtr
moodle_writer_new(xmlBufferPtr *buf)
{
	xmlTextWriterPtr w = NULL;

	if ((*buf = xmlBufferCreate()) == NULL ||
	    (w = xmlNewTextWriterMemory(*buf, 0)) == NULL) {
		fputs("firstline: out of memory\n", stderr);
		exit(1);
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	return w;
}

char *
moodle_writer_finish(xmlTextWriterPtr w, xmlBufferPtr buf, size_t *len)
{
	char *s;

	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	*len = (size_t)xmlBufferLength(buf);
	s = xstrndup((const char *)xmlBufferContent(buf), *len);
	xmlBufferFree(buf);
	return s;
}

const char *
moodle_fraction(size_t k)
{
	static const char *const fractions[] = { "100", "50", "33.33333",
	    "25", "20", "16.66667", "14.28571", "12.5" };

	return k >= 1 && k <= 8 ? fractions[k - 1] : NULL;
}

/*
 * Create a new file from the mkstemp(3) template tmp and write buf to it
 * (mode 0644, synced).  Returns 0, or an errno value with no file left.
 */
static int
moodle_write_new(char *tmp, const char *buf, size_t len)
{
	size_t done = 0;
	ssize_t w;
	int fd, err = 0;

	if ((fd = mkstemp(tmp)) == -1)
		return errno;
	while (done < len) {
		w = write(fd, buf + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			err = w < 0 ? errno : EIO;
			break;
		}
		done += (size_t)w;
	}
	if (err == 0 && (fchmod(fd, 0644) != 0 || fsync(fd) != 0))
		err = errno;
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err != 0)
		unlink(tmp);
	return err;
}

int
moodle_save_temp(char *tmp, const char *buf, size_t len, char **cause)
{
	int err = moodle_write_new(tmp, buf, len);

	if (err != 0)
		*cause = xasprintf(_("%s: cannot write: %s"), tmp,
		    strerror(err));
	return err == 0 ? 0 : -1;
}

int
moodle_save(const char *path, const char *buf, size_t len, char **cause)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int err;

	err = moodle_write_new(tmp, buf, len);
	if (err == 0 && rename(tmp, path) != 0) {
		err = errno;
		unlink(tmp);
	}
	if (err != 0)
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(err));
	free(tmp);
	return err == 0 ? 0 : -1;
}
