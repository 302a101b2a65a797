/*
 * The fault injector of tests/stress/shim.h: an allocator and a VFS shim
 * that pass everything to SQLite's own until armed.
 */
#include "config.h"

#include "shim.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The armed fault: the countdown to it and how many times it struck. */
static struct {
	enum fault_kind	kind;
	int		armed;
	int		persistent;
	long		countdown;
	long		hits;
} fault;

/* Whether the current operation of kind k fails now. */
static int
fault_now(enum fault_kind k)
{
	if (!fault.armed || fault.kind != k)
		return 0;
	if (fault.countdown > 0 && --fault.countdown > 0)
		return 0;
	if (fault.countdown == 0 && fault.hits > 0 && !fault.persistent)
		return 0;
	fault.countdown = 0;
	fault.hits++;
	return 1;
}

/* ------------------------------------------------------------ malloc */

static sqlite3_mem_methods mem_real;

static void *
mem_malloc(int n)
{
	return fault_now(FAULT_MALLOC) ? NULL : mem_real.xMalloc(n);
}

static void *
mem_realloc(void *p, int n)
{
	return fault_now(FAULT_MALLOC) ? NULL : mem_real.xRealloc(p, n);
}

static void mem_free(void *p) { mem_real.xFree(p); }
static int mem_size(void *p) { return mem_real.xSize(p); }
static int mem_roundup(int n) { return mem_real.xRoundup(n); }
static int mem_init(void *d) { return mem_real.xInit(d); }
static void mem_shutdown(void *d) { mem_real.xShutdown(d); }

/* --------------------------------------------------------------- VFS */

/* A write held until its file is synced (FAULT_CUT). */
struct held {
	sqlite3_int64	 off;
	int		 n;
	char		*data;
};

struct shim_file {
	sqlite3_file	 base;
	sqlite3_file	*real;	/* follows this struct */
	struct held	*held;
	size_t		 nheld;
};

static sqlite3_vfs *vfs_real;

#define REAL(f) (((struct shim_file *)(f))->real)

/* Write the held writes to the file (a sync, or a close: no power cut). */
static int
shim_release(sqlite3_file *f)
{
	struct shim_file *sf = (struct shim_file *)f;
	int rc = SQLITE_OK;
	size_t i;

	for (i = 0; i < sf->nheld; i++) {
		if (rc == SQLITE_OK)
			rc = REAL(f)->pMethods->xWrite(REAL(f),
			    sf->held[i].data, sf->held[i].n, sf->held[i].off);
		free(sf->held[i].data);
	}
	free(sf->held);
	sf->held = NULL;
	sf->nheld = 0;
	return rc;
}

static int
shim_close(sqlite3_file *f)
{
	int rc;

	shim_release(f);
	rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) :
	    SQLITE_OK;
	f->pMethods = NULL;
	return rc;
}

static int
shim_size(sqlite3_file *f, sqlite3_int64 *size)
{
	struct shim_file *sf = (struct shim_file *)f;
	size_t i;
	int rc = REAL(f)->pMethods->xFileSize(REAL(f), size);

	for (i = 0; rc == SQLITE_OK && i < sf->nheld; i++)
		if (sf->held[i].off + sf->held[i].n > *size)
			*size = sf->held[i].off + sf->held[i].n;
	return rc;
}

/* The file as written so far: the real bytes with the held writes over. */
static int
shim_read(sqlite3_file *f, void *b, int n, sqlite3_int64 off)
{
	struct shim_file *sf = (struct shim_file *)f;
	sqlite3_int64 size, lo, hi;
	size_t i;
	int rc = REAL(f)->pMethods->xRead(REAL(f), b, n, off);

	if (sf->nheld == 0 || (rc != SQLITE_OK &&
	    rc != SQLITE_IOERR_SHORT_READ))
		return rc;
	for (i = 0; i < sf->nheld; i++) {
		const struct held *h = &sf->held[i];

		lo = h->off > off ? h->off : off;
		hi = h->off + h->n < off + n ? h->off + h->n : off + n;
		if (lo < hi)
			memcpy((char *)b + (lo - off), h->data + (lo - h->off),
			    (size_t)(hi - lo));
	}
	if (rc == SQLITE_IOERR_SHORT_READ && shim_size(f, &size) == SQLITE_OK &&
	    size >= off + n)
		rc = SQLITE_OK;
	return rc;
}

