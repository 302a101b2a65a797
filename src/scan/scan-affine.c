/*
 * The registration maths: the affine map from the sheet's millimetres to
 * image pixels, fitted by least squares to the corner marks' centres.  A
 * scanner (or a photocopy on it) moves, turns and scales the page, and may
 * scale x and y a little differently; all of that is affine.  Four marks
 * for six unknowns leave two to spare, and the worst misfit says whether
 * the four blobs found really are the sheet's marks.  Pure C, no image.
 */
#include "config.h"

#include "scan.h"

#include <math.h>

/* Solve the 3x3 system m * s = r by Cramer's rule; -1 if singular. */
static int
solve3(const double m[3][3], const double r[3], double s[3])
{
	double det, d[3];
	int k, i;

	det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
	    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
	    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
	if (fabs(det) < 1e-9)
		return -1;
	for (k = 0; k < 3; k++) {
		double t[3][3];

		for (i = 0; i < 3; i++) {
			t[i][0] = k == 0 ? r[i] : m[i][0];
			t[i][1] = k == 1 ? r[i] : m[i][1];
			t[i][2] = k == 2 ? r[i] : m[i][2];
		}
		d[k] = t[0][0] * (t[1][1] * t[2][2] - t[1][2] * t[2][1]) -
		    t[0][1] * (t[1][0] * t[2][2] - t[1][2] * t[2][0]) +
		    t[0][2] * (t[1][0] * t[2][1] - t[1][1] * t[2][0]);
		s[k] = d[k] / det;
	}
	return 0;
}

int
scan_affine_fit(const double *x, const double *y, const double *u,
    const double *v, int n, struct scan_affine *m, double *worst)
{
	double ata[3][3] = { { 0 } }, atu[3] = { 0 }, atv[3] = { 0 };
	double su[3], sv[3], pu, pv, dist;
	int i, j, k;

	if (n < 3)
		return -1;
	for (i = 0; i < n; i++) {
		double row[3] = { x[i], y[i], 1.0 };

		for (j = 0; j < 3; j++) {
			for (k = 0; k < 3; k++)
				ata[j][k] += row[j] * row[k];
			atu[j] += row[j] * u[i];
			atv[j] += row[j] * v[i];
		}
	}
	if (solve3(ata, atu, su) != 0 || solve3(ata, atv, sv) != 0)
		return -1;
	m->a = su[0];
	m->b = su[1];
	m->c = su[2];
	m->d = sv[0];
	m->e = sv[1];
	m->f = sv[2];
	if (fabs(m->a * m->e - m->b * m->d) < 1e-9)
		return -1;
	*worst = 0;
	for (i = 0; i < n; i++) {
		scan_affine_apply(m, x[i], y[i], &pu, &pv);
		dist = hypot(pu - u[i], pv - v[i]);
		if (dist > *worst)
			*worst = dist;
	}
	return 0;
}

void
scan_affine_apply(const struct scan_affine *m, double x, double y, double *u,
    double *v)
{
	*u = m->a * x + m->b * y + m->c;
	*v = m->d * x + m->e * y + m->f;
}

int
scan_affine_invert(const struct scan_affine *m, struct scan_affine *inv)
{
	double det = m->a * m->e - m->b * m->d;

	if (fabs(det) < 1e-12)
		return -1;
	inv->a = m->e / det;
	inv->b = -m->b / det;
	inv->d = -m->d / det;
	inv->e = m->a / det;
	inv->c = -(inv->a * m->c + inv->b * m->f);
	inv->f = -(inv->d * m->c + inv->e * m->f);
	return 0;
}

/* The map's scale: image units per millimetre (mean of both axes). */
double
scan_affine_scale(const struct scan_affine *m)
{
	return sqrt(fabs(m->a * m->e - m->b * m->d));
}
