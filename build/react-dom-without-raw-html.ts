import type { Plugin } from 'vite';

/**
 * React DOM's production client, the React that ships to buyers. It is the only code in the
 * packages that can write raw HTML into a page: Mozilla's addons-linter flags its two
 * `innerHTML` writes (UNSAFE_VAR_ASSIGNMENT).
 */
const REACT_DOM_CLIENT = /\/node_modules\/react-dom\/cjs\/react-dom-client\.production\.js$/;

/**
 * Those writes, exactly as React DOM 19 has them: the `dangerouslySetInnerHTML` prop of an
 * element and of a custom element. CaseClock never uses that prop (ESLint forbids it), and
 * everything it shows is text, so the ability to write raw HTML is taken out of the build.
 */
const RAW_HTML_WRITE = '(domElement.innerHTML = key)';
const RAW_HTML_WRITES = 2;
const REFUSAL =
  '(function () { throw Error("CaseClock renders no raw HTML: dangerouslySetInnerHTML is not built in"); })()';

/**
 * React DOM's client without its raw-HTML writes. Throws when React DOM does not hold exactly
 * the writes above, so an upgrade that moves them stops the build instead of shipping them.
 */
export function withoutRawHtml(reactDomClient: string): string {
  const writes = reactDomClient.split(RAW_HTML_WRITE).length - 1;
  if (writes !== RAW_HTML_WRITES) {
    throw new Error(
      `React DOM's client holds ${writes} raw-HTML writes where ${RAW_HTML_WRITES} were expected: ` +
        'see which `innerHTML` assignments `npm run lint:firefox` flags and update ' +
        'build/react-dom-without-raw-html.ts.',
    );
  }
  return reactDomClient.replaceAll(RAW_HTML_WRITE, REFUSAL);
}

/** The build step that applies `withoutRawHtml` to React DOM's production client. */
export function reactDomWithoutRawHtml(): Plugin {
  return {
    name: 'caseclock:react-dom-without-raw-html',
    enforce: 'pre',
    transform(code, id) {
      return REACT_DOM_CLIENT.test(id) ? { code: withoutRawHtml(code), map: null } : null;
    },
  };
}
