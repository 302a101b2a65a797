/*
 * Translation of user-facing text through GNU gettext.  Every string shown to
 * a person is wrapped in _() (or N_() where it is only marked).
 */
#ifndef FIRSTLINE_I18N_H
#define FIRSTLINE_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
