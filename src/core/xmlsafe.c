/*
 * Safe XML reading and XSD validation: the single place where libxml2's
 * parser options, entity loader and error reporting are set.
 */
#include "config.h"

#include "xmlsafe.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "core.h"

/*
 * Options for every input document.  Deliberately absent: XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID, XML_PARSE_HUGE,
 * XML_PARSE_XINCLUDE.
 */
#define XMLSAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | \
    XML_PARSE_NOWARNING)
/*
 * Added for content files (xmlsafe_read_content), whose elements hold
 * either other elements or text, never both: the blanks between elements
 * are not kept (a question bank's tree is a fifth smaller, and quicker to
 * validate and walk) and short texts are stored inside their node (the
 * tree is only read).  A text of blanks alone is kept.
 */
#define XMLSAFE_CONTENT_OPTIONS (XML_PARSE_NOBLANKS | XML_PARSE_COMPACT)

/* Error capture: the first message of a parse, or every validity error. */
struct xmlsafe_errors {
	struct diag	*d;
	const char	*file;
	int		 count;
	int		 all;
};

static const char *xmlsafe_names[] = { "bank", "rubric", "exam" };
#define XMLSAFE_NSCHEMAS (sizeof xmlsafe_names / sizeof xmlsafe_names[0])
static xmlSchemaPtr xmlsafe_schemas[XMLSAFE_NSCHEMAS];

/* The error capture of the parse under way (the parser is not reentrant). */
static _Thread_local struct xmlsafe_errors *xmlsafe_current;

/* While a schema is being parsed, the directory its includes may come from. */
static char *xmlsafe_allowed_dir;

static xmlExternalEntityLoader xmlsafe_default_loader;


static xmlParserInputPtr
xmlsafe_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	char resolved[PATH_MAX];
	const char *path = url;
	size_t len;

	if (url != NULL && xmlsafe_allowed_dir != NULL) {
		if (strncmp(path, "file://", 7) == 0)
			path += 7;
		len = strlen(xmlsafe_allowed_dir);
		if (realpath(path, resolved) != NULL &&
		    strncmp(resolved, xmlsafe_allowed_dir, len) == 0 &&
		    resolved[len] == '/')
			return xmlsafe_default_loader(resolved, id, ctxt);
	}
	if (ctxt != NULL)
		xmlStopParser(ctxt);
	return NULL;
}

void
xmlsafe_init(void)
{
	xmlInitParser();
	if (xmlsafe_default_loader == NULL)
		xmlsafe_default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(xmlsafe_loader);
}

void
xmlsafe_cleanup(void)
{
	size_t i;

	for (i = 0; i < XMLSAFE_NSCHEMAS; i++) {
		if (xmlsafe_schemas[i] != NULL)
			xmlSchemaFree(xmlsafe_schemas[i]);
		xmlsafe_schemas[i] = NULL;
	}
	xmlCleanupParser();
}

