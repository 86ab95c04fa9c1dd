import type { Member, Unit } from '@protocol/catalogue.ts';
import type { PublishedItem } from '@protocol/console/publish.ts';
import type { RequestTarget } from '@protocol/records.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useMemo } from 'react';
import { useApi } from '../api/useApi.ts';

type ItemOf<C extends PublishedItem['collection']> = Extract<PublishedItem, { collection: C }>;

export const valuesOf = <C extends PublishedItem['collection']>(items: readonly PublishedItem[] | undefined, collection: C): ItemOf<C>[] =>
  (items ?? []).filter((item): item is ItemOf<C> => item.collection === collection);

export interface Directory {
  units: ItemOf<'units'>[];
  members: ItemOf<'members'>[];
  unit(id: string): Unit | undefined;
  member(id: string): Member | undefined;
  unitName(id: string): string;
  memberName(id: string): string;
  /** Who a request was sent to or is with: a unit's name, or a member's with their unit. */
  targetName(target: RequestTarget): string;
  loaded: boolean;
  reload(): void;
}

/** The partner units and members the staff member may see (published in their scopes), by id, for names. */
export const useDirectory = (): Directory => {
  const localized = useLocalized();
  const unitList = useApi('listPublished', { query: { collection: 'units' } });
  const memberList = useApi('listPublished', { query: { collection: 'members' } });
  return useMemo(() => {
    const units = valuesOf(unitList.data?.items, 'units');
    const members = valuesOf(memberList.data?.items, 'members');
    const unitById = new Map(units.map((item) => [item.value.id, item.value]));
    const memberById = new Map(members.map((item) => [item.value.id, item.value]));
    const unitName = (id: string) => {
      const unit = unitById.get(id);
      return unit ? localized(unit.name) : id;
    };
    const memberName = (id: string) => memberById.get(id)?.name ?? id;
    return {
      units,
      members,
      unit: (id) => unitById.get(id),
      member: (id) => memberById.get(id),
      unitName,
      memberName,
      targetName: (target) => {
        if (target.type === 'unit') return unitName(target.unitId);
        const member = memberById.get(target.memberId);
        return member ? `${member.name}（${unitName(member.unitId)}）` : target.memberId;
      },
      loaded: unitList.data !== undefined && memberList.data !== undefined,
      reload: () => {
        unitList.reload();
        memberList.reload();
      },
    };
  }, [unitList, memberList, localized]);
};
