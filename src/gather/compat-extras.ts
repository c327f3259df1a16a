/**
 * What the compatibility suite examines beyond console, errors, requests and overflow, at each page
 * state of the journey: the viewport meta, touch target spacing (touch devices), cross-site frames
 * (which third-party cookie blocking breaks), and — at the steps the service declares — that the
 * player actually plays (the playback position advances) and that the reader turns a page. The
 * web features the device offers are probed once, at the last state reached. Exceptions the page
 * catches in its own handler (to show its own error dialog) are collected as page errors too.
 */
import type { Device, JourneyStep, Locator, Service } from '../core/config.ts';
import { deviceHasTouch } from '../core/config.ts';
import type {
  CompatibilityEvidence,
  CrossSiteFrame,
  MediaPlayback,
  PageError,
  ReaderPaging,
  TouchTargetSample,
  ViewportMetaSample,
  WebFeatures,
} from '../core/evidence.ts';
import type { Redactor } from '../config/secrets.ts';
import { ActionError, type BrowserSession } from '../session/types.ts';
import {
  crossSiteFramesProbe,
  featureProbe,
  HANDLED_ERRORS_OBSERVER,
  handledErrorsProbe,
  mediaStateProbe,
  touchTargetProbe,
  viewportMetaProbe,
} from './compat-probes.ts';

const MAIN: Locator = { role: 'main' };

export class CompatibilityExtras {
  private readonly viewportMeta: ViewportMetaSample[] = [];
  private readonly touchTargets: TouchTargetSample[] = [];
  private readonly crossSiteFrames: CrossSiteFrame[] = [];
  private media: MediaPlayback | undefined;
  private reader: ReaderPaging | undefined;
  private features: WebFeatures | undefined;
  /** The in-page observer of exceptions the page handles itself ran at every state so far. */
  private handledObservable = true;
  private readonly session: BrowserSession;
  private readonly service: Service;
  private readonly device: Device;
  private readonly redactor: Redactor;
  private readonly actionTimeoutMs: number;

  constructor(options: {
    session: BrowserSession;
    service: Service;
    device: Device;
    redactor: Redactor;
    actionTimeoutMs: number;
  }) {
    this.session = options.session;
    this.service = options.service;
    this.device = options.device;
    this.redactor = options.redactor;
    this.actionTimeoutMs = options.actionTimeoutMs;
  }

  /**
   * Before the journey: the observer of exceptions the page catches itself runs at the start of every
   * document where the driver can (Playwright); elsewhere it starts at each examined state.
   */
  async start(): Promise<void> {
    await this.session.addInitScript?.(HANDLED_ERRORS_OBSERVER);
  }

  /**
   * Uncaught exceptions the page caught itself (and so the browser did not report) since the last
   * state, as page errors of `step`; starts the in-page observer on a new document. Errors the driver
   * already reported at this step (`seen`) are not repeated.
   */
  async handledPageErrors(step: string, seen: readonly PageError[]): Promise<PageError[]> {
    const r = await this.session.evaluate(handledErrorsProbe, { source: HANDLED_ERRORS_OBSERVER });
    if (!r.observing) this.handledObservable = false;
    const out: PageError[] = [];
    for (const raw of r.errors) {
      const message = this.redactor.text(raw).slice(0, 500);
      if ([...seen, ...out].some((p) => p.step === step && p.message === message)) continue;
      out.push({ message, step, handledByPage: true });
    }
    return out;
  }

  /**
   * Drops what the in-page observer of handled exceptions collected since the last read, unseen: the
   * exceptions another gatherer's probes provoked at this state (src/gather/shared-walk.ts).
   */
  async discardHandledErrors(): Promise<void> {
    await this.session.evaluate(handledErrorsProbe, { source: HANDLED_ERRORS_OBSERVER });
  }

  /** Reads the state a step reached without changing it: viewport meta, touch targets, cross-site frames. */
  async observe(step: JourneyStep, url: string): Promise<void> {
    const s = this.session;
    const meta = await s.evaluate(viewportMetaProbe, null);
    this.viewportMeta.push({ step: step.id, url, content: meta.content });
    if (deviceHasTouch(this.device)) {
      const t = await s.evaluate(touchTargetProbe, null);
      this.touchTargets.push({
        step: step.id,
        url,
        targets: t.targets,
        crowded: t.crowded.map((c) => ({ ...c, name: this.redactor.text(c.name) })),
      });
    }
    for (const f of await s.evaluate(crossSiteFramesProbe, null)) {
      this.crossSiteFrames.push({ step: step.id, url, frame: this.redactor.text(f.frame), visible: f.visible });
    }
  }