static void
xmlsafe_error(void *ctx, xmlErrorPtr e)
{
	struct xmlsafe_errors *ex = ctx;
	char *msg;
	size_t n;

	if (e == NULL || e->level == XML_ERR_WARNING)
		return;
	if (ex->count++ > 0 && !ex->all)
		return;
	msg = xstrdup(e->message ? e->message : "error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	diag_at(ex->d, ex->file, e->line, "%s", msg);
	free(msg);
}

/* SAX hook: a DOCTYPE is refused the moment the parser meets it. */
static void
xmlsafe_refuse_doctype(void *ctx, const xmlChar *name,
    const xmlChar *external_id, const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;

	xmlsafe_error(xmlsafe_current, &(xmlError){
	    .level = XML_ERR_FATAL,
	    .message = (char *)_("DOCTYPE declarations are not allowed "
	        "(no DTDs or entities in firstline files)"),
	    .line = ctxt->input ? ctxt->input->line : 0,
	});
	xmlStopParser(ctxt);
}

static char *
xmlsafe_slurp(const char *path, size_t *size, struct diag *d)
{
	struct stat sb;
	char *buf;
	size_t got = 0;
	ssize_t r;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		diag_at(d, path, 0, _("cannot open: %s"), strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		diag_at(d, path, 0, _("not a regular file"));
		close(fd);
		return NULL;
	}
	if ((unsigned long long)sb.st_size > FL_XML_MAX_BYTES) {
		diag_at(d, path, 0, _("file is too large (%lld bytes, the "
		    "limit is %u)"), (long long)sb.st_size, FL_XML_MAX_BYTES);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size) {
		r = read(fd, buf + got, (size_t)sb.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			diag_at(d, path, 0, _("cannot read: %s"),
			    r < 0 ? strerror(errno) : _("file shrank"));
			free(buf);
			close(fd);
			return NULL;
		}
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*size = got;
	return buf;
}

void
xmlsafe_digest(const char *buf, size_t len, char out[17])
{
	unsigned long long h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)buf[i];
		h *= 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", h);
}

/*
 * The encoding a document was read in when that is not UTF-8 (a declared
 * ISO-8859-1 or GB18030, a UTF-16 byte order mark), else NULL.  Files are
 * UTF-8 (firstline-bank(5)): a file that says otherwise is more often a
 * wrong declaration that would turn its Chinese into mojibake.
 */
static const char *
xmlsafe_not_utf8(xmlParserCtxtPtr ctxt, xmlDocPtr doc)
{
	const char *enc = (const char *)doc->encoding;

	if (enc != NULL && strcasecmp(enc, "UTF-8") != 0 &&
	    strcasecmp(enc, "UTF8") != 0)
		return enc;
	if (ctxt->input != NULL && ctxt->input->buf != NULL &&
	    ctxt->input->buf->encoder != NULL)
		return ctxt->input->buf->encoder->name ?
		    ctxt->input->buf->encoder->name : "?";
	return NULL;
}

/*
 * A cheap pass over the bytes before libxml2 sees them: the line of the
 * first start tag with more than FL_XML_MAX_ATTRS attributes, or 0.  It
 * counts the '=' outside quotes in each start tag and skips comments,
 * CDATA sections, processing instructions and declarations, so it runs in
 * one linear pass whatever the input (well-formedness is libxml2's job).
 * Text is skipped with memchr and lines are counted only for the answer:
 * a bank load reads every byte of 100 MB through here.
 */
static int
xmlsafe_attr_flood(const char *buf, size_t size)
{
	const char *p = buf, *end = buf + size, *q, *tag;
	const char *close;
	int line, n;

	while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		close = NULL;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			close = "-->";
		else if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			close = "]]>";
		else if (end - p >= 2 && p[1] == '?')
			close = "?>";
		else if (end - p >= 2 && (p[1] == '!' || p[1] == '/'))
			close = ">";
		if (close != NULL) {
			q = memmem(p + 1, (size_t)(end - p - 1), close,
			    strlen(close));
			p = q == NULL ? end : q + strlen(close);
			continue;
		}
		/* A start tag: count '=' outside quoted values. */
		tag = p;
		n = 0;
		for (p++; p < end; p++) {
			if (*p == '"' || *p == '\'') {
				q = memchr(p + 1, *p, (size_t)(end - p - 1));
				if (q == NULL)
					return 0;	/* never closed */
				p = q;
			} else if (*p == '=') {
				if (++n <= FL_XML_MAX_ATTRS)
					continue;
				for (line = 1, q = buf; (q = memchr(q, '\n',
				    (size_t)(tag - q))) != NULL; q++)
					line++;
				return line;
			} else if (*p == '>' || *p == '<')
				break;
		}
	}
	return 0;
}

static xmlDocPtr xmlsafe_parse_with(const char *buf, size_t size,
    const char *path, struct diag *d, char digest[17], int options);

