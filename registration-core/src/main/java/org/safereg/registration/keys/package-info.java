/**
 * Storage side of the key hierarchy: the JDBC {@link org.safereg.keys.WrappedKeyRepository} and the key
 * management service (KEK rotation, re-wrap, retirement, status).
 */
package org.safereg.registration.keys;
