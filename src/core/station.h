/*
 * What an instructor scores in a cohort: the practical stations and the
 * simulation scenarios of the cohort's exam, each with its rubric (items,
 * labels in both languages, marks, critical items, pass mark), and every
 * trainee's latest entry per station.  Read-only: entries are stored by
 * score_set() (score.h), which checks the same current rubric versions.
 * For the instructor client's menus and forms; no curses here.
 */
#ifndef FIRSTLINE_STATION_H
#define FIRSTLINE_STATION_H

#include <sqlite3.h>
#include <stddef.h>

struct store;

struct station_item {
	char	*item;
	char	*label_zh;
	char	*label_en;
	int	 max;
	int	 critical;
};

struct station {
	char			*rubric;
	int			 simulation;	/* else practical */
	char			*title_zh;
	char			*title_en;
	int			 max;
	int			 pass;
	struct station_item	*items;
	size_t			 nitems;
};

/* The stations of a cohort's exam: practical first, then simulation. */
struct station_set {
	char		*cohort;
	char		*exam;
	int		 sealed;	/* the cohort is certified */
	int		 sim_one_of;	/* any one scenario will do */
	int		 retakes;	/* retakes allowed per station */
	struct station	*stations;
	size_t		 n;
};

/*
 * Load the stations of cohort's exam.  Returns 0 and ss (free with
 * station_set_release), or -1 and *cause (no such cohort).
 */
int station_set_load(struct store *s, const char *cohort,
    struct station_set *ss, char **cause);
void station_set_release(struct station_set *ss);

/* A trainee's latest entry for one station (entry 0: none yet). */
struct station_state {
	sqlite3_int64	 entry;
	int		 total;
	int		 max;
	int		 passed;
	int		 critical_missed;
	int		 retake;	/* the latest entry is a retake */
	int		 entries;	/* so far, corrections included */
	int		 retakes;	/* retakes so far */
};

struct station_row {
	char			*ticket;
	char			*name;
	char			*community;
	int			 withdrawn;
	int			 written;	/* a written result exists */
	int			 written_tenths;
	struct station_state	*st;		/* one per station of the set */
};

/* Every trainee of a cohort (by ticket) with the state of each station. */
struct station_board {
	struct station_row	*rows;
	size_t			 n;
	size_t			 nstations;
};

/*
 * Fill b for the cohort of ss: the written result as the cohort report
 * counts it (results.h) and the latest entry of every station.  Returns 0
 * (free with station_board_release), or -1 and *cause.
 */
int station_board_load(struct store *s, const struct station_set *ss,
    struct station_board *b, char **cause);
void station_board_release(struct station_board *b);

/*
 * The marks of entry for the items of st, in st's order (-1 for an item
 * the entry has no mark for), and its comment (to free) when comment is
 * not NULL.
 */
void station_entry_marks(struct store *s, sqlite3_int64 entry,
    const struct station *st, int *marks, char **comment);

/*
 * When entry was stored, as local time for people ("YYYY-MM-DD HH:MM",
 * in at), and who stored it (*by, to free).  Returns 0, or -1 when there
 * is no such entry (at and *by then empty).
 */
int station_entry_when(struct store *s, sqlite3_int64 entry, char at[32],
    char **by);

/* The percentage, rounded half-up to a whole number, of total over max. */
int station_percent(int total, int max);

#endif
