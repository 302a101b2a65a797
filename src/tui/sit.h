/*
 * The trainee client (firstline sit): language choice, login with ticket
 * and PIN, instructions, the timed written test, submission and result.
 * For the command line; the screens themselves live in sit*.c.
 */
#ifndef FIRSTLINE_TUI_SIT_H
#define FIRSTLINE_TUI_SIT_H

struct store;

/*
 * Run the client on the terminal against the open store s until the
 * trainee is done, leaves the login screen, or the terminal goes away.
 * Returns 0, or -1 and *cause (the terminal could not be used, the
 * database failed); the caller prints it (curses has ended by then).
 */
int sit_run(struct store *s, char **cause);
/*
 * The same against the database at path, opened (STORE_OPEN) once the
 * first screen is drawn; a failure to open it is shown, then returned.
 */
int sit_run_path(const char *path, char **cause);

#endif
