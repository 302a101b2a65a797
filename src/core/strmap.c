/*
 * String map: linear probing in a power-of-two table kept under half full.
 */
#include "config.h"

#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint64_t
strmap_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void
strmap_release(struct strmap *m)
{
	free(m->keys);
	free(m->values);
	memset(m, 0, sizeof *m);
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	size_t i = (size_t)strmap_hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void
strmap_grow(struct strmap *m)
{
	struct strmap old = *m;
	size_t i, j;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->values = xcalloc(m->cap, sizeof *m->values);
	for (i = 0; i < old.cap; i++) {
		if (old.keys[i] == NULL)
			continue;
		j = strmap_slot(m, old.keys[i]);
		m->keys[j] = old.keys[i];
		m->values[j] = old.values[i];
	}
	free(old.keys);
	free(old.values);
}

void *
strmap_add(struct strmap *m, const char *key, void *value)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap)
		strmap_grow(m);
	i = strmap_slot(m, key);
	if (m->keys[i] != NULL)
		return m->values[i];
	m->keys[i] = key;
	m->values[i] = value;
	m->n++;
	return NULL;
}
