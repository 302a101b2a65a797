/*
 * Allocation that cannot fail: out of memory is fatal (message on stderr,
 * exit status 1), so callers never check for NULL.
 */
#ifndef FIRSTLINE_XALLOC_H
#define FIRSTLINE_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Out of memory: the hook set by xalloc_on_die runs first (a full-screen
 * client puts the terminal back), then "firstline: out of memory" on
 * stderr, exit status 1.
 */
void xalloc_die(void) __attribute__((noreturn));
/* Set (or, with NULL, clear) the function xalloc_die calls first. */
void xalloc_on_die(void (*hook)(void));

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grow *array (of *cap elements of size) so it holds at least need. */
void xgrow(void *array, size_t *cap, size_t need, size_t size);

#endif
