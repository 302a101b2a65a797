/*
 * The instructor client (firstline score): login, cohort, trainee and
 * station menus, the rubric form that enters practical and simulation
 * scores through the core (score_set), and each trainee's score history.
 * For the command line; the screens live in score*.c.
 */
#ifndef FIRSTLINE_TUI_SCORE_CLIENT_H
#define FIRSTLINE_TUI_SCORE_CLIENT_H

struct store;

/*
 * Run the client on the terminal against the open store s until the
 * instructor leaves or the terminal goes away.  Returns 0, or -1 and
 * *cause (the terminal could not be used, the database failed, the
 * terminal was closed); the caller prints it (curses has ended by then).
 */
int score_client_run(struct store *s, char **cause);

#endif
