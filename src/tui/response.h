/*
 * The trainee's responses in the encoding the core stores (attempt.h:
 * "2", "0,2", "1"/"0", "2,0,1"), and what a key does to one: pure
 * functions, no curses, unit-tested.
 */
#ifndef FIRSTLINE_TUI_RESPONSE_H
#define FIRSTLINE_TUI_RESPONSE_H

#include <stddef.h>

#include "core/attempt.h"

/* Room for any response of up to 26 options. */
#define RESP_SIZE 128

/* What pressing an option did. */
enum resp_press {
	RESP_CHANGED,	/* buf holds the new response */
	RESP_NO_OPTION,	/* there is no such option */
	RESP_ALREADY,	/* ordering: that step is already placed */
};

/* Options as shown: true/false has two (A true, B false). */
size_t resp_options(const struct paper_item *it);
/*
 * Per shown option 0, or chosen: 1, or for ordering the 1-based place the
 * trainee gave it.  chosen has room for resp_options(it) entries.
 */
void resp_chosen(const struct paper_item *it, int *chosen);
/*
 * The response after option k (0-based, as shown) is pressed: single
 * chooses it, multiple toggles it, true/false is A true or B false,
 * ordering appends it.  Writes buf (size bytes).
 */
enum resp_press resp_press(const struct paper_item *it, size_t k, char *buf,
    size_t size);
/*
 * The response after Backspace: ordering takes back the last step, the
 * other types clear.  Writes buf.
 */
void resp_backspace(const struct paper_item *it, char *buf, size_t size);
/*
 * The response for people: letters "A, C" in the order given, or the
 * words for true and false.  Writes buf.
 */
void resp_letters(const struct paper_item *it, char *buf, size_t size);

#endif
