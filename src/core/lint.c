/*
 * Test-design lint of question banks (see lint.h): the longest and the
 * shortest key, near-
 * duplicate questions across the course and their difficulties, negative
 * true/false statements.  Findings are warnings, or errors when strict;
 * nothing here refuses a bank on its own.
 */
#include "config.h"

#include "lint.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "text.h"

/* ------------------------------------------ longest and shortest key */

/*
 * Whether the key of q is strictly wider (shortest: strictly narrower)
 * than every other option, in Chinese or (en) English.
 */
static int
key_extreme(const struct question *q, int en, int shortest)
{
	size_t i, w, key = 0, wide = 0, narrow = (size_t)-1;
	int have = 0;

	for (i = 0; i < q->noptions; i++) {
		const char *t = en ? q->options[i].text.en :
		    q->options[i].text.zh;

		w = text_width(t != NULL ? t : "");
		if (q->options[i].correct) {
			key = w;
			have = 1;
			continue;
		}
		if (w > wide)
			wide = w;
		if (w < narrow)
			narrow = w;
	}
	if (!have || q->noptions < 2)
		return 0;
	return shortest ? key < narrow : key > wide;
}

static const char *
level(int strict)
{
	return strict ? _("error") : _("warning");
}

/* Whether count of the bank's single-choice questions is over the limit. */
static int
over(size_t count, const struct lint_bank *lb)
{
	return count * 100 > LINT_LONGEST_MAX * lb->nsingle;
}

static void
lint_key_share(const struct bank *b, int strict, struct diag *d,
    struct lint_bank *lb, struct lint_stats *st)
{
	size_t i, c[2][2], share;
	int en, sh;

	lb->bank = b;
	for (i = 0; i < b->nquestions; i++) {
		const struct question *q = &b->questions[i];

		if (q->type != QTYPE_SINGLE)
			continue;
		lb->nsingle++;
		lb->longest_zh += key_extreme(q, 0, 0);
		lb->longest_en += key_extreme(q, 1, 0);
		lb->shortest_zh += key_extreme(q, 0, 1);
		lb->shortest_en += key_extreme(q, 1, 1);
	}
	if (lb->nsingle == 0)
		return;
	c[0][0] = lb->longest_zh;
	c[0][1] = lb->longest_en;
	c[1][0] = lb->shortest_zh;
	c[1][1] = lb->shortest_en;
	for (sh = 0; sh < 2; sh++)
		for (en = 0; en < 2; en++) {
			share = c[sh][en] * 100 / lb->nsingle;
			if (over(c[sh][en], lb)) {
				int hard = !sh || LINT_SHORTEST_STRICT;

				diag_at(d, b->file, 0, sh ? ngettext("%s: "
				    "bank %s: the key is the shortest option "
				    "in %zu of %zu single-choice question in "
				    "%s (%zu%%; at most %d%%)", "%s: bank %s: "
				    "the key is the shortest option in %zu of "
				    "%zu single-choice questions in %s (%zu%%; "
				    "at most %d%%)", lb->nsingle) :
				    ngettext("%s: bank %s: the key is the "
				    "longest option in %zu of %zu single-"
				    "choice question in %s (%zu%%; at most "
				    "%d%%)", "%s: bank %s: the key is the "
				    "longest option in %zu of %zu single-"
				    "choice questions in %s (%zu%%; at most "
				    "%d%%)",
				    lb->nsingle),
				    level(strict && hard), b->module,
				    c[sh][en], lb->nsingle, en ? "en" : "zh-CN",
				    share, LINT_LONGEST_MAX);
				if (hard)
					st->findings++;
				else
					st->advisories++;
			}
			/* Never the longest is a cue too: advice only. */
			if (!sh && lb->nsingle >= LINT_MIN_SAMPLE &&
			    c[sh][en] * 100 < LINT_LONGEST_MIN * lb->nsingle) {
				diag_at(d, b->file, 0, _("warning: bank %s: the "
				    "key is the longest option in only %zu of "
				    "%zu single-choice questions in %s (%zu%%; "
				    "with four options about 25%% by chance): "
				    "\"never the longest\" is a cue as well"),
				    b->module,
				    c[sh][en], lb->nsingle, en ? "en" : "zh-CN",
				    share);
				st->advisories++;
			}
		}
}

