// Browser-side helpers of the open conversation, loaded as a module by ConversationInterop.
// Scrolling is handled here rather than round-tripping every scroll event to the server: only
// state changes (at bottom or not, near an edge that can load more) are reported to .NET.

const bottomSlackPx = 48;
const edgePx = 300;

/** Only with a mouse: on a touch screen focusing would throw the keyboard over the messages. */
export function focusComposer(textarea) {
    if (matchMedia('(pointer: fine)').matches) {
        textarea.focus();
    }
}

/** Editing was asked for (a click or the up arrow), so the caret goes there on every kind of screen. */
export function focusEditor(textarea) {
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
}

export function attachScroller(scroller, dotnet) {
    return new ScrollKeeper(scroller, dotnet);
}

class ScrollKeeper {
    constructor(scroller, dotnet) {
        this.el = scroller;
        this.dotnet = dotnet;
        this.atBottom = true;
        this.hasOlder = false;
        this.hasNewer = false;
        this.waitingForMore = false;
        this.answered = null;
        this.anchor = null;

        this.onScroll = () => this.report();
        this.onVisibility = () => this.call('OnVisibilityChanged', document.visibilityState === 'visible');
        // Runs after Blazor applied a render batch and before the browser paints: no visible jump.
        this.mutations = new MutationObserver(() => this.keepPosition());
        this.resizes = new ResizeObserver(() => this.keepPosition());

        scroller.addEventListener('scroll', this.onScroll, { passive: true });
        document.addEventListener('visibilitychange', this.onVisibility);
        this.mutations.observe(scroller, {
            childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-load-version'],
        });
        this.resizes.observe(scroller);

        this.showFirstUnreadOrBottom();
        this.onVisibility();
        this.report();
    }

    /**
     * Tells the keeper whether more history can be loaded. With answeredVersion, also that the
     * request it made was answered by the render stamped with that data-load-version: the held
     * position is let go, and the next request allowed, only once that render is in the page
     * (interop calls can overtake render batches).
     */
    setEdges(hasOlder, hasNewer, answeredVersion) {
        this.hasOlder = hasOlder;
        this.hasNewer = hasNewer;
        if (answeredVersion != null) {
            this.answered = answeredVersion;
        }
        this.settle();
    }

    settle() {
        if (this.answered != null) {
            if (Number(this.el.dataset.loadVersion ?? 0) < this.answered) {
                return;
            }
            // The call may run straight after the render batch, before the mutation observer has
            // had its turn: put the held row back in place now, then let go.
            this.restoreAnchor();
            this.answered = null;
            this.anchor = null;
            this.waitingForMore = false;
        }
        requestAnimationFrame(() => this.report());
    }

    /** Keeps the first visible message where it is while rows are added or removed above it. */
    holdPosition() {
        const top = this.el.getBoundingClientRect().top;
        const rows = [...this.el.querySelectorAll('[data-key]')];
        const row = rows.find(r => r.getBoundingClientRect().bottom > top) ?? rows[0];
        this.anchor = row ? { key: row.dataset.key, offset: row.getBoundingClientRect().top - top } : null;
    }

    scrollToBottom() {
        this.anchor = null;
        this.el.scrollTop = this.el.scrollHeight;
        this.report();
    }

    /** Brings a message into view (a quote was clicked), highlighted as a search hit is. */
    revealMessage(seq) {
        if (this.highlight(String(seq))) {
            this.report();
        }
    }

    showFirstUnreadOrBottom() {
        // Opened at a message (a search hit): it is shown first.
        if (this.highlight(this.el.dataset.openAtSeq)) {
            return;
        }
        const divider = this.el.querySelector('[data-testid="new-messages-divider"]');
        if (divider) {
            this.el.scrollTop += divider.getBoundingClientRect().top - this.el.getBoundingClientRect().top - 16;
        } else {
            this.el.scrollTop = this.el.scrollHeight;
        }
    }

    /**
     * The one way the eye is led to a message (a search hit opened, a quote clicked): centred in the
     * list, and flashed (app.css). The flash is an attribute of its own, not a class: a render of the
     * row replaces its class, not this. It stays until another message is highlighted, and is taken
     * off and put back (with a reflow between) so the same message flashes again when revealed twice.
     */
    highlight(seq) {
        const row = seq && this.el.querySelector(`[data-testid="message"][data-seq="${CSS.escape(seq)}"]`);
        if (!row) {
            return false;
        }
        this.anchor = null;
        this.el.scrollTop += row.getBoundingClientRect().top - this.el.getBoundingClientRect().top
            - (this.el.clientHeight - row.getBoundingClientRect().height) / 2;
        for (const shown of this.el.querySelectorAll('[data-highlighted]')) {
            delete shown.dataset.highlighted;
        }
        void row.offsetWidth;
        row.dataset.highlighted = 'true';
        return true;
    }

    keepPosition() {
        if (this.anchor) {
            this.restoreAnchor();
        } else if (this.atBottom) {
            this.el.scrollTop = this.el.scrollHeight;
        }
        if (this.answered != null) {
            this.settle();
        }
    }

    restoreAnchor() {
        const row = this.anchor && this.el.querySelector(`[data-key="${CSS.escape(this.anchor.key)}"]`);
        if (row) {
            const now = row.getBoundingClientRect().top - this.el.getBoundingClientRect().top;
            this.el.scrollTop += now - this.anchor.offset;
        }
    }

    report() {
        const el = this.el;
        const fromBottom = el.scrollHeight - el.scrollTop - el.clientHeight;
        const atBottom = fromBottom <= bottomSlackPx;
        if (atBottom !== this.atBottom) {
            this.atBottom = atBottom;
            this.call('OnAtBottomChanged', atBottom);
        }
        if (this.waitingForMore) {
            return;
        }
        if (this.hasOlder && el.scrollTop < edgePx) {
            this.waitingForMore = true;
            this.call('OnNearTop');
        } else if (this.hasNewer && fromBottom < edgePx) {
            this.waitingForMore = true;
            this.call('OnNearBottom');
        }
    }

    call(method, ...args) {
        // The circuit may be gone (tab closing, navigation): nothing useful to do then.
        this.dotnet.invokeMethodAsync(method, ...args).catch(() => { });
    }

    dispose() {
        this.el.removeEventListener('scroll', this.onScroll);
        document.removeEventListener('visibilitychange', this.onVisibility);
        this.mutations.disconnect();
        this.resizes.disconnect();
    }
}
