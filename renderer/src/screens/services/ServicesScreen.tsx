import type { Service } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useRouteParams } from '../../app/navigation.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { Tile } from '../../ui/Tile.tsx';

/** How many service names a category tile lists before "and more": enough to recognise, short enough to read. */
const NAMES_ON_TILE = 3;

function Categories() {
  const { t } = useTranslation('services');
  const localize = useLocalized();
  const { db } = useStore();
  const { go } = useNavigate();
  const categories = useLiveQuery(() => db.categories.orderBy('order').toArray(), [db]);
  const services = useLiveQuery(() => db.services.orderBy('order').toArray(), [db]);
  const hint = (categoryId: string, all: Service[]) => {
    const names = all.filter((s) => s.categoryId === categoryId).map((s) => localize(s.name));
    const shown = names.slice(0, NAMES_ON_TILE).join(t('separator'));
    return names.length > NAMES_ON_TILE ? t('more', { names: shown }) : shown;
  };
  return (
    <Screen title={t('title')} lead={t('lead')} speech={[t('title'), t('lead'), ...(categories ?? []).map((c) => localize(c.name))].join('。')}>
      <div className="tiles">
        {(categories ?? []).map((c) => (
          <Tile key={c.id} icon={c.icon} title={localize(c.name)} hint={hint(c.id, services ?? [])} onPress={() => go('services', { categoryId: c.id })} />
        ))}
      </div>
    </Screen>
  );
}

function CategoryServices({ categoryId }: { categoryId: string }) {
  const { t } = useTranslation('services');
  const localize = useLocalized();
  const { db } = useStore();
  const { go } = useNavigate();
  const category = useLiveQuery(async () => (await db.categories.get(categoryId)) ?? null, [db, categoryId]);
  const services = useLiveQuery(() => db.services.where('categoryId').equals(categoryId).sortBy('order'), [db, categoryId]);
  if (category === undefined || services === undefined) return <div className="screen" aria-busy="true" />;
  if (category === null) return <Screen title={t('title')} lead={t('missing')}>{null}</Screen>;
  const title = localize(category.name);
  const lead = services.length > 0 ? t('categoryLead') : t('empty');
  return (
    <Screen title={title} lead={lead} speech={[title, lead, ...services.map((s) => localize(s.name))].join('。')}>
      <div className="tiles">
        {services.map((s) => (
          <Tile key={s.id} icon={s.icon} title={localize(s.name)} hint={localize(s.hours)} onPress={() => go('service', { serviceId: s.id })} />
        ))}
      </div>
    </Screen>
  );
}

/** The service menu: the categories as big tiles, then a category's services. */
export default function ServicesScreen() {
  // Home opens the menu without params at all, not with an empty object.
  const categoryId = useRouteParams('services')?.categoryId;
  return categoryId ? <CategoryServices categoryId={categoryId} /> : <Categories />;
}
