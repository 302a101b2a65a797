/*
 * firstline attempts / attempt extend / attempt retake / attempt unlock: the
 * proctor's view of a cohort's written test and the organizer's actions on
 * a sitting.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <time.h>

#include "core/auth.h"
#include "core/proctor.h"
#include "core/store.h"

static int
cmd_attempts_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_show(c, e, argc, argv, proctor_attempts);
}

static int
cmd_attempt_extend_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct act_opts o;
	struct store *s;
	struct user u;
	char *cause = NULL, *end, when[32];
	long minutes, deadline;
	time_t t;
	int rc;

	if ((rc = cli_act_options(e, argc, argv, &o)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 3 != argc)
		return cli_usage_error(e, _("give COHORT TICKET MINUTES"));
	minutes = strtol(argv[optind + 2], &end, 10);
	if (*end != '\0' || end == argv[optind + 2])
		return cli_usage_error(e, _("MINUTES must be a number"));
	if (o.reason == NULL)
		return cli_usage_error(e, _("--reason is required"));
	if ((s = cli_open_as(c, &o, ROLE_ORGANIZER, &u)) == NULL)
		return EXIT_REFUSED;
	rc = proctor_extend(s, &u, argv[optind], argv[optind + 1],
	    (int)minutes, o.reason, &deadline, &cause);
	if (rc == 0) {
		t = (time_t)deadline;
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S",
		    localtime(&t));
		printf(ngettext("%s: %ld minute added; the deadline is now "
		    "%s\n", "%s: %ld minutes added; the deadline is now %s\n",
		    (unsigned long)minutes),
		    argv[optind + 1], minutes, when);
	} else {
		cli_error("%s", cause);
		free(cause);
	}
	user_release(&u);
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

/*
 * A staff action on one ticket (COHORT TICKET --by USER, with at least role
 * min): act does it and prints what was done, or returns -1 with *cause.
 */
static int
cmd_ticket_action(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv, int min, int (*act)(struct store *, const struct user *,
    const char *, const char *, char **))
{
	struct act_opts o;
	struct store *s;
	struct user u;
	char *cause = NULL;
	int rc;

	if ((rc = cli_act_options(e, argc, argv, &o)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 2 != argc)
		return cli_usage_error(e, _("give COHORT TICKET"));
	if ((s = cli_open_as(c, &o, min, &u)) == NULL)
		return EXIT_REFUSED;
	if ((rc = act(s, &u, argv[optind], argv[optind + 1], &cause)) != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	user_release(&u);
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

static int
cmd_retake(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, char **cause)
{
	int number;

	if (proctor_retake(s, u, cohort, ticket, &number, cause) != 0)
		return -1;
	printf(_("%s: written attempt %d opened on a new paper\n"), ticket,
	    number);
	return 0;
}

static int
cmd_attempt_retake_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_ticket_action(c, e, argc, argv, ROLE_ORGANIZER, cmd_retake);
}

static int
cmd_unlock(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, char **cause)
{
	int cleared;

	if (proctor_unlock(s, u, cohort, ticket, &cleared, cause) != 0)
		return -1;
	if (cleared == 0)
		printf(_("%s: no failed logins to clear; it may log in\n"),
		    ticket);
	else
		printf(ngettext("%s: %d failed login cleared; it may log in "
		    "now\n", "%s: %d failed logins cleared; it may log in "
		    "now\n", (unsigned long)cleared), ticket, cleared);
	return 0;
}

static int
cmd_attempt_unlock_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_ticket_action(c, e, argc, argv, ROLE_INSTRUCTOR, cmd_unlock);
}

const struct cmd_entry cmd_attempts_entry = {
	NULL, "attempts", "COHORT [--format text|csv]",
	N_("proctor view: every sitting of a cohort, live"),
	cmd_attempts_exec
};

const struct cmd_entry cmd_attempt_extend_entry = {
	"attempt", "extend",
	"COHORT TICKET MINUTES --by USER --reason TEXT [--password-file F]",
	N_("give a sitting extra time (accommodation, incident), audited"),
	cmd_attempt_extend_exec
};

const struct cmd_entry cmd_attempt_retake_entry = {
	"attempt", "retake", "COHORT TICKET --by USER [--password-file F]",
	N_("open a new attempt on a new paper after a failed written test"),
	cmd_attempt_retake_exec
};

const struct cmd_entry cmd_attempt_unlock_entry = {
	"attempt", "unlock", "COHORT TICKET --by USER [--password-file F]",
	N_("let a ticket kept out by wrong PINs log in again at once, audited"),
	cmd_attempt_unlock_exec
};
