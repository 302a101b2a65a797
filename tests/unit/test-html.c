/*
 * Unit tests of the HTML-to-text reduction of the Moodle import (html.c):
 * entities, tags, paragraphs and breaks, whitespace, the four Moodle text
 * formats, Chinese text; and plain text back to HTML.
 */
#include "config.h"

#include "unit.h"

#include "core/html.h"
#include "core/xmlsafe.h"

static const struct {
	const char		*in;
	enum html_format	 f;
	const char		*want;
} reductions[] = {
	{ "", HTML_FORMAT_HTML, "" },
	{ "plain", HTML_FORMAT_HTML, "plain" },
	{ "<p>Call <b>119</b> now.</p>", HTML_FORMAT_HTML, "Call 119 now." },
	{ "<p>one</p><p>two</p>", HTML_FORMAT_HTML, "one\ntwo" },
	{ "a<br>b<br/>c<br />d", HTML_FORMAT_HTML, "a\nb\nc\nd" },
	{ "<div>x</div><div>y</div>", HTML_FORMAT_HTML, "x\ny" },
	{ "<ul><li>a</li><li>b</li></ul>", HTML_FORMAT_HTML, "a\nb" },
	{ "<p>  lots \t of\n\n   space  </p>", HTML_FORMAT_HTML,
	    "lots of space" },
	{ "a&nbsp;&nbsp;b", HTML_FORMAT_HTML, "a b" },
	{ "&lt;tag&gt; &amp; &quot;q&quot; &#39;s&#39;", HTML_FORMAT_HTML,
	    "<tag> & \"q\" 's'" },
	{ "caf&eacute; &#x4E2D;&#25991;", HTML_FORMAT_HTML, "café 中文" },
	{ "<p>发现火情，立即拨打&nbsp;119。</p><p>然后疏散。</p>",
	    HTML_FORMAT_HTML, "发现火情，立即拨打 119。\n然后疏散。" },
	{ "<p>unclosed<p>second", HTML_FORMAT_HTML, "unclosed\nsecond" },
	{ "x<script>alert(1)</script>y<style>p{}</style>",
	    HTML_FORMAT_HTML, "xy" },
	{ "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
	    HTML_FORMAT_HTML, "a b\nc" },
	{ "<p>  </p><p></p><br><p>only</p><br><br>", HTML_FORMAT_HTML,
	    "only" },
	{ "line one\nline <i>two</i>", HTML_FORMAT_AUTO, "line one\nline two" },
	{ "line one\nline two", HTML_FORMAT_HTML, "line one line two" },
	{ "<b>not a tag</b> &amp;\nnext", HTML_FORMAT_PLAIN,
	    "<b>not a tag</b> &amp;\nnext" },
	{ "What is **AED**?", HTML_FORMAT_MARKDOWN, "What is **AED**?" },
};

static void
test_reduce(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof reductions / sizeof reductions[0]; i++) {
		got = html_to_text(reductions[i].in, reductions[i].f, NULL);
		if (strcmp(got, reductions[i].want) != 0)
			fail_msg("reduce \"%s\": got \"%s\", want \"%s\"",
			    reductions[i].in, got, reductions[i].want);
		free(got);
	}
}

static void
test_images(void **state)
{
	size_t images = 99;
	char *got;

	(void)state;
	got = html_to_text("<p>See <img src=\"@@PLUGINFILE@@/a.png\" "
	    "alt=\"a\"> and <img src=\"b.png\"></p>", HTML_FORMAT_HTML,
	    &images);
	assert_string_equal(got, "See and");
	assert_int_equal(images, 2);
	free(got);
}

static void
test_formats(void **state)
{
	enum html_format f;

	(void)state;
	assert_int_equal(html_format_parse(NULL, &f), 0);
	assert_int_equal(f, HTML_FORMAT_HTML);
	assert_int_equal(html_format_parse("html", &f), 0);
	assert_int_equal(f, HTML_FORMAT_HTML);
	assert_int_equal(html_format_parse("moodle_auto_format", &f), 0);
	assert_int_equal(f, HTML_FORMAT_AUTO);
	assert_int_equal(html_format_parse("plain_text", &f), 0);
	assert_int_equal(f, HTML_FORMAT_PLAIN);
	assert_int_equal(html_format_parse("markdown", &f), 0);
	assert_int_equal(f, HTML_FORMAT_MARKDOWN);
	assert_int_equal(html_format_parse("wiki_like", &f), -1);
}

/* Plain text to HTML and back gives the same text. */
static void
test_round_trip(void **state)
{
	static const char *const texts[] = {
		"a < b & c > d \"quoted\"",
		"two\nlines",
		"中文，含有 <标签> 和 &amp;",
		"]]> closes CDATA",
	};
	size_t i;
	char *html, *back;

	(void)state;
	html = html_from_text("a<b>&\"\n");
	assert_string_equal(html, "a&lt;b&gt;&amp;&quot;<br>");
	free(html);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		html = html_from_text(texts[i]);
		assert_null(strstr(html, "]]>"));
		back = html_to_text(html, HTML_FORMAT_HTML, NULL);
		assert_string_equal(back, texts[i]);
		free(back);
		free(html);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reduce),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_round_trip),
	};
	int rc;

	xmlsafe_init();
	rc = cmocka_run_group_tests_name("html", tests, NULL, NULL);
	xmlsafe_cleanup();
	return rc;
}
