package org.safereg.registration.model;

/** Relationship of a household member to the head of household. */
public enum Relationship {
    HEAD,
    SPOUSE,
    CHILD,
    PARENT,
    SIBLING,
    GRANDCHILD,
    GRANDPARENT,
    OTHER_RELATIVE,
    NON_RELATIVE
}
