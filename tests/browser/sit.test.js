// The browser sitting in a real browser: Debian's chromium, headless,
// driven by puppeteer-core, at a phone's size (360 x 740).  Scripts are
// OFF for the sitting itself (the pages must work without them) and ON
// for the clock and the take-over.  Covers login, every question type,
// flag, the list, reload and the back button mid-exam, a second phone
// taking over, submit, the result, English, and expiry reached by the
// ticking clock.  TAP on stdout; screenshots in $SHOTS.
//
// Environment: URL (the server), FIRSTLINE_DB (for the deadline),
// TICKETS (the roster's CSV: ticket,name,community,pin), SHOTS, CHROMIUM.
'use strict';

const puppeteer = require('puppeteer-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const URL = process.env.URL;
const SHOTS = process.env.SHOTS;
const DB = process.env.FIRSTLINE_DB;
const rows = fs.readFileSync(process.env.TICKETS, 'utf8').trim()
    .split(/\r?\n/).slice(1).map((l) => l.split(','));
const ticket = (n) => rows[n - 1][0];
const pinOf = (n) => rows[n - 1][3];

let n = 0;
let failed = 0;
function ok(cond, desc) {
	n++;
	if (!cond)
		failed++;
	console.log(`${cond ? 'ok' : 'not ok'} ${n} - ${desc}`);
}
function sql(q) {
	return execFileSync('sqlite3', [DB, q], { encoding: 'utf8' }).trim();
}

async function shot(page, name) {
	fs.mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: path.join(SHOTS, name + '.png') });
}

// Click a button or link by its text and wait for the next page.
async function clickText(page, sel, text) {
	const handles = await page.$$(sel);
	for (const h of handles) {
		const t = await page.evaluate((e) => e.textContent.trim(), h);
		if (t === text) {
			await Promise.all([
				page.waitForNavigation({ waitUntil: 'load' }),
				h.click(),
			]);
			return true;
		}
	}
	throw new Error(`no ${sel} "${text}" on ${page.url()}`);
}

const text = (page) => page.evaluate(() => document.body.innerText);

async function login(page, k, lang) {
	await page.goto(`${URL}/?lang=${lang}`, { waitUntil: 'load' });
	await page.type('#ticket', ticket(k));
	await page.type('#pin', pinOf(k));
	await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		page.click('form button'),
	]);
}

// Answer the question on the page; returns its type.
async function answer(page) {
	if (await page.$('select[name="p0"]')) {
		const sels = await page.$$('select');
		for (let k = 0; k < sels.length; k++)
			await page.select(`select[name="p${k}"]`,
			    String(sels.length - k));
		return 'ordering';
	}
	if (await page.$('input[type="checkbox"]')) {
		const boxes = await page.$$('label.opt');
		await boxes[0].click();
		await boxes[boxes.length - 1].click();
		return 'multiple';
	}
	const labels = await page.$$('label.opt');
	const first = await page.evaluate((e) => e.textContent, labels[0]);
	await labels[1].click();
	return /正确|True/.test(first) ? 'truefalse' : 'single';
}

async function newPhone(browser, js) {
	const ctx = await browser.createBrowserContext();
	const page = await ctx.newPage();
	await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 1,
	    isMobile: true, hasTouch: true });
	await page.setJavaScriptEnabled(js);
	return page;
}

async function main() {
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
		    '--disable-dev-shm-usage', '--lang=zh-CN'],
	});
	try {
		await run(browser);
	} finally {
		await browser.close();
	}
}

