/*
 * Unit tests of auth_hash_many: every secret hashed once, on several
 * threads, each hash its own (own salt) and verifying only its secret.
 */
#include "config.h"

#include "unit.h"

#include "core/auth.h"

static void
test_many(void **state)
{
	const char *pins[] = { "000001", "123456", "999999", "000001",
	    "424242" };
	size_t n = sizeof pins / sizeof pins[0], i, j;
	char *out[5];

	setenv("FIRSTLINE_HASH_THREADS", "3", 1);
	assert_int_equal(auth_hash_many(pins, out, n), 0);
	for (i = 0; i < n; i++) {
		assert_non_null(out[i]);
		assert_memory_equal(out[i], "$y$", 3);	/* yescrypt */
		assert_true(auth_verify(pins[i], out[i]));
		for (j = 0; j < n; j++)
			if (strcmp(pins[i], pins[j]) != 0)
				assert_false(auth_verify(pins[j], out[i]));
	}
	/* The same PIN twice gets two salts, two hashes. */
	assert_string_not_equal(out[0], out[3]);
	for (i = 0; i < n; i++)
		free(out[i]);
	/* Nothing to do is done. */
	assert_int_equal(auth_hash_many(pins, out, 0), 0);
	unsetenv("FIRSTLINE_HASH_THREADS");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests_name("auth-batch", tests, NULL, NULL);
}