/* A bank over a limit: list the questions that make it so. */
static void
lint_key_list(const struct bank *b, int strict, struct diag *d,
    const struct lint_bank *lb, struct lint_stats *st)
{
	int over_l[2], over_s[2], l[2], s[2], en;
	size_t i;

	if (lb->nsingle == 0)
		return;
	over_l[0] = over(lb->longest_zh, lb);
	over_l[1] = over(lb->longest_en, lb);
	over_s[0] = over(lb->shortest_zh, lb);
	over_s[1] = over(lb->shortest_en, lb);
	for (i = 0; i < b->nquestions; i++) {
		const struct question *q = &b->questions[i];

		if (q->type != QTYPE_SINGLE)
			continue;
		for (en = 0; en < 2; en++) {
			l[en] = over_l[en] && key_extreme(q, en, 0);
			s[en] = over_s[en] && key_extreme(q, en, 1);
		}
		if (l[0] || l[1]) {
			diag_at(d, b->file, q->line, _("%s: question %s: the "
			    "key is the longest option (%s)"), level(strict),
			    q->id, l[0] && l[1] ? "zh-CN, en" : l[0] ?
			    "zh-CN" : "en");
			st->findings++;
		}
		if (s[0] || s[1]) {
			diag_at(d, b->file, q->line, _("%s: question %s: the "
			    "key is the shortest option (%s)"),
			    level(strict && LINT_SHORTEST_STRICT), q->id,
			    s[0] && s[1] ? "zh-CN, en" : s[0] ? "zh-CN" :
			    "en");
			if (LINT_SHORTEST_STRICT)
				st->findings++;
			else
				st->advisories++;
		}
	}
}

/* ----------------------------------------------- negative statements */

static int
has_any(const char *s, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strstr(s, words[i]) != NULL)
			return 1;
	return 0;
}

/* Whether the English s holds a negation word (or a -n't). */
static int
en_negative(const char *s)
{
	static const char *const words[] = {
		"not", "no", "never", "none", "nothing", "cannot",
		"without", "neither", "nor", NULL
	};
	char w[16];
	size_t i, n;

	while (*s != '\0') {
		n = 0;
		while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    *s == '\'' || (unsigned char)*s == 0xe2) {
			/* U+2019 (right single quote) counts as an apostrophe. */
			if ((unsigned char)*s == 0xe2) {
				if ((unsigned char)s[1] != 0x80 ||
				    (unsigned char)s[2] != 0x99)
					break;
				s += 2;
				if (n < sizeof w - 1)
					w[n++] = '\'';
				s++;
				continue;
			}
			if (n < sizeof w - 1)
				w[n++] = (char)(*s >= 'A' && *s <= 'Z' ?
				    *s - 'A' + 'a' : *s);
			s++;
		}
		w[n] = '\0';
		if (n >= 3 && strcmp(w + n - 3, "n't") == 0)
			return 1;
		for (i = 0; n > 0 && words[i] != NULL; i++)
			if (strcmp(w, words[i]) == 0)
				return 1;
		if (n == 0)
			s++;
	}
	return 0;
}

int
lint_negative(const struct ltext *stem)
{
	static const char *const zh[] = {
		"不", "没", "无需", "无须", "禁止", "严禁", "勿", "未", "别",
		NULL
	};

	return stem->zh != NULL && stem->en != NULL && has_any(stem->zh, zh) &&
	    en_negative(stem->en);
}

/* --------------------------------------- "multiple choice" in a stem */

