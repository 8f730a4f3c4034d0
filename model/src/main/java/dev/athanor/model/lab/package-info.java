/**
 * The strategy lab: one browse scenario (parents, relationship paths) run under each loader strategy in a fresh
 * {@link dev.athanor.model.session.Session} that is rolled back, with what each strategy cost and a recommendation
 * with its reason. Above {@code session} and {@code relationship}; the lab window and {@code athanor lab} use it.
 */
package dev.athanor.model.lab;
