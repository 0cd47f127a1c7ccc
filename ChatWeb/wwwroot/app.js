window.chatWeb = window.chatWeb || {};

window.chatWeb.setTheme = (cookieName, value) => {
    document.cookie = `${cookieName}=${value}; path=/; max-age=31536000; samesite=lax`;
};
