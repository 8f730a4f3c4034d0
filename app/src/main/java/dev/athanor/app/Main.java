package dev.athanor.app;

/**
 * Entry point of the launcher jar. Kept free of JavaFX types so that the JVM can start it from the class
 * path, and so that command-line subcommands never load the toolkit.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("Athanor");
    }
}