/* s with ASCII letters in lower case (a copy to free). */
static char *
lower_ascii(const char *s)
{
	char *l = xstrdup(s), *p;

	for (p = l; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return l;
}

int
lint_type_marker(const struct ltext *stem)
{
	static const char *const zh[] = {
		"（多选", "(多选", "【多选", "[多选", "〔多选", "多选题", "可多选",
		"多项选择", "（多项", "(多项", "不定项", NULL
	};
	static const char *const en[] = {
		"all that apply", "all that are correct", "all the correct",
		"all correct answers", "all correct options",
		"multiple choice", "multiple-choice", "multiple answers",
		"more than one answer", "more than one option",
		"one or more answers", "one or more options", NULL
	};
	char *l;
	int found = 0;

	if (stem->zh != NULL && has_any(stem->zh, zh))
		found |= 1;
	if (stem->en != NULL) {
		l = lower_ascii(stem->en);
		if (has_any(l, en))
			found |= 2;
		free(l);
	}
	return found;
}

/* ---------------------------------------------------- near-duplicates */

/* A feature (hashed bigram or word) and its weight (idf squared). */
struct feat {
	uint64_t	h;
	double		w;
};

/* The four feature sets of a question: zh and en, stem and stem + key. */
#define SPACES 4

struct fq {
	const struct bank	*bank;
	const struct question	*q;
	struct feat		*f[SPACES];
	size_t			 n[SPACES], cap[SPACES];
	double			 norm[SPACES];
};

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n-- > 0) {
		h ^= *b++;
		h *= 1099511628211ULL;
	}
	return h;
}

static void
feat_add(struct fq *x, int space, uint64_t h)
{
	xgrow(&x->f[space], &x->cap[space], x->n[space] + 1,
	    sizeof *x->f[space]);
	x->f[space][x->n[space]].h = h;
	x->f[space][x->n[space]++].w = 0;
}

/* Letters and digits of Chinese text, as code points (ASCII lower case). */
static unsigned int
zh_keep(unsigned int cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp - 'A' + 'a';
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
		return cp;
	if (cp >= 0xff10 && cp <= 0xff19)		/* fullwidth digits */
		return cp - 0xff10 + '0';
	if (cp >= 0xff21 && cp <= 0xff3a)
		return cp - 0xff21 + 'a';
	if (cp >= 0xff41 && cp <= 0xff5a)
		return cp - 0xff41 + 'a';
	if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 &&
	    cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3134f))
		return cp;
	return 0;
}

/* Character bigrams of s into space, *prev the last code point kept. */
static void
zh_bigrams(struct fq *x, int space, const char *s, unsigned int *prev)
{
	size_t len = s != NULL ? strlen(s) : 0, i = 0;
	unsigned int cp, k, pair[2];

	while (i < len) {
		i += text_decode(s + i, len - i, &cp);
		if ((k = zh_keep(cp)) == 0)
			continue;
		if (*prev != 0) {
			pair[0] = *prev;
			pair[1] = k;
			feat_add(x, space, fnv(14695981039346656037ULL, pair,
			    sizeof pair));
		}
		*prev = k;
	}
}

/* English words of s (ASCII letters and digits, lower case, no plural s). */
static void
en_words(struct fq *x, int space, const char *s)
{
	char w[64];
	size_t n;

	if (s == NULL)
		return;
	while (*s != '\0') {
		n = 0;
		while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9')) {
			if (n < sizeof w)
				w[n++] = (char)(*s >= 'A' && *s <= 'Z' ?
				    *s - 'A' + 'a' : *s);
			s++;
		}
		if (n == 0) {
			s++;
			continue;
		}
		if (n > 3 && w[n - 1] == 's')
			n--;
		/* Words hash apart from bigrams: another offset basis. */
		feat_add(x, space, fnv(1469598103934665603ULL, w, n));
	}
}

static int
feat_cmp(const void *a, const void *b)
{
	uint64_t x = ((const struct feat *)a)->h;
	uint64_t y = ((const struct feat *)b)->h;

	return x < y ? -1 : x > y;
}

/* Sort and keep each feature once (sets, not counts). */
static void
feat_set(struct fq *x, int space)
{
	size_t i, n = 0;

	if (x->n[space] == 0)
		return;
	qsort(x->f[space], x->n[space], sizeof *x->f[space], feat_cmp);
	for (i = 0; i < x->n[space]; i++)
		if (n == 0 || x->f[space][n - 1].h != x->f[space][i].h)
			x->f[space][n++] = x->f[space][i];
	x->n[space] = n;
}

