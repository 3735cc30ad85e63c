package org.safereg.api.web;

import java.io.IOException;

/** Thrown by the request body stream once more than the configured limit has been read; answered 413. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException() {
        super("request body exceeds the configured limit");
    }
}
