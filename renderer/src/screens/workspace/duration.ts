import { useTranslation } from 'react-i18next';

/** 200 minutes → "3小时20分" / "3 h 20 min": hours a volunteer reads at a glance. */
export const useDuration = (): ((minutes: number) => string) => {
  const { t } = useTranslation('volunteer');
  return (minutes) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return t('duration.minutes', { minutes: rest });
    return rest === 0 ? t('duration.hours', { hours }) : t('duration.both', { hours, minutes: rest });
  };
};
