import path from 'node:path';
import { Router } from 'express';

const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The explorer's assets, served from installed npm packages: no CDN is involved. */
const ASSETS: Record<string, string> = {
  'react.production.min.js': path.join(pkgDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': path.join(pkgDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.min.js': path.join(pkgDir('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': path.join(pkgDir('graphiql'), 'graphiql.min.css'),
};

export const EXPLORER_ASSETS_PATH = '/explorer/assets';

// Kept here (not a separate .js file) so a compiled build needs no asset copying.
const CLIENT_SCRIPT = `/* global React, ReactDOM, GraphiQL, location */
// The Plaza explorer: GraphiQL against this server. It starts with no headers, so public
// queries run anonymously as they are. The key button in the toolbar asks for a token and
// writes {"Authorization": "Bearer <token>"} into the Headers editor (an empty answer removes
// it); headers are kept in this browser only.
(function () {
  var h = React.createElement;
  var fetcher = GraphiQL.createFetcher({ url: location.origin + '/graphql' });

  function withToken(headersText, token) {
    var headers = {};
    try {
      var parsed = JSON.parse(headersText || '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) headers = parsed;
    } catch (e) {
      // Unparseable headers are replaced: the editor would refuse to send them anyway.
    }
    Object.keys(headers).forEach(function (name) {
      if (name.toLowerCase() === 'authorization') delete headers[name];
    });
    if (token) headers.Authorization = 'Bearer ' + token;
    return Object.keys(headers).length ? JSON.stringify(headers, null, 2) : '';
  }

  // Rendered inside GraphiQL's toolbar, so it reaches the Headers editor through its context.
  function TokenButton() {
    var editors = GraphiQL.React.useEditorContext({ nonNull: true });
    return h(GraphiQL.React.ToolbarButton, {
      label: 'Set token',
      className: 'plaza-token-button',
      onClick: function () {
        var token = window.prompt('Paste a session token or a plz_ API token (leave empty to browse anonymously):', '');
        if (token === null || !editors.headerEditor) return;
        editors.headerEditor.setValue(withToken(editors.headerEditor.getValue(), token.trim().replace(/^Bearer\\s+/i, '')));
        // Show the Headers tab, so the change is visible (it opens the tools pane if closed).
        var tabs = document.querySelectorAll('.graphiql-editor-tools button');
        for (var i = 0; i < tabs.length; i++) if (tabs[i].textContent === 'Headers') tabs[i].click();
      },
    }, h('svg', { className: 'graphiql-toolbar-icon', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', 'aria-hidden': true },
      h('circle', { cx: 7.5, cy: 16.5, r: 4 }),
      h('path', { d: 'M10.5 13.5L20 4M16.5 7.5l3 3M14 10l2.5 2.5' })));
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    h(GraphiQL, {
      fetcher: fetcher,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
      toolbar: { additionalContent: h(TokenButton) },
      defaultQuery: '# Welcome to the Plaza explorer.\\n# Public queries run as they are. To act as\\n# yourself, press the key button (toolbar)\\n# and paste your token: it goes into Headers.\\n{\\n  marketplace(first: 10) {\\n    totalCount\\n    edges {\\n      node {\\n        appId\\n        listing {\\n          title\\n          shortDescription\\n        }\\n        latestVersion {\\n          version\\n        }\\n      }\\n    }\\n  }\\n}\\n',
    }),
  );
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Plaza explorer</title>
  <link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the Plaza explorer…</div>
  <script src="${EXPLORER_ASSETS_PATH}/react.production.min.js"></script>
  <script src="${EXPLORER_ASSETS_PATH}/react-dom.production.min.js"></script>
  <script src="${EXPLORER_ASSETS_PATH}/graphiql.min.js"></script>
  <script src="${EXPLORER_ASSETS_PATH}/explorer.js"></script>
</body>
</html>
`;

/** Serves the assets; `wantsExplorer` tells a browser visit to /graphql from an API call. */
export function explorerAssets(): Router {
  const router = Router();
  router.get(`${EXPLORER_ASSETS_PATH}/explorer.js`, (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    res.send(CLIENT_SCRIPT);
  });
  router.get(`${EXPLORER_ASSETS_PATH}/:file`, (req, res, next) => {
    const file = ASSETS[req.params.file];
    if (!file) return next();
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendFile(file);
  });
  return router;
}

export function wantsExplorer(method: string, accept: string | undefined, query: Record<string, unknown>): boolean {
  return method === 'GET' && !query.query && !!accept && accept.includes('text/html');
}

export function explorerPage(): string {
  return PAGE;
}
