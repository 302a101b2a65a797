/*
 * The firstline command line: a table of subcommands (git style), each
 * implemented in a cmd-*.c file of its group, plus the shared helpers for
 * options, output and opening the database.
 */
#ifndef FIRSTLINE_CLI_H
#define FIRSTLINE_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "core/core.h"
#include "core/table.h"

struct store;

/* Exit statuses of SPEC section 3. */
enum {
	EXIT_OK = 0,
	EXIT_REFUSED = 1,	/* bad input or refused action */
	EXIT_USAGE = 2,
	EXIT_BELOW = 3,		/* cohort certify: below the rules */
};

enum format {
	FORMAT_TEXT,
	FORMAT_CSV,
	FORMAT_PDF,
};

struct cli {
	const char	*db;		/* --db, $FIRSTLINE_DB, ./firstline.db */
	int		 db_given;	/* by --db or $FIRSTLINE_DB */
};

struct cmd_entry {
	const char	*group;		/* "bank", or NULL for a top command */
	const char	*name;
	const char	*args;		/* usage after the name */
	const char	*summary;	/* N_() marked */
	int		(*exec)(struct cli *, const struct cmd_entry *, int,
			    char **);
};

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_audit_verify_entry;
extern const struct cmd_entry cmd_certificate_verify_entry;
extern const struct cmd_entry cmd_bank_check_entry;
extern const struct cmd_entry cmd_bank_load_entry;
extern const struct cmd_entry cmd_bank_list_entry;
extern const struct cmd_entry cmd_bank_import_moodle_entry;
extern const struct cmd_entry cmd_bank_export_moodle_entry;
extern const struct cmd_entry cmd_rubric_list_entry;
extern const struct cmd_entry cmd_rubric_show_entry;
extern const struct cmd_entry cmd_exam_list_entry;
extern const struct cmd_entry cmd_exam_show_entry;
extern const struct cmd_entry cmd_cohort_create_entry;
extern const struct cmd_entry cmd_cohort_list_entry;
extern const struct cmd_entry cmd_roster_import_entry;
extern const struct cmd_entry cmd_roster_reset_pin_entry;
extern const struct cmd_entry cmd_user_add_entry;
extern const struct cmd_entry cmd_user_passwd_entry;
extern const struct cmd_entry cmd_user_list_entry;
extern const struct cmd_entry cmd_attempts_entry;
extern const struct cmd_entry cmd_attempt_extend_entry;
extern const struct cmd_entry cmd_attempt_retake_entry;
extern const struct cmd_entry cmd_attempt_unlock_entry;
extern const struct cmd_entry cmd_score_set_entry;
extern const struct cmd_entry cmd_score_history_entry;
extern const struct cmd_entry cmd_report_cohort_entry;
extern const struct cmd_entry cmd_report_coverage_entry;
extern const struct cmd_entry cmd_report_city_entry;
extern const struct cmd_entry cmd_report_certificates_entry;
extern const struct cmd_entry cmd_report_items_entry;
extern const struct cmd_entry cmd_report_papers_entry;
extern const struct cmd_entry cmd_cohort_certify_entry;
extern const struct cmd_entry cmd_cohort_withdraw_entry;
extern const struct cmd_entry cmd_sit_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_paper_print_entry;
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_score_client_entry;
extern const struct cmd_entry cmd_paper_enter_entry;
extern const struct cmd_entry cmd_paper_scan_entry;
extern const struct cmd_entry cmd_paper_review_entry;

/*
 * Parse the options of a command that takes only --format (formats allowed
 * as a mask of 1 << FORMAT_*), -o FILE (when out is not NULL) and --help.
 * Leaves optind at the first operand.  Returns -1 after printing a usage
 * error, 1 after printing help, 0 to go on.
 */
int cli_options(const struct cmd_entry *e, int argc, char **argv,
    unsigned allowed, enum format *format, const char **out);
/*
 * The --format NAME of a command (formats allowed as a mask of
 * 1 << FORMAT_*) into *f.  Returns 0, or EXIT_USAGE after printing a usage
 * error naming it.
 */
int cli_format(const struct cmd_entry *e, const char *name, unsigned allowed,
    enum format *f);