static xmlDocPtr
xmlsafe_read_with(const char *path, struct diag *d, char digest[17],
    int options)
{
	xmlDocPtr doc;
	size_t size;
	char *buf;

	if ((buf = xmlsafe_slurp(path, &size, d)) == NULL)
		return NULL;
	doc = xmlsafe_parse_with(buf, size, path, d, digest, options);
	free(buf);
	return doc;
}

xmlDocPtr
xmlsafe_read(const char *path, struct diag *d, char digest[17])
{
	return xmlsafe_read_with(path, d, digest, XMLSAFE_OPTIONS);
}

xmlDocPtr
xmlsafe_read_content(const char *path, struct diag *d, char digest[17])
{
	return xmlsafe_read_with(path, d, digest, XMLSAFE_OPTIONS |
	    XMLSAFE_CONTENT_OPTIONS);
}

xmlDocPtr
xmlsafe_read_content_keep(const char *path, struct diag *d,
    void (*keep)(void *, char *, size_t), void *arg)
{
	xmlDocPtr doc;
	size_t size;
	char *buf;

	if ((buf = xmlsafe_slurp(path, &size, d)) == NULL)
		return NULL;
	doc = xmlsafe_parse_with(buf, size, path, d, NULL, XMLSAFE_OPTIONS |
	    XMLSAFE_CONTENT_OPTIONS);
	if (doc != NULL)
		keep(arg, buf, size);
	else
		free(buf);
	return doc;
}

xmlDocPtr
xmlsafe_parse(const char *buf, size_t size, const char *path, struct diag *d,
    char digest[17])
{
	return xmlsafe_parse_with(buf, size, path, d, digest, XMLSAFE_OPTIONS);
}

xmlDocPtr
xmlsafe_parse_content(const char *buf, size_t size, const char *path,
    struct diag *d, char digest[17])
{
	return xmlsafe_parse_with(buf, size, path, d, digest,
	    XMLSAFE_OPTIONS | XMLSAFE_CONTENT_OPTIONS);
}

static xmlDocPtr
xmlsafe_parse_with(const char *buf, size_t size, const char *path,
    struct diag *d, char digest[17], int options)
{
	struct xmlsafe_errors ex = { d, path, 0, 0 };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	size_t before = diag_count(d);
	int line;

	if (size > FL_XML_MAX_BYTES || size > INT_MAX) {
		diag_at(d, path, 0, _("file is too large (%lld bytes, the "
		    "limit is %u)"), (long long)size, FL_XML_MAX_BYTES);
		return NULL;
	}
	if ((line = xmlsafe_attr_flood(buf, size)) > 0) {
		diag_at(d, path, line, _("an element has more than %d "
		    "attributes"), FL_XML_MAX_ATTRS);
		return NULL;
	}
	if (digest != NULL)
		xmlsafe_digest(buf, size, digest);
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		diag_at(d, path, 0, _("out of memory"));
		return NULL;
	}
	xmlsafe_current = &ex;
	ctxt->sax->internalSubset = xmlsafe_refuse_doctype;
	xmlSetStructuredErrorFunc(&ex, xmlsafe_error);
	doc = xmlCtxtReadMemory(ctxt, buf, (int)size, path, NULL, options);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlsafe_current = NULL;
	if (doc != NULL && ex.count == 0 && xmlsafe_not_utf8(ctxt, doc) != NULL) {
		diag_at(d, path, 1, _("the file is in the %s encoding; firstline "
		    "files are UTF-8 (save it as UTF-8)"),
		    xmlsafe_not_utf8(ctxt, doc));
		ex.count++;
	}
	if (doc != NULL && (ex.count > 0 || doc->intSubset != NULL ||
	    doc->extSubset != NULL || xmlDocGetRootElement(doc) == NULL)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && diag_count(d) == before)
		diag_at(d, path, ctxt->input ? ctxt->input->line : 0,
		    _("not well-formed XML"));
	xmlFreeParserCtxt(ctxt);
	return doc;
}

