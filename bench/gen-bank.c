/*
 * gen-bank: a synthetic question bank for the benchmarks, deterministic
 * from a seed.  Writes MODULES bank files (bench-m1.xml ...), together
 * QUESTIONS questions of all four types in zh-CN and en, valid against
 * question-banks/schema/bank.xsd and the loader's semantic checks (ids
 * unique across the banks, one correct single-choice option, ordering
 * positions a permutation, options that read differently).
 *
 *   gen-bank [--questions N] [--modules M] [--seed S] OUTDIR
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t gen_state;

static uint32_t
gen_next(void)
{
	/* xorshift64* */
	gen_state ^= gen_state >> 12;
	gen_state ^= gen_state << 25;
	gen_state ^= gen_state >> 27;
	return (uint32_t)((gen_state * 2685821657736338717ULL) >> 32);
}

static unsigned
gen_below(unsigned n)
{
	return gen_next() % n;
}

static const char *const zh_words[] = {
	"伤员", "出血", "按压", "呼吸", "意识", "报警", "疏散", "楼梯",
	"电动车", "燃气", "灭火器", "包扎", "止血带", "地震", "避险", "社区",
	"老人", "儿童", "现场", "安全", "评估", "通道", "烟雾", "窒息",
};
static const char *const en_words[] = {
	"casualty", "bleeding", "compression", "breathing", "response",
	"alarm", "evacuation", "stairwell", "e-bike", "gas", "extinguisher",
	"bandage", "tourniquet", "earthquake", "shelter", "community",
	"elderly", "child", "scene", "safety", "assessment", "exit", "smoke",
	"choking",
};
#define NWORDS (sizeof zh_words / sizeof zh_words[0])

/* A phrase of k words in both languages, tagged with n so it is unique. */
static void
gen_text(FILE *f, const char *el, int k, const char *tag, long n)
{
	int i;
	unsigned w[12];

	for (i = 0; i < k; i++)
		w[i] = gen_below(NWORDS);
	fprintf(f, "<%s xml:lang=\"zh-CN\">", el);
	for (i = 0; i < k; i++)
		fputs(zh_words[w[i]], f);
	fprintf(f, "（%s%ld）</%s>\n", tag, n, el);
	fprintf(f, "<%s xml:lang=\"en\">", el);
	for (i = 0; i < k; i++)
		fprintf(f, "%s%s", i ? " " : "", en_words[w[i]]);
	fprintf(f, " (%s %ld)</%s>\n", tag, n, el);
}

static void
gen_tail(FILE *f, long id)
{
	gen_text(f, "explanation", 8 + (int)gen_below(4), "explanation", id);
	fprintf(f, "<source>Synthetic benchmark source %u</source>\n",
	    gen_below(100));
	if (gen_below(2))
		fprintf(f, "<tag>t%u</tag>\n", gen_below(20));
}

static void
gen_question(FILE *f, int module, long id)
{
	static const char *const types[] = { "single", "multiple",
	    "truefalse", "ordering" };
	int type = (int)(id % 4), nopt, i, correct, pos[8];

	fprintf(f, "<%s id=\"b%d-%07ld\" difficulty=\"%d\"", types[type],
	    module, id, (int)(id / 4 % 3) + 1);
	if (type == 2)
		fprintf(f, " answer=\"%s\"", gen_below(2) ? "true" : "false");
	fputs(">\n", f);
	gen_text(f, "stem", 6 + (int)gen_below(6), "question", id);
	nopt = 3 + (int)gen_below(3);
	if (type == 0 || type == 1) {
		correct = (int)gen_below((unsigned)nopt);
		for (i = 0; i < nopt; i++) {
			int ok = i == correct || (type == 1 && gen_below(3) == 0);

			fprintf(f, "<option%s>\n", ok ? " correct=\"true\"" : "");
			gen_text(f, "text", 3 + (int)gen_below(3), "option",
			    (long)i + 1);
			fputs("</option>\n", f);
		}
	} else if (type == 3) {
		for (i = 0; i < nopt; i++)
			pos[i] = i + 1;
		for (i = nopt - 1; i > 0; i--) {
			int j = (int)gen_below((unsigned)i + 1), t = pos[i];

			pos[i] = pos[j];
			pos[j] = t;
		}
		for (i = 0; i < nopt; i++) {
			fprintf(f, "<step position=\"%d\">\n", pos[i]);
			gen_text(f, "text", 3 + (int)gen_below(3), "step",
			    (long)i + 1);
			fputs("</step>\n", f);
		}
	}
	gen_tail(f, id);
	fprintf(f, "</%s>\n", types[type]);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "questions", required_argument, NULL, 'q' },
		{ "modules", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	long questions = 100000, per, id, q;
	int modules = 8, m, ch;
	unsigned long long seed = 1;
	char path[4096];
	FILE *f;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q': questions = atol(optarg); break;
		case 'm': modules = atoi(optarg); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		default: goto usage;
		}
	}
	if (optind + 1 != argc || questions < 1 || modules < 1)
		goto usage;
	gen_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	id = 0;
	for (m = 1; m <= modules; m++) {
		per = questions / modules + (m <= questions % modules);
		snprintf(path, sizeof path, "%s/bench-m%d.xml", argv[optind], m);
		if ((f = fopen(path, "w")) == NULL) {
			fprintf(stderr, "gen-bank: %s: %s\n", path,
			    strerror(errno));
			return 1;
		}
		fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<bank module=\"bench-m%d\">\n"
		    "<title xml:lang=\"zh-CN\">基准模块%d</title>\n"
		    "<title xml:lang=\"en\">Benchmark module %d</title>\n",
		    m, m, m);
		for (q = 0; q < per; q++)
			gen_question(f, m, id++);
		fputs("</bank>\n", f);
		if (fclose(f) != 0) {
			fprintf(stderr, "gen-bank: %s: %s\n", path,
			    strerror(errno));
			return 1;
		}
		printf("%s\n", path);
	}
	return 0;
usage:
	fprintf(stderr, "usage: gen-bank [--questions N] [--modules M] "
	    "[--seed S] OUTDIR\n");
	return 2;
}
