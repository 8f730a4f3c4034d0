package dev.athanor.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a stream that reports failures: {@link PrintStream} swallows them, but a reader that went
 * away ({@code athanor run ... | head}) must stop the query instead of letting it run to the end for nobody.
 */
final class StandardOutput extends OutputStream {
    private final PrintStream out;

    StandardOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        check();
    }

    @Override
    public void flush() throws IOException {
        check();
    }

    private void check() throws IOException {
        if (out.checkError()) {
            throw new ClosedOutput();
        }
    }

    /** Standard output can no longer be written. */
    static final class ClosedOutput extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedOutput() {
            super("standard output was closed");
        }
    }
}
