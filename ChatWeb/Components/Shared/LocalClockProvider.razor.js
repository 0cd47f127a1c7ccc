// The browser's own zone. The IANA id is preferred (it knows about daylight saving); the current
// offset is the fallback for a server without that zone in its database.
export function timeZone() {
    return {
        id: Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
        offsetMinutes: -new Date().getTimezoneOffset(),
    };
}
