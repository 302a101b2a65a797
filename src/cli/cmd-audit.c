/*
 * firstline audit verify / certificate verify: check the record against its
 * hash chain (core/chain.h), and say whose a certificate's verification
 * code is and whether it still stands.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/chain.h"
#include "core/store.h"

/* The chain's English reasons, for people (gettext). */
static const char *
cmd_audit_reason(const char *what)
{
	return _(what);
}

static int
cmd_audit_verify_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct chain_fault f;
	struct store *s;
	long long rows = 0;
	char *cause = NULL;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("audit verify takes no operands"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = chain_verify(s, &rows, &f, &cause);
	store_free(&s);
	if (rc < 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if (rc > 0) {
		if (f.seq > 0)
			cli_error(_("%s: the record was changed: %s %s (chain "
			    "entry %lld): %s"), c->db, f.table, f.key, f.seq,
			    cmd_audit_reason(f.what));
		else
			cli_error(_("%s: the record was changed: %s %s: %s"),
			    c->db, f.table, f.key, cmd_audit_reason(f.what));
		return EXIT_REFUSED;
	}
	printf(ngettext("%s: the record matches its chain (%lld row: audit "
	    "trail, score entries and marks, certified results)\n",
	    "%s: the record matches its chain (%lld rows: audit trail, "
	    "score entries and marks, certified results)\n",
	    (unsigned long)rows), c->db, rows);
	return EXIT_OK;
}

static int
cmd_certificate_verify_exec(struct cli *c, const struct cmd_entry *e,
    int argc, char **argv)
{
	struct chain_certificate cert;
	struct store *s;
	char *cause = NULL;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the CODE printed on the "
		    "certificate"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = chain_certificate(s, argv[optind], &cert, &cause);
	store_free(&s);
	if (rc < 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if (rc > 0)
		return cli_error(_("%s: no certificate of this database has "
		    "this code"), argv[optind]);
	printf(_("%s: certificate of %s (ticket %s, %s), cohort %s, "
	    "certified %s, result %s\n"), argv[optind], cert.name,
	    cert.ticket, cert.community, cert.cohort, cert.sealed_at,
	    cert.cls);
	if (cert.stands)
		printf(_("it stands: the record behind it matches its "
		    "chain\n"));
	else
		printf(_("it does NOT stand: %s\n"), cmd_audit_reason(cert.why));
	rc = cert.stands ? EXIT_OK : EXIT_REFUSED;
	chain_certificate_release(&cert);
	return rc;
}

const struct cmd_entry cmd_audit_verify_entry = {
	"audit", "verify", "",
	N_("check the audit trail, scores and certified results against "
	    "their hash chain; name the first row that does not match"),
	cmd_audit_verify_exec
};

const struct cmd_entry cmd_certificate_verify_entry = {
	"certificate", "verify", "CODE",
	N_("say whose certificate CODE is and whether it still stands"),
	cmd_certificate_verify_exec
};
