/**
 * The ISO 3166 country list (`i18n-iso-countries`) with its English names registered once, for
 * every module that names a State: the catalog (an author that is a State), citations (the State
 * an author speaks for) and the examples.
 */
import countries from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(english);

export { countries };
