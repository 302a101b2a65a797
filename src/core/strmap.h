/*
 * A map from strings to pointers (open addressing, FNV-1a): finding
 * duplicate ids among 100,000 questions in one pass instead of comparing
 * every pair.  Keys are not copied: they must outlive the map.
 */
#ifndef FIRSTLINE_STRMAP_H
#define FIRSTLINE_STRMAP_H

#include <stddef.h>

struct strmap {
	const char	**keys;
	void		**values;
	size_t		  n, cap;
};

void strmap_init(struct strmap *m);
void strmap_release(struct strmap *m);
/*
 * Map key to value unless key is there already.  Returns NULL when key was
 * added, else the value it already had (the map is unchanged).
 */
void *strmap_add(struct strmap *m, const char *key, void *value);

#endif
