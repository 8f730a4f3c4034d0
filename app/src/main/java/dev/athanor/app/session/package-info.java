/**
 * Editing table rows through a {@link dev.athanor.model.session.Session} and watching it work: the editable grid
 * ({@link dev.athanor.app.session.TableEditView}) and the Session panel ({@link dev.athanor.app.session.SessionPanel}).
 *
 * <p>A session serves one thread at a time and its calls block, so every call runs on the session's own lane (one
 * worker thread, {@link dev.athanor.app.session.SessionModel}); the views show immutable snapshots taken there.
 */
package dev.athanor.app.session;