static void
fq_build(struct fq *x, const struct bank *b, const struct question *q)
{
	unsigned int prev;
	size_t i;

	memset(x, 0, sizeof *x);
	x->bank = b;
	x->q = q;
	prev = 0;
	zh_bigrams(x, 0, q->stem.zh, &prev);
	en_words(x, 1, q->stem.en);
	prev = 0;
	zh_bigrams(x, 2, q->stem.zh, &prev);
	en_words(x, 3, q->stem.en);
	if (q->type == QTYPE_SINGLE || q->type == QTYPE_MULTIPLE)
		for (i = 0; i < q->noptions; i++)
			if (q->options[i].correct) {
				zh_bigrams(x, 2, q->options[i].text.zh, &prev);
				en_words(x, 3, q->options[i].text.en);
			}
	for (i = 0; i < SPACES; i++)
		feat_set(x, (int)i);
}

/*
 * Give every feature of space its weight, idf squared with idf =
 * ln(N / questions having it), and each question its norm.
 */
static void
fq_weigh(struct fq *xs, size_t n, int space)
{
	struct feat *all = NULL;
	size_t cap = 0, total = 0, i, j, lo, hi, mid, runs = 0;
	double idf;

	for (i = 0; i < n; i++) {
		xgrow(&all, &cap, total + xs[i].n[space] + 1, sizeof *all);
		memcpy(all + total, xs[i].f[space],
		    xs[i].n[space] * sizeof *all);
		total += xs[i].n[space];
	}
	if (total > 0)
		qsort(all, total, sizeof *all, feat_cmp);
	/* Runs of one hash: its document frequency, then its weight. */
	for (i = 0; i < total; i = j) {
		for (j = i; j < total && all[j].h == all[i].h; j++)
			;
		idf = log((double)n / (double)(j - i));
		all[runs].h = all[i].h;
		all[runs++].w = idf * idf;
	}
	for (i = 0; i < n; i++) {
		xs[i].norm[space] = 0;
		for (j = 0; j < xs[i].n[space]; j++) {
			lo = 0;
			hi = runs;
			while (lo < hi) {
				mid = lo + (hi - lo) / 2;
				if (all[mid].h < xs[i].f[space][j].h)
					lo = mid + 1;
				else
					hi = mid;
			}
			xs[i].f[space][j].w = all[lo].w;
			xs[i].norm[space] += all[lo].w;
		}
	}
	free(all);
}

static double
fq_cos(const struct fq *a, const struct fq *b, int space)
{
	size_t i = 0, j = 0;
	double dot = 0;

	if (a->norm[space] <= 0 || b->norm[space] <= 0)
		return 0;
	while (i < a->n[space] && j < b->n[space]) {
		if (a->f[space][i].h < b->f[space][j].h)
			i++;
		else if (a->f[space][i].h > b->f[space][j].h)
			j++;
		else {
			dot += a->f[space][i].w;
			i++;
			j++;
		}
	}
	return dot / sqrt(a->norm[space] * b->norm[space]);
}

static double
fq_similarity(const struct fq *a, const struct fq *b)
{
	return (fq_cos(a, b, 0) + fq_cos(a, b, 1) + fq_cos(a, b, 2) +
	    fq_cos(a, b, 3)) / 4;
}

/* Whether the space-separated list names id. */
static int
list_has(const char *list, const char *id)
{
	size_t n = strlen(id);
	const char *p = list;

	if (list == NULL)
		return 0;
	while ((p = strstr(p, id)) != NULL) {
		if ((p == list || p[-1] == ' ' || p[-1] == '\t' ||
		    p[-1] == '\n') && (p[n] == '\0' || p[n] == ' ' ||
		    p[n] == '\t' || p[n] == '\n'))
			return 1;
		p += n;
	}
	return 0;
}

static int
fq_id_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct fq *const *)a)->q->id,
	    (*(const struct fq *const *)b)->q->id);
}

