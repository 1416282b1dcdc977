/** The names Auth.js gives the session cookie: plain over HTTP, `__Secure-` prefixed over HTTPS. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
