// Idle sign-out for shared computers (Authentication:IdleTimeout). "Idle" means nobody used the
// app: no key, click, touch, scroll or pointer movement in any of its tabs, not merely a tab left
// open. Use renews the sign-in cookie (a Blazor page makes no HTTP requests of its own); when the
// time runs out, the page posts the app bar's own log-out form. The server's cookie lapses on its
// own after the same time, for a browser that was simply closed.
(() => {
    const storageKey = 'chatweb-last-activity';
    let lastPing = 0;

    const timeoutMs = () => {
        const marker = document.getElementById('idle-signout');
        return marker ? Number(marker.dataset.idleSeconds) * 1000 : 0;
    };
    const lastActivity = () => Number(localStorage.getItem(storageKey) || Date.now());

    const onActivity = () => {
        const timeout = timeoutMs();
        if (!timeout) {
            return;
        }
        const now = Date.now();
        localStorage.setItem(storageKey, String(now));
        if (now - lastPing > Math.min(timeout / 4, 60000)) {
            lastPing = now;
            fetch('Account/KeepAlive', { method: 'POST', credentials: 'same-origin' }).catch(() => { });
        }
    };

    for (const name of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll']) {
        document.addEventListener(name, onActivity, { passive: true, capture: true });
    }
    localStorage.setItem(storageKey, String(Date.now()));

    setInterval(() => {
        const timeout = timeoutMs();
        const form = document.querySelector('form.logout-form');
        if (!timeout || !form || Date.now() - lastActivity() < timeout) {
            return;
        }
        const returnUrl = form.querySelector('input[name=ReturnUrl]');
        if (returnUrl) {
            returnUrl.value = 'Account/SignedOut?reason=idle';
        }
        form.submit();
    }, 5000);
})();
