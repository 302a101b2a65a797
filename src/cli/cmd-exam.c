/*
 * firstline exam: list the loaded exam definitions and show one's
 * components.
 */
#include "config.h"

#include "cli.h"

#include "core/catalog.h"

static int
cmd_exam_list_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_list(c, e, argc, argv, catalog_exams);
}

static int
cmd_exam_show_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_show(c, e, argc, argv, catalog_exam_components);
}

const struct cmd_entry cmd_exam_list_entry = {
	"exam", "list", "[--format text|csv]",
	N_("list the exam definitions"),
	cmd_exam_list_exec
};

const struct cmd_entry cmd_exam_show_entry = {
	"exam", "show", "EXAM [--format text|csv]",
	N_("show an exam's components and rubrics"),
	cmd_exam_show_exec
};
