import { bundleOf } from '../../bundle.ts';

// The console's namespaces, and the kiosk's `requests` (what residents tap: kinds, categories, phrases, in the
// kiosk's own words, so staff read a request exactly as it was chosen). One chunk, loaded for this language only.
export default bundleOf(
  import.meta.glob<Record<string, unknown>>('./*.json', { eager: true, import: 'default' }),
  import.meta.glob<Record<string, unknown>>('../../../../src/i18n/locales/en/requests.json', { eager: true, import: 'default' }),
);