  /**
   * At the steps the service declares: plays the player and turns the reader's page. Not undone (the
   * journey goes on from the page they leave), so it comes after every other examination of the state.
   */
  async act(step: JourneyStep, url: string): Promise<void> {
    const compat = this.service.compatibility;
    if (compat?.media && compat.media.step === step.id) await this.playMedia(step.id, url, compat.media);
    if (compat?.reader && compat.reader.step === step.id) await this.turnPage(step.id, compat.reader);
  }

  private async playMedia(
    step: string,
    url: string,
    media: NonNullable<NonNullable<Service['compatibility']>['media']>,
  ): Promise<void> {
    const s = this.session;
    const before = await s.evaluate(mediaStateProbe, { play: false });
    let error: string | undefined;
    const started = performance.now();
    if (before.found) {
      if (media.play) {
        try {
          await s.click(media.play, this.actionTimeoutMs);
        } catch (e) {
          if (!(e instanceof ActionError)) throw e;
          error = e.message;
        }
      } else {
        await s.evaluate(mediaStateProbe, { play: true });
      }
      await new Promise((r) => setTimeout(r, media.listenMs));
    }
    const after = before.found ? await s.evaluate(mediaStateProbe, { play: false }) : before;
    this.media = {
      step,
      url,
      found: before.found,
      startedBy: media.play ? 'control' : 'script',
      ...(error ? { error: this.redactor.text(error) } : {}),
      positionBefore: before.position,
      positionAfter: after.position,
      listenedMs: before.found ? Math.round(performance.now() - started) : 0,
      paused: after.paused,
      mediaError: after.error,
      readyState: after.readyState,
      minAdvanceSeconds: media.minAdvanceSeconds,
    };
  }

  private async turnPage(
    step: string,
    reader: NonNullable<NonNullable<Service['compatibility']>['reader']>,
  ): Promise<void> {
    const s = this.session;
    const page = reader.page ?? MAIN;
    const clip = (t: string | null): string | null =>
      t === null ? null : this.redactor.clip(t.replace(/\s+/g, ' ').trim(), 200);
    const urlBefore = this.redactor.text(await s.url());
    const textBefore = clip(await s.textOf(page));
    let error: string | undefined;
    try {
      await s.click(reader.next, this.actionTimeoutMs);
      // Client-side readers update in place: give them a moment.
      await new Promise((r) => setTimeout(r, 300));
    } catch (e) {
      if (!(e instanceof ActionError)) throw e;
      error = e.message;
    }
    this.reader = {
      step,
      urlBefore,
      urlAfter: this.redactor.text(await s.url()),
      textBefore,
      textAfter: clip(await s.textOf(page)),
      ...(error ? { error: this.redactor.text(error) } : {}),
    };
  }

  /** Probes web features on the page the journey ended on. */
  async onEnd(): Promise<void> {
    const f = await this.session.evaluate(featureProbe, null);
    this.features = { ...f, required: [...(this.service.compatibility?.requires ?? [])] };
  }

  evidence(): Partial<CompatibilityEvidence> {
    const { features } = this.session;
    return {
      observed: {
        console: features.console,
        pageErrors: features.pageErrors,
        network: features.network,
        handledPageErrors: this.handledObservable,
      },
      device: { formFactor: this.device.formFactor, touch: deviceHasTouch(this.device) },
      viewportMeta: this.viewportMeta,
      ...(deviceHasTouch(this.device) ? { touchTargets: this.touchTargets } : {}),
      crossSiteFrames: this.crossSiteFrames,
      declared: {
        media: this.service.compatibility?.media?.step ?? null,
        reader: this.service.compatibility?.reader?.step ?? null,
        requires: [...(this.service.compatibility?.requires ?? [])],
      },
      ...(this.media ? { media: this.media } : {}),
      ...(this.reader ? { reader: this.reader } : {}),
      ...(this.features ? { features: this.features } : {}),
    };
  }
}
