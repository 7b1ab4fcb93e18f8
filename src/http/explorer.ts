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
// The Plaza explorer: GraphiQL against this server. Put your token in the Headers tab as
// {"Authorization": "Bearer <token>"}; headers are kept in this browser only.
(function () {
  var fetcher = GraphiQL.createFetcher({ url: location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
      defaultHeaders: '{\\n  "Authorization": "Bearer "\\n}',
      defaultQuery: '# Welcome to the Plaza explorer.\\n# Add your token in Headers, then run:\\n{\\n  me {\\n    id\\n    email\\n    roles\\n  }\\n}\\n',
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