static xmlSchemaPtr
xmlsafe_schema(size_t i, struct diag *d)
{
	struct xmlsafe_errors ex = { d, NULL, 0, 1 };
	xmlSchemaParserCtxtPtr pctxt;
	char *path, *dir, real[PATH_MAX];

	if (xmlsafe_schemas[i] != NULL)
		return xmlsafe_schemas[i];
	dir = xasprintf("%s/schema", fl_datadir());
	path = xasprintf("%s/%s.xsd", dir, xmlsafe_names[i]);
	ex.file = path;
	if (realpath(dir, real) == NULL) {
		diag_at(d, dir, 0, _("schema directory missing: %s"),
		    strerror(errno));
		goto out;
	}
	xmlsafe_allowed_dir = real;
	xmlSetStructuredErrorFunc(&ex, xmlsafe_error);
	pctxt = xmlSchemaNewParserCtxt(path);
	if (pctxt != NULL) {
		xmlSchemaSetParserStructuredErrors(pctxt, xmlsafe_error, &ex);
		xmlsafe_schemas[i] = xmlSchemaParse(pctxt);
		xmlSchemaFreeParserCtxt(pctxt);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlsafe_allowed_dir = NULL;
	if (xmlsafe_schemas[i] == NULL && ex.count == 0)
		diag_at(d, path, 0, _("cannot load schema"));
out:
	free(path);
	free(dir);
	return xmlsafe_schemas[i];
}

int
xmlsafe_prepare(void)
{
	struct diag d;
	size_t i;
	int rc = 0;

	diag_init(&d);
	for (i = 0; i < XMLSAFE_NSCHEMAS; i++)
		if (xmlsafe_schema(i, &d) == NULL)
			rc = -1;
	diag_release(&d);
	return rc;
}

int
xmlsafe_validate(xmlDocPtr doc, const char *name, const char *file,
    struct diag *d)
{
	struct xmlsafe_errors ex = { d, file, 0, 1 };
	xmlSchemaValidCtxtPtr vctxt;
	xmlSchemaPtr schema = NULL;
	size_t i;
	int rc;

	for (i = 0; i < XMLSAFE_NSCHEMAS; i++)
		if (strcmp(xmlsafe_names[i], name) == 0)
			schema = xmlsafe_schema(i, d);
	if (schema == NULL)
		return -1;
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (vctxt == NULL) {
		diag_at(d, file, 0, _("out of memory"));
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, xmlsafe_error, &ex);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc != 0 && ex.count == 0)
		diag_at(d, file, 0, _("does not match the %s schema"), name);
	return rc == 0 ? 0 : -1;
}

char *
xmlsafe_attr(xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The text of node without a copy when it is one text node, else NULL. */
static const char *
xmlsafe_plain(xmlNodePtr node)
{
	xmlNodePtr c = node->children;

	if (c != NULL && c->next == NULL && c->type == XML_TEXT_NODE &&
	    c->content != NULL)
		return (const char *)c->content;
	return NULL;
}

char *
xmlsafe_text(xmlNodePtr node)
{
	xmlChar *v = NULL;
	const char *p;
	size_t n;
	char *s;

	/* Most elements hold one text node: read it in place (bank load). */
	if ((p = xmlsafe_plain(node)) == NULL) {
		v = xmlNodeGetContent(node);
		p = v ? (const char *)v : "";
	}
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	n = strlen(p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
	    p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	s = xstrndup(p, n);
	xmlFree(v);
	return s;
}

const char *
xmlsafe_lang_ref(xmlNodePtr node)
{
	xmlAttrPtr a = xmlHasNsProp(node, (const xmlChar *)"lang",
	    XML_XML_NAMESPACE);

	if (a == NULL || a->type != XML_ATTRIBUTE_NODE)
		return NULL;
	if (a->children == NULL)
		return "";
	return xmlsafe_plain((xmlNodePtr)a);
}

char *
xmlsafe_lang(xmlNodePtr node)
{
	xmlChar *v = xmlGetNsProp(node, (const xmlChar *)"lang",
	    XML_XML_NAMESPACE);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

int
xmlsafe_is(xmlNodePtr node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)node->name, name) == 0;
}
