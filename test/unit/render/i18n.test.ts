import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/index.ts';
import { fixedCheckMetas } from '../../../src/checks/index.ts';
import { CHECK_TITLES, checkTitle, MESSAGES, t } from '../../../src/render/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const keys = Object.keys(MESSAGES.en).sort();

  it.each(LANGUAGES)('%s has every key, non-empty, with the same placeholders as English', (lang) => {
    const dictionary = MESSAGES[lang] as Record<string, string>;
    expect(Object.keys(dictionary).sort()).toEqual(keys);
    for (const key of keys) {
      const text = dictionary[key] as string;
      expect(text.trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(MESSAGES.en[key as keyof typeof MESSAGES.en]));
    }
  });

  it('Finnish and Swedish are actually translated', () => {
    for (const lang of ['fi', 'sv'] as const) {
      const same = keys.filter((k) => (MESSAGES[lang] as Record<string, string>)[k] === (MESSAGES.en as Record<string, string>)[k]);
      // A few strings are the same in every language (e.g. "HTML", "{score} / 100", "Status" in Swedish).
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThan(6);
    }
  });

  it('translates the title of every fixed check, and only of those', () => {
    const ids = fixedCheckMetas().map((m) => m.id).sort();
    expect(Object.keys(CHECK_TITLES).sort()).toEqual(ids);
    for (const id of ids) {
      for (const lang of ['fi', 'sv'] as const) expect(CHECK_TITLES[id]?.[lang].trim()).not.toBe('');
    }
  });

  it('falls back to the English title for generated checks such as axe rules', () => {
    expect(checkTitle('fi', 'accessibility/axe/image-alt', 'Images must have alternative text')).toEqual({
      text: 'Images must have alternative text',
      translated: false,
    });
    expect(checkTitle('sv', 'login/time-to-login', 'Logging in is quick')).toEqual({ text: 'Inloggningen går snabbt', translated: true });
  });

  it('fills placeholders', () => {
    expect(t('fi', 'gate.failedOn', { devices: 'Pixel 7' })).toBe('ei täyty laitteilla: Pixel 7');
    expect(t('en', 'finding.more', { count: 3 })).toBe('3 more findings are listed in results.json.');
  });
});
