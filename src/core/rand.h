/*
 * Randomness: unpredictable values from the kernel (PINs, seeds, session
 * tokens) and a small seeded generator (splitmix64) whose sequence is the
 * same on every machine, so a paper can be drawn again from its stored seed.
 */
#ifndef FIRSTLINE_RAND_H
#define FIRSTLINE_RAND_H

#include <stddef.h>
#include <stdint.h>

/* Fill buf with len unpredictable bytes (getrandom); fatal on failure. */
void rand_bytes(void *buf, size_t len);
/* An unpredictable integer in [0, n), without modulo bias. */
uint32_t rand_below(uint32_t n);
/* A new lowercase hex string of 2 * nbytes unpredictable digits. */
char *rand_hex(size_t nbytes);

struct prng {
	uint64_t state;
};

void prng_seed(struct prng *p, uint64_t seed);
uint64_t prng_next(struct prng *p);
/* A value in [0, n) from p, without modulo bias; n > 0. */
uint32_t prng_below(struct prng *p, uint32_t n);
/* Shuffle the n elements of base (each size bytes) with p (Fisher-Yates). */
void prng_shuffle(struct prng *p, void *base, size_t n, size_t size);

#endif
