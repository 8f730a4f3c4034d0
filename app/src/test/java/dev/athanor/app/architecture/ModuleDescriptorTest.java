package dev.athanor.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application runs on the module path, where a package its module descriptor forgets to export fails only when
 * the installed app reaches it. The tests run on the class path, so this reads each module's descriptor from its
 * build output and checks it against the packages there.
 */
class ModuleDescriptorTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev.athanor.resources", "dev.athanor.model", "dev.athanor.query"})
    void aLibraryModuleExportsEveryPackageItHolds(String name) throws Exception {
        var descriptor = descriptor(name);
        var exported = descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(exported)
                .as("packages of %s missing from the exports of its module-info.java", name)
                .containsAll(new TreeSet<>(descriptor.packages()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.athanor.model", "dev.athanor.query", "dev.athanor.app"})
    void aModuleReadByJacksonOrJavaFxIsOpen(String name) throws Exception {
        assertThat(descriptor(name).isOpen())
                .as("%s must stay an open module: Jackson and JavaFX reach its classes reflectively", name)
                .isTrue();
    }

    /** The descriptor of the module {@code name}, with the packages found in its classes directory or jar. */
    private static ModuleDescriptor descriptor(String name) throws IOException, URISyntaxException {
        for (URL url : Collections.list(ClassLoader.getSystemClassLoader().getResources("module-info.class"))) {
            ModuleDescriptor read;
            try (var in = url.openStream()) {
                read = ModuleDescriptor.read(in);
            }
            if (read.name().equals(name)) {
                var found = ModuleFinder.of(location(url)).find(name);
                assertThat(found).as("module %s at %s", name, url).isPresent();
                return found.get().descriptor();
            }
        }
        throw new AssertionError("no module-info.class of " + name + " on the test class path");
    }

    private static Path location(URL url) throws URISyntaxException {
        if (url.getProtocol().equals("jar")) {
            String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
            return Path.of(new java.net.URI(file));
        }
        return Path.of(url.toURI()).getParent();
    }
}
