package dev.athanor.app.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks the user for the values of a statement's {@code :name} parameters (on the UI thread). */
@FunctionalInterface
public interface ParameterPrompt {
    /**
     * @param names each parameter once, in order of appearance
     * @param remembered what to start each name from (may lack some names): the type and text given earlier in
     *     this session, else the type the server inferred for it with no text
     * @return a value for every name, or empty when the user cancelled
     */
    Optional<Map<String, ParameterValue>> ask(List<String> names, Map<String, ParameterValue> remembered);
}
