/**
 * @jest-environment node
 */
// The task pane page's own guard: a webview that cannot parse the pane's ES2022 code gets a
// message in Chinese and English naming what to use instead, never a blank pane.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

const page = readFileSync(path.resolve('src/taskpane/taskpane.html'), 'utf8').replace(/<script[^>]*src=[^>]*><\/script>/, '');

function open(userAgent: string, patch?: (window: Window & typeof globalThis) => void): Document {
  const dom = new JSDOM(page, {
    runScripts: 'dangerously',
    beforeParse(window) {
      Object.defineProperty(window.navigator, 'userAgent', { value: userAgent });
      (window as unknown as { ResizeObserver: unknown }).ResizeObserver = function ResizeObserver() {};
      patch?.(window as unknown as Window & typeof globalThis);
    },
  });
  return dom.window.document;
}

const CHROMIUM = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0';

test('a current webview keeps the pane container', () => {
  const doc = open(CHROMIUM);
  expect(doc.getElementById('container')).not.toBeNull();
  expect(doc.querySelector('.legacy-webview[role="alert"]')).toBeNull();
});

test('Internet Explorer (VL Office 2019) gets the message', () => {
  const doc = open('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko');
  expect(doc.getElementById('container')).toBeNull();
  expect(doc.querySelector('.legacy-webview')?.textContent).toMatch(/离线工作台或命令行 jixiao-check/);
});

test('a Chromium webview too old for ??= and class static blocks gets the message too', () => {
  const doc = open(CHROMIUM.replace('Chrome/130', 'Chrome/88'), (w) => {
    // What an old engine does with the probe: a SyntaxError when it parses it.
    const Original = w.Function;
    w.Function = function (...args: string[]) {
      if (args.some((a) => a.includes('??=') || a.includes('static {'))) throw new w.SyntaxError('Unexpected token');
      return Original(...args);
    } as unknown as FunctionConstructor;
  });
  expect(doc.getElementById('container')).toBeNull();
  expect(doc.querySelector('.legacy-webview')?.textContent).toMatch(/too old for this add-in/);
});
