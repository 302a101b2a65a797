/*
 * The faults SQLite can meet, injected on demand (tests/stress/shim.c): an
 * allocator over SQLite's own (SQLITE_CONFIG_MALLOC) and a VFS over "unix",
 * both passing everything through until armed.  Armed with kind and n, the
 * nth operation of that kind fails (and every later one, if persistent):
 *
 *	FAULT_MALLOC	an allocation returns NULL
 *	FAULT_WRITE	xWrite returns SQLITE_IOERR_WRITE
 *	FAULT_FULL	xWrite returns SQLITE_FULL (no space left)
 *	FAULT_SYNC	xSync returns SQLITE_IOERR_FSYNC
 *	FAULT_CUT	the power goes at the nth write or sync: the process
 *			ends at once (_exit(FAULT_CUT_STATUS)) and every write
 *			not yet synced is lost (while armed, writes are held
 *			in memory until their file is synced)
 */
#ifndef FIRSTLINE_STRESS_SHIM_H
#define FIRSTLINE_STRESS_SHIM_H

enum fault_kind { FAULT_MALLOC, FAULT_WRITE, FAULT_FULL, FAULT_SYNC,
    FAULT_CUT };

#define FAULT_CUT_STATUS 77

/* Install both (before any other use of SQLite); the VFS is the default. */
void fault_install(void);
void fault_arm(enum fault_kind kind, int persistent, long n);
/* Disarm; returns how many times the fault struck. */
long fault_disarm(void);

#endif
