// The tab names column roles as the sidebar does: the summary's role names equal the sidebar catalogues' labels.

import { LANGUAGES } from '../../../src/core/languages';
import { ROLES } from '../../../src/core/mapping/roles';
import { ROLE_NAMES } from '../../../src/server/summary/roleNames';
import { CATALOGUES } from '../../../sidebar/i18n/catalogue';

describe.each(LANGUAGES.map((l) => [l]))('role names in %s', (language) => {
  it('are the sidebar’s labels for every role', () => {
    const sidebar = CATALOGUES[language] as unknown as Record<string, string>;
    const english = CATALOGUES.en as unknown as Record<string, string>;
    for (const role of ROLES) expect({ role, name: ROLE_NAMES[language][role] }).toEqual({ role, name: sidebar[`role.${role}`] ?? english[`role.${role}`] });
  });
});