static int
shim_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	struct shim_file *sf = (struct shim_file *)f;

	if (fault_now(FAULT_WRITE))
		return SQLITE_IOERR_WRITE;
	if (fault_now(FAULT_FULL))
		return SQLITE_FULL;	/* what unix says for ENOSPC */
	if (fault_now(FAULT_CUT))
		_exit(FAULT_CUT_STATUS);
	if (fault.armed && fault.kind == FAULT_CUT) {
		sf->held = realloc(sf->held, (sf->nheld + 1) *
		    sizeof *sf->held);
		if (sf->held == NULL)
			abort();
		sf->held[sf->nheld].off = off;
		sf->held[sf->nheld].n = n;
		if ((sf->held[sf->nheld].data = malloc((size_t)n)) == NULL)
			abort();
		memcpy(sf->held[sf->nheld++].data, b, (size_t)n);
		return SQLITE_OK;
	}
	return REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
}

/* Truncation is not held: what was written before it is written first. */
static int
shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	int rc = shim_release(f);

	return rc != SQLITE_OK ? rc :
	    REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
shim_sync(sqlite3_file *f, int flags)
{
	int rc;

	if (fault_now(FAULT_SYNC))
		return SQLITE_IOERR_FSYNC;
	if (fault_now(FAULT_CUT))
		_exit(FAULT_CUT_STATUS);
	if ((rc = shim_release(f)) != SQLITE_OK)
		return rc;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
shim_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
shim_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
shim_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
shim_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
shim_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
shim_chars(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
shim_shm_map(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}

static int
shim_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
shim_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
shim_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

/* Version 2: no memory-mapped I/O, so every write goes through xWrite. */
static const sqlite3_io_methods shim_methods = {
	2, shim_close, shim_read, shim_write, shim_truncate, shim_sync,
	shim_size, shim_lock, shim_unlock, shim_check, shim_control,
	shim_sector, shim_chars, shim_shm_map, shim_shm_lock,
	shim_shm_barrier, shim_shm_unmap, NULL, NULL
};

static int
shim_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags,
    int *out)
{
	struct shim_file *sf = (struct shim_file *)f;
	int rc;

	(void)v;
	sf->real = (sqlite3_file *)(sf + 1);
	rc = vfs_real->xOpen(vfs_real, name, sf->real, flags, out);
	f->pMethods = sf->real->pMethods != NULL ? &shim_methods : NULL;
	return rc;
}

static int
shim_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return vfs_real->xDelete(vfs_real, name, sync);
}

static int
shim_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return vfs_real->xAccess(vfs_real, name, flags, out);
}

static int
shim_full(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return vfs_real->xFullPathname(vfs_real, name, n, out);
}

static int
shim_random(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return vfs_real->xRandomness(vfs_real, n, out);
}

static int
shim_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return vfs_real->xSleep(vfs_real, us);
}

static int
shim_time(sqlite3_vfs *v, double *out)
{
	(void)v;
	return vfs_real->xCurrentTime(vfs_real, out);
}

static int
shim_last_error(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return vfs_real->xGetLastError(vfs_real, n, out);
}

static int
shim_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	(void)v;
	return vfs_real->xCurrentTimeInt64(vfs_real, out);
}

static sqlite3_vfs shim_vfs = {
	2, 0, 0, NULL, "faults", NULL, shim_open, shim_delete, shim_access,
	shim_full, NULL, NULL, NULL, NULL, shim_random, shim_sleep, shim_time,
	shim_last_error, shim_time64, NULL, NULL, NULL
};

void
fault_install(void)
{
	static const sqlite3_mem_methods m = {
		mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup,
		mem_init, mem_shutdown, NULL
	};

	sqlite3_shutdown();
	sqlite3_config(SQLITE_CONFIG_GETMALLOC, &mem_real);
	sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
	/* Lookaside would hide small allocations from the wrapper. */
	sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
	sqlite3_initialize();
	vfs_real = sqlite3_vfs_find("unix");
	shim_vfs.szOsFile = (int)sizeof(struct shim_file) + vfs_real->szOsFile;
	shim_vfs.mxPathname = vfs_real->mxPathname;
	sqlite3_vfs_register(&shim_vfs, 1);
}

void
fault_arm(enum fault_kind kind, int persistent, long n)
{
	fault.kind = kind;
	fault.persistent = persistent;
	fault.countdown = n;
	fault.hits = 0;
	fault.armed = 1;
}

long
fault_disarm(void)
{
	fault.armed = 0;
	return fault.hits;
}
