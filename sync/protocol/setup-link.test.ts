import { describe, expect, it } from 'vitest';
import { readSetupLink, type SetupLink, setupLinkFor } from './setup-link.ts';

const setup: SetupLink = {
  serverUrl: 'https://yizhan.example.gov.cn',
  stationId: 'xingfuli-07',
  stationName: '幸福里社区红色驿站',
  enrolmentCode: 'K7Q2-9XPM-4HJD',
  locale: 'zh-CN',
};

describe('setup links', () => {
  it('open the kiosk the centre serves, and read back to the same setup', () => {
    const link = setupLinkFor('https://yizhan.example.gov.cn/', setup);
    expect(link).toBe('https://yizhan.example.gov.cn/#yizhan-setup?station=xingfuli-07&code=K7Q2-9XPM-4HJD&name=幸福里社区红色驿站&locale=zh-CN');
    // The centre is where the link opens the kiosk: it is not said twice.
    expect(link).not.toContain('server=');
    expect(readSetupLink(link)).toEqual({ kind: 'setup', setup });
  });

  it('carry the centre when the kiosk is served from elsewhere, and keep a path the centre lives under', () => {
    const elsewhere = { ...setup, serverUrl: 'https://api.example.gov.cn/yizhan' };
    const link = setupLinkFor('https://kiosk.example.gov.cn/app/index.html?x=1#old', elsewhere);
    expect(link.startsWith('https://kiosk.example.gov.cn/app/#yizhan-setup?')).toBe(true);
    expect(readSetupLink(link)).toEqual({ kind: 'setup', setup: elsewhere });
    const underPath = { ...setup, serverUrl: 'https://gov.example.cn/yizhan', locale: 'en' as const };
    const own = setupLinkFor('https://gov.example.cn/yizhan/', underPath);
    expect(own).not.toContain('server=');
    expect(readSetupLink(own)).toEqual({ kind: 'setup', setup: underPath });
  });

  it('keep what means something in a URL escaped in a name, and read it back', () => {
    const odd = { ...setup, stationName: '3#楼 & 5%驿站=东+西' };
    const link = setupLinkFor('https://yizhan.example.gov.cn', odd);
    expect(link).toContain('name=3%23楼+%26+5%25驿站%3D东%2B西&');
    expect(readSetupLink(link)).toEqual({ kind: 'setup', setup: odd });
  });

  it('tell an ordinary address or another QR code from a setup link with something wrong', () => {
    expect(readSetupLink('https://yizhan.example.gov.cn/')).toEqual({ kind: 'none' });
    expect(readSetupLink('yzm1.demo-member.abcdef')).toEqual({ kind: 'none' });
    expect(readSetupLink('https://yizhan.example.gov.cn/#/services')).toEqual({ kind: 'none' });
    const wrong = readSetupLink('http://yizhan.example.gov.cn/#yizhan-setup?station=Bad_Id&code=x');
    expect(wrong.kind).toBe('invalid');
    expect(wrong.kind === 'invalid' ? wrong.problems.map((p) => p.split(':')[0]) : []).toEqual(['serverUrl', 'stationId', 'stationName', 'enrolmentCode']);
  });
});