/* Print "usage: firstline GROUP NAME ARGS" to fp. */
void cli_usage(const struct cmd_entry *e, FILE *fp);
/* Print an error "firstline: MESSAGE" to stderr; returns EXIT_REFUSED. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a usage error and return EXIT_USAGE. */
int cli_usage_error(const struct cmd_entry *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print every message of d to stderr. */
void cli_print_diag(const struct diag *d);

/* Open the database (STORE_OPEN); prints the error and returns NULL. */
struct store *cli_open(struct cli *c);

/*
 * The shared bodies of "list" commands (no operand) and "show" commands (one
 * operand naming what to show): options, open the database, fill, print.
 */
/*
 * Where a report goes: the file out (-o FILE) opened for writing, or stdout
 * when out is NULL; NULL after saying why.  cli_out_close closes it (not
 * stdout) and returns EXIT_OK, or EXIT_REFUSED after saying why.
 */
FILE *cli_out_open(const char *out);
int cli_out_close(FILE *fp, const char *out);

/*
 * Route stderr, and stdout when it is a terminal, through text_safe
 * (safeout.c): call once, before anything is printed.
 */
void safeout_install(void);
/* The descriptor behind fp, also for the streams safeout_install made. */
int cli_fileno(FILE *fp);

int cmd_list(struct cli *c, const struct cmd_entry *e, int argc, char **argv,
    void (*fill)(struct store *, struct table *));
int cmd_show(struct cli *c, const struct cmd_entry *e, int argc, char **argv,
    int (*fill)(struct store *, const char *, struct table *, char **));

/*
 * Read a password from file (its first line) or, when file is NULL, from the
 * terminal without echo after prompt.  Returns the password to free, or NULL
 * with *cause.
 */
char *cli_password(const char *file, const char *prompt, char **cause);
/*
 * Authenticate user name (password from file or the terminal) with at least
 * role min_role (enum role); prints the refusal.  0 and *u, or -1.
 */
struct user;
int cli_login(struct store *s, const char *name, const char *file,
    int min_role, struct user *u);

/*
 * The options of actions done as a user: --by, --reason, --password-file,
 * and for the commands that print exam slips --slips FILE.pdf and --url
 * URL (the browser sitting's address, a QR code on the slips).
 */
struct act_opts {
	const char	*by;
	const char	*reason;
	const char	*file;
	const char	*slips;
	const char	*url;
};
/*
 * Parse them (--by is required; --slips and --url only when slips_ok, --url
 * only with --slips).  Returns -1
 * after a usage error, 1 after printing help, 0 to go on with optind at the
 * first operand.
 */
int cli_act_options_ex(const struct cmd_entry *e, int argc, char **argv,
    struct act_opts *o, int slips_ok);
/* cli_act_options_ex without --slips. */
int cli_act_options(const struct cmd_entry *e, int argc, char **argv,
    struct act_opts *o);


/*
 * The body of a client command (sit, score): no operands, open the
 * database, hand the terminal to run, print what went wrong after curses.
 */
int cli_run_client(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv, int (*run)(struct store *, char **));
/*
 * The same for a client that opens the database itself (at path) once its
 * first screen is up; a missing database is reported before that.
 */
int cli_run_client_path(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv, int (*run)(const char *, char **));

/*
 * Open the database and authenticate o->by with at least min_role; prints
 * the refusal.  The store, or NULL.
 */
struct store *cli_open_as(struct cli *c, const struct act_opts *o,
    int min_role, struct user *u);

/*
 * A program's first steps: SIGXFSZ ignored, the locale and the message
 * catalogue (installed, else beside an uninstalled build), safeout.
 */
void cli_start(void);

/* Write t as aligned text or RFC 4180 CSV to fp. */
void output_table(const struct table *t, enum format f, FILE *fp);

/*
 * Run "firstline [--db DB] GROUP ARGV..." in firstline-pdf, the build of
 * this program that can write PDFs (next to this program when run from the
 * build tree, else in PKGLIBEXECDIR).  Returns only on failure, with the
 * exit status to use.
 */
int cli_pdf_exec(struct cli *c, const char *group, int argc, char **argv);
/*
 * The same for helper name (firstline-scan: the scan reader;
 * firstline-serve: the browser sitting); group NULL for a command that is
 * not in a group.  --allow-open-db is passed on.
 */
int cli_helper_exec(struct cli *c, const char *name, const char *group,
    int argc, char **argv);

#endif
