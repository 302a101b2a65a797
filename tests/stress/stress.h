/*
 * The stress suite's programs (issue #7): a trainee and an instructor that
 * make the same core calls as the clients (seat.c), a ledger of what the
 * "screen" confirmed and its check against the database (ledger.c), and
 * the drivers that kill, crowd and check them (kill.c, crowd.c).
 *
 * A seat writes one line per event to a file descriptor, with a single
 * write(2) each, so that a process killed at any moment leaves whole lines:
 *
 *	try SEQ RESPONSE	about to call attempt_answer
 *	ack SEQ RESPONSE US	attempt_answer returned 0 after US microseconds:
 *				the screen would now confirm it
 *	score ENTRY TICKET TOTAL US	score_set returned 0 (instructor)
 *	err WHAT: MESSAGE	a call failed; MESSAGE is what a person sees
 *
 * An empty response is written as "-".
 */
#ifndef FIRSTLINE_STRESS_H
#define FIRSTLINE_STRESS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* A small, seeded generator (xorshift64*), so that every run can be
 * reproduced from the seed printed in the TAP output. */
struct rng {
	uint64_t	s;
};
void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in 0..n-1 (n > 0). */
size_t rng_below(struct rng *r, size_t n);

/* Microseconds on the monotonic clock. */
int64_t stress_now_us(void);

/* Write the formatted line to fd with one write(2); -1 on failure. */
int stress_say(int fd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether a message a person would see speaks of a busy database. */
int stress_is_busy(const char *msg);

/*
 * What a trainee's seat does.  Logs in with ticket and PIN, opens the
 * attempt (start or resume), tells ready_fd (if >= 0) one byte and waits for
 * end of file on go_fd (if >= 0), then gives answers: answers > 0 means
 * every question once in a random order and then answers - nitems random
 * changes; answers < 0 means random answers until killed.  Returns 0 when
 * every call succeeded, 1 otherwise (each failure logged as "err").
 */
struct seat {
	const char	*db;
	const char	*ticket;
	const char	*pin;
	long		 answers;
	uint64_t	 seed;
	int		 log_fd;
	int		 ready_fd;
	int		 go_fd;
};
int seat_sit(const struct seat *st);

/*
 * What an instructor does: logs in (user, password), then for each ticket
 * of tickets[first], tickets[first + step], ... stores a full random score
 * of rubric, passes times over (a correction with a reason after the
 * first).  Logs "score" lines.  Returns 0 or 1 like seat_sit.
 */
struct bench {
	const char		 *db;
	const char		 *user;
	const char		 *password;
	const char		 *cohort;
	const char		 *rubric;
	const char *const	 *tickets;
	size_t			  ntickets, first, step;
	int			  passes;
	uint64_t		  seed;
	int			  log_fd;
	int			  ready_fd;
	int			  go_fd;
};
int bench_score(const struct bench *b);

/*
 * The ledger: what the seats' screens confirmed, fed from their logs, and
 * the check of a database against it.
 */
struct ledger_item {
	char	*acked;		/* last confirmed response ("" at first) */
	char	**maybe;	/* unconfirmed tries after it (killed) */
	size_t	 nmaybe;
};
struct ledger {
	char			*ticket;
	struct ledger_item	*items;
	size_t			 nitems;
	char			*pending;	/* "SEQ RESPONSE" of a try */
	size_t			 acks, tries, errors, busy;
	size_t			 inflight;	/* rounds ended inside a save */
	int64_t			*lat_us;	/* every ack's latency */
	size_t			 nlat, caplat;
	char			*first_error;
};
void ledger_init(struct ledger *l, const char *ticket, size_t nitems);
void ledger_release(struct ledger *l);
/* One log line (without its newline). */
void ledger_line(struct ledger *l, const char *line);
/* Feed a whole log (complete lines only), then end the round. */
void ledger_feed(struct ledger *l, const char *buf, size_t len);
/* The seat's process ended: an unconfirmed try may have been stored. */
void ledger_round_end(struct ledger *l);
/*
 * Compare with the database: one attempt for the ticket, nitems paper items
 * with distinct seqs, each response the confirmed one (or an unconfirmed
 * try).  Returns 0, or -1 with *why (to free).
 */
int ledger_check(const struct ledger *l, sqlite3 *db, char **why);

/* PRAGMA integrity_check is "ok" and foreign_key_check is empty: 0, or -1
 * with *why. */
int stress_db_sound(sqlite3 *db, char **why);
/* The number of questions on ticket's paper (its exam's blueprint). */
size_t stress_paper_size(sqlite3 *db, const char *ticket);
/* Open path for checking (read-write, so that a left WAL is recovered). */
sqlite3 *stress_db_open(const char *path);

/* Tickets and PINs from roster import's CSV (ticket,name,community,pin). */
struct roster {
	char	**tickets;
	char	**pins;
	size_t	  n;
};
int roster_read(const char *path, struct roster *r);
void roster_release(struct roster *r);

/* Percentile p (0..100) of n sorted values. */
int64_t stress_percentile(const int64_t *sorted, size_t n, double p);

/* The drivers (kill.c, crowd.c): TAP on stdout, exit status 0 or 1. */
int kill_main(int argc, char **argv);
int crowd_main(int argc, char **argv);

#endif
