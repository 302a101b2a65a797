/*
 * firstline rubric: list the loaded rubrics and show one item by item.
 */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <stdlib.h>

#include "core/catalog.h"
#include "core/store.h"

static int
cmd_rubric_list_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_list(c, e, argc, argv, catalog_rubrics);
}

static int
cmd_rubric_show_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_show(c, e, argc, argv, catalog_rubric_items);
}

const struct cmd_entry cmd_rubric_list_entry = {
	"rubric", "list", "[--format text|csv]",
	N_("list the practical and simulation rubrics"),
	cmd_rubric_list_exec
};

const struct cmd_entry cmd_rubric_show_entry = {
	"rubric", "show", "RUBRIC [--format text|csv]",
	N_("show a rubric's items, marks and critical items"),
	cmd_rubric_show_exec
};
