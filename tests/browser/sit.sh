#!/bin/sh
# The browser sitting in Debian's chromium (headless) driven by
# puppeteer-core: see sit.test.js.  Skipped, saying why, when node, the
# npm packages (./quickstart runs 'npm ci' in tests/browser) or chromium
# are missing.  Screenshots go to tests/browser/shots/ in the build tree.
. "$(dirname "$0")/../web/lib.sh"

BROWSER_DIR=$(cd "$(dirname "$0")" && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
skip() { echo "1..0 # SKIP $1"; exit 0; }
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -x "$CHROMIUM" ] || skip "chromium is not installed ($CHROMIUM)"
[ -d "$BROWSER_DIR/node_modules/puppeteer-core" ] ||
    skip "puppeteer-core is not installed: run 'npm ci' in tests/browser (./quickstart does)"

web_db || { echo "Bail out! cannot build the test database"; exit 1; }
web_start || { echo "Bail out! the server did not start"; exit 1; }
SHOTS=${SHOTS:-$(pwd)/tests/browser/shots}
export URL SHOTS CHROMIUM
TICKETS="$TMP/c1.csv" HOME="$TMP" node "$BROWSER_DIR/sit.test.js"
