import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactDomWithoutRawHtml, withoutRawHtml } from '@/build/react-dom-without-raw-html';

const require = createRequire(import.meta.url);
const REACT_DOM_CLIENT_PATH = join(
  dirname(require.resolve('react-dom/package.json')),
  'cjs/react-dom-client.production.js',
);
const reactDomClient = readFileSync(REACT_DOM_CLIENT_PATH, 'utf8');

/**
 * What addons-linter's no-unsanitized rule flags: `innerHTML` given anything but a string
 * literal. React DOM's one literal write (a `<script>` placeholder) is not flagged.
 */
const DYNAMIC_INNER_HTML_WRITE = /\.innerHTML\s*=(?!=)\s*(?![\s"'])/g;

/** The module as the build bundles it, run in this test's DOM. */
function loadReactDomClient(source: string): typeof import('react-dom/client') {
  const module = { exports: {} };
  const factory = runInThisContext(
    `(function (module, exports, require, process) {\n${source}\n})`,
  ) as (module: object, exports: object, require: NodeJS.Require, process: object) => void;
  factory(module, module.exports, require, { env: { NODE_ENV: 'production' } });
  return module.exports as typeof import('react-dom/client');
}

describe('React DOM without raw HTML', () => {
  it('takes out the two writes addons-linter flags, and no other', () => {
    expect(reactDomClient.match(DYNAMIC_INNER_HTML_WRITE)).toHaveLength(2);
    const built = withoutRawHtml(reactDomClient);
    expect(built.match(DYNAMIC_INNER_HTML_WRITE)).toBeNull();
  });

  it('stops the build when React DOM no longer holds exactly those writes', () => {
    const moved = reactDomClient.replace(
      '(domElement.innerHTML = key)',
      'setHtml(domElement, key)',
    );
    expect(() => withoutRawHtml(moved)).toThrow(/holds 1 raw-HTML writes where 2 were expected/);
  });

  it('applies to React DOM production client only', () => {
    const plugin = reactDomWithoutRawHtml();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(
      transform(
        'x.innerHTML = y',
        '/app/node_modules/react-dom/cjs/react-dom-client.development.js',
      ),
    ).toBeNull();
    expect(transform(reactDomClient, REACT_DOM_CLIENT_PATH)).toEqual({
      code: withoutRawHtml(reactDomClient),
      map: null,
    });
  });

  it('still renders text, and refuses raw HTML instead of writing it', async () => {
    const { createRoot } = loadReactDomClient(withoutRawHtml(reactDomClient));
    const errors: unknown[] = [];
    const container = document.createElement('div');
    const root = createRoot(container, {
      onUncaughtError: (error) => errors.push(error),
    });
    root.render(createElement('p', null, '<b>kept as text</b>'));
    await vi.waitFor(() => {
      expect(container.innerHTML).toBe('<p>&lt;b&gt;kept as text&lt;/b&gt;</p>');
    });

    root.render(createElement('p', { dangerouslySetInnerHTML: { __html: '<b>raw</b>' } }));
    await vi.waitFor(() => {
      expect(String(errors[0])).toMatch(/CaseClock renders no raw HTML/);
    });
    expect(container.querySelector('b')).toBeNull();
  });
});
