// <plan-compare view="diff" plans="beijing-2018,shanghai-2018" theme="pledge-financing" lang="en">:
// one script tag embeds a view in any page. It renders inside a shadow DOM with its own stylesheet,
// so the host page's CSS cannot reach it; attributes are validated like URL parameters.
import * as api from './js/api.js';
import { h } from './js/dom.js';
import { t } from './js/i18n.js';
import { validate, toHash } from './js/state.js';
import { renderView, merge } from './js/render.js';

const ATTRIBUTES = ['view', 'plans', 'theme', 'lang', 'q', 'region', 'level', 'year', 'focus', 'agency', 'sort', 'at', 'color', 'item'];
const stylesheet = new URL('./style.css', import.meta.url).href;
const page = new URL('./index.html', import.meta.url).href;

class PlanCompareElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #root;
  #status;
  #state = null;
  #ready = false;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    this.#status = h('p', { class: 'loading', role: 'status', 'aria-live': 'polite' }, 'Loading… 正在加载…');
    this.#root = h('div', { class: 'pc-root' });
    shadow.append(h('link', { rel: 'stylesheet', href: stylesheet }), this.#status, this.#root);
  }

  connectedCallback() {
    api.ready().then(
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

  attributeChangedCallback() {
    if (this.#ready) this.#fromAttributes();
  }

  #fromAttributes() {
    const raw = Object.fromEntries(ATTRIBUTES.filter((a) => a !== 'view' && this.hasAttribute(a)).map((a) => [a, this.getAttribute(a)]));
    const { state, rejected } = validate(this.getAttribute('view') ?? 'explore', raw);
    this.#state = state;
    this.#render();
    if (rejected.length) this.#root.prepend(h('p', { class: 'notice error', role: 'alert' }, t('badState'), rejected.join(', ')));
    this.dataset.ready = 'true';
  }

  #set = (patch) => {
    this.#state = merge(this.#state, patch);
    this.#render();
  };

  #render() {
    renderView(this.#root, this.#state, this.#set);
    this.#root.append(h('p', { class: 'embed-link' }, h('a', { href: page + toHash(this.#state), target: '_blank', rel: 'noopener' }, t('openFull'))));
  }
}

if (!customElements.get('plan-compare')) customElements.define('plan-compare', PlanCompareElement);
