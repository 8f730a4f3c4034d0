package dev.athanor.app.connect;

/** An entry of the toolbar's connection selector. */
public sealed interface ConnectionChoice {

    /** Text shown in the selector. */
    String label();

    /** The built-in sample database, started on this machine when needed. */
    record SampleDatabase() implements ConnectionChoice {
        @Override
        public String label() {
            return "Sample database";
        }
    }

    /** A saved connection profile, by its unique name. */
    record Saved(String profileName) implements ConnectionChoice {
        @Override
        public String label() {
            return profileName;
        }
    }
}