/* Every id that pair= names must be a question of the set. */
static void
lint_pairs_known(struct fq *xs, size_t n, int strict, struct diag *d,
    size_t *findings)
{
	struct fq **byid = xcalloc(n + 1, sizeof *byid), key, *kp = &key;
	struct question kq;
	char *copy, *tok, *save;
	size_t i;

	for (i = 0; i < n; i++)
		byid[i] = &xs[i];
	qsort(byid, n, sizeof *byid, fq_id_cmp);
	memset(&kq, 0, sizeof kq);
	key.q = &kq;
	for (i = 0; i < n; i++) {
		if (xs[i].q->pair == NULL)
			continue;
		copy = xstrdup(xs[i].q->pair);
		for (tok = strtok_r(copy, " \t\n", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t\n", &save)) {
			kq.id = tok;
			if (bsearch(&kp, byid, n, sizeof *byid,
			    fq_id_cmp) != NULL && strcmp(tok,
			    xs[i].q->id) != 0)
				continue;
			diag_at(d, xs[i].bank->file, xs[i].q->line, _("%s: "
			    "question %s: pair names %s, which is not another "
			    "question among the files given"), level(strict),
			    xs[i].q->id, tok);
			(*findings)++;
		}
		free(copy);
	}
	free(byid);
}

/* Pair (i, j), i < j: report it when it is a near-duplicate. */
static void
lint_pair(const struct fq *xs, size_t i, size_t j, int strict,
    struct diag *d, struct lint_stats *st)
{
	const struct question *a = xs[i].q, *b = xs[j].q;
	double sim = fq_similarity(&xs[i], &xs[j]);

	if (sim < LINT_DUP_THRESHOLD)
		return;
	if (list_has(a->pair, b->id) || list_has(b->pair, a->id)) {
		st->declared++;
		return;
	}
	st->duplicates++;
	diag_at(d, xs[j].bank->file, b->line, _("%s: question %s: "
	    "near-duplicate of %s (%s:%ld), similarity %.2f: merge them, "
	    "rewrite one, or declare pair=\"%s\""), level(strict), b->id,
	    a->id, xs[i].bank->file, a->line, sim, a->id);
	st->findings++;
	if (a->difficulty != b->difficulty) {
		st->difficulty++;
		diag_at(d, xs[j].bank->file, b->line, _("%s: question %s: "
		    "difficulty %d, but its near-duplicate %s has difficulty "
		    "%d"), level(strict), b->id, b->difficulty, a->id,
		    a->difficulty);
		st->findings++;
	}
}

/* A feature of a question: for the inverted index of large sets. */
struct posting {
	uint64_t	h;
	int		space;
	size_t		q;
};

static int
posting_cmp(const void *x, const void *y)
{
	const struct posting *a = x, *b = y;

	if (a->space != b->space)
		return a->space - b->space;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return (a->q > b->q) - (a->q < b->q);
}

/*
 * A large set (more than LINT_PAIRWISE_MAX questions): compare only the
 * pairs that share a feature held by at most n / 20 (at least 2)
 * questions.  Two
 * questions that share only common wording ("which of these") cannot
 * reach the threshold unless they are all common wording, and a set of
 * thousands of questions would otherwise take minutes.
 */
static void
lint_pairs_indexed(const struct fq *xs, size_t n, int strict,
    struct diag *d, struct lint_stats *st)
{
	struct posting *p = NULL, key;
	size_t cap = 0, np = 0, i, j, k, lo, hi, mid, end;
	size_t rare = n / 20 > 2 ? n / 20 : 2;
	size_t *stamp = xcalloc(n + 1, sizeof *stamp);
	int space;

	for (i = 0; i < n; i++)
		for (space = 0; space < SPACES; space++)
			for (k = 0; k < xs[i].n[space]; k++) {
				xgrow(&p, &cap, np + 1, sizeof *p);
				p[np].h = xs[i].f[space][k].h;
				p[np].space = space;
				p[np++].q = i;
			}
	if (np > 0)
		qsort(p, np, sizeof *p, posting_cmp);
	for (i = 0; i < n; i++)
		for (space = 0; space < SPACES; space++)
			for (k = 0; k < xs[i].n[space]; k++) {
				/* The run of this feature: first posting... */
				key.h = xs[i].f[space][k].h;
				key.space = space;
				key.q = 0;
				lo = 0;
				hi = np;
				while (lo < hi) {
					mid = lo + (hi - lo) / 2;
					if (posting_cmp(&p[mid], &key) < 0)
						lo = mid + 1;
					else
						hi = mid;
				}
				/* ...and past its last. */
				for (end = lo; end < np && p[end].h == key.h &&
				    p[end].space == space && end - lo <= rare;
				    end++)
					;
				if (end - lo > rare)
					continue;
				for (j = lo; j < end; j++)
					if (p[j].q > i && stamp[p[j].q] != i + 1) {
						stamp[p[j].q] = i + 1;
						lint_pair(xs, i, p[j].q, strict, d,
						    st);
					}
			}
	free(stamp);
	free(p);
}

static void
lint_duplicates(const struct content_set *set, int strict, struct diag *d,
    struct lint_stats *st)
{
	struct fq *xs;
	size_t n = 0, i, j, k, pairwise = LINT_PAIRWISE_MAX;
	const char *env;
	int space;

	for (i = 0; i < set->nbanks; i++)
		n += set->banks[i]->nquestions;
	xs = xcalloc(n + 1, sizeof *xs);
	for (i = 0, k = 0; i < set->nbanks; i++)
		for (j = 0; j < set->banks[i]->nquestions; j++)
			fq_build(&xs[k++], set->banks[i],
			    &set->banks[i]->questions[j]);
	for (space = 0; space < SPACES; space++)
		fq_weigh(xs, n, space);
	lint_pairs_known(xs, n, strict, d, &st->findings);
	/* FIRSTLINE_LINT_PAIRWISE_MAX: a test seam for the indexed path. */
	if ((env = getenv("FIRSTLINE_LINT_PAIRWISE_MAX")) != NULL)
		pairwise = strtoul(env, NULL, 10);
	if (n <= pairwise) {
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				lint_pair(xs, i, j, strict, d, st);
	} else
		lint_pairs_indexed(xs, n, strict, d, st);
	for (i = 0; i < n; i++)
		for (space = 0; space < SPACES; space++)
			free(xs[i].f[space]);
	free(xs);
}

/* ------------------------------------------------------------- all */

size_t
lint_content(const struct content_set *set, int strict, struct diag *d,
    struct lint_stats *stats)
{
	struct lint_stats local;
	struct lint_stats *st = stats != NULL ? stats : &local;
	size_t i, j;

	memset(st, 0, sizeof *st);
	st->banks = xcalloc(set->nbanks + 1, sizeof *st->banks);
	st->nbanks = set->nbanks;
	for (i = 0; i < set->nbanks; i++)
		lint_key_share(set->banks[i], strict, d, &st->banks[i], st);
	lint_duplicates(set, strict, d, st);
	for (i = 0; i < set->nbanks; i++) {
		const struct bank *b = set->banks[i];

		for (j = 0; j < b->nquestions; j++) {
			const struct question *q = &b->questions[j];

			if (q->type != QTYPE_TRUEFALSE)
				continue;
			st->ntruefalse++;
			if (!lint_negative(&q->stem))
				continue;
			st->negative++;
			st->findings++;
			if (q->answer)
				diag_at(d, b->file, q->line, _("%s: question "
				    "%s: a negative true/false statement; "
				    "state it positively"), level(strict),
				    q->id);
			else
				diag_at(d, b->file, q->line, _("%s: question "
				    "%s: a negative true/false statement whose "
				    "answer is false (a double negative); "
				    "state it positively"), level(strict),
				    q->id);
		}
	}
	for (i = 0; i < set->nbanks; i++) {
		const struct bank *b = set->banks[i];

		for (j = 0; j < b->nquestions; j++) {
			const struct question *q = &b->questions[j];
			int m;

			if (q->type != QTYPE_MULTIPLE ||
			    (m = lint_type_marker(&q->stem)) == 0)
				continue;
			st->markers++;
			st->findings++;
			diag_at(d, b->file, q->line, _("%s: question %s: the "
			    "%s stem says it is multiple choice, which the "
			    "terminal, the browser and the printed paper show "
			    "above it already: drop it from the stem"),
			    level(strict), q->id, m == 3 ? _("zh-CN and en") :
			    m == 1 ? "zh-CN" : "en");
		}
	}
	/* Last, as they are the most numerous while a bank is over. */
	for (i = 0; i < set->nbanks; i++)
		lint_key_list(set->banks[i], strict, d, &st->banks[i], st);
	i = st->findings;
	if (stats == NULL)
		lint_stats_release(&local);
	return i;
}

void
lint_stats_release(struct lint_stats *stats)
{
	free(stats->banks);
	stats->banks = NULL;
	stats->nbanks = 0;
}
