import { useLocalized } from '@shared/i18n/setup.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useApi.ts';
import { valuesOf } from './directory.ts';

/**
 * Names for the ids reports count by: service categories (a visit's purpose), services, amenities, and the
 * utilities of bill payments; from what is published in the staff member's scopes, the id itself otherwise.
 */
export const useCatalogueNames = () => {
  const { t } = useTranslation('reports');
  const localized = useLocalized();
  const categories = useApi('listPublished', { query: { collection: 'categories' } });
  const services = useApi('listPublished', { query: { collection: 'services' } });
  const amenities = useApi('listPublished', { query: { collection: 'amenities' } });
  return useMemo(() => {
    const names = (items: { value: { id: string; name: { 'zh-CN': string; en: string } } }[]) => new Map(items.map((item) => [item.value.id, localized(item.value.name)]));
    const category = names(valuesOf(categories.data?.items, 'categories'));
    const service = names(valuesOf(services.data?.items, 'services'));
    const amenity = names(valuesOf(amenities.data?.items, 'amenities'));
    return {
      purpose: (id: string) => category.get(id) ?? id,
      service: (id: string) => service.get(id) ?? id,
      amenity: (id: string) => amenity.get(id) ?? id,
      utility: (id: string) => t(`utility.${id}`, { defaultValue: id }),
    };
  }, [categories.data, services.data, amenities.data, localized, t]);
};
