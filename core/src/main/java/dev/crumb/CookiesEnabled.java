package dev.crumb;

/** Whether the visitor's browser keeps Crumb's cookie, as far as the server can tell. */
public enum CookiesEnabled {
    /** The request carried a valid Crumb cookie: the browser keeps cookies. */
    YES,
    /** A probe showed that the browser does not send the cookie back. */
    NO,
    /** No cookie yet, and no probe made: a first request looks exactly like a blocked one. */
    UNKNOWN
}
