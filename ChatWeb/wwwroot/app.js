window.chatWeb = window.chatWeb || {};

// Enter sends a message and Shift+Enter adds a line; the composer decides to send
// (Composer.HandleKeyDownAsync). Blazor cannot call preventDefault for some keys only, so the
// newline is suppressed here, for every composer, from the moment the page loads: a listener
// attached by each composer after its first render left a moment in which Enter sent the message
// and the browser then typed its newline into the emptied composer.
document.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.target instanceof Element && e.target.matches('[data-enter-sends]')) {
        e.preventDefault();
    }
}, true);

// While the composer's member picker is open, the arrows, Tab and Escape drive the picker
// (Composer.HandleMentionKey), so the caret and the focus stay where they are.
document.addEventListener('keydown', e => {
    if (['ArrowUp', 'ArrowDown', 'Tab', 'Escape'].includes(e.key) && !e.shiftKey && e.target instanceof Element && e.target.matches('[data-mention-open]')) {
        e.preventDefault();
    }
}, true);

window.chatWeb.setTheme = (cookieName, value) => {
    document.cookie = `${cookieName}=${value}; path=/; max-age=31536000; samesite=lax`;
};
