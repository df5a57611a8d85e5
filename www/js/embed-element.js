// The <plan-compare> element and the listener that fits plan-compare iframes, imported by ../embed.js
// (the script tag a host includes) once it has started the downloads they need.
// <plan-compare view="diff" plans="beijing-2018,shanghai-2018" lang="en" limit="3"> renders inside a
// shadow DOM with its own stylesheet, so the host page's CSS cannot reach it (only the
// --plan-compare-* custom properties do, on purpose); attributes are validated like URL parameters.
// It opens on a summary sized for an article column. Iframes (<iframe data-plan-compare
// src=".../embed.html?…">) are fitted to the height they report. Imported twice, or from two URLs,
// it sets up one element and one listener; every element on a page shares one module and one data load.
import * as api from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { validate, toHash } from './state.js';
import { renderView, merge, prepareView } from './render.js';
import { embedOptions, DATA_ATTRIBUTES } from './embedding.js';

const ATTRIBUTES = ['view', ...DATA_ATTRIBUTES, 'limit', 'height', 'loading'];
const stylesheet = new URL('../style.css', import.meta.url).href;
const page = new URL('../index.html', import.meta.url).href;
const origin = new URL(import.meta.url).origin;
const HEIGHT_MESSAGE = 'plan-compare:height';

class PlanCompareElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #root;
  #status;
  #state = null;
  #ready = false;
  #expanded = false;
  #started = false;
  #styled;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    this.#status = h('p', { class: 'loading', role: 'status', 'aria-live': 'polite' }, 'Loading… 正在加载…');
    this.#root = h('div', { class: 'pc-root' });
    const link = h('link', { rel: 'stylesheet', href: stylesheet });
    // The view waits for its stylesheet: drawn before it applies, a summary is more than twice as
    // tall for a moment and moves the article below it. One that fails to load delays nothing.
    this.#styled = new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
    shadow.append(link, this.#status, this.#root);
  }

  connectedCallback() {
    this.#reserve();
    if (this.#started) return;
    // loading="lazy": start when the element comes near the viewport, as a lazy iframe would.
    if (this.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window) {
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          this.#start();
        }
      }, { rootMargin: '400px' });
      io.observe(this);
    } else this.#start();
  }

  #start() {
    this.#started = true;
    prepareView(this.getAttribute('view') ?? 'explore', true).catch(() => {}); // beside the data
    Promise.all([api.ready(), this.#styled]).then(
      () => {
        this.#ready = true;
        this.#status.hidden = true;
        this.#fromAttributes();
      },
      (e) => {
        this.#status.textContent = `plan-compare: ${api.describeError(e)}`;
        this.#status.classList.add('error');
      },
    );
  }

  /** Height kept free while the data loads (the `height` attribute, else a summary's usual size). */
  #reserve() {
    const { height } = embedOptions((a) => this.getAttribute(a));
    this.style.setProperty('--pc-reserve', `${height ?? 420}px`);
  }

  attributeChangedCallback() {
    this.#reserve();
    if (this.#ready) this.#fromAttributes();
  }

  async #fromAttributes() {
    const get = (a) => this.getAttribute(a);
    const opts = embedOptions(get);
    const raw = Object.fromEntries(DATA_ATTRIBUTES.filter((a) => this.hasAttribute(a)).map((a) => [a, get(a)]));
    if (opts.scheme) delete raw.theme; // theme="dark" / "light" names a colour scheme, not a data theme
    const { state, rejected } = validate(get('view') ?? 'explore', raw);
    this.#state = state;
    this.#opts = opts;
    await this.#render();
    if (rejected.length) this.#root.prepend(h('p', { class: 'notice error', role: 'alert' }, t('badState'), rejected.join(', ')));
    this.dataset.ready = 'true';
  }

  #opts = {};

  #set = (patch) => {
    this.#state = merge(this.#state, patch);
    this.#render();
  };

  async #render() {
    const root = this.#root;
    if (this.#opts.scheme) root.dataset.scheme = this.#opts.scheme;
    else delete root.dataset.scheme;
    root.lang = this.#state.lang === 'en' ? 'en' : 'zh-CN';
    await renderView(root, this.#state, this.#set, {
      limit: this.#opts.limit,
      height: this.#opts.height,
      expanded: this.#expanded,
      fullHref: page + toHash(this.#state),
      toggle: () => {
        this.#expanded = !this.#expanded;
        this.#render();
        root.querySelector('.show-all')?.focus();
      },
    });
    // Title and description for screen readers: the element is a landmark named after what it shows.
    this.setAttribute('role', 'region');
    const title = root.querySelector('.summary-title, h2')?.textContent;
    this.setAttribute('aria-label', `plan-compare: ${title ?? t(this.#state.view)}`);
  }
}

if (!customElements.get('plan-compare')) customElements.define('plan-compare', PlanCompareElement);

// Iframes: fit each plan-compare frame to the height it reports. One listener however often this
// script is included; messages count only from a frame of this page, from plan-compare's origin.
const LISTENING = Symbol.for('plan-compare.frame-listener');
if (!window[LISTENING]) {
  window[LISTENING] = true;
  const frames = () => document.querySelectorAll('iframe[data-plan-compare], iframe.plan-compare');
  addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== origin || data?.type !== HEIGHT_MESSAGE || !Number.isFinite(data.height)) return;
    for (const frame of frames()) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.max(80, Math.min(20000, Math.ceil(data.height)))}px`;
    }
  });
  // Tell each frame who we are, so it answers this origin only (and re-measures now).
  const hello = (frame) => {
    try {
      if (new URL(frame.src, location.href).origin === origin) frame.contentWindow?.postMessage({ type: 'plan-compare:hello' }, origin);
    } catch {
      // A frame without a readable src is none of ours.
    }
  };
  const watch = (frame) => {
    if (frame.dataset.pcWatched) return;
    frame.dataset.pcWatched = 'true';
    frame.addEventListener('load', () => hello(frame));
    hello(frame);
  };
  const scan = () => frames().forEach(watch);
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
}
