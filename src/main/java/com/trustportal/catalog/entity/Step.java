package com.trustportal.catalog.entity;

/**
 * One thing a learner does inside a module. Its id is stable across course versions because learner progress is
 * stored against it; the set of kinds is closed so that every page and report handles each kind explicitly.
 */
public sealed interface Step permits Lesson, KnowledgeCheck, RolePlay, Reflection, Practice {

    String id();

    String title();
}
