/*
 * The clock seam: the one place the attempt code asks for the time, so a
 * test can link a replacement with -Wl,--wrap=attempt_now.
 */
#include "config.h"

#include "attempt.h"

time_t
attempt_now(void)
{
	return time(NULL);
}
