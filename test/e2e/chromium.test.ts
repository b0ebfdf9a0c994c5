// The harness finds a browser with nothing installed by hand: the one inside the npm package
// @sparticuz/chromium when no system Chromium exists, and a clear failure when there is none.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumCandidates, defaultSearch } from './chromium.js';
import { launchChromium } from './harness.js';

const MISSING = path.join(os.tmpdir(), 'jixiao-no-such-dir', 'chromium');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'jixiao-chromium-test-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the bundled browser is used when the system one is absent', async () => {
  const search = { ...defaultSearch(), explicit: '', system: MISSING };
  expect(search.bundledPackage).not.toBeNull();
  const { candidates, skipped } = chromiumCandidates(search);
  expect(candidates.map((c) => c.source)).toEqual(['bundled']);
  expect(skipped).toEqual([`${MISSING}: the file does not exist`]);

  const browser = await launchChromium(search);
  try {
    expect(browser.choice.source).toBe('bundled');
    expect(browser.choice.executablePath).toContain(path.join('jixiao-chromium', '147.0.0', 'chromium'));
    const page = await browser.context.newPage();
    await page.setContent('<p id="p">宁县总工会</p>');
    expect(await page.textContent('#p')).toBe('宁县总工会');
    // The package's version is Chromium's major version.
    const major = JSON.parse(readFileSync(path.join(search.bundledPackage as string, 'package.json'), 'utf8')).version.split('.')[0];
    expect(browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent))).toContain(`${major}.`);
  } finally {
    await browser.close();
  }
}, 120_000);

test('the inflated copy lives in a folder named by the package version and is reused', () => {
  const search = { ...defaultSearch(), explicit: '', system: MISSING, cacheRoot: path.join(scratch, 'cache') };
  const first = chromiumCandidates(search).candidates[0];
  const again = chromiumCandidates(search).candidates[0];
  expect(first.executablePath).toBe(path.join(scratch, 'cache', '147.0.0', 'chromium'));
  expect(again.executablePath).toBe(first.executablePath);
  expect(first.env.LD_LIBRARY_PATH.split(':')[0]).toBe(path.join(scratch, 'cache', '147.0.0', 'lib'));
  expect(readFileSync(path.join(scratch, 'cache', '147.0.0', 'lib', 'libnss3.so')).length).toBeGreaterThan(100_000);
  expect(readFileSync(first.env.FONTCONFIG_FILE, 'utf8')).toContain(`<dir>${path.join(scratch, 'cache', '147.0.0', 'fonts')}</dir>`);
}, 120_000);

test('JIXIAO_CHROMIUM comes first, ahead of the bundled browser', async () => {
  // A wrapper around the bundled binary stands for "some other Chromium the user names".
  const bundled = chromiumCandidates({ ...defaultSearch(), explicit: '', system: MISSING }).candidates[0];
  const wrapper = path.join(scratch, 'my-chromium');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexport LD_LIBRARY_PATH='${bundled.env.LD_LIBRARY_PATH}'\nexport FONTCONFIG_FILE='${bundled.env.FONTCONFIG_FILE}'\nexec '${bundled.executablePath}' "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  const search = { ...defaultSearch(), explicit: wrapper };
  expect(chromiumCandidates(search)).toEqual({ candidates: [{ source: 'env', executablePath: wrapper, env: {} }], skipped: [] });
  const browser = await launchChromium(search);
  try {
    expect(browser.choice.source).toBe('env');
    const page = await browser.context.newPage();
    await page.setContent('<p id="p">校验</p>');
    expect(await page.textContent('#p')).toBe('校验');
  } finally {
    await browser.close();
  }
}, 120_000);

test('with neither the bundled nor a system browser it fails, naming both', async () => {
  await expect(launchChromium({ explicit: '', bundledPackage: null, system: MISSING })).rejects.toThrow(
    /No Chromium could start[\s\S]*@sparticuz\/chromium: not installed[\s\S]*jixiao-no-such-dir\/chromium: the file does not exist/,
  );
});

test('an explicit JIXIAO_CHROMIUM that does not exist fails rather than falling back', async () => {
  await expect(launchChromium({ ...defaultSearch(), explicit: MISSING })).rejects.toThrow(/JIXIAO_CHROMIUM=.*jixiao-no-such-dir\/chromium: the file does not exist/);
});
