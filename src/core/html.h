/*
 * Reducing the rich text of other systems (Moodle's HTML, "auto format",
 * plain text and Markdown) to the plain text of a firstline bank, and the
 * reverse for export: plain text as HTML.
 *
 * The plain text has no markup, entities decoded, whitespace collapsed to
 * single spaces, paragraphs and line breaks as single '\n', no spaces at the
 * start or end of a line and no empty lines.
 */
#ifndef FIRSTLINE_HTML_H
#define FIRSTLINE_HTML_H

#include <stddef.h>

enum html_format {
	HTML_FORMAT_HTML,	/* "html" */
	HTML_FORMAT_AUTO,	/* "moodle_auto_format": HTML, newlines count */
	HTML_FORMAT_PLAIN,	/* "plain_text" */
	HTML_FORMAT_MARKDOWN,	/* "markdown": kept as written */
};

/*
 * The format named by Moodle's format attribute; NULL or "" is HTML (what
 * Moodle assumes).  Returns -1 for a name it does not know.
 */
int html_format_parse(const char *name, enum html_format *f);

/*
 * The plain text of s (UTF-8) read in format f, as a new string (never
 * NULL, "" when nothing is left).  When images is not NULL it receives the
 * number of <img> elements dropped.
 */
char *html_to_text(const char *s, enum html_format f, size_t *images);
/*
 * The same, and *media (when not NULL) receives the number of sound and
 * video players dropped (<audio>, <video>, <object>, <embed>, <iframe>)
 * and of links to sound or video files (their text is kept).
 */
char *html_to_text_media(const char *s, enum html_format f, size_t *images,
    size_t *media);

/*
 * Plain text as HTML: &, <, >, " escaped, each '\n' written as "<br>".
 * Returns a new string.
 */
char *html_from_text(const char *s);

#endif