async function run(browser) {
	// ---------------------------------------------- phone 1, scripts off
	const p1 = await newPhone(browser, false);
	await p1.goto(URL + '/', { waitUntil: 'load' });
	ok((await text(p1)).includes('准考证号'), 'the login page, in Chinese');
	await shot(p1, '01-login');
	const fits = await p1.evaluate(() =>
	    document.documentElement.scrollWidth <= window.innerWidth);
	ok(fits, 'the login page fits 360 px without sideways scrolling');

	await p1.type('#ticket', ticket(1));
	await p1.type('#pin', '000000');
	await Promise.all([p1.waitForNavigation(), p1.click('form button')]);
	ok((await text(p1)).includes('准考证号或密码错误'),
	    'a wrong PIN is refused in words');
	await shot(p1, '02-wrong-pin');

	await login(p1, 1, 'zh');
	ok(p1.url().endsWith('/exam'), 'logged in: the instructions');
	ok((await text(p1)).includes('本次笔试共'), 'they say how many questions');
	await shot(p1, '03-instructions');
	await clickText(p1, 'a', '开始答题');

	const total = Number(sql(`SELECT count(*) FROM paper_item p JOIN attempt a
	    ON a.id = p.attempt_id JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '${ticket(1)}'`));
	const seen = {};
	for (let i = 1; i <= total; i++) {
		ok(p1.url().includes(`/q/${i}`), `question ${i} is shown`);
		const type = await answer(p1);
		seen[type] = i;
		await shot(p1, `04-question-${type}`);
		await clickText(p1, 'button', i < total ? '保存并下一题' :
		    '保存并完成');
		if (i < total)
			ok((await text(p1)).includes('答案已保存'),
			    `question ${i} (${type}): the next page says saved`);
	}
	for (const t of ['single', 'multiple', 'truefalse', 'ordering'])
		ok(seen[t] !== undefined, `a ${t} question was answered`);
	const stored = sql(`SELECT count(*) FROM paper_item p JOIN attempt a
	    ON a.id = p.attempt_id JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '${ticket(1)}' AND p.response <> ''`);
	ok(Number(stored) === total, `all ${total} answers are in the database`);
	ok(p1.url().endsWith('/submit'), 'after the last question: submit');

	// Reload and the back button in the middle of the exam.
	await p1.goto(`${URL}/q/${seen.multiple}`, { waitUntil: 'load' });
	await p1.reload({ waitUntil: 'load' });
	const checked = await p1.$$eval('input[type="checkbox"]',
	    (b) => b.map((x) => x.checked));
	ok(checked[0] && checked[checked.length - 1],
	    'reload: the multiple-choice answer is still shown');
	await p1.goto(`${URL}/q/${seen.single}`, { waitUntil: 'load' });
	await clickText(p1, 'button', '标记待查');
	ok((await text(p1)).includes('已标记待查'), 'flag: the page says so');
	await shot(p1, '05-flagged');
	const before = sql(`SELECT group_concat(response || flagged) FROM
	    paper_item p JOIN attempt a ON a.id = p.attempt_id JOIN trainee t
	    ON t.id = a.trainee_id WHERE t.ticket = '${ticket(1)}'`);
	await p1.goBack({ waitUntil: 'load' });
	ok(p1.url().endsWith(`/q/${seen.single}`) &&
	    (await p1.$('form button')) !== null,
	    `back button: the question again (${p1.url()})`);
	await p1.goForward({ waitUntil: 'load' });
	const after = sql(`SELECT group_concat(response || flagged) FROM
	    paper_item p JOIN attempt a ON a.id = p.attempt_id JOIN trainee t
	    ON t.id = a.trainee_id WHERE t.ticket = '${ticket(1)}'`);
	ok(before === after && p1.url().includes('saved=flag'),
	    'back and forward post nothing again (POST-redirect-GET)');
	await p1.goto(`${URL}/list`, { waitUntil: 'load' });
	const flagged = await p1.$$eval('a.q.flag', (a) => a.length);
	ok(flagged === 1, 'the list shows the flagged question');
	await shot(p1, '06-list');

	// --------------------------------- phone 2 takes the sitting over
	const p2 = await newPhone(browser, true);
	await login(p2, 1, 'zh');
	ok(p2.url().endsWith('/exam'), 'a second phone logs in with the ticket');
	await p1.goto(`${URL}/q/1`, { waitUntil: 'load' });
	ok((await text(p1)).includes('另一台设备'),
	    'the first phone is told the exam continues elsewhere');
	await shot(p1, '07-taken-over');

	await p2.goto(`${URL}/submit`, { waitUntil: 'load' });
	const sub = await text(p2);
	ok(sub.includes('未答：0 题') && sub.includes('标记待查：1 题'),
	    'the submit page counts empty and flagged questions');
	await shot(p2, '08-submit');
	await clickText(p2, 'button', '确认交卷');
	ok(p2.url().endsWith('/result'), 'submitted: the result');
	ok((await text(p2)).includes('成绩：'), 'with the score');
	await shot(p2, '09-result');
	ok(sql(`SELECT status FROM attempt a JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '${ticket(1)}'`) === 'submitted',
	    'submitted in the database');

	// ------------------------------------------ English, scripts off
	const p3 = await newPhone(browser, false);
	await login(p3, 2, 'en');
	await clickText(p3, 'a', 'Begin');
	ok((await text(p3)).includes('Save and next'), 'English pages');
	await shot(p3, '10-question-en');

	// ------------------ expiry: the ticking clock hands over to the server
	const p4 = await newPhone(browser, true);
	await login(p4, 3, 'zh');
	await clickText(p4, 'a', '开始答题');
	sql(`UPDATE attempt SET deadline = strftime('%s','now') + 4 WHERE
	    trainee_id = (SELECT id FROM trainee WHERE ticket = '${ticket(3)}')`);
	await p4.reload({ waitUntil: 'load' });
	const shown = await p4.$eval('#clock', (c) => c.textContent);
	ok(/^0:0[0-4]$/.test(shown), `the clock shows the server's time (${shown})`);
	await p4.waitForFunction(
	    () => document.body.innerText.includes('考试时间到'),
	    { timeout: 60000 });
	ok(p4.url().endsWith('/result'),
	    'at zero the page reloads and the server shows the result');
	await shot(p4, '11-time-up');
	ok(sql(`SELECT status FROM attempt a JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '${ticket(3)}'`) === 'expired', 'expired in the database');
}

main().then(() => {
	console.log(`1..${n}`);
	process.exit(failed ? 1 : 0);
}, (e) => {
	console.log(`not ok ${n + 1} - ${e.message.split('\n')[0]}`);
	console.log(`1..${n + 1}`);
	process.exit(1);
});
