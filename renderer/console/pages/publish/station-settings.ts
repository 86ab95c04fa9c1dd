import { defaultVolunteerPolicy, type Localized, type StationSettings } from '@protocol/catalogue.ts';

/**
 * A station's settings to start from when its community has published none yet: the station's name, the
 * community's, and the hours the source describes (office hours, one more hour in the evening 晚间一小时,
 * Saturday and Sunday mornings 红色周末); a station's own settings are never demo data.
 */
export const defaultStationSettings = (stationId: string, stationName: string, community: Localized): StationSettings => ({
  stationId,
  name: { 'zh-CN': stationName, en: stationName },
  community,
  address: { 'zh-CN': '', en: '' },
  phone: '',
  hours: { open: '08:30', close: '17:30' },
  eveningHour: { start: '17:30', end: '18:30' },
  redWeekend: { weekdays: [0, 6], start: '09:00', end: '12:00' },
  idle: { resetSeconds: 60, elderlyResetSeconds: 120, attractSeconds: 180 },
  retentionDays: 30,
  demo: false,
  volunteers: defaultVolunteerPolicy,
});

/** The published settings as the form edits them: the volunteer policy spelled out, demo off once edited here. */
export const editableSettings = (settings: StationSettings): StationSettings => ({ ...settings, demo: false, volunteers: settings.volunteers ?? defaultVolunteerPolicy });
