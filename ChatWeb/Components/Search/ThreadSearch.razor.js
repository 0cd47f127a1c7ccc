// Ctrl+K (⌘K) anywhere, or "/" outside a text field, puts the cursor in the message search field.
export function attachShortcuts(input) {
    const onKey = event => {
        const inText = event.target instanceof HTMLElement
            && (event.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName));
        const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
        if (shortcut || (event.key === '/' && !inText && !event.ctrlKey && !event.metaKey && !event.altKey)) {
            event.preventDefault();
            input.focus();
            input.select();
        }
    };
    document.addEventListener('keydown', onKey);
    // Says the shortcuts are live (the module loads after the first render).
    input.dataset.shortcuts = 'on';
    return { dispose: () => document.removeEventListener('keydown', onKey) };
}

export function focus(input) {
    input.focus();
}

/** Esc: the field empties and lets go, so the keys work on the page again. */
export function clear(input) {
    input.value = '';
    input.blur();
}

/** Keeps the row chosen with the arrow keys in view. */
export function reveal(id) {
    document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
}
