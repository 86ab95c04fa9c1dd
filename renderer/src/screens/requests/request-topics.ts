import type { RequestKind } from '@protocol/records.ts';

/**
 * What a resident can ask about. These are the kiosk's own words, not centre-published data: the ids
 * (slugs) are what the record stores and the centre counts by, the text lives in the `requests` namespace.
 */
export const kindIcons: Record<RequestKind, string> = { wish: '🎁', complaint: '📣', dream: '🌈' };

export const requestCategories = [
  { id: 'home-repair', icon: '🔧', phrases: ['water-leak', 'electrics', 'door-lock', 'drain', 'appliance', 'heating'] },
  { id: 'elder-care', icon: '🧓', phrases: ['home-visit', 'meals', 'hospital-escort', 'paperwork', 'mobility-aids', 'smartphone'] },
  { id: 'environment', icon: '🌳', phrases: ['corridor-clutter', 'rubbish', 'greenery', 'road', 'streetlight', 'pet-mess'] },
  { id: 'neighbours', icon: '🤝', phrases: ['noise', 'leak-from-above', 'blocked-passage', 'thrown-objects', 'pets', 'mediation'] },
  { id: 'property', icon: '🏢', phrases: ['lift', 'outage', 'entrance', 'parking', 'fees', 'shared-facilities'] },
  { id: 'learning-jobs', icon: '📚', phrases: ['job', 'training', 'after-school', 'senior-classes', 'digital-skills', 'policy'] },
  { id: 'culture-sport', icon: '🎵', phrases: ['choir-dance', 'calligraphy', 'fitness', 'chess-reading', 'festival', 'volunteer'] },
  { id: 'other', icon: '💬', phrases: ['praise', 'suggestion', 'hardship', 'call-me'] },
] as const;

export type RequestCategoryId = (typeof requestCategories)[number]['id'];

export const phrasesOf = (categoryId: string): readonly string[] =>
  requestCategories.find((c) => c.id === categoryId)?.phrases ?? [];
