// The tab's share of getting attention: the favicon's dot, desktop notifications, and which of a
// person's open tabs shows them. One tab per browser notifies: the holder of a Web Lock, which the
// browser hands to another tab the moment the holder closes or crashes. The tabs tell each other
// (BroadcastChannel) whether they are visible and which conversation they show, so no tab notifies
// about a conversation someone is looking at in another one.
const tabId = (crypto.randomUUID && crypto.randomUUID()) || String(Math.random()).slice(2);
const others = new Map();
let channel = null;
let started = false;
let leader = false;
let openThreadId = null;
let plainIcon = null;
let audio = null;

export function start() {
    if (!started) {
        started = true;
        if (navigator.locks) {
            navigator.locks.request('chatweb-notifications', () => {
                leader = true;
                return new Promise(() => { }); // held for the tab's life
            });
        } else {
            leader = true;
        }
        if ('BroadcastChannel' in window) {
            channel = new BroadcastChannel('chatweb-attention');
            channel.onmessage = e => {
                const m = e.data || {};
                if (m.bye) {
                    others.delete(m.tabId);
                } else if (m.hello) {
                    announce();
                } else if (m.tabId) {
                    others.set(m.tabId, m);
                }
            };
            channel.postMessage({ hello: true });
        }
        document.addEventListener('visibilitychange', announce);
        window.addEventListener('pagehide', () => channel && channel.postMessage({ tabId, bye: true }));
        announce();
    }
    return permission();
}

export function permission() {
    return 'Notification' in window ? Notification.permission : 'unsupported';
}

export function setOpenThread(threadId) {
    openThreadId = threadId || null;
    announce();
}

// Asked for only from the person's click on "Turn on notifications", never on load.
export function bindPermissionButton(button, callbacks) {
    button.addEventListener('click', async () => {
        const result = 'Notification' in window ? await Notification.requestPermission() : 'unsupported';
        await callbacks.invokeMethodAsync('PermissionChanged', result);
    });
}

export function notify(note) {
    if (!leader || permission() !== 'granted' || isSeen(note.threadId)) {
        return false;
    }
    // One per conversation (its tag): a newer one replaces the older, and alerts again.
    const shown = new Notification(note.title, { body: note.body, tag: note.threadId, renotify: true, silent: true });
    shown.onclick = () => {
        window.focus();
        if (window.Blazor && window.Blazor.navigateTo) {
            window.Blazor.navigateTo(note.url);
        } else {
            location.href = note.url;
        }
        shown.close();
    };
    if (note.sound) {
        chime();
    }
    return true;
}

export async function setUnreadDot(on) {
    const link = document.querySelector('link[rel~="icon"]');
    if (!link) {
        return;
    }
    plainIcon = plainIcon || link.href;
    link.dataset.unread = on ? 'true' : 'false';
    if (!on) {
        link.href = plainIcon;
        return;
    }
    const image = new Image();
    image.src = plainIcon;
    try {
        await image.decode();
    } catch {
        return;
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 32;
    const g = canvas.getContext('2d');
    g.drawImage(image, 0, 0, 32, 32);
    g.beginPath();
    g.arc(24, 8, 7, 0, 2 * Math.PI);
    g.fillStyle = '#d32f2f';
    g.fill();
    g.lineWidth = 2;
    g.strokeStyle = '#ffffff';
    g.stroke();
    if (link.dataset.unread === 'true') {
        link.href = canvas.toDataURL('image/png');
    }
}

function announce() {
    if (channel) {
        channel.postMessage({ tabId, visible: document.visibilityState === 'visible', openThreadId });
    }
}

function isSeen(threadId) {
    if (document.visibilityState === 'visible' && openThreadId === threadId) {
        return true;
    }
    for (const tab of others.values()) {
        if (tab.visible && tab.openThreadId === threadId) {
            return true;
        }
    }
    return false;
}

// A short two-note chime, made on the spot: no sound file to serve or cache.
function chime() {
    try {
        audio = audio || new AudioContext();
        const now = audio.currentTime;
        [880, 1320].forEach((frequency, i) => {
            const tone = audio.createOscillator();
            const gain = audio.createGain();
            tone.frequency.value = frequency;
            gain.gain.setValueAtTime(0.15, now + i * 0.12);
            gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.12 + 0.25);
            tone.connect(gain).connect(audio.destination);
            tone.start(now + i * 0.12);
            tone.stop(now + i * 0.12 + 0.25);
        });
    } catch {
        // Sound is a nicety; a browser that refuses it still shows the notification.
    }
}
