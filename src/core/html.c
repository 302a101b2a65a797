/*
 * HTML to plain text and back.
 *
 * HTML is parsed with libxml2's HTML parser rather than by hand: it knows
 * every named entity (&nbsp;, &eacute;, ...) and numeric references, and it
 * recovers from the tag soup that rich-text editors produce (unclosed <p>,
 * <br> without a slash, stray </div>) the way browsers do.  It is run with
 * HTML_PARSE_NONET and without error output; HTML has no external entities
 * or DTD loading, and the refusing entity loader of xmlsafe.c stays
 * installed.  The tree is then walked: text is kept, block elements and
 * <br> become line breaks, script and style are dropped.
 */
#include "config.h"

#include "html.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "core.h"

struct html_buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	int	 space;		/* whitespace seen since the last character */
	int	 nl;		/* a line break is due before the next one */
	int	 nl_breaks;	/* '\n' in text is a line break */
	size_t	 images;
	size_t	 media;
};

static const char *const html_blocks[] = {
	"address", "article", "aside", "blockquote", "br", "dd", "div", "dl",
	"dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "hr", "li", "ol", "p", "pre", "section", "table",
	"tr", "ul",
};

static const char *const html_dropped[] = {
	"head", "noscript", "script", "style", "template", "title",
};

/* Elements that play or embed something a bank text cannot carry. */
static const char *const html_media[] = {
	"audio", "embed", "iframe", "object", "video",
};

/* File name endings of sound and video files (a link to one is dropped). */
static const char *const html_media_ext[] = {
	".aac", ".avi", ".flac", ".m4a", ".m4v", ".mkv", ".mov", ".mp3",
	".mp4", ".mpeg", ".mpg", ".oga", ".ogg", ".ogv", ".wav", ".webm",
	".wmv",
};

static int
html_in(const char *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

int
html_format_parse(const char *name, enum html_format *f)
{
	if (name == NULL || *name == '\0' || strcmp(name, "html") == 0)
		*f = HTML_FORMAT_HTML;
	else if (strcmp(name, "moodle_auto_format") == 0)
		*f = HTML_FORMAT_AUTO;
	else if (strcmp(name, "plain_text") == 0)
		*f = HTML_FORMAT_PLAIN;
	else if (strcmp(name, "markdown") == 0)
		*f = HTML_FORMAT_MARKDOWN;
	else
		return -1;
	return 0;
}

static void
html_putc(struct html_buf *b, char c)
{
	xgrow(&b->s, &b->cap, b->len + 2, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* Add the text t, collapsing whitespace (and U+00A0, no-break space). */
static void
html_add_text(struct html_buf *b, const char *t)
{
	const unsigned char *p = (const unsigned char *)t;

	for (; *p != '\0'; p++) {
		if (*p == '\n' && b->nl_breaks) {
			b->nl = 1;
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || *p == '\v') {
			b->space = 1;
			continue;
		}
		if (p[0] == 0xc2 && p[1] == 0xa0) {
			b->space = 1;
			p++;
			continue;
		}
		if (b->len > 0 && b->nl)
			html_putc(b, '\n');
		else if (b->len > 0 && b->space)
			html_putc(b, ' ');
		b->nl = b->space = 0;
		html_putc(b, (char)*p);
	}
}

/* Whether the link a points at a sound or video file. */
static int
html_media_link(xmlNodePtr a)
{
	xmlChar *href = xmlGetProp(a, BAD_CAST "href");
	size_t i, len, n;
	int media = 0;

	if (href == NULL)
		return 0;
	len = strcspn((const char *)href, "?#");
	for (i = 0; !media && i < sizeof html_media_ext /
	    sizeof html_media_ext[0]; i++) {
		n = strlen(html_media_ext[i]);
		media = len >= n && strncasecmp((const char *)href + len - n,
		    html_media_ext[i], n) == 0;
	}
	xmlFree(href);
	return media;
}

static void
html_walk(xmlNodePtr n, struct html_buf *b)
{
	const char *name;
	int block;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				html_add_text(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)n->name;
		if (html_in(name, html_dropped, sizeof html_dropped /
		    sizeof html_dropped[0]))
			continue;
		if (strcmp(name, "img") == 0)
			b->images++;
		if (html_in(name, html_media, sizeof html_media /
		    sizeof html_media[0])) {
			b->media++;
			continue;
		}
		if (strcmp(name, "a") == 0 && html_media_link(n))
			b->media++;
		if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
			b->space = 1;
		block = html_in(name, html_blocks, sizeof html_blocks /
		    sizeof html_blocks[0]);
		if (block)
			b->nl = 1;
		html_walk(n->children, b);
		if (block)
			b->nl = 1;
	}
}

char *
html_to_text(const char *s, enum html_format f, size_t *images)
{
	return html_to_text_media(s, f, images, NULL);
}

char *
html_to_text_media(const char *s, enum html_format f, size_t *images,
    size_t *media)
{
	struct html_buf b;
	htmlDocPtr doc;
	size_t len = strlen(s);

	memset(&b, 0, sizeof b);
	b.s = xstrdup("");
	b.nl_breaks = f != HTML_FORMAT_HTML;
	if (f == HTML_FORMAT_PLAIN || f == HTML_FORMAT_MARKDOWN)
		html_add_text(&b, s);
	else if (len > 0 && len <= INT_MAX) {
		doc = htmlReadMemory(s, (int)len, NULL, "UTF-8",
		    HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
		if (doc != NULL) {
			html_walk(doc->children, &b);
			xmlFreeDoc(doc);
		}
	}
	if (images != NULL)
		*images = b.images;
	if (media != NULL)
		*media = b.media;
	return b.s;
}

char *
html_from_text(const char *s)
{
	struct html_buf b;
	const char *rep;
	char one[2] = { 0, 0 };

	memset(&b, 0, sizeof b);
	b.s = xstrdup("");
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\n': rep = "<br>"; break;
		default: one[0] = *s; rep = one; break;
		}
		for (; *rep != '\0'; rep++)
			html_putc(&b, *rep);
	}
	return b.s;
}
