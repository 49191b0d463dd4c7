// The manifest asks for the narrowest scopes: this spreadsheet only, the sidebar and menus, and read-only BigQuery for a
// warehouse source (Connected Sheets runs the queries under the user's own BigQuery roles; nothing is written there).

import fs from 'node:fs';

it('asks for exactly the current spreadsheet, its UI and read-only BigQuery', () => {
  const manifest = JSON.parse(fs.readFileSync('appsscript.json', 'utf8')) as { oauthScopes: string[] };
  expect(manifest.oauthScopes).toEqual([
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/bigquery.readonly',
  ]);
});
