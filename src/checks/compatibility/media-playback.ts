/**
 * compatibility/media-playback: the audiobook or video actually plays on this device: after the
 * patron presses the service's play control (declared in the service's `compatibility.media`), the
 * playback position advances by at least `minAdvanceSeconds` while the harness listens. Catches
 * players that do nothing on an engine (an unsupported API, codec or autoplay rule), not only ones
 * that throw. Binary; critical: an audiobook service that cannot play has no service to offer.
 * Not applicable when the service declares no player.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { notReached } from './declared.ts';

const MEDIA_ERRORS: Record<number, string> = {
  1: 'aborted',
  2: 'network error',
  3: 'decode error',
  4: 'format not supported',
};

export const mediaPlayback: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/media-playback',
    suite: 'compatibility',
    title: 'The player actually plays (the playback position advances)',
    impact: 'critical',
    weight: IMPACT_WEIGHTS.critical,
    criteria: [],
    references: [],
    reads: ['compatibility.media', 'compatibility.declared.media', 'steps'],
  },
  evaluate({ data, steps }) {
    const m = data.media;
    if (!m) return notReached(data.declared?.media, steps, 'player');
    const where = { step: m.step, url: m.url };
    if (!m.found)
      return {
        score: 0,
        detail: 'No audio or video element was found on the player page.',
        findings: [{ message: 'The player page has no <audio> or <video> element.', ...where }],
      };
    const advance = m.positionBefore !== null && m.positionAfter !== null ? m.positionAfter - m.positionBefore : null;
    const seconds = (m.listenedMs / 1000).toFixed(1);
    if (advance !== null && advance >= m.minAdvanceSeconds) {
      return {
        score: 1,
        value: Math.round(advance * 100) / 100,
        unit: 's',
        detail: `Playback advanced ${advance.toFixed(1)} s in ${seconds} s of listening.`,
      };
    }
    const why = [
      m.error ? `the play control could not be used (${m.error})` : undefined,
      m.paused === true ? 'the player stayed paused' : undefined,
      m.mediaError !== null
        ? `the media element reports ${MEDIA_ERRORS[m.mediaError] ?? `error ${m.mediaError}`}`
        : undefined,
      m.readyState !== null && m.readyState < 2 ? `no media data was loaded (readyState ${m.readyState})` : undefined,
    ].filter((x): x is string => x !== undefined);
    const message =
      `Playback did not advance ${m.minAdvanceSeconds} s after pressing play: position ${m.positionBefore ?? '?'} ` +
      `→ ${m.positionAfter ?? '?'} s in ${seconds} s${why.length ? `; ${why.join('; ')}` : ''}.`;
    return {
      score: 0,
      value: advance === null ? null : Math.round(advance * 100) / 100,
      unit: 's',
      detail: message,
      findings: [{ message, ...where }],
    };
  },
};
