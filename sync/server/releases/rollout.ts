import { createHash } from 'node:crypto';

/**
 * A station's place in a staged rollout, 0 to 99.99…: the same for every release and every server process, so a
 * rollout of N % reaches the same N % of stations first, and raising it only adds stations. The technicians can
 * tell a station where it stands (`releases --station <id>`), and a pilot group goes first every time.
 */
export const rolloutBucket = (stationId: string): number => (createHash('sha256').update(`yizhan-rollout:${stationId}`).digest().readUInt32BE(0) / 2 ** 32) * 100;

export const inRollout = (stationId: string, percent: number): boolean => rolloutBucket(stationId) < percent;
