/*
 * The one place libxml2 is configured.  Input files are read with every
 * dangerous feature off: no network, no DTD loading or validation, no entity
 * substitution, no XML_PARSE_HUGE; a document with a DOCTYPE is refused as
 * soon as the parser meets it; the external entity loader refuses every
 * request except the schema files themselves; files larger than
 * FL_XML_MAX_BYTES are refused before parsing.  Documents are validated with
 * the XSD schemas under fl_datadir()/schema (libxml2's xmlschemas).
 */
#ifndef FIRSTLINE_XMLSAFE_H
#define FIRSTLINE_XMLSAFE_H

#include <libxml/tree.h>

#include "diag.h"

/* Install the refusing entity loader; call once before any parsing. */
void xmlsafe_init(void);
/* Free cached schemas and libxml2's global state. */
void xmlsafe_cleanup(void);

/*
 * Read and parse the file at path.  Returns the document (free it with
 * xmlFreeDoc) or NULL with one "FILE:LINE: message" added to d.  When digest
 * is not NULL it receives a hex FNV-1a hash of the file's bytes (to notice an
 * unchanged reload; not a security measure).
 */
xmlDocPtr xmlsafe_read(const char *path, struct diag *d, char digest[17]);
/*
 * The same for size bytes at buf (not copied, not freed), named path in the
 * messages: what xmlsafe_read() does once the file is in memory.
 */
xmlDocPtr xmlsafe_parse(const char *buf, size_t size, const char *path,
    struct diag *d, char digest[17]);

/*
 * The same for content files (banks, rubrics, exams: elements hold other
 * elements or text, never both): the blanks between elements are dropped
 * and the tree must not be changed.
 */
xmlDocPtr xmlsafe_read_content(const char *path, struct diag *d,
    char digest[17]);
xmlDocPtr xmlsafe_parse_content(const char *buf, size_t size,
    const char *path, struct diag *d, char digest[17]);
/*
 * xmlsafe_read_content without the digest: once the document is parsed,
 * the file's bytes are handed to keep(arg, buf, size), which frees buf
 * (and may hash it with xmlsafe_digest on another thread meanwhile).
 */
xmlDocPtr xmlsafe_read_content_keep(const char *path, struct diag *d,
    void (*keep)(void *, char *, size_t), void *arg);
/* The digest xmlsafe_read gives, of the len bytes at buf. */
void xmlsafe_digest(const char *buf, size_t len, char out[17]);

/*
 * Validate doc against the schema named name ("bank", "rubric", "exam"),
 * loaded once from fl_datadir()/schema/NAME.xsd.  Returns 0 when valid, else
 * -1 with each violation added to d as "FILE:LINE: message".
 */
int xmlsafe_validate(xmlDocPtr doc, const char *name, const char *file,
    struct diag *d);

/*
 * Parse every schema now, so that threads can then validate documents at
 * the same time (each with its own parser; the schemas are only read).
 * Returns 0, or -1 when a schema cannot be loaded (xmlsafe_validate will
 * say why).
 */
int xmlsafe_prepare(void);
/* Value of attribute name of node as a new string, or NULL. */
char *xmlsafe_attr(xmlNodePtr node, const char *name);
/* Text content of node, trimmed, as a new string (never NULL). */
char *xmlsafe_text(xmlNodePtr node);
/* The xml:lang of node as a new string, or NULL. */
char *xmlsafe_lang(xmlNodePtr node);
/*
 * The xml:lang of node without a copy (valid while the document lives), or
 * NULL when it has none or it is not plain text (then use xmlsafe_lang).
 */
const char *xmlsafe_lang_ref(xmlNodePtr node);
/* Whether node is an element named name. */
int xmlsafe_is(xmlNodePtr node, const char *name);

#endif
